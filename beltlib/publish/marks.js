/* Belt Report: the interactive page's plot marks and short announcement (marks.js).
 *
 * Inlined between engine.js and page.js (window.BeltMarks). placeYouLabel writes the hours in
 * the effort plot's "you" label and moves it by the rule of beltlib.plots.place_labels (the same
 * slots, the same obstacles: the belt points, their labels, "best balance", the model's caveat and
 * the mark); announcement is beltlib.announce.short_announcement (the same catalogue keys).
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
    var G = EF.geometry, pad = EF.label_pad;
    var px = axisMap(G.x, hx), py = axisMap(G.y, a.usefulness);
    var frame = {x0: axisMap(G.x, EF.hours_range[0]), x1: axisMap(G.x, EF.hours_range[1]),
                 y0: axisMap(G.y, EF.y_range[1]), y1: axisMap(G.y, EF.y_range[0])};
    var boxes = [];
    Array.prototype.forEach.call(svg.querySelectorAll("[id]"), function (el) {
      var id = el.id;
      if (id === "effort-you-label" || !/^effort-(label-|best|model|belt-|you)/.test(id)) return;
      if (el.getAttribute("display") === "none") return;
      var b = el.getBBox(), m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(el.getAttribute("transform") || "");
      var tx = m ? parseFloat(m[1]) : 0, ty = m ? parseFloat(m[2]) : 0;
      boxes.push({x0: b.x + tx - pad, x1: b.x + b.width + tx + pad, y0: b.y + ty - pad, y1: b.y + b.height + ty + pad});
    });
    /* From the drawn label (its slot and the mark's place when drawn) to this slot and place. */
    var own = g.getBBox(), base = EF.baseline[a.persona], bslot = EF.label_baseline[lang][a.persona];
    var width = own.width + bslot[2] - g.__beltDrawnWidth;  /* matplotlib's measure of the text */
    var bx = axisMap(G.x, base[0]) + bslot[0], by = axisMap(G.y, base[1]) - bslot[1];
    var best = null;
    for (var i = 0; i < EF.label_slots.length; i++) {
      var slot = EF.label_slots[i];
      var dx = px + slot[0] * (width / 2 + EF.label_gap) - bx, dy = py - slot[1] - by;
      var box = {x0: own.x + dx, x1: own.x + own.width + dx, y0: own.y + dy, y1: own.y + own.height + dy};
      var cost = 1000 * (Math.max(0, frame.x0 - box.x0) + Math.max(0, box.x1 - frame.x1) +
                         Math.max(0, frame.y0 - box.y0) + Math.max(0, box.y1 - frame.y1));
      boxes.forEach(function (b) {
        cost += Math.max(0, Math.min(box.x1, b.x1) - Math.max(box.x0, b.x0)) *
                Math.max(0, Math.min(box.y1, b.y1) - Math.max(box.y0, b.y0));
      });
      if (best === null || cost < best.cost) best = {cost: cost, dx: dx, dy: dy};
      if (cost === 0) break;
    }
    g.setAttribute("transform", "translate(" + best.dx.toFixed(3) + " " + best.dy.toFixed(3) + ")");
    g.removeAttribute("display");
  }

  /* beltlib.announce.short_announcement: the belt and the distance to the target in one short sentence. */
  function announcement(a, lang, E) {
    var key = a.belt === "none" ? "none" : a.position !== "below" ? a.position
      : a.markers_needed === 1 ? "below.one" : "below.many";
    return E.t("announce." + key, lang, {belt: E.t("belt_title." + a.belt, lang), n: a.markers_needed,
      target: E.t("belt." + a.target_belt, lang)});
  }

  root.BeltMarks = {placeYouLabel: placeYouLabel, announcement: announcement};
})(typeof window !== "undefined" ? window : globalThis);
