/* Belt Report: the page engine's plan as a calendar — beltlib.calendar's mirror (build_plan, uid, to_ics).
 *
 * "Add my plan to my calendar" (hook belt-download-plan) saves what `belt-report plan --ics` writes: this
 * week's steps (one a day from the start, a second step on a day at the second hour), the weekly habits
 * (RRULE weekly, from the week after the steps) and the "check your belt again" day, in the page language.
 * The RFC 5545 text is written by Mozilla's ical.js (vendor/ical.min.js: globalThis.ICAL in the page,
 * require() under Node), never by hand. The hours, the re-check's days and PRODID are data.calendar
 * (beltlib.publish.interactive.calendar_data); the texts come from the catalogue.
 *
 * A part of engine.js (BeltEngine.addPart), loaded after engine_words.js; no DOM.
 * tests/test_publish_plan_parity.py proves its file parses (with Python's icalendar) to calendar.to_ics's events.
 *
 * Catalogue keys are written as whole double-quoted literals or prefixes ending with a dot
 * (see engine.js): beltlib.publish.interactive.page_text_keys reads them.
 */
(function (root) {
  "use strict";

  root.BeltEngine.addPart(function (core, data) {
    var t = core.t, R = data.rules, C = data.calendar;

    /* The iCalendar library: the page's inlined copy, or under Node the vendored file. */
    function ical() {
      if (root.ICAL) return root.ICAL;
      if (typeof require === "function") return require("./vendor/ical.min.js");
      throw new Error("ICAL: the vendored ical.js is not loaded");
    }

    /* A day {year, month, day} and n days later (calendar arithmetic in UTC: no daylight-saving shift). */
    function addDays(day, n) {
      var d = new Date(Date.UTC(day.year, day.month - 1, day.day + n));
      return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()};
    }

    /* Today in the reader's local time, as {year, month, day} (build_plan's default start). */
    function today(now) {
      var d = now || new Date();
      return {year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate()};
    }

    function item(kind, key, summary, description, day, minutes, weekly, hour) {
      return {kind: kind, key: key, summary: summary, description: description, day: day,
        minutes: minutes, weekly: !!weekly, hour: hour === undefined ? C.event_hour : hour};
    }

    /**
     * calendar.build_plan: the plan's items from a start day.
     * @param {object} a an assessment (E.assess)
     * @param {string} lang "en" or "fr"
     * @param {object} start {year, month, day}
     * @returns {object[]} {kind, key, summary, description, day, minutes (null: whole day), weekly, hour}: steps,
     *   habits, optional steps, then the re-check (the kinds and order of build_plan)
     */
    function buildPlan(a, lang, start) {
      core.checkLang(lang);
      var target = t("belt." + a.target_belt, lang);
      var items = [];
      if (a.belt === "none") {
        items.push(item("no_profile", "no_profile", t("plan.no_profile", lang), t("calendar.no_profile_description", lang),
          start, null));
      }
      var path = a.actions.filter(function (x) { return x.on_path; });
      path.forEach(function (x, i) {
        items.push(item("step", x.id, t("action." + x.id, lang), t("calendar.step", lang, {i: i + 1, n: path.length,
          target: target, line: core.actionLine(x, lang)}), addDays(start, i % 7), x.minutes, false,
          i < 7 ? C.event_hour : C.second_hour));
      });
      var first = core.firstActions(a);  /* at the target, the update the notes say to do first: this week's step */
      first.forEach(function (x) {
        items.push(item("step", x.id, t("action." + x.id, lang), core.actionLine(x, lang), start, x.minutes));
      });
      var minutes = {};
      R.markers.forEach(function (m) { minutes[m.id] = m.action_minutes; });
      var firstWeek = addDays(start, path.length + first.length ? 7 : 0);
      core.weeklyIds(a).forEach(function (id, j) {
        var habit = t("weekly." + id, lang, {invites: R.weekly_invites});
        var line = t("plan.line", lang, {action: t("action." + id, lang), reason: t("reason." + id, lang),
          duration: core.duration(minutes[id], lang), cadence: t("cadence.weekly", lang)});
        items.push(item("habit", id, t("calendar.habit", lang, {habit: habit}),
          t("calendar.habit_description", lang, {target: target, line: line}), addDays(firstWeek, j % 7),
          minutes[id], true));
      });
      a.actions.forEach(function (x) {
        if (!x.on_path && first.indexOf(x) === -1) {
          items.push(item("optional", x.id, t("action." + x.id, lang), core.actionLine(x, lang), start, x.minutes));
        }
      });
      items.push(item("recheck", "recheck", t("calendar.recheck", lang), t("calendar.recheck_description", lang),
        addDays(start, C.recheck_days), null));
      return items;
    }

    function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

    /* calendar.uid: the start, the event's kind and its marker (no hash, no answer) */
    function uid(start, x) {
      return pad(start.year, 4) + pad(start.month, 2) + pad(start.day, 2) + "-" + x.kind + "-" + x.key + "@belt-report";
    }

    /**
     * calendar.to_ics: the plan as an iCalendar file (RFC 5545), written with ical.js.
     * @param {object} a an assessment (E.assess)
     * @param {string} lang "en" or "fr"
     * @param {object} [start] {year, month, day} (default today, local time)
     * @param {Date} [now] DTSTAMP (default now; written in UTC)
     * @returns {string} the calendar text (CRLF line endings): timed events as floating local times with a
     *   DURATION, the re-check (and "create a profile") as whole days, each habit with RRULE:FREQ=WEEKLY;
     *   optional steps left out
     */
    function planIcs(a, lang, start, now) {
      var ICAL = ical();
      start = start || today();
      var cal = new ICAL.Component(["vcalendar", [], []]);
      cal.addPropertyWithValue("prodid", C.prodid);
      cal.addPropertyWithValue("version", "2.0");
      cal.addPropertyWithValue("calscale", "GREGORIAN");
      var name = new ICAL.Property("x-wr-calname");
      name.resetType("text");  /* escaped as text, as icalendar writes it */
      name.setValue(t("calendar.name", lang));
      cal.addProperty(name);
      var stamp = ICAL.Time.fromJSDate(new Date(Math.floor((now || new Date()).getTime() / 1000) * 1000), true);
      buildPlan(a, lang, start).forEach(function (x) {
        if (x.kind === "optional") return;
        var ev = new ICAL.Component("vevent");
        ev.addPropertyWithValue("uid", uid(start, x));
        ev.addPropertyWithValue("dtstamp", stamp);
        ev.addPropertyWithValue("summary", x.summary);
        ev.addPropertyWithValue("description", x.description);
        if (x.minutes === null) {
          var end = addDays(x.day, 1);
          ev.addPropertyWithValue("dtstart", ICAL.Time.fromData({year: x.day.year, month: x.day.month, day: x.day.day,
            isDate: true}));
          ev.addPropertyWithValue("dtend", ICAL.Time.fromData({year: end.year, month: end.month, day: end.day,
            isDate: true}));
        } else {
          ev.addPropertyWithValue("dtstart", ICAL.Time.fromData({year: x.day.year, month: x.day.month, day: x.day.day,
            hour: x.hour, minute: 0, second: 0, isDate: false}));  /* floating: no time zone (PLAN_EVENT_TIME) */
          ev.addPropertyWithValue("duration", ICAL.Duration.fromSeconds(x.minutes * 60));
        }
        if (x.weekly) ev.addPropertyWithValue("rrule", new ICAL.Recur({freq: "WEEKLY"}));
        cal.addSubcomponent(ev);
      });
      return cal.toString() + "\r\n";
    }

    return {buildPlan: buildPlan, planIcs: planIcs, planUid: uid, planToday: today};
  });
})(typeof window !== "undefined" ? window : globalThis);
