/* Belt Report: the interactive page's plot marks and short announcement (marks.js).
 *
 * Inlined between engine.js and page.js (window.BeltMarks). placeYouLabel writes the hours in
 * the effort plot's "you" label and moves it by the rule of beltlib.plots.place_labels (the same
 * slots, the same obstacles: the belt points, their labels, "best balance", the model's caveat and
 * the mark); announcement is the engine's (beltlib.announce.short_announcement's mirror).
 * Catalogue keys are double-quoted literals or prefixes ending with a dot (page_text_keys reads them).
 */
(function (root) {
  "use strict";

  /* The effort plot's "you" label: its hours written, moved to the first slot (plots.YOU_LABEL_SLOTS)
     where it covers no other label or point and stays inside the plot (plots.place_labels' rule). */
  function placeYouLabel(svg, EF, hx, a, lang, E, axisMap) {
    var g = svg.querySelector('[id="effort-you-label"]');
    if (!g || !g.getBBox) return;
    var text = g.querySelector("text");
    if (g.__beltDrawnWidth === undefined) g.__beltDrawnWidth = g.getBBox().width;  /* the text as drawn */
    var words = E.t("plot.effort.you_hours", lang, {hours: E.hours(a.hours_per_week, lang)});
    if (text && text.textContent !== words) text.textContent = words;
    /* matplotlib's measures (svg.label_data): the page and the static drawing choose the same slot */
    var G = EF.geometry, pad = EF.label_pad, L = EF.label_baseline[lang][a.persona];
    var px = axisMap(G.x, hx), py = axisMap(G.y, Math.max(a.usefulness, EF.y_range[0])), base = EF.baseline[a.persona];
    var frame = {x0: axisMap(G.x, EF.hours_range[0]), x1: axisMap(G.x, EF.hours_range[1]),
                 y0: axisMap(G.y, EF.y_range[1]), y1: axisMap(G.y, EF.y_range[0])};
    var near = function (r) { return [px + r[0], py + r[1], px + r[2], py + r[3]]; };
    var boxes = L.obstacles.concat([near(L.mark)], a.hours_per_week > EF.hours_range[1] ? [near(L.arrow)] : [])
      .map(function (b) { return {x0: b[0] - pad, y0: b[1] - pad, x1: b[2] + pad, y1: b[3] + pad}; });
    var width = g.getBBox().width + L.width - g.__beltDrawnWidth;  /* the new text, measured as matplotlib does */
    var bx = axisMap(G.x, base[0]) + L.dx, by = axisMap(G.y, base[1]) - L.dy;  /* the drawn label's centre */
    var best = null;
    for (var i = 0; i < EF.label_slots.length; i++) {
      var slot = EF.label_slots[i];
      var cx = px + slot[0] * (width / 2 + EF.label_gap), cy = py - slot[1];
      var box = {x0: cx - width / 2, x1: cx + width / 2, y0: cy - L.height / 2, y1: cy + L.height / 2};
      var cost = 1000 * (Math.max(0, frame.x0 - box.x0) + Math.max(0, box.x1 - frame.x1) +
                         Math.max(0, frame.y0 - box.y0) + Math.max(0, box.y1 - frame.y1));
      boxes.forEach(function (b) {
        cost += Math.max(0, Math.min(box.x1, b.x1) - Math.max(box.x0, b.x0)) *
                Math.max(0, Math.min(box.y1, b.y1) - Math.max(box.y0, b.y0));
      });
      if (best === null || cost < best.cost) best = {cost: cost, dx: cx - bx, dy: cy - by};
      if (cost === 0) break;
    }
    g.setAttribute("transform", "translate(" + best.dx.toFixed(3) + " " + best.dy.toFixed(3) + ")");
    g.removeAttribute("display");
  }

  /* beltlib.announce.short_announcement: the engine's (engine_words.js), one sentence for every rendering. */
  function announcement(a, lang, E) {
    return E.announcement(a, lang);
  }

  root.BeltMarks = {placeYouLabel: placeYouLabel, announcement: announcement};
})(typeof window !== "undefined" ? window : globalThis);
