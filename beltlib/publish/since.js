/* Belt Report: the page engine's "since last time" — beltlib.since's mirror (compare, its words, the section
 * "since" of beltlib.document and the method's two assumptions) and an earlier answers file read as
 * beltlib.answers.parse_answers reads it (schema 1, every problem named, in the page language).
 *
 * A part of engine.js (BeltEngine.addPart), loaded after engine_words.js, in the page and under Node; no DOM.
 * tests/test_publish_since_parity.py proves E.document(..., {since}) is beltlib.document.build(..., since=…)'s.
 *
 * Catalogue keys are written as whole double-quoted literals or prefixes ending with a dot
 * (see engine.js): beltlib.publish.interactive.page_text_keys reads them.
 */
(function (root) {
  "use strict";

  root.BeltEngine.addPart(function (core, data) {
    var t = core.t, number = core.number;
    var own = Object.prototype.hasOwnProperty;
    /* since.COMPARED_FIELDS: the answers compared to decide whether two files can be one person's */
    var COMPARED = data.answers_order.filter(function (f) { return f !== "schema" && f !== "persona"; });
    var ORDER = data.rules.markers.map(function (m) { return m.id; });

    /* since.SinceError: key and values word it in any language (text(lang)); message: the English text.
       pageText(lang): the page's own words (pageKey, with pageValues(lang)): no command-line option on a page. */
    function SinceError(key, values, pageKey, pageValues) {
      var err = new Error(t(key, "en", values));
      err.key = key;
      err.values = values || {};
      err.text = function (lang) { return t(key, lang, err.values); };
      err.pageKey = pageKey;
      err.pageText = function (lang) { return t(pageKey, lang, pageValues ? pageValues(lang) : {}); };
      return err;
    }

    function two(n) { return (n < 10 ? "0" : "") + n; }
    /* A Date (local time) as Python's strftime("%Y-%m-%d %H:%M:%S"), plus the fraction (".%f", from the
       milliseconds) when `also` falls in the same second: since.time_stamps. */
    function stamp(time, also) {
      var text = time.getFullYear() + "-" + two(time.getMonth() + 1) + "-" + two(time.getDate()) + " " +
        two(time.getHours()) + ":" + two(time.getMinutes()) + ":" + two(time.getSeconds());
      if (Math.floor(time.getTime() / 1000) === Math.floor(also.getTime() / 1000)) {
        text += "." + String(time.getMilliseconds() * 1000 + 1000000).slice(1);
      }
      return text;
    }
    /* datetime.date of a local Date: {year, month, day}. */
    function dayOf(time) {
      return time ? {year: time.getFullYear(), month: time.getMonth() + 1, day: time.getDate()} : null;
    }

    /* since.same_answers */
    function sameAnswers(old, now) {
      return COMPARED.filter(function (f) { return old.answers[f] === now.answers[f]; });
    }

    /**
     * since.compare: the current assessment with an earlier one.
     * @param {object} old the earlier assessment (E.assess)
     * @param {object} now the current one
     * @param {Date|null} oldTime when the earlier answers were saved (a file's lastModified: SINCE_DATE)
     * @param {Date|null} newTime when the current ones were (the page: now)
     * @returns {object} the Since fields of beltlib.since.Since (dates as {year, month, day} or null)
     * @throws {Error} a SinceError: "since.error.newer" or "since.error.two_people" (SAME_PERSON); on the
     *   page, its pageText: "page.since.error.newer" (the file's day in words) or "page.since.error.two_people"
     */
    function compare(old, now, oldTime, newTime) {
      if (oldTime && newTime && oldTime.getTime() > newTime.getTime()) {
        throw SinceError("since.error.newer", {old: stamp(oldTime, newTime), "new": stamp(newTime, oldTime)},
          "page.since.error.newer", function (lang) { return {date: dateText(dayOf(oldTime), lang, dayOf(newTime))}; });
      }
      if (!sameAnswers(old, now).length) throw SinceError("since.error.two_people", {}, "page.since.error.two_people");
      var was = {}, is = {};
      old.markers.forEach(function (m) { if (m.met) was[m.id] = true; });
      now.markers.forEach(function (m) { if (m.met) is[m.id] = true; });
      return {belt: old.belt, markers_needed: old.markers_needed,
        markers_gained: ORDER.filter(function (i) { return is[i] && !was[i]; }),
        markers_lost: ORDER.filter(function (i) { return was[i] && !is[i]; }),
        new_belt: now.belt, new_markers_needed: now.markers_needed, target_belt: now.target_belt,
        old_target_belt: old.target_belt, persona: now.answers.persona, old_persona: old.answers.persona,
        date: dayOf(oldTime), new_date: dayOf(newTime), date_from_file: true};
    }

    /* since.date_text: "3 Nov" / "1er nov.", with the year unless ref's (ref null: the day's own, no year). */
    function dateText(day, lang, ref) {
      var c = core.conventions(lang);
      var values = {day: day.day === 1 ? String(c.first_day) : String(day.day), month: c.months[day.month - 1]};
      if (ref && ref.year !== day.year) { values.year = day.year; return t("date.day_month_year", lang, values); }
      return t("date.day_month", lang, values);
    }

    /* since.change_text */
    function changeText(s, lang) {
      var parts = [["gained", s.markers_gained], ["lost", s.markers_lost]].filter(function (p) { return p[1].length; })
        .map(function (p) { return t("since.change." + p[0] + "." + (p[1].length === 1 ? "one" : "many"), lang, {n: p[1].length}); });
      return parts.length ? parts.join(", ") : t("since.change.none", lang);
    }

    /* since.belt_change_text */
    function beltChangeText(s, lang) {
      if (s.belt === s.new_belt) return t("since.belt.same", lang, {belt: t("belt." + s.new_belt, lang)});
      return t("since.belt.changed", lang, {old: t("belt." + s.belt, lang), "new": t("belt." + s.new_belt, lang)});
    }

    /* since.headline */
    function headline(s, lang) {
      var values = {change: changeText(s, lang), belt: beltChangeText(s, lang)};
      if (!s.date) return t("since.headline_undated", lang, values);
      values.date = dateText(s.date, lang, s.new_date);
      return t("since.headline", lang, values);
    }

    /* since.marker_lines */
    function markerLines(s, lang) {
      var line = function (key) { return function (i) { return t(key, lang, {marker: t("marker." + i, lang)}); }; };
      return s.markers_gained.map(line("since.gained")).concat(s.markers_lost.map(line("since.lost")));
    }

    /* since.detail_lines */
    function detailLines(s, lang) {
      var target = t("belt." + s.target_belt, lang), oldTarget = t("belt." + s.old_target_belt, lang);
      var out = [];
      if (s.persona !== s.old_persona) {
        out.push(t(s.target_belt !== s.old_target_belt ? "since.persona_changed" : "since.persona_changed_same_target",
          lang, {old: t("choice.persona." + s.old_persona, lang), "new": t("choice.persona." + s.persona, lang),
            target: target}));
      }
      if (s.target_belt === s.old_target_belt) {
        out.push(t("since.needed", lang, {target: target, old: s.markers_needed, "new": s.new_markers_needed}));
      } else {
        out.push(t("since.needed_targets", lang, {target: target, old_target: oldTarget, old: s.markers_needed,
          "new": s.new_markers_needed}));
      }
      return out;
    }

    /* since.date_note: the assumption SINCE_DATE in a sentence, or null */
    function dateNote(s, lang) {
      if (!s.date || !s.date_from_file) return null;
      return t("since.date_note", lang, {date: dateText(s.date, lang, {year: 1})});
    }

    /* document._since: the section "since" (after the result). */
    function sinceSection(s, lang) {
      var blocks = [{kind: "paragraph", text: headline(s, lang)}];
      var lines = markerLines(s, lang);
      if (lines.length) blocks.push({kind: "list", ordered: false, items: lines});
      detailLines(s, lang).forEach(function (x) { blocks.push({kind: "paragraph", text: x}); });
      var dated = dateNote(s, lang);
      if (dated !== null) blocks.push({kind: "note", text: dated});
      return {id: "since", heading: "since.title", title: t("since.title", lang), area: "outcome", "class": "belt-since",
        data: {belt: s.belt}, blocks: blocks};
    }

    /* since.assumptions through sentences.assumption_rows: the method's rows SINCE_DATE (a file's date) and
       SAME_PERSON, added after the shipped rows (document._method's extra). */
    function assumptionRows(s, lang) {
      var dated = [t("assumption_label.SINCE_DATE", lang) + " (SINCE_DATE)", t("since.assumption_value.date", lang),
        t("assumption.SINCE_DATE", lang)];
      var same = [t("assumption_label.SAME_PERSON", lang) + " (SAME_PERSON)", number(COMPARED.length, lang),
        t("assumption.SAME_PERSON", lang)];
      return s.date_from_file ? [dated, same] : [same];
    }

    /* The shipped method section with the since rows added to its assumptions table (a copy). */
    function methodWithSince(method, s, lang) {
      var copy = JSON.parse(JSON.stringify(method));
      copy.blocks.forEach(function (b) {
        if (b.kind === "table" && b["class"] === "belt-assumptions") b.rows = b.rows.concat(assumptionRows(s, lang));
      });
      return copy;
    }

    /* ------------------------------------------------ an earlier answers file (answers.parse_answers) */

    /* answers._show: the value as JSON, cut to 60 characters */
    function show(value, raw) {
      var text = raw !== undefined ? raw : JSON.stringify(value);
      if (text === undefined) text = String(value);
      return text.length <= 60 ? text : text.slice(0, 57) + "...";
    }

    /* A value as the file gives it, for a problem: a number keeps its digits as written, with the page
       language's decimal mark ("150,5" in French; locale.LOCALES' decimal_mark). */
    function given(value, raw, lang) {
      var text = show(value, raw);
      return typeof value === "number" ? text.replace(".", core.conventions(lang).decimal_mark) : text;
    }

    /* answers.allowed_text, in the page language */
    function allowedText(field, lang) {
      var spec = field === "schema" ? {kind: "choice", choices: [1]} : data.fields[field];
      if (spec.kind === "choice") {
        return t("page.since.allowed.choice", lang, {choices: spec.choices.map(function (c) { return JSON.stringify(c); }).join(", ")});
      }
      if (spec.kind === "bool") return t("page.since.allowed.bool", lang);
      var values = {min: number(spec.min, lang), max: spec.max === null ? "" : number(spec.max, lang)};
      if (spec.kind === "int") return t(spec.max === null ? "page.since.allowed.int_min" : "page.since.allowed.int_range", lang, values);
      return t("page.since.allowed.number_range", lang, values);
    }

    /* answers._check: one value against its spec; raw: the number as written (150.0 is not an integer) */
    function valueOk(field, value, raw) {
      var spec = field === "schema" ? {kind: "choice", choices: [1]} : data.fields[field];
      var integral = raw === undefined || !/[.eE]/.test(raw);
      if (spec.kind === "choice") return spec.choices.some(function (c) { return c === value && (typeof c !== "number" || integral); });
      if (spec.kind === "bool") return typeof value === "boolean";
      if (typeof value !== "number" || !isFinite(value) || (spec.kind === "int" && (!integral || !Number.isInteger(value)))) return false;
      return value >= spec.min && (spec.max === null || value <= spec.max);
    }

    /**
     * An answers file's text read as beltlib.answers.parse_answers reads it (a leading BOM ignored; every problem).
     * @param {string} text the file's text
     * @param {string} lang the page language (the problems' words)
     * @returns {object} {answers} (valid: a plain answers object) or {problems: [text, ...]}
     */
    function readAnswersFile(text, lang) {
      var fields = data.answers_order.join(", ");
      var src = String(text).replace(/^\ufeff/, ""), value;
      try { value = JSON.parse(src); } catch (e) {
        return {problems: [t("page.since.problem.json", lang, {fields: fields})]};
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return {problems: [t("page.since.problem.object", lang, {given: show(value), fields: fields})]};
      }
      /* JSON.parse keeps the last of two equal keys: find them (and each number as written) in the text */
      /* every string in turn (so a match never starts inside one); a string followed by ":" is a key */
      var seen = {}, raw = {}, re = /"((?:[^"\\]|\\.)*)"(\s*:\s*(-?\d[\d.eE+-]*)?)?/g, m;
      while ((m = re.exec(src)) !== null) {
        if (m[2] === undefined) continue;
        var key = JSON.parse('"' + m[1] + '"');
        if (own.call(seen, key)) return {problems: [t("page.since.problem.duplicate", lang, {name: JSON.stringify(key)})]};
        seen[key] = true;
        if (m[3] !== undefined) raw[key] = m[3];
      }
      var problems = data.answers_order.filter(function (f) { return !own.call(value, f); }).map(function (f) {
        return t("page.since.problem.missing", lang, {field: f, allowed: allowedText(f, lang)});
      });
      Object.keys(value).forEach(function (k) {
        if (data.answers_order.indexOf(k) === -1) problems.push(t("page.since.problem.unknown", lang, {field: k, fields: fields}));
      });
      data.answers_order.forEach(function (f) {
        if (own.call(value, f) && !valueOk(f, value[f], raw[f])) {
          problems.push(t("page.since.problem.value", lang, {field: f, given: given(value[f], raw[f], lang), allowed: allowedText(f, lang)}));
        }
      });
      if (problems.length) return {problems: problems};
      var answers = {};
      data.answers_order.forEach(function (f) { answers[f] = typeof value[f] === "number" ? value[f] + 0 : value[f]; });  /* -0 is 0 */
      return {answers: answers};
    }

    /* The page's one message for a file not read: every problem, joined the language's way. */
    function unreadText(problems, lang) {
      var semi = core.conventions(lang).space_before[";"] + "; ";
      return t("page.since.unread", lang, {problems: problems.join(semi)});
    }

    return {compare: compare, SinceError: SinceError, sinceDateText: dateText, sinceHeadline: headline,
      sinceMarkerLines: markerLines, sinceDetailLines: detailLines, sinceDateNote: dateNote, sinceSection: sinceSection,
      sinceAssumptionRows: assumptionRows, methodWithSince: methodWithSince, readAnswersFile: readAnswersFile,
      unreadText: unreadText};
  });
})(typeof window !== "undefined" ? window : globalThis);
