/* Belt Report: the interactive page's DOM code (page.js).
 *
 * Inlined after engine.js (window.BeltEngine) into the page written by
 * beltlib/publish/interactive.py. Everything the page decides or says comes from the
 * engine, which reads the page's JSON data; this file only reads the controls and
 * writes the result, the compact summary (belt-summary), the plan and the plots.
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
      origin: Object.assign({}, data.provenance || {}), svgKey: {population: null, effort: null}};
    var fields = data.field_order;
    var controls = {}, labels = {};
    fields.forEach(function (f) {
      controls[f] = doc.querySelector(".belt-q-" + f + " input, .belt-q-" + f + " select");
      labels[f] = doc.querySelector('label[for="' + controls[f].id + '"]');
    });
    var resultBox = doc.querySelector(".belt-result");
    var planBox = doc.querySelector(".belt-plan");
    var summaryBox = doc.querySelector(".belt-summary");
    var plotBox = {population: doc.querySelector(".belt-plot-population"), effort: doc.querySelector(".belt-plot-effort")};
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
    function badge(belt, lang) {
      return el("span", {"class": "belt-badge belt-badge-" + belt, style: "display:inline-block;padding:.2em .8em;" +
        "border:2px solid #000;border-radius:1em;background:" + data.colours.belt[belt] + ";color:" +
        data.colours.belt_text[belt] + ";font-weight:bold"}, E.t("belt_title." + belt, lang));
    }

    /* report.table_html with publish.label_table_cells' belt-stack class and data-label cells. */
    function table(header, rows, cls) {
      var tbl = el("table", {"class": header.length >= 3 ? cls + " belt-stack" : cls});
      var tr = el("tr");
      header.forEach(function (h) { tr.appendChild(el("th", {scope: "col"}, h)); });
      tbl.appendChild(el("thead")).appendChild(tr);
      var body = tbl.appendChild(el("tbody"));
      rows.forEach(function (row) {
        var r = body.appendChild(el("tr"));
        row.forEach(function (cell, i) {
          var td = r.appendChild(el("td", null, cell));
          if (header[i]) td.setAttribute("data-label", header[i]);
        });
      });
      return tbl;
    }

    /* report.result_html, brought in place (the result is a polite live region). */
    function renderResult(a, tx, lang) {
      var nodes = [badge(a.belt, lang)];
      tx.result_lines.forEach(function (line) { nodes.push(el("p", null, line)); });
      var details = el("details", {open: ""});
      details.appendChild(el("summary", null, E.t("result.markers_title", lang)));
      details.appendChild(table([E.t("synthesis.belt", lang), E.t("result.marker", lang), E.t("result.met_header", lang)],
        tx.marker_rows, "belt-markers"));
      details.appendChild(el("p", null, tx.signals_line));
      nodes.push(details);
      morphChildren(resultBox, nodes);
      if (resultBox.getAttribute("data-belt") !== a.belt) resultBox.setAttribute("data-belt", a.belt);
    }

    /* report.plan_html */
    function renderPlan(tx, lang) {
      var nodes = [];
      tx.plan_sections.forEach(function (section) {
        nodes.push(el("p", null, section[0]));
        if (section[1].length) {
          var ol = el("ol");
          section[1].forEach(function (line) { ol.appendChild(el("li", null, line)); });
          nodes.push(ol);
        }
      });
      var p = el("p");
      p.appendChild(el("strong", null, E.t("plan.notes", lang)));
      nodes.push(p);
      var ul = el("ul");
      tx.note_lines.forEach(function (line) { ul.appendChild(el("li", null, line)); });
      nodes.push(ul);
      morphChildren(planBox, nodes);
    }

    /* report.summary_html: the compact summary that stays in view. */
    function renderSummary(a, tx, lang) {
      if (!summaryBox) return;
      morphChildren(summaryBox, [badge(a.belt, lang), doc.createTextNode(" "),
        el("span", {"class": "belt-summary-distance"}, tx.summary[1])]);
      if (summaryBox.getAttribute("data-belt") !== a.belt) summaryBox.setAttribute("data-belt", a.belt);
    }

    /* Show the pre-rendered SVG for (kind, lang[, persona]) if another one is shown. */
    function useSvg(kind, key) {
      if (state.svgKey[kind] === key) return plotBox[kind].querySelector("svg");
      var tpl = doc.getElementById("belt-svg-" + key);
      var svg = tpl.content.firstElementChild.cloneNode(true);
      var old = plotBox[kind].querySelector("svg");
      if (old) old.replaceWith(svg); else plotBox[kind].appendChild(svg);
      state.svgKey[kind] = key;
      return svg;
    }

    function setAlt(kind, svg, text) {
      plotBox[kind].setAttribute("aria-label", text);
      var title = svg.querySelector("title");
      if (!title) {
        title = doc.createElementNS("http://www.w3.org/2000/svg", "title");
        svg.insertBefore(title, svg.firstChild);
      }
      title.textContent = text;
    }

    function move(svg, id, dx, dy, visible) {
      var g = svg.querySelector('[id="' + id + '"]');
      if (!g) return null;
      g.setAttribute("transform", "translate(" + dx.toFixed(3) + " " + dy.toFixed(3) + ")");
      if (visible) g.removeAttribute("display"); else g.setAttribute("display", "none");
      return g;
    }

    function renderPlots(a, tx, lang) {
      var P = data.plots.population, EF = data.plots.effort;
      var svg = useSvg("population", "population-" + lang);
      var show = a.belt !== "none";
      var p = show ? a.percentile : P.baseline;
      var dx = axisMap(P.geometry.x, p) - axisMap(P.geometry.x, P.baseline);
      var lr = P.label_range;
      var dxl = axisMap(P.geometry.x, clamp(p, lr[0], lr[1])) - axisMap(P.geometry.x, clamp(P.baseline, lr[0], lr[1]));
      move(svg, "pop-you-line", dx, 0, show);
      move(svg, "pop-you-marker", dx, 0, show);
      var label = move(svg, "pop-you-label", dxl, 0, show);
      if (label && show) label.querySelector("text").textContent = tx.you_label;
      setAlt("population", svg, tx.alt_population);

      var esvg = useSvg("effort", "effort-" + lang + "-" + a.persona);
      var base = EF.baseline[a.persona];
      var hx = clamp(a.hours_per_week, EF.hours_range[0], EF.hours_range[1]);
      var ex = axisMap(EF.geometry.x, hx) - axisMap(EF.geometry.x, base[0]);
      var ey = axisMap(EF.geometry.y, a.usefulness) - axisMap(EF.geometry.y, base[1]);
      move(esvg, "effort-you", ex, ey, true);  /* named in the legend: no label to move */
      setAlt("effort", esvg, tx.alt_effort);
    }

    function update() {
      var lang = state.lang;
      var a = E.assess(state.answers);
      var tx = E.texts(a, lang);
      renderResult(a, tx, lang);
      renderSummary(a, tx, lang);
      renderPlan(tx, lang);
      renderPlots(a, tx, lang);
      state.assessment = a;
      return a;
    }

    function applyLang(lang) {
      state.lang = lang;
      doc.documentElement.setAttribute("lang", lang);
      Array.prototype.forEach.call(doc.querySelectorAll("[data-t]"), function (node) {
        node.textContent = E.t(node.getAttribute("data-t"), lang);
      });
      Array.prototype.forEach.call(doc.querySelectorAll("[data-lang]"), function (node) {
        node.hidden = node.getAttribute("data-lang") !== lang;
      });
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
      var url = URL.createObjectURL(new Blob([answersText()], {type: "application/json"}));
      var link = el("a", {href: url, download: "answers.json"});
      doc.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    });
    downloadButton.hidden = false;  /* only with the script: without it there is nothing to save */

    /* The controls may hold values the browser restored (back/forward): start from the published answers. */
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
