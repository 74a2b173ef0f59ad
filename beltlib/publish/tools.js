/* Belt Report: the interactive page's tools beside "Download my answers" (tools.js, issue 18).
 *
 * Inlined before page.js (window.BeltTools); DOM only, every word and decision from the engine:
 * - "Compare with earlier answers…" (hook belt-since-file): an answers file downloaded earlier is read in
 *   this browser (E.readAnswersFile: schema 1, every problem named in the page language; nothing leaves
 *   the browser), dated by its lastModified (assumption SINCE_DATE, as the command line's modification
 *   time), and compared with the answers as they change (E.compare: the section "since" of the report and
 *   the method's two assumptions). belt-since-status says which answers are compared (their date). A file
 *   that cannot be read or compared changes nothing and is cleared from the file box, its reason in the
 *   page's words (E.compare's error pageText: no command-line option). The answers compared and their time
 *   are kept in localStorage (one key per page file, beside keep.js's) and restored on reload, until
 *   "Remove the comparison" (belt-since-remove) or "Forget my answers" (forget()).
 *   A page published with a comparison (publish --since OLD: data.since, the earlier answers and their file's
 *   time) starts with it, as if the reader had chosen that file; "Remove the comparison" takes it away (kept as
 *   {removed: true}, so a reload does not bring it back) and "Forget my answers" brings it back, as published.
 * - "Add my plan to my calendar" (hook belt-download-plan): E.planIcs for the answers the result uses,
 *   from today, in the page language, saved as belt-plan.ics from a blob (no request).
 * Catalogue keys are double-quoted literals (page_text_keys reads them).
 */
(function (root) {
  "use strict";

  /* Save text as a file from a blob: no request, no name but the one given. */
  function save(doc, text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var link = doc.createElement("a");
    link.setAttribute("href", url);
    link.setAttribute("download", name);
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);  /* some browsers still read it after click() */
  }

  /**
   * Wire the tools to a started page.
   * @param {object} ctx {doc, data, state, E, update}: update() redraws the report (and calls since()); data.since:
   *   the comparison the page was published with ({answers, time (ms)}), or null.
   * @returns {object} {since(a)}: the comparison to draw for the assessment now, or null (an error shown instead);
   *   {forget()}: the kept copy taken away, the comparison back to the published one (if any; the caller redraws)
   */
  function start(ctx) {
    var doc = ctx.doc, state = ctx.state, E = ctx.E;
    var box = doc.querySelector(".belt-since-control");
    var input = doc.querySelector(".belt-since-file");
    var remove = doc.querySelector(".belt-since-remove");
    var message = doc.querySelector(".belt-since-error");
    var status = doc.querySelector(".belt-since-status");
    var planButton = doc.querySelector(".belt-download-plan");
    var KEY = "belt-report-since:" + (root.location ? root.location.pathname : "");
    var picked = null;  /* the text of the last file picked that was not read, or {error} of one not compared */
    var live = null;    /* the error of the comparison as the answers changed (two people's answers) */
    var shipped = ctx.data && ctx.data.since;
    var got0 = shipped && typeof shipped.time === "number" ? E.readAnswersFile(JSON.stringify(shipped.answers), state.lang) : null;
    /* The comparison the page was published with (publish --since), read as a chosen file is; or null. */
    var published = got0 && got0.answers ? {answers: got0.answers, time: new Date(shipped.time)} : null;

    function storage() {
      try { return root.localStorage || null; } catch (e) { return null; }  /* storage off: nothing kept */
    }
    /* Keep the answers compared and their time (ms) in this browser, or forget them (earlier null: the published
       comparison, if any, is kept as removed); `all`: nothing kept at all (the published comparison comes back). */
    function keep(earlier, all) {
      var store = storage();
      if (!store) return;
      try {
        if (earlier) store.setItem(KEY, JSON.stringify({answers: earlier.answers, time: earlier.time.getTime()}));
        else if (published && !all) store.setItem(KEY, JSON.stringify({removed: true}));
        else store.removeItem(KEY);
      } catch (e) { /* full or refused: the comparison lasts until the page closes */ }
    }
    /* The kept comparison, read again as a file is (a kept set no longer valid is dropped); else the published one. */
    function restore() {
      var store = storage(), kept = null;
      state.earlier = published;
      if (!store) return;
      try { kept = JSON.parse(store.getItem(KEY) || "null"); } catch (e) { kept = null; }
      if (kept && kept.removed === true) { state.earlier = null; return; }
      var got = kept && typeof kept.time === "number" ? E.readAnswersFile(JSON.stringify(kept.answers), state.lang) : null;
      if (got && got.answers) state.earlier = {answers: got.answers, time: new Date(kept.time)};
      else if (kept) keep(null, true);
    }

    function show() {
      var text = "";
      if (picked && picked.error) text = picked.error.pageText(state.lang);
      else if (picked) {  /* worded once per language: a large file picked by mistake is not parsed on every redraw */
        picked.said = picked.said || {};
        if (!(state.lang in picked.said)) {
          picked.said[state.lang] = E.unreadText(E.readAnswersFile(picked.text, state.lang).problems, state.lang);
        }
        text = picked.said[state.lang];
      }
      else if (live) text = live.pageText(state.lang);
      if (message && message.textContent !== text) message.textContent = text;
      if (remove) remove.hidden = !state.earlier;
      if (status) {
        var t0 = state.earlier && state.earlier.time, day = t0 && {year: t0.getFullYear(), month: t0.getMonth() + 1, day: t0.getDate()};
        var now = new Date(), said = day ? E.t("page.since.comparing", state.lang,
          {date: E.sinceDateText(day, state.lang, {year: now.getFullYear()})}) : "";
        if (status.textContent !== said) status.textContent = said;
        status.hidden = !said;
      }
    }

    /* The comparison of the earlier answers (if any) with the assessment now, or null; a SinceError is shown. */
    function since(a) {
      var out = null;
      live = null;
      if (state.earlier) {
        try {
          out = E.compare(E.assess(state.earlier.answers), a, state.earlier.time, new Date());
        } catch (e) {
          if (!e.key) throw e;
          live = e;
        }
      }
      show();
      return out;
    }

    /* A file not read or not compared: its reason shown, the file box emptied (the comparison, if any, stays). */
    function refuse(what) {
      picked = what;
      if (input) input.value = "";
      show();
    }

    function read(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var text = String(reader.result), got = E.readAnswersFile(text, state.lang);
        if (got.problems) { refuse({text: text}); return; }  /* nothing changed */
        var time = new Date(file.lastModified);
        try {
          E.compare(E.assess(got.answers), E.assess(state.answers), time, new Date());
        } catch (e) {
          if (!e.key) throw e;
          refuse({error: e}); return;  /* not compared: the earlier comparison (if any) stays */
        }
        picked = null;
        state.earlier = {answers: got.answers, time: time};
        keep(state.earlier);
        ctx.update();
      };
      reader.onerror = function () { refuse({text: ""}); };  /* not read: "not valid JSON" */
      reader.readAsText(file);
    }

    /* "Remove the comparison" (earlier null), "Forget my answers" (keep.js: the published comparison, if any). */
    function end(earlier) {
      state.earlier = earlier;
      picked = null;
      keep(null, earlier !== null);
      if (input) input.value = "";
    }
    function forget() { end(published); }

    if (box && input) {
      box.hidden = false;  /* only with the script: without it there is nothing to compare */
      input.addEventListener("change", function () {
        if (input.files && input.files[0]) read(input.files[0]);
      });
      restore();
    }
    if (remove) {
      remove.addEventListener("click", function () {
        end(null);
        if (input) input.focus();
        ctx.update(E.t("page.since.removed", state.lang));
      });
    }
    if (planButton) {
      planButton.addEventListener("click", function () {
        save(doc, E.planIcs(E.assess(state.answers), state.lang, E.planToday()), "text/calendar", "belt-plan.ics");
      });
      planButton.hidden = false;
    }
    return {since: since, forget: forget};
  }

  root.BeltTools = {start: start, save: save};
})(typeof window !== "undefined" ? window : globalThis);
