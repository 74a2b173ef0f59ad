/* Belt Report: the interactive page's DOM code (page.js).
 *
 * Inlined after engine.js (window.BeltEngine) into the page written by
 * beltlib/publish/interactive.py. Everything the page decides or says comes from the
 * engine, which reads the page's JSON data; this file only reads the controls and draws
 * the engine's report document (E.document: the same sections and blocks as
 * beltlib.document.build) with one generic block renderer, blockNode, the mirror of
 * beltlib.report.block_html: each section is morphed in place (a live region announces only
 * what changed), figures keep their live drawing (the SVG plots' "you" parts are moved), and
 * the compact summary (belt-summary) follows. No section is named here but the one drawn as
 * the questions form (data.form_section).
 *
 * Safety: text reaches the DOM only through textContent / setAttribute /
 * createElement; no HTML is ever built from strings.
 *
 * Catalogue keys are written as whole double-quoted literals or prefixes ending with a
 * dot (see engine.js): beltlib.publish.interactive.page_text_keys reads them.
 */
(function (root) {
  "use strict";

  /* ------------------------------------------------------------ page */

  /* data -> SVG user units along one axis: a * T(v) + b, T = log10 for a log axis. */
  function axisMap(axis, v) {
    return axis.a * (axis.scale === "log" ? Math.log10(v) : v) + axis.b;
  }

  function clamp(v, lo, hi) { return Math.min(Math.max(v, lo), hi); }

  /**
   * Make `old` read like `fresh`, keeping every node that stays the same, so a live
   * region announces only the sentences that changed and focus stays where it is.
   * The open state of a <details> is the reader's: it is kept.
   */
  function morph(old, fresh) {
    if (old.nodeType !== fresh.nodeType || old.nodeName !== fresh.nodeName) { old.replaceWith(fresh); return; }
    if (old.nodeType !== 1) {
      if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
      return;
    }
    /* A plot's holder keeps its live drawing; drawFigures updates it. */
    if (old.classList.contains("belt-plot") && fresh.classList.contains("belt-plot")) return;
    Array.prototype.slice.call(old.attributes).forEach(function (a) {
      if (a.name !== "open" && !fresh.hasAttribute(a.name)) old.removeAttribute(a.name);
    });
    Array.prototype.forEach.call(fresh.attributes, function (a) {
      if (a.name !== "open" && old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
    });
    morphChildren(old, Array.prototype.slice.call(fresh.childNodes));
  }

  function morphChildren(parent, nodes) {
    var kids = parent.childNodes;
    nodes.forEach(function (node, i) {
      if (i < kids.length) morph(kids[i], node); else parent.appendChild(node);
    });
    while (kids.length > nodes.length) parent.removeChild(parent.lastChild);
  }

  /**
   * Wire the page: read the controls, re-assess on every change, redraw.
   *
   * Each field has a committed answer: the published one, then the last valid value
   * it held when the reader left it (change event). While the reader types, a valid
   * text is assessed at once; while the text is not a valid answer, its field shows
   * the message naming the field and the result uses the committed answer (never a
   * part of the text being typed, such as 2 for "2.5").
   * @param {Document} doc
   * @param {object} data the page's JSON data
   */
  function startPage(doc, data) {
    var E = root.BeltEngine.makeEngine(data);
    var state = {lang: data.lang, answers: Object.assign({}, data.initial), committed: Object.assign({}, data.initial),
      origin: Object.assign({}, data.provenance || {}), svgKey: {}};  /* svgKey: plot -> the SVG template shown */
    var fields = data.field_order;
    var controls = {}, labels = {};
    fields.forEach(function (f) {
      controls[f] = doc.querySelector(".belt-q-" + f + " input, .belt-q-" + f + " select");
      labels[f] = doc.querySelector('label[for="' + controls[f].id + '"]');
    });
    var summaryBox = doc.querySelector(".belt-summary");
    var langSelect = doc.querySelector(".belt-lang select");
    var resetButton = doc.querySelector(".belt-reset");
    var downloadButton = doc.querySelector(".belt-download");

    function el(tag, attrs, text) {
      var node = doc.createElement(tag);
      if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function isNumberField(field) {
      var kind = data.fields[field].kind;
      return kind === "int" || kind === "number";
    }

    /* Read one control; returns {ok, value}. */
    function readControl(field) {
      var spec = data.fields[field];
      var c = controls[field];
      if (spec.kind === "bool") return {ok: true, value: c.checked};
      if (spec.kind === "choice") return {ok: spec.choices.indexOf(c.value) !== -1, value: c.value};
      return E.readNumber(spec, c.value, state.lang);
    }

    function showError(field, bad) {
      var c = controls[field];
      var box = doc.getElementById("belt-error-" + field);
      if (bad) {
        c.setAttribute("aria-invalid", "true");
        if (box) {
          var text = E.fieldMessage(labels[field].textContent, data.fields[field], state.lang, state.committed[field]);
          if (box.textContent !== text) box.textContent = text;
        }
      } else {
        c.removeAttribute("aria-invalid");
        if (box && box.textContent) box.textContent = "";
      }
    }

    function writeControl(f) {
      var spec = data.fields[f], c = controls[f], v = state.answers[f];
      if (spec.kind === "bool") c.checked = !!v;
      else if (isNumberField(f)) c.value = E.inputText(v, state.lang);
      else c.value = String(v);
    }

    function writeControls() {
      fields.forEach(function (f) { writeControl(f); showError(f, false); });
    }

    /* Where an answer came from (publish.resolve_export's provenance values). */
    var ORIGIN_KEYS = {export: "origin.export", example: "origin.example", you: "origin.you"};

    function showOrigins() {
      fields.forEach(function (f) {
        var tag = doc.getElementById("belt-origin-" + f);
        if (!tag) return;
        var key = ORIGIN_KEYS[state.origin[f]] || "origin.you";
        tag.hidden = !data.provenance;  /* with an export, every answer says where it came from */
        tag.className = "belt-origin belt-" + key.replace(".", "-");
        tag.setAttribute("data-t", key);
        tag.textContent = E.t(key, state.lang);
      });
    }

    /* The badge exactly as report.badge_html writes it. */
    function badge(belt, text) {
      return el("span", {"class": "belt-badge belt-badge-" + belt, style: "display:inline-block;padding:.2em .8em;" +
        "border:2px solid #000;border-radius:1em;background:" + data.colours.belt[belt] + ";color:" +
        data.colours.belt_text[belt] + ";font-weight:bold"}, text);
    }

    /* report.table_html: tables of 3 columns or more read as cards on a phone (belt-stack, data-label). */
    function table(header, rows, cls) {
      var stack = header.length >= data.stack_min_columns;  /* report.STACK_MIN_COLUMNS */
      var tbl = el("table", {"class": stack ? cls + " belt-stack" : cls});
      var tr = el("tr");
      header.forEach(function (h) { tr.appendChild(el("th", {scope: "col"}, h)); });
      tbl.appendChild(el("thead")).appendChild(tr);
      var body = tbl.appendChild(el("tbody"));
      rows.forEach(function (row) {
        var r = body.appendChild(el("tr"));
        row.forEach(function (cell, i) {
          if (i >= header.length) return;  /* zip(header, row), as in Python */
          r.appendChild(el("td", stack && header[i] ? {"data-label": header[i]} : null, cell));
        });
      });
      return tbl;
    }

    function listItem(item) {
      if (item !== null && typeof item === "object") {
        var li = el("li", null, item.text);
        var ul = li.appendChild(el("ul"));
        item.items.forEach(function (x) { ul.appendChild(el("li", null, x)); });
        return li;
      }
      return el("li", null, item);
    }

    /**
     * One document block as DOM nodes, the mirror of report.block_html (same elements, attributes
     * in the same order, so the published HTML and the drawn one are the same).
     * A figure the page draws (data.figures) holds an empty plot holder (div.belt-plot) that
     * morph leaves alone: the live drawing stays; drawFigures updates it. Others: the caption alone.
     * @param {object} b a block of beltlib.document (paragraph, note, list, table, figure, badge)
     * @returns {Node}
     * @throws {Error} an unknown block kind
     */
    function blockNode(b) {
      switch (b.kind) {
        case "paragraph": return el("p", null, b.text);
        case "note": { var p = el("p", {"class": "belt-note"}); p.appendChild(el("em", null, b.text)); return p; }
        case "list": {
          var list = el(b.ordered ? "ol" : "ul");
          b.items.forEach(function (x) { list.appendChild(listItem(x)); });
          return list;
        }
        case "table": {
          var tbl = table(b.columns, b.rows, b["class"]);
          if (!b.title) return tbl;
          var details = el("details", {open: ""});
          details.appendChild(el("summary", null, b.title));
          details.appendChild(tbl);
          return details;
        }
        case "figure": {
          var fig = el("figure", {"class": "belt-plot-" + b.plot, style: "margin:0"});
          if (data.figures.indexOf(b.plot) !== -1) fig.appendChild(el("div", {"class": "belt-plot"}));
          fig.appendChild(el("figcaption", {"class": "belt-plot-caption"}, b.caption));
          return fig;
        }
        case "badge": return badge(b.belt, b.text);
        default: throw new Error("block kind: got " + b.kind + " (allowed: one of paragraph, note, list, table, figure, badge)");
      }
    }

    /* The live drawing of a figure block: its holder (div.belt-plot) in the section. */
    function holderOf(box, plot) {
      return box.querySelector("figure.belt-plot-" + plot + " > .belt-plot");
    }

    /* Show the pre-rendered SVG of `key` in the holder if another one is shown. */
    function useSvg(holder, plot, key) {
      var shown = holder.querySelector("svg");
      if (state.svgKey[plot] === key && shown) return shown;
      var tpl = doc.getElementById("belt-svg-" + key);
      var svg = tpl.content.firstElementChild.cloneNode(true);
      if (shown) shown.replaceWith(svg); else holder.appendChild(svg);
      state.svgKey[plot] = key;
      return svg;
    }

    /* An image figure (the export's timeline): the image of `lang`; the one shown is kept for a switch back. */
    function useImage(holder, plot, lang) {
      var shownLang = holder.getAttribute("data-plot-lang");
      if (shownLang === lang) return;
      var tpl = doc.getElementById("belt-img-" + plot + "-" + lang);
      if (!tpl) return;
      if (shownLang && !doc.getElementById("belt-img-" + plot + "-" + shownLang)) {
        var keep = doc.createElement("template");
        keep.id = "belt-img-" + plot + "-" + shownLang;
        while (holder.firstChild) keep.content.appendChild(holder.firstChild);
        doc.body.appendChild(keep);
      }
      while (holder.firstChild) holder.removeChild(holder.firstChild);
      holder.appendChild(tpl.content.cloneNode(true));
      holder.setAttribute("data-plot-lang", lang);
    }

    /* A figure's words: the holder's accessible name and the SVG's <title>, or the image's alt. */
    function setAlt(holder, text) {
      var svg = holder.querySelector("svg");
      if (svg) {
        if (holder.getAttribute("aria-label") !== text) holder.setAttribute("aria-label", text);
        var title = svg.querySelector("title");
        if (!title) {
          title = doc.createElementNS("http://www.w3.org/2000/svg", "title");
          svg.insertBefore(title, svg.firstChild);
        }
        if (title.textContent !== text) title.textContent = text;
        return;
      }
      var img = holder.querySelector("img");
      if (img && img.getAttribute("alt") !== text) img.setAttribute("alt", text);
    }

    function move(svg, id, dx, dy, visible) {
      var g = svg.querySelector('[id="' + id + '"]');
      if (!g) return null;
      g.setAttribute("transform", "translate(" + dx.toFixed(3) + " " + dy.toFixed(3) + ")");
      if (visible) g.removeAttribute("display"); else g.setAttribute("display", "none");
      return g;
    }

    /* The population and effort plots: the SVG of the language (and persona), the "you" parts moved. */
    function drawLivePlot(holder, plot, a, lang) {
      if (plot === "population") {
        var P = data.plots.population;
        var svg = useSvg(holder, plot, "population-" + lang);
        var show = a.belt !== "none";
        var p = show ? a.percentile : P.baseline;
        var dx = axisMap(P.geometry.x, p) - axisMap(P.geometry.x, P.baseline);
        var lr = P.label_range;
        var dxl = axisMap(P.geometry.x, clamp(p, lr[0], lr[1])) - axisMap(P.geometry.x, clamp(P.baseline, lr[0], lr[1]));
        move(svg, "pop-you-line", dx, 0, show);
        move(svg, "pop-you-marker", dx, 0, show);
        var label = move(svg, "pop-you-label", dxl, 0, show);
        if (label && show) label.querySelector("text").textContent = E.youLabel(a, lang);
      } else if (plot === "effort") {
        var EF = data.plots.effort;
        var esvg = useSvg(holder, plot, "effort-" + lang + "-" + a.persona);
        var base = EF.baseline[a.persona];
        var hx = clamp(a.hours_per_week, EF.hours_range[0], EF.hours_range[1]);
        var ex = axisMap(EF.geometry.x, hx) - axisMap(EF.geometry.x, base[0]);
        var ey = axisMap(EF.geometry.y, Math.max(a.usefulness, EF.y_range[0])) - axisMap(EF.geometry.y, base[1]);
        move(esvg, "effort-you", ex, ey, true);
        move(esvg, "effort-you-arrow", ex, ey, a.hours_per_week > EF.hours_range[1]);
        root.BeltMarks.placeYouLabel(esvg, EF, hx, a, lang, E, axisMap);
      }
    }

    /* Every figure of a drawn section: its live drawing (SVG moved, or the language's image), then its words. */
    function drawFigures(box, sec, a, lang) {
      sec.blocks.forEach(function (b) {
        if (b.kind !== "figure") return;
        var holder = holderOf(box, b.plot);
        if (!holder) return;
        if (data.plots && data.plots[b.plot]) drawLivePlot(holder, b.plot, a, lang);
        else useImage(holder, b.plot, lang);
        setAlt(holder, b.alt);
      });
    }

    /* One section in place: heading, body class and data-*, blocks (morphed: a live region
       announces only what changed; other attributes such as aria-live stay). */
    function drawSection(sec, a, lang) {
      var box = doc.querySelector(".belt-section-" + sec.id);
      if (!box) return;
      var heading = doc.getElementById("belt-heading-" + sec.id);
      if (heading && heading.textContent !== sec.title) heading.textContent = sec.title;
      if (sec.id === data.form_section) return;  /* drawn as the questions form */
      var body = heading ? heading.nextElementSibling : null;
      if (!body || body.nodeName !== "DIV") return;
      if (body.getAttribute("class") !== sec["class"]) body.setAttribute("class", sec["class"]);
      Array.prototype.slice.call(body.attributes).forEach(function (x) {
        if (x.name.indexOf("data-") === 0 && !Object.prototype.hasOwnProperty.call(sec.data, x.name.slice(5))) {
          body.removeAttribute(x.name);
        }
      });
      Object.keys(sec.data).forEach(function (k) {
        if (body.getAttribute("data-" + k) !== sec.data[k]) body.setAttribute("data-" + k, sec.data[k]);
      });
      morphChildren(body, sec.blocks.map(blockNode));
      drawFigures(body, sec, a, lang);
    }

    /* report.summary_html: the compact summary that stays in view. */
    function drawSummary(s) {
      if (!summaryBox) return;
      morphChildren(summaryBox, [badge(s.belt, s.title), doc.createTextNode(" "),
        el("span", {"class": "belt-summary-distance"}, s.distance)]);
      if (summaryBox.getAttribute("data-belt") !== s.belt) summaryBox.setAttribute("data-belt", s.belt);
    }

    /* A section the shipped page has not (the comparison's "since"): made after the one before it, or removed. */
    function placeSections(sections) {
      var ids = sections.map(function (sec) { return sec.id; });
      sections.forEach(function (sec, i) {
        if (i === 0 || doc.querySelector(".belt-section-" + sec.id)) return;
        var after = doc.querySelector(".belt-section-" + ids[i - 1]);
        var box = el("section", {"class": "belt-section belt-section-" + sec.id, "aria-labelledby": "belt-heading-" + sec.id,
          "data-belt-added": ""});
        box.appendChild(el("h2", {"class": "belt-heading belt-heading-" + sec.id, id: "belt-heading-" + sec.id}));
        box.appendChild(el("div"));
        if (after) after.after(box);
      });
      Array.prototype.forEach.call(doc.querySelectorAll("section[data-belt-added]"), function (box) {
        if (ids.indexOf(box.className.replace(/^.*belt-section-/, "")) === -1) box.remove();
      });
    }

    /* The whole report, from the engine's document of the answers in the page's language (and the comparison
       with earlier answers, tools.js); `said`: one more sentence for the live region. */
    function update(said) {
      var lang = state.lang;
      var a = E.assess(state.answers);
      var since = tools ? tools.since(a) : null;
      var report = E.document(a, lang, {answers: state.answers, provenance: data.provenance ? state.origin : null,
        title: data.title, since: since});
      drawSummary(report.summary);
      var words = [root.BeltMarks.announcement(a, lang, E), since ? E.sinceHeadline(since, lang) : "", said || ""];
      var say = doc.querySelector(".belt-announce");
      words = words.filter(Boolean).join(" ");
      if (say && say.textContent !== words) say.textContent = words;  /* belt and distance, one sentence */
      placeSections(report.sections);
      report.sections.forEach(function (sec) { drawSection(sec, a, lang); });
      state.assessment = a;
      state.document = report;
      return a;
    }

    function applyLang(lang) {
      state.lang = lang;
      doc.documentElement.setAttribute("lang", lang);
      Array.prototype.forEach.call(doc.querySelectorAll("[data-t]"), function (node) {
        node.textContent = E.t(node.getAttribute("data-t"), lang);
      });
      var generated = doc.querySelector(".belt-generated-date");
      if (generated && data.generated) generated.textContent = data.generated[lang];
      var title = data.title !== null ? data.title : E.t("report.default_title", lang);
      doc.title = title;
      fields.forEach(function (f) {
        if (controls[f].getAttribute("aria-invalid") === "true") showError(f, true);  /* the text as typed, message translated */
        else if (isNumberField(f)) writeControl(f);  /* a valid number, written the new language's way */
      });
      if (langSelect.value !== lang) langSelect.value = lang;
    }

    function onControl(event) {
      var wrap = event.target.closest("[data-field]");
      if (!wrap) return;
      var field = wrap.getAttribute("data-field");
      var r = readControl(field);
      showError(field, !r.ok);
      if (r.ok && event.type === "change") state.committed[field] = r.value;
      var value = r.ok ? r.value : state.committed[field];
      if (r.ok && state.origin[field] && state.origin[field] !== "you") { state.origin[field] = "you"; showOrigins(); }
      else if (value === state.answers[field]) return;  /* nothing new (input then change) */
      state.answers[field] = value;
      update();
    }

    var form = doc.querySelector(".belt-questions");
    form.addEventListener("input", onControl);
    form.addEventListener("change", onControl);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    langSelect.addEventListener("change", function () {
      applyLang(langSelect.value);
      update();
    });
    resetButton.addEventListener("click", function () {
      state.answers = Object.assign({}, data.initial);
      state.committed = Object.assign({}, data.initial);
      state.origin = Object.assign({}, data.provenance || {});
      writeControls();
      showOrigins();
      update();
    });

    /* "Download my answers": the answers the result uses, as beltlib.answers.dumps writes them
       (key order, 2-space indent, "1.0" for whole hours), saved from a blob: no request, no name. */
    function answersText() {
      var lines = data.answers_order.map(function (f) {
        var v = state.answers[f], text = JSON.stringify(v);
        if (data.fields[f] && data.fields[f].kind === "number" && Number.isInteger(v)) text += ".0";
        return "  " + JSON.stringify(f) + ": " + text;
      });
      return "{\n" + lines.join(",\n") + "\n}\n";
    }
    downloadButton.addEventListener("click", function () {
      root.BeltTools.save(doc, answersText(), "application/json", "answers.json");
    });
    downloadButton.hidden = false;  /* only with the script: without it there is nothing to save */

    /* "Compare with earlier answers…" and "Add my plan to my calendar" (tools.js, issue 18). */
    var tools = root.BeltTools.start({doc: doc, data: data, state: state, E: E, update: update});

    /* Kept in this browser until "Forget my answers" (keep.js, issue 19). */
    var kept = root.BeltKeep.start({doc: doc, data: data, state: state, fields: fields, E: E, form: form,
      resetButton: resetButton, forget: tools.forget, redraw: function () { writeControls(); showOrigins(); update(); }});

    /* The controls may hold values the browser restored (back/forward): start from the published answers,
       or from the answers kept in this browser. */
    kept.restore();
    writeControls();
    showOrigins();
    if (langSelect.value !== state.lang) langSelect.value = state.lang;
    update();
    doc.documentElement.setAttribute("data-belt-ready", "1");
    return {engine: E, state: state, update: update, applyLang: applyLang, answersText: answersText};
  }

  var api = {makeEngine: root.BeltEngine.makeEngine, startPage: startPage};
  root.BeltReport = api;

  if (typeof document !== "undefined") {
    var node = document.getElementById("belt-data");
    if (node) {
      var t0 = typeof performance !== "undefined" ? performance.now() : 0;
      var data = JSON.parse(node.textContent);
      var page = startPage(document, data);
      api.engine = page.engine;
      api.page = page;
      api.data = data;
      api.startMs = t0;
      api.readyMs = typeof performance !== "undefined" ? performance.now() : 0;
    }
  }
})(typeof window !== "undefined" ? window : globalThis);
