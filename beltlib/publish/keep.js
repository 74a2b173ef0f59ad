/* Belt Report: the interactive page keeps the reader's answers in this browser (keep.js, issue 19).
 *
 * Inlined before page.js (window.BeltKeep). The answers stay in localStorage (one key per page
 * file) until "Forget my answers" (hook belt-forget: it also forgets a kept comparison, tools.js),
 * and a note (belt-kept) says so; nothing leaves the browser. A kept set that is no longer valid
 * for the page's fields is ignored.
 * Catalogue keys are double-quoted literals (page_text_keys reads them).
 */
(function (root) {
  "use strict";

  /**
   * Wire the keeping to a started page.
   * @param {object} ctx {doc, data, state, fields, E, form, resetButton, redraw, forget}: the page's parts;
   *   redraw() writes the controls and the origins from state and redraws the report; forget() (optional)
   *   takes away what else the page keeps (tools.js: the comparison with earlier answers).
   * @returns {object} {restore}: restore() takes the kept answers into state (call before the first draw).
   */
  function start(ctx) {
    var doc = ctx.doc, data = ctx.data, state = ctx.state, fields = ctx.fields, E = ctx.E;
    var KEEP_KEY = "belt-report:" + (root.location ? root.location.pathname : "");
    var forgetButton = doc.querySelector(".belt-forget");
    var keptNote = doc.querySelector(".belt-kept");
    function storage() {
      try { return root.localStorage || null; } catch (e) { return null; }  /* storage off: nothing kept */
    }
    function validAnswers(kept) {
      if (!kept || typeof kept !== "object") return false;
      return fields.every(function (f) {
        var spec = data.fields[f], v = kept[f];
        if (spec.kind === "bool") return typeof v === "boolean";
        if (spec.kind === "choice") return spec.choices.indexOf(v) !== -1;
        return typeof v === "number" && isFinite(v) && v >= spec.min && (spec.max === null || v <= spec.max) &&
          (spec.kind !== "int" || Number.isInteger(v));
      });
    }
    function showKept(on, key) {
      if (!keptNote) return;
      keptNote.hidden = !on;
      keptNote.setAttribute("data-t", key || "page.kept_here");
      keptNote.textContent = E.t(key || "page.kept_here", state.lang);
    }
    function keep() {
      var store = storage();
      if (!store) return;
      var changed = fields.some(function (f) { return state.answers[f] !== data.initial[f]; });
      try {
        if (changed) store.setItem(KEEP_KEY, JSON.stringify(state.answers)); else store.removeItem(KEEP_KEY);
      } catch (e) { return; }  /* full or refused: the page still works, nothing is said to be kept */
      showKept(changed);
    }
    function restore() {
      var store = storage(), kept = null;
      if (!store) return;
      try { kept = JSON.parse(store.getItem(KEEP_KEY) || "null"); } catch (e) { kept = null; }
      if (!validAnswers(kept)) return;
      fields.forEach(function (f) {
        state.answers[f] = kept[f];
        state.committed[f] = kept[f];
        if (kept[f] !== data.initial[f] && state.origin[f]) state.origin[f] = "you";
      });
      showKept(true);
    }
    if (forgetButton) {
      forgetButton.hidden = !storage();
      forgetButton.addEventListener("click", function () {
        var store = storage();
        if (store) try { store.removeItem(KEEP_KEY); } catch (e) { /* nothing kept */ }
        state.answers = Object.assign({}, data.initial);
        state.committed = Object.assign({}, data.initial);
        state.origin = Object.assign({}, data.provenance || {});
        if (ctx.forget) ctx.forget();
        ctx.redraw();
        showKept(true, "page.forgotten");
      });
    }
    ctx.form.addEventListener("change", keep);
    ctx.resetButton.addEventListener("click", keep);
    return {restore: restore};
  }

  root.BeltKeep = {start: start};
})(typeof window !== "undefined" ? window : globalThis);
