/* Belt Report: the interactive page's evaluator and UI (issue 6).
 *
 * Inlined into the page written by beltlib/publish/interactive.py. Everything the
 * rules decide comes from the page's JSON data (beltlib.rules.rules_table(),
 * beltlib.texts.CATALOGUE, beltlib.answers.FIELDS): no threshold, weight or
 * sentence is typed here. The evaluator mirrors beltlib/rules.py,
 * beltlib/assessment.py, beltlib/report.py and beltlib.plots.alt_text step by
 * step with the same arithmetic; tests/test_interactive_parity.py proves they
 * agree on more than 30,000 answer sets.
 *
 * Safety: text reaches the DOM only through textContent / setAttribute /
 * createElement; no HTML is ever built from strings.
 *
 * Catalogue keys are written here as whole double-quoted literals
 * ("result.belt") or double-quoted prefixes ending with a dot ("marker."):
 * beltlib.publish.interactive.page_text_keys reads them to embed only the texts the
 * page uses. Build any other key from such a literal, never from pieces.
 */
(function (root) {
  "use strict";

  var NBSP = "\u00a0";
  var NNBSP = "\u202f";

  /* ------------------------------------------------------------ engine */

  /**
   * Build the evaluator from the page data.
   * @param {object} data {rules, catalogue, langs}
   * @returns {object} {assess, texts, t, number, percent, hours, ...}
   */
  function makeEngine(data) {
    var R = data.rules;
    var CAT = data.catalogue;
    var LANGS = data.langs;
    var ORDER = {};
    R.belts.forEach(function (b, i) { ORDER[b] = i; });

    function checkLang(lang) {
      if (LANGS.indexOf(lang) === -1) throw new Error("lang: got " + lang + " (allowed: one of " + LANGS.join(", ") + ")");
      return lang;
    }

    /* texts.t: the catalogue template with {name} placeholders filled (str.format subset). */
    function t(key, lang, values) {
      var tpl = CAT[checkLang(lang)][key];
      if (tpl === undefined) throw new Error("unknown text key: " + key);
      return tpl.replace(/\{\{|\}\}|\{(\w+)\}/g, function (m, name) {
        if (m === "{{") return "{";
        if (m === "}}") return "}";
        if (!values || !Object.prototype.hasOwnProperty.call(values, name)) {
          throw new Error("text " + key + ": no value for {" + name + "}");
        }
        return String(values[name]);
      });
    }

    /* Python's f"{x:.{digits}f}": correctly rounded, exact ties to even
       (Number.prototype.toFixed breaks exact ties upwards, e.g. 0.25 -> "0.3"). */
    function fixed(x, digits) {
      var s = x.toFixed(digits);
      var exact = Math.abs(x).toFixed(Math.min(100, digits + 40));
      var dot = exact.indexOf(".");
      var rest = exact.slice(dot + 1 + digits);
      if (/^50*$/.test(rest)) {
        var kept = exact.slice(0, dot + 1 + digits).replace(/\.$/, "");
        var last = kept.charCodeAt(kept.length - 1) - 48;
        if (last % 2 === 0) s = (x < 0 ? "-" : "") + kept;
      }
      return s;
    }

    /* texts.number: thousands separators; French: narrow no-break space and decimal comma. */
    function number(x, lang, digits) {
      var s = fixed(x, digits || 0);
      var neg = s.charAt(0) === "-";
      if (neg) s = s.slice(1);
      var parts = s.split(".");
      var text = (neg ? "-" : "") + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") +
        (parts.length > 1 ? "." + parts[1] : "");
      if (checkLang(lang) === "fr") text = text.replace(/,/g, NNBSP).replace(/\./g, ",");
      return text;
    }

    /* texts.percent */
    function percent(x, lang, digits) {
      return number(x, lang, digits || 0) + (lang === "fr" ? NBSP + "%" : "%");
    }

    /* texts.hours: one decimal below 10 hours, none above. */
    function hours(x, lang) {
      return number(x, lang, x < 10 ? 1 : 0);
    }

    /* rules.marker_met */
    function markerMet(m, answers) {
      var given = answers[m.field];
      var value = m.value;
      switch (m.op) {
        case "in": return value.indexOf(given) !== -1;
        case "is": return given === value;
        case "ge": return given >= value;
        case "gt": return given > value;
        default: throw new Error("rules table: unknown op " + m.op + " in marker " + m.id);
      }
    }

    /* rules.belt_for */
    function beltFor(hasProfile, greenMet, blackMet) {
      if (!hasProfile) return "none";
      if (greenMet < R.min_markers.green) return "white";
      if (blackMet < R.min_markers.black) return "green";
      return "black";
    }

    /* rules.score_for */
    function scoreFor(hasProfile, greenMet, blackMet) {
      if (!hasProfile) return 0.0;
      return greenMet * R.weights.green + blackMet * R.weights.black;
    }

    /* rules.round_half_up: floor(x * 10^digits + 0.5) / 10^digits, as in Python. */
    function roundHalfUp(x, digits) {
      var f = Math.pow(10, digits);
      return Math.floor(x * f + 0.5) / f;
    }

    /* rules.percentile_for */
    function percentileFor(belt, score) {
      var low = R.bands[belt][0], high = R.bands[belt][1];
      if (belt === "none") return low;
      var sMin = R.band_scores[belt][0], sMax = R.band_scores[belt][1];
      var headroom = belt === "black" ? 0.0 : R.band_headroom;
      var span = (sMax - sMin) + headroom;
      var fraction = span ? (score - sMin) / span : 1.0;
      return roundHalfUp(low + (high - low) * fraction, 1);
    }

    /* rules.usefulness */
    function usefulness(hoursPerWeek, persona) {
      var c = R.effort_curves[persona];
      return c.ceiling * (1.0 - Math.exp(-hoursPerWeek / c.scale_hours));
    }

    /* rules.best_hours */
    function bestHours(persona) {
      var c = R.effort_curves[persona];
      return Math.max(0.0, c.scale_hours * Math.log(c.ceiling / (c.scale_hours * c.cost_per_hour)));
    }

    function countOf(belt) {
      return R.markers.filter(function (m) { return m.belt === belt; }).length;
    }

    /* rules.effective_hours: log-linear through (0, white), (all green, green), (all markers, black). */
    function effectiveHours(score) {
      var allGreen = countOf("green") * R.weights.green;
      var allMarkers = allGreen + countOf("black") * R.weights.black;
      var anchors = [[0.0, R.belt_hours.white], [allGreen, R.belt_hours.green], [allMarkers, R.belt_hours.black]];
      var pair = score <= allGreen ? anchors.slice(0, 2) : anchors.slice(1);
      var s0 = pair[0][0], h0 = pair[0][1], s1 = pair[1][0], h1 = pair[1][1];
      return Math.exp(Math.log(h0) + (Math.log(h1) - Math.log(h0)) * (score - s0) / (s1 - s0));
    }

    /* assessment.action_plan: unmet markers of the target belt, cheapest first (stable sort). */
    function actionPlan(markers, targetBelt, hasProfile) {
      if (!hasProfile) return [];
      var wanted = targetBelt === "green" ? ["green"] : ["green", "black"];
      var table = {};
      R.markers.forEach(function (m) { table[m.id] = m; });
      var todo = markers.filter(function (m) { return wanted.indexOf(m.belt) !== -1 && !m.met; })
        .map(function (m) { return table[m.id]; });
      todo.sort(function (a, b) { return a.action_minutes - b.action_minutes; });
      return todo.map(function (m) { return {id: m.id, belt: m.belt, minutes: m.action_minutes}; });
    }

    /* assessment.notes_for */
    function notesFor(answers, belt, targetBelt) {
      var notes = [];
      if (answers.findable !== "no_profile" && answers.profile === "outdated") notes.push("outdated_profile");
      notes.push(answers.offline_networking ? "offline_keep" : "offline");
      if (targetBelt === "green" && (answers.premium || belt !== "black")) notes.push("premium_not_needed");
      if (ORDER[belt] > ORDER[targetBelt]) notes.push("above_target");
      notes.push("recommendations");
      return notes;
    }

    /**
     * assessment.assess for a plain answers object (already valid).
     * @returns {object} belt, score, percentile, band, target_belt, position, markers,
     *   signals, green_met, black_met, actions, notes, hours_per_week, usefulness, best_hours
     *   (the curve's optimum, JSON curve_optimum_hours) and target_hours (the target belt's
     *   typical hours, JSON target_hours: the best balance the report names).
     */
    function assess(answers) {
      var hasProfile = answers.findable !== "no_profile";
      /* Without a profile no marker of LinkedIn use can hold (assessment.assess). */
      var markers = R.markers.map(function (m) { return {id: m.id, belt: m.belt, met: hasProfile && markerMet(m, answers)}; });
      var signals = R.signals.map(function (s) { return {id: s.id, belt: "signal", met: markerMet(s, answers)}; });
      var greenMet = markers.filter(function (m) { return m.belt === "green" && m.met; }).length;
      var blackMet = markers.filter(function (m) { return m.belt === "black" && m.met; }).length;
      var belt = beltFor(hasProfile, greenMet, blackMet);
      var score = scoreFor(hasProfile, greenMet, blackMet);
      var target = R.target_belt[answers.persona];
      var mine = ORDER[belt], aim = ORDER[target];
      return {
        persona: answers.persona, has_profile: hasProfile, belt: belt, score: score,
        percentile: percentileFor(belt, score), band: R.bands[belt].slice(), target_belt: target,
        position: mine < aim ? "below" : mine > aim ? "above" : "at",
        markers: markers, signals: signals, green_met: greenMet, black_met: blackMet,
        actions: actionPlan(markers, target, hasProfile), notes: notesFor(answers, belt, target),
        hours_per_week: answers.hours_per_week,
        usefulness: usefulness(effectiveHours(score), answers.persona),
        best_hours: bestHours(answers.persona), target_hours: R.belt_hours[target]
      };
    }

    function beltName(belt, lang) { return t("belt." + belt, lang); }

    var POSITION_KEYS = {below: "result.below_target", at: "result.at_target", above: "result.above_target"};

    /* report.result_lines */
    function resultLines(a, lang) {
      var belt = beltName(a.belt, lang);
      var lines = [t("result.belt", lang, {belt: belt}),
        t("result.score", lang, {score: number(a.score, lang, 1), green: a.green_met, black: a.black_met})];
      if (a.belt === "none") {
        lines.push(t("result.percentile_none", lang));
      } else {
        lines.push(t("result.percentile", lang, {
          percentile: number(a.percentile, lang, 1), percentile_pct: percent(a.percentile, lang, 0), belt: belt,
          low: number(a.band[0], lang), high: number(a.band[1], lang)}));
      }
      var target = beltName(a.target_belt, lang);
      lines.push(t("result.target", lang, {persona: t("persona." + a.persona, lang), target: target}));
      lines.push(t(POSITION_KEYS[a.position], lang));
      lines.push(t("result.effort", lang, {hours: hours(a.hours_per_week, lang), usefulness: number(a.usefulness, lang, 2),
        target_hours: hours(R.belt_hours[a.target_belt], lang), target: target}));
      return lines;
    }

    /* report.marker_rows */
    function markerRows(a, lang) {
      return a.markers.map(function (m) {
        return [beltName(m.belt, lang), t("marker." + m.id, lang), t(m.met ? "result.met" : "result.not_met", lang)];
      });
    }

    /* report.signals_line */
    function signalsLine(a, lang) {
      var held = a.signals.filter(function (s) { return s.met; }).map(function (s) { return t("signal." + s.id, lang); });
      return t("result.signals", lang, {signals: held.length ? held.join(", ") : t("result.no_signals", lang)});
    }

    /* report.plan_lines */
    function planLines(a, lang) {
      var target = beltName(a.target_belt, lang);
      if (a.belt === "none") return [t("plan.no_profile", lang)];
      if (!a.actions.length) return [t("plan.none", lang, {target: target})];
      var intro = a.position === "below" ? "plan.intro" : "plan.intro_reached";
      return [t(intro, lang, {target: target})].concat(a.actions.map(function (x) {
        return t("action." + x.id, lang) + " \u2014 " + t("reason." + x.id, lang) +
          " (" + t("minutes", lang, {minutes: x.minutes}) + ")";
      }));
    }

    /* report.note_lines */
    function noteLines(a, lang) {
      return a.notes.map(function (n) { return t("note." + n, lang); });
    }

    /* plots.alt_text */
    function altText(a, kind, lang) {
      if (kind === "population") {
        if (a.belt === "none") return t("plot.population.alt_none", lang);
        return t("plot.population.alt", lang, {percentile: number(a.percentile, lang, 1), belt: beltName(a.belt, lang),
          low: number(a.band[0], lang), high: number(a.band[1], lang)});
      }
      if (kind !== "effort") throw new Error("kind: got " + kind + " (allowed: one of population, effort)");
      var target = a.target_belt;
      return t("plot.effort.alt", lang, {persona: t("persona." + a.persona, lang), target: beltName(target, lang),
        target_hours: hours(R.belt_hours[target], lang), hours: hours(a.hours_per_week, lang),
        usefulness: number(a.usefulness, lang, 2)});
    }

    /**
     * Read a number typed in the page's language: the same rules as ui.parse_number (tests/
     * test_number_parity.py checks they agree). English "1,234.5" or "1 234.5" (comma or space
     * between thousands, decimal point); French "1 234,5" (space between thousands, decimal
     * comma, or a point). Spaces may be plain, no-break or narrow no-break. French "1.500" is
     * refused (1.5 or 1500?); "2.5" and "0.500" are not ambiguous. A decimal mark needs digits
     * after it ("5." refused, ".5" read). A leading minus ("-" or U+2212) is kept (the range
     * check then refuses it); "+3", exponents, Infinity and NaN are refused.
     * @param {string} kind "int" (a count: whole, at most 2^53 - 1) or anything else (a number).
     * @returns {number|null} the number, or null when the text is not one in that
     *   language: "1,5" in English is refused, never read as 15.
     */
    function parseNumber(text, lang, kind) {
      var s = String(text).trim().replace(/\u2212/g, "-");
      var m;
      if (checkLang(lang) === "fr") {
        if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(s)) return null;
        m = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d*)(?:[,.](\d+))?$/.exec(s);
      } else {
        m = /^(-?)(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d*)(?:\.(\d+))?$/.exec(s);
      }
      if (!m || (m[2] === "" && m[3] === undefined)) return null;
      if (kind === "int" && m[3] !== undefined && /[1-9]/.test(m[3])) return null;
      var plain = m[1] + (m[2].replace(/\D/g, "") || "0") + (m[3] !== undefined ? "." + m[3] : "");
      var v = Number(plain) + 0;  /* + 0 turns -0 into 0, as answers.validate does */
      if (kind === "int" ? !Number.isSafeInteger(v) : !isFinite(v)) return null;
      return v;
    }

    /* A number as the page writes it into an input (interactive.input_text): shortest
       digits, no thousands separator, the language's decimal mark. */
    function inputText(v, lang) {
      var s = Number.isInteger(v) ? BigInt(v).toString() : String(v);
      if (/e/i.test(s)) s = v.toFixed(20).replace(/\.?0+$/, "");
      return checkLang(lang) === "fr" ? s.replace(".", ",") : s;
    }

    /**
     * Check one typed answer against its field spec (FIELDS in the page data).
     * @returns {object} {ok, value}: value is the number when ok.
     */
    function readNumber(spec, text, lang) {
      var v = parseNumber(text, lang, spec.kind);
      var ok = v !== null && v >= spec.min && (spec.max === null || v <= spec.max);
      return {ok: ok, value: ok ? v : null};
    }

    var NEED_KEYS = {int: {range: "page.need_int_range", min: "page.need_int_min"},
      number: {range: "page.need_number_range", min: "page.need_number_min"}};

    /* interactive.field_message: what a number field accepts, naming the field (label: its
       label's text), and the answer the result still uses (kept; left out when undefined). */
    function fieldMessage(label, spec, lang, kept) {
      var limit = function (v) { return number(v, lang, spec.kind === "number" && v % 1 ? 2 : 0); };
      var values = {field: label, min: limit(spec.min)};
      var text;
      if (spec.max === null) text = t(NEED_KEYS[spec.kind].min, lang, values);
      else { values.max = limit(spec.max); text = t(NEED_KEYS[spec.kind].range, lang, values); }
      return kept === undefined ? text : text + " " + t("page.kept", lang, {value: keptText(kept, lang)});
    }

    /* ui.kept_text: a kept answer as a sentence shows it, number() with as many decimals as
       its shortest form ("1,500" / "1 500" with a narrow no-break space, "2.5" / "2,5"). */
    function keptText(v, lang) {
      var s = inputText(v, "en");
      var dot = s.indexOf(".");
      return number(v, lang, dot === -1 ? 0 : s.length - dot - 1);
    }

    /** Every sentence of one assessment in one language. */
    function texts(a, lang) {
      return {
        result_lines: resultLines(a, lang), marker_rows: markerRows(a, lang), signals_line: signalsLine(a, lang),
        plan_lines: planLines(a, lang), note_lines: noteLines(a, lang),
        action_texts: a.actions.map(function (x) { return t("action." + x.id, lang); }),
        alt_population: altText(a, "population", lang), alt_effort: altText(a, "effort", lang),
        you_label: a.belt === "none" ? "" : t("plot.population.you", lang, {percentile: number(a.percentile, lang, 1)})
      };
    }

    return {
      t: t, number: number, percent: percent, hours: hours, fixed: fixed, assess: assess, texts: texts,
      parseNumber: parseNumber, inputText: inputText, readNumber: readNumber, fieldMessage: fieldMessage,
      keptText: keptText,
      markerMet: markerMet, beltFor: beltFor, scoreFor: scoreFor, percentileFor: percentileFor,
      roundHalfUp: roundHalfUp, usefulness: usefulness, bestHours: bestHours, effectiveHours: effectiveHours,
      resultLines: resultLines, markerRows: markerRows, signalsLine: signalsLine, planLines: planLines,
      noteLines: noteLines, altText: altText
    };
  }

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
      if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value);
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
    var E = makeEngine(data);
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
    var plotBox = {population: doc.querySelector(".belt-plot-population"), effort: doc.querySelector(".belt-plot-effort")};
    var langSelect = doc.querySelector(".belt-lang select");
    var resetButton = doc.querySelector(".belt-reset");

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
      var details = el("details");
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
      var nodes = [el("p", null, tx.plan_lines[0])];
      if (tx.plan_lines.length > 1) {
        var ol = el("ol");
        tx.plan_lines.slice(1).forEach(function (line) { ol.appendChild(el("li", null, line)); });
        nodes.push(ol);
      }
      var p = el("p");
      p.appendChild(el("strong", null, E.t("plan.notes", lang)));
      nodes.push(p);
      var ul = el("ul");
      tx.note_lines.forEach(function (line) { ul.appendChild(el("li", null, line)); });
      nodes.push(ul);
      morphChildren(planBox, nodes);
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

    /* The controls may hold values the browser restored (back/forward): start from the published answers. */
    writeControls();
    showOrigins();
    if (langSelect.value !== state.lang) langSelect.value = state.lang;
    update();
    doc.documentElement.setAttribute("data-belt-ready", "1");
    return {engine: E, state: state, update: update, applyLang: applyLang};
  }

  var api = {makeEngine: makeEngine, startPage: startPage};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
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
