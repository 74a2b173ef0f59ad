/* Belt Report: the page engine's words — the report's sentences (beltlib.sentences) and its
 * document (beltlib.document.build): E.document returns the same sections and blocks; the sections
 * that depend on the answers are built here, the others come as data (data.document, built in Python).
 *
 * A part of engine.js (BeltEngine.addPart): loaded after it, in the page and under Node; it reads the
 * same data and uses the core's t, number, percent and hours. No DOM.
 * tests/test_publish_engine_parity.py proves its documents are beltlib.document.build's.
 *
 * Catalogue keys are written as whole double-quoted literals or prefixes ending with a dot
 * (see engine.js): beltlib.publish.interactive.page_text_keys reads them.
 */
(function (root) {
  "use strict";

  root.BeltEngine.addPart(function (core, data) {
    var R = data.rules;
    var t = core.t, number = core.number, percent = core.percent, hours = core.hours;
    var checkLang = core.checkLang, targetPoints = core.targetPoints;

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

  /* plan.first_actions: at or above the target, the actions a note says to do first (else []) */
  function firstActions(a) {
    if (a.actions.some(function (x) { return x.on_path; })) return [];
    var firstIds = {};
    R.notes.forEach(function (n) {
      if (n.first_step === undefined || a.notes.indexOf(n.id) === -1) return;
      R.markers.forEach(function (m) { if (m.field === n.first_step) firstIds[m.id] = true; });
    });
    return a.actions.filter(function (x) { return firstIds[x.id]; });
  }

  /* plan.weekly_ids: the plan's weekly habits (marker ids, table order) */
  function weeklyIds(a) {
    if (a.belt === "none") return [];
    var planBelts = R.plan_belts[a.target_belt];
    var met = {};
    a.markers.forEach(function (m) { if (m.met) met[m.id] = true; });
    return R.markers.filter(function (m) {
      return planBelts.indexOf(m.belt) !== -1 && m.cadence === "weekly" &&
        ((met[m.id] && m.keep_up !== false) || a.shortest_path.indexOf(m.id) !== -1);
    }).map(function (m) { return m.id; });
  }

  /* sentences.plan_sections: [[heading, [lines]], ...]; never contradicting the notes */
  function planSections(a, lang) {
    if (a.belt === "none") return [[t("plan.no_profile", lang), []]];
    var mode = a.persona === "not_looking" ? "gentle" : "firm";
    var target = beltName(a.target_belt, lang);
    var path = a.actions.filter(function (x) { return x.on_path; });
    var first = firstActions(a);
    var optional = a.actions.filter(function (x) { return !x.on_path && first.indexOf(x) === -1; })
      .map(function (x) { return actionLine(x, lang); });
    var weekly = weeklyIds(a).map(function (id) { return t("weekly." + id, lang, {invites: R.weekly_invites}); });
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
    else if (!first.length) {  /* past the balance (the time warning): keep the markers with less time */
      var less = a.notes.some(function (n) { return RESULT_NOTES[n]; });
      sections.push([t(less ? "plan.none_less" : "plan.none", lang, {target: target, hours: hours(a.target_hours, lang)}), []]);
    }
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
   *   null: no origin column), title (null: the catalogue's default), only (ids to build), since (a
   *   comparison of E.compare: adds the section "since" after the result and its assumptions to the method)}
   * @returns {object} {lang, title, summary: {belt, title, distance}, announce, sections}
   * @throws {Error} unknown lang, or an id in `only` that the document has not
   */
  function documentOf(a, lang, opts) {
    opts = opts || {};
    checkLang(lang);
    var ctx = {answers: opts.answers || a.answers, provenance: opts.provenance || null};
    var shipped = {};
    (data.document && data.document[lang] ? data.document[lang].sections : []).forEach(function (s) { shipped[s.id] = s; });
    var order = data.document && data.document[lang] ? Object.keys(shipped) : Object.keys(SECTION_BUILDERS);
    if (opts.since) order.splice(order.indexOf("result") + 1, 0, "since");  /* document.SECTIONS: after the result */
    var wanted = opts.only || order;
    wanted.forEach(function (id) {
      if (order.indexOf(id) === -1) throw new Error("only: got " + id + " (allowed: " + order.join(", ") + ")");
    });
    var sections = [];
    order.forEach(function (id) {
      if (wanted.indexOf(id) === -1) return;
      var make = SECTION_BUILDERS[id];
      if (id === "since") sections.push(core.sinceSection(opts.since, lang));  /* since.js */
      else if (id === "method" && opts.since) sections.push(core.methodWithSince(shipped[id], opts.since, lang));
      else sections.push(make ? make(a, lang, ctx) : shipped[id]);
    });
    var summary = summaryText(a, lang);
    return {lang: lang, title: opts.title ? opts.title : t("report.default_title", lang),
      summary: {belt: a.belt, title: summary[0], distance: summary[1]},
      announce: announcement(a, lang), sections: sections};
  }

  /* The population plot's "you" label (plots.population_plot): empty without a belt. */
  /* announce.short_announcement: the belt and the distance to the target in one short sentence. */
  function announcement(a, lang) {
    var key = a.belt === "none" ? "none" : a.position !== "below" ? a.position
      : a.markers_needed === 1 ? "below.one" : "below.many";
    return t("announce." + key, lang, {belt: t("belt_title." + a.belt, lang), n: a.markers_needed,
      target: t("belt." + a.target_belt, lang)});
  }

  function youLabel(a, lang) {
    return a.belt === "none" ? "" : t("plot.population.you", lang, {percentile: percent(a.percentile, lang)});
  }


  function texts(a, lang) {
    return {
      result_lines: resultLines(a, lang), marker_rows: markerRows(a, lang), signals_line: signalsLine(a, lang),
      plan_sections: planSections(a, lang), plan_lines: planLines(a, lang), note_lines: noteLines(a, lang),
      summary: summaryText(a, lang),
      action_texts: a.actions.map(function (x) { return t("action." + x.id, lang); }),
      alt_population: altText(a, "population", lang), alt_effort: altText(a, "effort", lang),
      you_label: youLabel(a, lang)
    };
  }

    return {
      texts: texts, resultNotes: resultNotes, detailsLine: detailsLine, duration: duration, stepsText: stepsText,
      distanceLine: distanceLine, resultLines: resultLines, summaryText: summaryText, markerRows: markerRows,
      signalsLine: signalsLine, planSections: planSections, planLines: planLines, noteLines: noteLines,
      altText: altText, answerText: answerText, answersRows: answersRows, document: documentOf, youLabel: youLabel,
      announcement: announcement, actionLine: actionLine, firstActions: firstActions, weeklyIds: weeklyIds
    };
  });
})(typeof window !== "undefined" ? window : globalThis);
