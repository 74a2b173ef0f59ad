/* Belt Report: the page's engine — a small generic evaluator of the rules table.
 *
 * Reads only data: the rules table (beltlib.rules.rules_table(): markers, signals,
 * conditions of the notes, what "has a profile" means, the markers the plan covers, the
 * band padding, the effort curves and anchors, the rule values sentences name), the text
 * catalogue (beltlib.texts.CATALOGUE), the field specs (beltlib.answers.FIELDS) and the locale
 * conventions (beltlib.locale.LOCALES: how each language writes and reads numbers). No threshold, weight, decision or sentence
 * is typed here: each function mirrors one Python function (named in its comment) with the
 * same arithmetic; tests/test_publish_engine_parity.py runs this file under Node and proves they
 * agree, and the page (page.js, DOM only) calls it. The sentences and the report document
 * (E.document, the same as beltlib.document.build) are in engine_words.js, added as a part.
 *
 * Works under Node (module.exports) and in the page (window.BeltEngine); uses no DOM.
 *
 * Catalogue keys are written here as whole double-quoted literals ("result.score") or
 * double-quoted prefixes ending with a dot ("marker."): beltlib.publish.interactive.page_text_keys
 * reads them to embed only the texts the page uses. Build any other key from such a literal.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  root.BeltEngine = api;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    require("./engine_words.js");  /* under Node: the sentences and the document (in the page: inlined next) */
    require("./since.js");  /* "since last time" and an earlier answers file */
    require("./plan.js");  /* the plan as a calendar (needs ICAL: vendor/ical.min.js) */
  }
})(typeof window !== "undefined" ? window : globalThis, function () {
  "use strict";

  /**
   * Build the engine from the page data.
   * @param {object} data {rules, catalogue, langs, fields, locale}
   * @returns {object} assess, texts and the helpers they use
   */
  function makeEngine(data) {
    var R = data.rules;
    var CAT = data.catalogue;
    var LANGS = data.langs;
    var LOCALE = data.locale;
    var ORDER = {};
    R.belts.forEach(function (b, i) { ORDER[b] = i; });

    function checkLang(lang) {
      if (LANGS.indexOf(lang) === -1) throw new Error("lang: got " + lang + " (allowed: one of " + LANGS.join(", ") + ")");
      return lang;
    }

    /* locale.conventions: the language's row of the locale table. */
    function conventions(lang) {
      return LOCALE[checkLang(lang)];
    }

    /* texts.t: the catalogue template with {name} placeholders filled (str.format subset); a
       placeholder not given that names a rule value (rules.text_values) is filled from the table. */
    function t(key, lang, values) {
      var tpl = CAT[checkLang(lang)][key];
      if (tpl === undefined) throw new Error("unknown text key: " + key);
      if (tpl.indexOf("{") === -1 && tpl.indexOf("}") === -1) return tpl;  /* nothing to fill (most labels) */
      var own = Object.prototype.hasOwnProperty;
      return tpl.replace(/\{\{|\}\}|\{(\w+)\}/g, function (m, name) {
        if (m === "{{") return "{";
        if (m === "}}") return "}";
        if (values && own.call(values, name)) return String(values[name]);
        if (R.text_values && own.call(R.text_values, name)) return ruleValueText(R.text_values[name], lang);
        throw new Error("text " + key + ": no value for {" + name + "}");
      });
    }

    /* texts.rule_value_text: one rule value ({value, format, digits}) as a sentence shows it. */
    function ruleValueText(entry, lang) {
      if (entry.format === "percent") return percent(entry.value, lang, entry.digits);
      if (entry.format === "number") return number(entry.value, lang, entry.digits);
      throw new Error("format: got " + entry.format + " (allowed: one of number, percent)");
    }

    /* Python's f"{x:.{digits}f}": correctly rounded, exact ties to even
       (Number.prototype.toFixed breaks exact ties upwards, e.g. 0.25 -> "0.3"). For |x| < 1e21 (toFixed
       writes larger numbers with an exponent) and digits 0 to 59; the report's numbers have 0 to 2. */
    function fixed(x, digits) {
      var s = x.toFixed(digits);
      if (!(Math.abs(x) < 1e21) || digits > 59) return s;
      /* an exact tie has exactly digits + 1 decimals, the last a 5: anything else is rounded right already */
      var next = x.toFixed(digits + 1);
      if (next.charCodeAt(next.length - 1) !== 53) return s;
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

    /* texts.number: written as Python's f"{x:,.{digits}f}", then locale.localize_number: the
       language's thousands separator and decimal mark (French: narrow no-break space, comma). */
    function number(x, lang, digits) {
      var s = fixed(x, digits || 0);
      var neg = s.charAt(0) === "-";
      if (neg) s = s.slice(1);
      var parts = s.split(".");
      var text = (neg ? "-" : "") + parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",") +
        (parts.length > 1 ? "." + parts[1] : "");
      var c = conventions(lang);
      return text.replace(/[,.]/g, function (mark) { return mark === "," ? c.thousands_sep : c.decimal_mark; });
    }

    /* texts.percent (locale.percent_text: the language's pattern, e.g. "10%" or "10\u00a0%"). */
    function percent(x, lang, digits) {
      return conventions(lang).percent.split("{number}").join(number(x, lang, digits || 0));
    }

    /* texts.hours: one decimal below 10 hours, none from 10 up, more when the value has them (at most 2). */
    function hours(x, lang) {
      var decimals = fixed(x, 2).replace(/0+$/, "").split(".")[1] || "";  /* the decimals it has, at most 2 */
      return number(x, lang, Math.max(x < 10 ? 1 : 0, decimals.length));
    }

    /* ---------------------------------------------------------- rules (generic) */

    /* rules.marker_met: one test {field, op, value}; value may be {fact, times}. */
    function markerMet(m, facts) {
      var given = facts[m.field];
      var value = m.value;
      if (value !== null && typeof value === "object" && !Array.isArray(value)) value = facts[value.fact] * value.times;
      switch (m.op) {
        case "in": return value.indexOf(given) !== -1;
        case "not_in": return value.indexOf(given) === -1;
        case "is": return given === value;
        case "ge": return given >= value;
        case "gt": return given > value;
        default: throw new Error("rules table: unknown op " + m.op + " in " + (m.id || m.field));
      }
    }

    /* rules.condition_met: {all: [...]}, {any: [...]}, {not: c} or a test. */
    function conditionMet(cond, facts) {
      if (cond.all) return cond.all.every(function (c) { return conditionMet(c, facts); });
      if (cond.any) return cond.any.some(function (c) { return conditionMet(c, facts); });
      if (cond.not) return !conditionMet(cond.not, facts);
      return markerMet(cond, facts);
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
      if (belt === "none") return R.bands.none[0];
      var low = R.bands[belt][0], high = R.bands[belt][1];
      var sMin = R.band_scores[belt][0], sMax = R.band_scores[belt][1];
      var below = R.band_padding[belt][0], above = R.band_padding[belt][1];
      var fraction = (score - sMin + below) / ((sMax - sMin) + below + above);
      return roundHalfUp(low + (high - low) * fraction, 1);
    }

    /* effort.gain: what the hours bring, before their cost */
    function gain(hoursPerWeek, persona) {
      var c = R.effort_curves[persona];
      return c.ceiling * (1.0 - Math.exp(-hoursPerWeek / c.scale_hours));
    }

    /* effort.usefulness: the NET usefulness, what the hours bring minus what they cost */
    function usefulness(hoursPerWeek, persona) {
      return gain(hoursPerWeek, persona) - R.effort_curves[persona].cost_per_hour * hoursPerWeek;
    }

    /* effort.best_hours */
    function bestHours(persona) {
      var c = R.effort_curves[persona];
      return Math.max(0.0, c.scale_hours * Math.log(c.ceiling / (c.scale_hours * c.cost_per_hour)));
    }

    /* effort.target_points */
    function targetPoints(targetBelt) {
      var belts = R.plan_belts[targetBelt];
      var total = 0;
      R.markers.forEach(function (m) { if (belts.indexOf(m.belt) !== -1) total += R.weights[m.belt]; });
      return total;
    }

    /* effort.person_usefulness */
    function personUsefulness(hoursPerWeek, score, persona) {
      var share = Math.min(1.0, score / targetPoints(R.target_belt[persona]));
      return gain(hoursPerWeek, persona) * share - R.effort_curves[persona].cost_per_hour * hoursPerWeek;
    }

    /* plan._candidates: the answer values that meet a marker's test. */
    function candidates(m) {
      if (m.op === "in") return m.value.slice();
      if (m.op === "is" || m.op === "ge") return [m.value];
      if (m.op === "gt") return [m.value + 1];
      return [];
    }

    /* plan.options: per answer (field, table order), the steps that meet more of the target's markers
       than today: [field, [[naming id, [ids met], minutes, weekly], ...]]. */
    function options(targetBelt, met) {
      var planMarkers = R.markers.filter(function (m) { return R.plan_belts[targetBelt].indexOf(m.belt) !== -1; });
      var fields = [];
      planMarkers.forEach(function (m) { if (fields.indexOf(m.field) === -1) fields.push(m.field); });
      return fields.map(function (f) {
        var onField = planMarkers.filter(function (m) { return m.field === f; });
        var now = onField.filter(function (m) { return met[m.id]; }).map(function (m) { return m.id; });
        var steps = [], seen = {};
        onField.forEach(function (m) {
          candidates(m).forEach(function (v) {
            var probe = {};
            probe[f] = v;
            var meets = onField.filter(function (x) { return markerMet(x, probe); }).map(function (x) { return x.id; });
            var gainIds = meets.filter(function (i) { return now.indexOf(i) === -1; });
            var keeps = now.every(function (i) { return meets.indexOf(i) !== -1; });
            var key = gainIds.join(" ");
            if (!gainIds.length || !keeps || Object.prototype.hasOwnProperty.call(seen, key)) return;
            seen[key] = true;
            var rows = onField.filter(function (x) { return gainIds.indexOf(x.id) !== -1; });
            var top = rows[0];
            rows.forEach(function (x) { if (x.action_minutes > top.action_minutes) top = x; });
            steps.push([top.id, gainIds, top.action_minutes, rows.some(function (x) { return x.cadence === "weekly"; })]);
          });
        });
        return [f, steps];
      });
    }

    /* plan._reaches */
    function reaches(targetBelt, got) {
      var byId = {};
      R.markers.forEach(function (m) { byId[m.id] = m; });
      return R.plan_belts[targetBelt].every(function (belt) {
        return Object.keys(got).filter(function (i) { return byId[i].belt === belt; }).length >= R.min_markers[belt];
      });
    }

    /* plan.shortest_path: the fewest answer changes that reach the target, then the fewest minutes, then
       the fewest weekly habits, then the first found (the same walk as Python); ordered by priority,
       minutes, one-off before weekly. Memoised per (target, markers met, required field). */
    var PATHS = {};
    function shortestPath(targetBelt, metIds, require) {
      var key = targetBelt + "|" + metIds.join(" ") + "|" + (require || "");
      if (Object.prototype.hasOwnProperty.call(PATHS, key)) return PATHS[key];
      var met = {};
      metIds.forEach(function (i) { met[i] = true; });
      var opts = options(targetBelt, met);
      var bestCost = null, best = [];
      function less(x, y) {
        for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
        return false;
      }
      function walk(i, chosen, got, done) {
        if (bestCost !== null && chosen.length > bestCost[0]) return;
        if (i === opts.length) {
          if ((done || require === null) && reaches(targetBelt, got)) {
            var minutes = 0, weekly = 0;
            chosen.forEach(function (s) { minutes += s[2]; if (s[3]) weekly += 1; });
            var cost = [chosen.length, minutes, weekly];
            if (bestCost === null || less(cost, bestCost)) { bestCost = cost; best = chosen; }
          }
          return;
        }
        var field = opts[i][0];
        walk(i + 1, chosen, got, done);
        opts[i][1].forEach(function (s) {
          var more = Object.assign({}, got);
          s[1].forEach(function (id) { more[id] = true; });
          walk(i + 1, chosen.concat([s]), more, done || field === require);
        });
      }
      walk(0, [], Object.assign({}, met), require === null || opts.every(function (o) { return o[0] !== require || !o[1].length; }));
      var byId = {};
      R.markers.forEach(function (m) { byId[m.id] = m; });
      var out = best.slice().sort(function (x, y) {
        return (byId[x[0]].priority - byId[y[0]].priority) || (x[2] - y[2]) || ((x[3] ? 1 : 0) - (y[3] ? 1 : 0));
      });
      PATHS[key] = out;
      return out;
    }

    /* assessment._plan: the path's steps, then the target's other unmet markers the path does not meet,
       by (priority, minutes, one-off before weekly), stable. */
    function plan(markers, targetBelt, require) {
      var table = {};
      R.markers.forEach(function (m) { table[m.id] = m; });
      var metIds = markers.filter(function (m) { return m.met; }).map(function (m) { return m.id; });
      var steps = shortestPath(targetBelt, metIds, require);
      var covered = {};
      steps.forEach(function (s) { s[1].forEach(function (i) { covered[i] = true; }); });
      var rest = markers.filter(function (m) {
        return R.plan_belts[targetBelt].indexOf(m.belt) !== -1 && !m.met && !covered[m.id];
      }).map(function (m) { return table[m.id]; });
      rest.sort(function (a, b) {
        return (a.priority - b.priority) || (a.action_minutes - b.action_minutes) ||
          ((a.cadence === "weekly" ? 1 : 0) - (b.cadence === "weekly" ? 1 : 0));
      });
      return {path: steps.map(function (s) { return table[s[0]]; }), rest: rest};
    }

    /* assessment.assess for a plain answers object (already valid). */
    function assess(answers) {
      var facts = Object.assign({}, answers);
      var hasProfile = conditionMet(R.has_profile, facts);
      /* Without a profile no marker of LinkedIn use can hold. */
      var markers = R.markers.map(function (m) { return {id: m.id, belt: m.belt, met: hasProfile && markerMet(m, facts)}; });
      var signals = R.signals.map(function (s) { return {id: s.id, belt: "signal", met: markerMet(s, facts)}; });
      var greenMet = markers.filter(function (m) { return m.belt === "green" && m.met; }).length;
      var blackMet = markers.filter(function (m) { return m.belt === "black" && m.met; }).length;
      var belt = beltFor(hasProfile, greenMet, blackMet);
      var score = scoreFor(hasProfile, greenMet, blackMet);
      var target = R.target_belt[answers.persona];
      var mine = ORDER[belt], aim = ORDER[target];
      var position = mine < aim ? "below" : mine > aim ? "above" : "at";
      Object.assign(facts, {has_profile: hasProfile, belt: belt, target_belt: target, position: position,
        target_hours: R.belt_hours[target]});
      /* The report tells a person with an outdated profile to update it first: below the target, it is a step. */
      var first = position === "below" ? R.notes.filter(function (n) {
        return n.first_step !== undefined && conditionMet(n.when, facts);
      }) : [];
      var p = plan(markers, target, first.length ? first[0].first_step : null);
      var actions = !hasProfile ? [] : p.path.concat(p.rest).map(function (m) {
        return {id: m.id, belt: m.belt, minutes: m.action_minutes, cadence: m.cadence, on_path: p.path.indexOf(m) !== -1};
      });
      var minutes = 0;
      p.path.forEach(function (m) { minutes += m.action_minutes; });
      return {
        answers: answers, persona: answers.persona, has_profile: hasProfile, belt: belt, score: score,
        percentile: percentileFor(belt, score), band: R.bands[belt].slice(), target_belt: target,
        position: position, markers: markers, signals: signals, green_met: greenMet, black_met: blackMet,
        actions: actions,
        notes: R.notes.filter(function (n) { return conditionMet(n.when, facts); }).map(function (n) { return n.id; }),
        hours_per_week: answers.hours_per_week,
        usefulness: personUsefulness(answers.hours_per_week, hasProfile ? score : 0.0, answers.persona),
        best_hours: bestHours(answers.persona), target_hours: R.belt_hours[target],
        markers_needed: p.path.length, shortest_path: p.path.map(function (m) { return m.id; }),
        shortest_path_minutes: minutes
      };
    }

    /* ---------------------------------------------------------- typed numbers (beltlib.numbers) */

    /**
     * Read a number typed in the page's language: the same rules as numbers.parse_number
     * (tests/test_numbers_parity.py checks they agree). English "1,234.5" or "1 234.5" (comma or
     * space between thousands, decimal point); French "1 234,5" (space between thousands, decimal
     * comma, or a point). Spaces may be plain, no-break or narrow no-break. French "1.500" is
     * refused (1.5 or 1500?); "2.5" and "0.500" are not ambiguous. A decimal mark needs digits
     * after it ("5." refused, ".5" read). A leading minus ("-" or U+2212) is kept (the range
     * check then refuses it); "+3", exponents, Infinity and NaN are refused.
     * @param {string} kind "int" (a count: whole, at most 2^53 - 1) or anything else (a number).
     * @returns {number|null} the number, or null when the text is not one in that language.
     */
    function parseNumber(text, lang, kind) {
      var s = String(text).trim().replace(/\u2212/g, "-");
      var re = numberPatterns(lang);
      if (re.ambiguous && re.ambiguous.test(s)) return null;
      var m = re.number.exec(s);
      if (!m || (m[2] === "" && m[3] === undefined)) return null;
      if (kind === "int" && m[3] !== undefined && /[1-9]/.test(m[3])) return null;
      var plain = m[1] + (m[2].replace(/\D/g, "") || "0") + (m[3] !== undefined ? "." + m[3] : "");
      var v = Number(plain) + 0;  /* + 0 turns -0 into 0, as answers.validate does */
      if (kind === "int" ? !Number.isSafeInteger(v) : !isFinite(v)) return null;
      return v;
    }

    /* locale.number_pattern and locale.is_ambiguous: a typed number's pattern, built from the
       language's read_thousands_seps and read_decimal_marks, and the pattern of a number refused
       as ambiguous (read_ambiguous_marks: French "1.500"), or null. Built once per language. */
    var PATTERNS = {};
    function numberPatterns(lang) {
      var c = conventions(lang);
      var cls = function (chars) { return "[" + chars.replace(/[\\\]\[^-]/g, "\\$&") + "]"; };
      if (!Object.prototype.hasOwnProperty.call(PATTERNS, lang)) {
        PATTERNS[lang] = {
          number: new RegExp("^(-?)(\\d{1,3}(?:" + cls(c.read_thousands_seps) + "\\d{3})+|\\d*)(?:" +
            cls(c.read_decimal_marks) + "(\\d+))?$"),
          ambiguous: c.read_ambiguous_marks ? new RegExp("^-?[1-9]\\d{0,2}" + cls(c.read_ambiguous_marks) + "\\d{3}$") : null
        };
      }
      return PATTERNS[lang];
    }

    /* A number as the page writes it into an input (interactive.input_text): shortest
       digits, no thousands separator, the language's decimal mark. */
    function inputText(v, lang) {
      var s = Number.isInteger(v) ? BigInt(v).toString() : String(v);
      if (/e/i.test(s)) s = v.toFixed(20).replace(/\.?0+$/, "");
      return s.replace(".", conventions(lang).decimal_mark);
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

    /* numbers.kept_text: a kept answer as a sentence shows it, number() with as many decimals as
       its shortest form ("1,500" / "1 500" with a narrow no-break space, "2.5" / "2,5"). */
    function keptText(v, lang) {
      var s = inputText(v, "en");
      var dot = s.indexOf(".");
      return number(v, lang, dot === -1 ? 0 : s.length - dot - 1);
    }

    /** Every sentence of one assessment in one language. */
    var api = {
      t: t, number: number, percent: percent, hours: hours, fixed: fixed, assess: assess, parseNumber: parseNumber,
      inputText: inputText, readNumber: readNumber, fieldMessage: fieldMessage, keptText: keptText,
      markerMet: markerMet, conditionMet: conditionMet, beltFor: beltFor, scoreFor: scoreFor,
      percentileFor: percentileFor, roundHalfUp: roundHalfUp, usefulness: usefulness, gain: gain,
      bestHours: bestHours, shortestPath: shortestPath, targetPoints: targetPoints,
      personUsefulness: personUsefulness, checkLang: checkLang, conventions: conventions
    };
    /* the parts that build the sentences and the document (engine_words.js), loaded after this file */
    PARTS.forEach(function (part) {
      var more = part(api, data);
      Object.keys(more).forEach(function (k) { api[k] = more[k]; });
    });
    return api;
  }

  /* Parts register here (engine_words.js) and are added to every engine makeEngine builds. */
  var PARTS = [];
  function addPart(part) { PARTS.push(part); }

  return {makeEngine: makeEngine, addPart: addPart};
});
