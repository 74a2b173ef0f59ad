/* Belt Report: the interactive page's tools beside "Download my answers" (tools.js, issue 18).
 *
 * Inlined before page.js (window.BeltTools); DOM only, every word and decision from the engine:
 * - "Compare with earlier answers…" (hook belt-since-file): an answers file downloaded earlier is read in
 *   this browser (E.readAnswersFile: schema 1, every problem named in the page language; nothing leaves
 *   the browser), dated by its lastModified (assumption SINCE_DATE, as the command line's modification
 *   time), and compared with the answers as they change (E.compare: the section "since" of the report and
 *   the method's two assumptions). A file that cannot be read or compared changes nothing; "Remove the
 *   comparison" (belt-since-remove) takes it away.
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
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  /**
   * Wire the tools to a started page.
   * @param {object} ctx {doc, state, E, update}: update() redraws the report (and calls since()).
   * @returns {object} {since(a, lang)}: the comparison to draw for the assessment now, or null (an error shown instead)
   */
  function start(ctx) {
    var doc = ctx.doc, state = ctx.state, E = ctx.E;
    var box = doc.querySelector(".belt-since-control");
    var input = doc.querySelector(".belt-since-file");
    var remove = doc.querySelector(".belt-since-remove");
    var message = doc.querySelector(".belt-since-error");
    var planButton = doc.querySelector(".belt-download-plan");
    var picked = null;  /* the text of the last file picked that was not read, or {error} of one not compared */
    var live = null;    /* the error of the comparison as the answers changed (two people's answers) */

    function show() {
      var text = "";
      if (picked && picked.error) text = picked.error.text(state.lang);
      else if (picked) text = E.unreadText(E.readAnswersFile(picked.text, state.lang).problems, state.lang);
      else if (live) text = live.text(state.lang);
      if (message && message.textContent !== text) message.textContent = text;
      if (remove) remove.hidden = !state.earlier;
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

    function read(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var text = String(reader.result), got = E.readAnswersFile(text, state.lang);
        if (got.problems) { picked = {text: text}; show(); return; }  /* nothing changed */
        var time = new Date(file.lastModified);
        try {
          E.compare(E.assess(got.answers), E.assess(state.answers), time, new Date());
        } catch (e) {
          if (!e.key) throw e;
          picked = {error: e}; show(); return;  /* not compared: the earlier comparison (if any) stays */
        }
        picked = null;
        state.earlier = {answers: got.answers, time: time};
        ctx.update();
      };
      reader.onerror = function () { picked = {text: ""}; show(); };  /* not read: "not valid JSON" */
      reader.readAsText(file);
    }

    if (box && input) {
      box.hidden = false;  /* only with the script: without it there is nothing to compare */
      input.addEventListener("change", function () {
        if (input.files && input.files[0]) read(input.files[0]);
      });
    }
    if (remove) {
      remove.addEventListener("click", function () {
        state.earlier = null;
        picked = null;
        if (input) { input.value = ""; input.focus(); }
        ctx.update(E.t("page.since.removed", state.lang));
      });
    }
    if (planButton) {
      planButton.addEventListener("click", function () {
        save(doc, E.planIcs(E.assess(state.answers), state.lang, E.planToday()), "text/calendar", "belt-plan.ics");
      });
      planButton.hidden = false;
    }
    return {since: since};
  }

  root.BeltTools = {start: start, save: save};
})(typeof window !== "undefined" ? window : globalThis);
