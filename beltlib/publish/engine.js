/* Belt Report: the page's engine — a small generic evaluator of the rules table.
 *
 * Reads only data: the rules table (beltlib.rules.rules_table(): markers, signals,
 * conditions of the notes, what "has a profile" means, the markers the plan covers, the
 * band padding, the effort curves and anchors, the rule values sentences name), the text
 * catalogue (beltlib.texts.CATALOGUE), the field specs (beltlib.answers.FIELDS) and the locale
 * conventions (beltlib.locale.LOCALES: how each language writes and reads numbers). No threshold, weight, decision or sentence
 * is typed here: each function mirrors one Python function (named in its comment) with the
 * same arithmetic; tests/test_publish_engine_parity.py runs this file under Node and proves they
 * agree, and the page (page.js, DOM only) calls it. E.document returns the report document
 * of beltlib.document.build (the same sections and blocks): the sections that depend on the
 * answers are built here, the others come as data (data.document, built in Python).
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
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.BeltEngine = api;
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

    /* texts.hours: one decimal below 10 hours, none above. */
    function hours(x, lang) {
      return number(x, lang, x < 10 ? 1 : 0);
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

    /* ---------------------------------------------------------- sentences (beltlib.sentences) */

    function beltName(belt, lang) { return t("belt." + belt, lang); }

    /* sentences.duration */
    function duration(minutes, lang) {
      if (minutes < 60) return t("minutes", lang, {minutes: minutes});
      if (minutes % 60 === 0) return t("duration.whole_hours", lang, {h: minutes / 60});
      var mm = String(minutes % 60);
      return t("duration.hours", lang, {h: Math.floor(minutes / 60), mm: mm.length < 2 ? "0" + mm : mm});
    }

    /* sentences.steps_text */
    function stepsText(ids, lang) {
      var names = ids.map(function (i) { return t("step." + i, lang); });
      if (names.length < 2) return names.join("");
      return names.slice(0, -1).join(", ") + t("list.and", lang) + names[names.length - 1];
    }

    /* sentences.distance_line */
    function distanceLine(a, lang) {
      var values = {target: beltName(a.target_belt, lang), n: a.markers_needed, steps: stepsText(a.shortest_path, lang),
        duration: duration(a.shortest_path_minutes, lang)};
      if (a.belt === "none") return t("result.distance.none", lang, values);
      if (a.position === "below") return t(a.markers_needed === 1 ? "result.distance.one" : "result.distance.many", lang, values);
      return t("result.distance." + a.position, lang, values);
    }

    /* sentences.marker_share */
    function markerShare(a) {
      return Math.min(1.0, a.score / targetPoints(a.target_belt));
    }

    /* sentences.usefulness_text: 2 decimals, never "-0.00" */
    function usefulnessText(x, lang) {
      var text = number(x, lang, 2);
      return text.charAt(0) === "-" && !text.replace(/^[-0.,]+/, "") ? text.slice(1) : text;
    }

    /* sentences.result_notes: the notes placed in the result (place: result), right after the belt lines. */
    var RESULT_NOTES = {};
    R.notes.forEach(function (n) { if (n.place === "result") RESULT_NOTES[n.id] = true; });
    function resultNotes(a, lang) {
      return a.notes.filter(function (n) { return RESULT_NOTES[n]; }).map(function (n) { return note(n, a, lang); });
    }

    /* sentences._note */
    function note(id, a, lang) {
      return t("note." + id, lang, {hours: hours(a.hours_per_week, lang), target: beltName(a.target_belt, lang),
        target_hours: hours(a.target_hours, lang)});
    }

    /* sentences.details_line */
    function detailsLine(a, lang) {
      var values = {score: number(a.score, lang, 1), green: a.green_met, black: a.black_met,
        usefulness: usefulnessText(a.usefulness, lang), percentile_pct: percent(a.percentile, lang, 0)};
      return t(a.belt === "none" ? "result.details_none" : "result.details", lang, values);
    }

    /* sentences.result_lines: belt, distance, target, effort, details */
    function resultLines(a, lang) {
      var share = Object.prototype.hasOwnProperty.call(R.shares, a.belt) ? percent(R.shares[a.belt], lang) : "";
      var target = beltName(a.target_belt, lang);
      return [t("result.belt." + a.belt, lang, {share: share}), distanceLine(a, lang),
        t("result.target." + a.persona, lang, {target: target}),
        t(a.belt === "none" ? "result.effort_none" : "result.effort", lang, {
          hours: hours(a.hours_per_week, lang), target_hours: hours(a.target_hours, lang), target: target}),
        detailsLine(a, lang)];
    }

    /* sentences.summary_text: the belt's title and one short line (no list of the steps) */
    function summaryText(a, lang) {
      var values = {target: beltName(a.target_belt, lang), n: a.markers_needed,
        duration: duration(a.shortest_path_minutes, lang)};
      var key;
      if (a.belt === "none") key = "none";
      else if (a.position === "below") key = a.markers_needed === 1 ? "one" : "many";
      else key = a.position;
      return [t("belt_title." + a.belt, lang), t("summary.distance." + key, lang, values)];
    }

    /* sentences.marker_rows */
    function markerRows(a, lang) {
      return a.markers.map(function (m) {
        return [beltName(m.belt, lang), t("marker." + m.id, lang), t(m.met ? "result.met" : "result.not_met", lang)];
      });
    }

    /* sentences.signals_line */
    function signalsLine(a, lang) {
      var held = a.signals.filter(function (s) { return s.met; }).map(function (s) { return t("signal." + s.id, lang); });
      return t("result.signals", lang, {signals: held.length ? held.join(", ") : t("result.no_signals", lang)});
    }

    /* sentences.action_line */
    function actionLine(x, lang) {
      return t("plan.line", lang, {action: t("action." + x.id, lang), reason: t("reason." + x.id, lang),
        duration: duration(x.minutes, lang), cadence: t("cadence." + x.cadence, lang)});
    }

    /* sentences.plan_sections: [[heading, [lines]], ...]; never contradicting the notes */
    function planSections(a, lang) {
      if (a.belt === "none") return [[t("plan.no_profile", lang), []]];
      var mode = a.persona === "not_looking" ? "gentle" : "firm";
      var target = beltName(a.target_belt, lang);
      var path = a.actions.filter(function (x) { return x.on_path; });
      var firstIds = {};
      R.notes.forEach(function (n) {
        if (n.first_step === undefined || a.notes.indexOf(n.id) === -1) return;
        R.markers.forEach(function (m) { if (m.field === n.first_step) firstIds[m.id] = true; });
      });
      var first = path.length ? [] : a.actions.filter(function (x) { return !x.on_path && firstIds[x.id]; });
      var optional = a.actions.filter(function (x) { return !x.on_path && first.indexOf(x) === -1; })
        .map(function (x) { return actionLine(x, lang); });
      var planBelts = R.plan_belts[a.target_belt];
      var met = {};
      a.markers.forEach(function (m) { if (m.met) met[m.id] = true; });
      var weekly = R.markers.filter(function (m) {
        return planBelts.indexOf(m.belt) !== -1 && m.cadence === "weekly" &&
          ((met[m.id] && m.keep_up !== false) || a.shortest_path.indexOf(m.id) !== -1);
      }).map(function (m) { return t("weekly." + m.id, lang, {invites: R.weekly_invites}); });
      var every = [t("plan.every_week." + mode, lang, {hours: hours(a.target_hours, lang), target: target}), weekly];
      var sections = [];
      if (path.length) {
        sections.push([t("plan.this_week." + mode + "." + (path.length === 1 ? "one" : "many"), lang,
          {n: path.length, target: target, duration: duration(a.shortest_path_minutes, lang)}),
          path.map(function (x) { return actionLine(x, lang); })]);
        if (weekly.length) sections.push(every);
        if (optional.length) sections.push([t("plan.optional", lang), optional]);
        return sections;
      }
      if (first.length) sections.push([t("plan.first." + mode, lang), first.map(function (x) { return actionLine(x, lang); })]);
      if (optional.length) sections.push([t("plan.optional_reached", lang, {target: target}), optional]);
      else if (!first.length) sections.push([t("plan.none", lang, {target: target, hours: hours(a.target_hours, lang)}), []]);
      if (weekly.length) sections.push(every);
      return sections;
    }

    /* sentences.plan_lines */
    function planLines(a, lang) {
      var out = [];
      planSections(a, lang).forEach(function (s) { out.push(s[0]); out = out.concat(s[1]); });
      return out;
    }

    /* sentences.note_lines */
    function noteLines(a, lang) {
      return a.notes.filter(function (n) { return !RESULT_NOTES[n]; }).map(function (n) { return note(n, a, lang); });
    }

    /* plots.alt_text */
    function altText(a, kind, lang) {
      if (kind === "population") {
        if (a.belt === "none") return t("plot.population.alt_none", lang);
        return t("plot.population.alt", lang, {percentile: percent(a.percentile, lang), belt: beltName(a.belt, lang),
          low: percent(a.band[0], lang), high: percent(a.band[1], lang)});
      }
      if (kind !== "effort") throw new Error("kind: got " + kind + " (allowed: one of population, effort)");
      var target = a.target_belt;
      return t("plot.effort.alt", lang, {persona: t("persona." + a.persona, lang), target: beltName(target, lang),
        target_hours: hours(R.belt_hours[target], lang), hours: hours(a.hours_per_week, lang),
        usefulness: usefulnessText(a.usefulness, lang), share: percent(100 * markerShare(a), lang)});
    }

    /* ---------------------------------------------------------- the report document (beltlib.document) */

    /* The field labels' catalogue keys are FIELD_KEY, a dot, the field's name: the page's form
       names every field with a data-t label, so these texts are embedded without a key prefix
       literal here (which would also embed the label of the answers file's schema). */
    var FIELD_KEY = "field";

    /* sentences.answer_text */
    function answerText(answers, field, lang) {
      var value = answers[field];
      var kind = data.fields[field].kind;
      if (kind === "choice") return t("choice." + field + "." + value, lang);
      if (kind === "bool") return t(value ? "value.yes" : "value.no", lang);
      if (field === "hours_per_week") return hours(value, lang);
      return number(value, lang);
    }

    /* sentences.answers_rows: (question, answer[, origin]) in questionnaire order (field_order). */
    function answersRows(answers, lang, provenance) {
      return data.field_order.map(function (f) {
        var row = [t(FIELD_KEY + "." + f, lang), answerText(answers, f, lang)];
        if (provenance) {
          var where = Object.prototype.hasOwnProperty.call(provenance, f) ? provenance[f] : "you";
          row.push(t("origin." + where, lang));
        }
        return row;
      });
    }

    /* document.paragraph, note, bullets, table, figure, badge: the blocks. */
    var block = {
      paragraph: function (text) { return {kind: "paragraph", text: text}; },
      note: function (text) { return {kind: "note", text: text}; },
      list: function (items, ordered) { return {kind: "list", ordered: !!ordered, items: items.slice()}; },
      table: function (columns, rows, cls, title) {
        return {kind: "table", columns: columns.slice(), rows: rows.map(function (r) { return r.slice(); }),
          "class": cls, title: title === undefined ? null : title};
      },
      figure: function (plot, alt) { return {kind: "figure", plot: plot, alt: alt, caption: alt}; },
      badge: function (belt, lang) { return {kind: "badge", belt: belt, text: t("belt_title." + belt, lang)}; }
    };

    /* document.section */
    function section(ident, heading, lang, area, blocks, cls, values) {
      return {id: ident, heading: heading, title: t(heading, lang), area: area, "class": cls || "belt-" + ident,
        data: Object.assign({}, values || {}), blocks: blocks};
    }

    /* The sections that depend on the answers, built here as document.SECTIONS builds them; the
       others come as data (data.document: the Python-built document of each language). */
    var SECTION_BUILDERS = {
      /* document._result */
      result: function (a, lang) {
        var markers = block.table([t("synthesis.belt", lang), t("result.marker", lang), t("result.met_header", lang)],
          markerRows(a, lang), "belt-markers", t("result.markers_title", lang));
        var lines = resultLines(a, lang);  /* the belt and the distance lead; a time warning follows them at once */
        var blocks = [block.badge(a.belt, lang)].concat(lines.slice(0, 2).map(block.paragraph),
          resultNotes(a, lang).map(block.note), lines.slice(2).map(block.paragraph),
          [markers, block.paragraph(signalsLine(a, lang))]);
        return section("result", "result.title", lang, "outcome", blocks, "belt-result", {belt: a.belt});
      },
      /* document._population_plot */
      population_plot: function (a, lang) {
        return section("population_plot", "plot.population.title", lang, "outcome",
          [block.figure("population", altText(a, "population", lang))], "belt-plot-section");
      },
      /* document._effort_plot */
      effort_plot: function (a, lang) {
        return section("effort_plot", "plot.effort.title", lang, "outcome",
          [block.figure("effort", altText(a, "effort", lang))], "belt-plot-section");
      },
      /* document._action_plan */
      action_plan: function (a, lang) {
        var blocks = [];
        planSections(a, lang).forEach(function (s) {
          blocks.push(block.paragraph(s[0]));
          if (s[1].length) blocks.push(block.list(s[1], true));
        });
        blocks.push(block.paragraph(t("plan.notes", lang)), block.list(noteLines(a, lang), false));
        return section("action_plan", "plan.title", lang, "outcome", blocks, "belt-plan");
      },
      /* document._questionnaire */
      questionnaire: function (a, lang, ctx) {
        var columns = [t("answers.field", lang), t("answers.value", lang)];
        if (ctx.provenance) columns.push(t("answers.origin", lang));
        return section("questionnaire", "answers.title", lang, "answers",
          [block.table(columns, answersRows(ctx.answers || a.answers, lang, ctx.provenance), "belt-answers")],
          "belt-answers-section");
      }
    };

    /**
     * The report as a document (beltlib.document.build): the same ids, headings, titles, areas,
     * classes, data and blocks. Sections in the order of the shipped document of that language
     * (data.document[lang], built in Python for the published answers); those that depend on the
     * answers are rebuilt here, the others (intro, the export's summary, synthesis, method, and
     * any section this file does not know) are taken as shipped.
     * @param {object} a an assessment (assess)
     * @param {string} lang "en" or "fr"
     * @param {object} [opts] {answers (default the assessment's), provenance (field -> origin, or
     *   null: no origin column), title (null: the catalogue's default), only (ids to build)}
     * @returns {object} {lang, title, summary: {belt, title, distance}, announce, sections}
     * @throws {Error} unknown lang, or an id in `only` that the document has not
     */
    function documentOf(a, lang, opts) {
      opts = opts || {};
      checkLang(lang);
      var ctx = {answers: opts.answers || a.answers, provenance: opts.provenance || null};
      var shipped = data.document && data.document[lang] ? data.document[lang].sections : null;
      var order = shipped ? shipped.map(function (s) { return s.id; }) : Object.keys(SECTION_BUILDERS);
      var wanted = opts.only || order;
      wanted.forEach(function (id) {
        if (order.indexOf(id) === -1) throw new Error("only: got " + id + " (allowed: " + order.join(", ") + ")");
      });
      var sections = [];
      order.forEach(function (id, i) {
        if (wanted.indexOf(id) === -1) return;
        var make = SECTION_BUILDERS[id];
        sections.push(make ? make(a, lang, ctx) : shipped[i]);
      });
      var summary = summaryText(a, lang);
      return {lang: lang, title: opts.title ? opts.title : t("report.default_title", lang),
        summary: {belt: a.belt, title: summary[0], distance: summary[1]},
        announce: t("result.belt", lang, {belt: beltName(a.belt, lang)}), sections: sections};
    }

    /* The population plot's "you" label (plots.population_plot): empty without a belt. */
    function youLabel(a, lang) {
      return a.belt === "none" ? "" : t("plot.population.you", lang, {percentile: percent(a.percentile, lang)});
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
    function texts(a, lang) {
      return {
        result_lines: resultLines(a, lang), marker_rows: markerRows(a, lang), signals_line: signalsLine(a, lang),
        plan_sections: planSections(a, lang), plan_lines: planLines(a, lang), note_lines: noteLines(a, lang),
        summary: summaryText(a, lang),
        action_texts: a.actions.map(function (x) { return t("action." + x.id, lang); }),
        alt_population: altText(a, "population", lang), alt_effort: altText(a, "effort", lang),
        you_label: a.belt === "none" ? "" : t("plot.population.you", lang, {percentile: percent(a.percentile, lang)})
      };
    }

    return {
      t: t, number: number, percent: percent, hours: hours, fixed: fixed, assess: assess, texts: texts,
      parseNumber: parseNumber, inputText: inputText, readNumber: readNumber, fieldMessage: fieldMessage,
      keptText: keptText, markerMet: markerMet, conditionMet: conditionMet, beltFor: beltFor, scoreFor: scoreFor,
      percentileFor: percentileFor, roundHalfUp: roundHalfUp, usefulness: usefulness, gain: gain, bestHours: bestHours,
      shortestPath: shortestPath, resultNotes: resultNotes, detailsLine: detailsLine,
      targetPoints: targetPoints, personUsefulness: personUsefulness,
      duration: duration, stepsText: stepsText, distanceLine: distanceLine, resultLines: resultLines,
      summaryText: summaryText, markerRows: markerRows, signalsLine: signalsLine, planSections: planSections,
      planLines: planLines, noteLines: noteLines, altText: altText,
      answerText: answerText, answersRows: answersRows, document: documentOf, youLabel: youLabel
    };
  }

  return {makeEngine: makeEngine};
});
