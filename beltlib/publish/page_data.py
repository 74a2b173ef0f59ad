"""The interactive page's data: everything its script reads, as one JSON-able dict (:func:`page_data`), and
the texts the page and its script share with Python (:func:`field_message`, :func:`input_text`,
:func:`page_text_keys`: which catalogue keys the page uses).

A part of :mod:`beltlib.publish.interactive` (which re-exports every name here); split from it by noun:
this module is the page's data, that one its HTML.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import document, report, rules, theme
from ..answers import FIELDS, GROUPS, Answers
from ..assessment import assess
from ..locale import conventions
from ..numbers import format_number, kept_text
from ..since import SinceFile
from ..texts import CATALOGUE, LANGS, check_lang, number, t
from .assets import page_script

__all__ = ["FORM_SECTION", "LIVE_PLOTS", "LIVE_SECTION", "calendar_data", "field_message", "field_specs",
           "input_text", "page_data", "page_text_keys"]

#: The document section drawn as the page's questions form (its answers table is the form itself).
FORM_SECTION = "questionnaire"
#: The section whose body the script updates in place (hook ``belt-result``; not a live region).
LIVE_SECTION = "result"
#: Plots drawn as inline SVG that the script moves (the other figures are images, one per language).
LIVE_PLOTS = ("population", "effort")


def field_specs() -> dict[str, dict[str, Any]]:
    """The answers fields the page asks for (all of :data:`FIELDS` but ``schema``), as JSON-able specs."""
    return {f: dict(spec) for f, spec in FIELDS.items() if f != "schema"}


def input_text(value: float, lang: str = "en") -> str:
    """A number as the page writes it into its text input (the script's ``inputText``).

    :func:`beltlib.numbers.format_number`: shortest digits, no thousands separator, the language's
    decimal mark: ``input_text(1.5, "fr") == "1,5"``, ``input_text(150) == "150"``.
    """
    return format_number(value, lang)


def field_message(field: str, lang: str = "en", kept: float | None = None) -> str:
    """What a number field of the page accepts, naming the field (the script's ``fieldMessage``).

    Shown under the field while its text is not a valid answer, e.g.
    ``"Connections (count): enter a whole number from 0 to 30,000. The result still
    uses 150."``. The limits are :data:`beltlib.answers.FIELDS`'s.

    Args:
        field: a number field (``int`` or ``number`` kind).
        lang: ``"en"`` or ``"fr"``.
        kept: the answer the result still uses (the field's last valid one), or None (no such sentence).

    Raises:
        ValueError: ``field`` is not a number field (allowed: the ``int`` and ``number`` fields).
    """
    spec = FIELDS.get(field)
    if spec is None or spec["kind"] not in ("int", "number"):
        allowed = ", ".join(f for f, s in FIELDS.items() if s["kind"] in ("int", "number"))
        raise ValueError(f"field: got {field!r} (allowed: one of {allowed})")

    def limit(v: float) -> str:
        return number(v, lang, 2 if spec["kind"] == "number" and v % 1 else 0)

    values = {"field": t(f"field.{field}", lang), "min": limit(spec["min"])}
    if spec["max"] is None:
        text = t(f"page.need_{spec['kind']}_min", lang, **values)
    else:
        text = t(f"page.need_{spec['kind']}_range", lang, **values, max=limit(spec["max"]))
    return text if kept is None else f"{text} {t('page.kept', lang, value=kept_text(kept, lang))}"


#: A catalogue key or key prefix as the page's script writes it (a double-quoted literal; parts after the
#: first may be upper case, as the named assumptions' ``assumption.SINCE_DATE``).
_SCRIPT_KEY = re.compile(r'"([a-z_]+(?:\.[A-Za-z0-9_]+)*\.?)"')


def page_text_keys(body: str, script: str | None = None) -> list[str]:
    """The catalogue keys a page uses, so only their texts are embedded.

    Derived, not listed: the ``data-t`` keys of the page's HTML (texts the
    script re-translates) and the keys the script names — every double-quoted
    literal of the page's scripts (:data:`beltlib.publish.assets.SCRIPT_FILES`: ``engine.js``,
    ``since.js``, ``plan.js``, ``tools.js``, ``page.js``…) that is a catalogue key, and every key that
    starts with a double-quoted literal ending with a dot (``"marker."``).

    Args:
        body: the page's HTML (at least everything that carries ``data-t``).
        script: the page's script (:func:`page_script`); read from the package when None.

    Returns:
        list[str]: sorted keys, each present in every language.
    """
    known = CATALOGUE["en"]
    keys = set(re.findall(r'data-t="([^"]+)"', body))
    for literal in _SCRIPT_KEY.findall(script if script is not None else page_script()):
        if literal.endswith("."):
            keys.update(k for k in known if k.startswith(literal))
        elif literal in known:
            keys.add(literal)
    unknown = sorted(k for k in keys if k not in known)
    if unknown:
        raise ValueError(f"data-t: unknown catalogue keys {unknown}")
    return sorted(keys)


def page_data(answers: Answers, lang: str = "en", title: str | None = None,
              provenance: Mapping[str, str] | None = None, plots: dict[str, Any] | None = None,
              text_keys: list[str] | None = None, documents: Mapping[str, Any] | None = None,
              generated: Mapping[str, str] | None = None, figures: list[str] | None = None,
              since: SinceFile | None = None) -> dict[str, Any]:
    """Everything the page's script reads, as one JSON-able dict.

    Args:
        answers: the published answers (the page starts from them; reset returns to them).
        lang: the page's first language.
        title: the publisher's title, or None (then the catalogue's default title, per language).
        provenance: field -> ``"you"`` or ``"export"`` (answers prefilled from a LinkedIn export), or None.
        plots: the ``plots`` part of :func:`build_plots` (None: left out, for evaluator-only use).
        text_keys: the catalogue keys to embed (:func:`page_text_keys`); None: the whole catalogue.
        documents: lang -> the report document of the published answers
            (:func:`beltlib.document.build`), or None: built here for every language (no export,
            the default title). The script rebuilds the sections that depend on the answers and
            draws the others (intro, export, synthesis, method, any new one) from these.
        generated: lang -> the footer's "Generated on" line, or None.
        figures: the plots the page draws inside figure blocks (None: :data:`LIVE_PLOTS` when
            ``plots`` is given, else none); the others show their caption alone.
        since: the comparison of ``publish --since`` (:func:`beltlib.since.compare_file`) the page starts
            with, or None.

    Returns:
        dict with ``lang``, ``langs``, ``title``, ``initial``, ``provenance``,
        ``field_order``, ``answers_order`` (the keys of an answers file, in
        :func:`beltlib.answers.dumps` order, for "Download my answers"), ``fields``,
        ``rules`` (:func:`beltlib.rules.rules_table`),
        ``catalogue`` (:data:`beltlib.texts.CATALOGUE`, per language only ``text_keys``),
        ``colours``, ``plots``, ``locale`` (:data:`beltlib.locale.LOCALES`, per language: how the
        script writes and reads numbers), ``document`` (lang -> document), ``form_section``
        (:data:`FORM_SECTION`), ``generated`` (lang -> text, or None), ``figures``, ``stack_min_columns``,
        ``calendar`` (:func:`calendar_data`: what ``plan.js`` builds the calendar file from), ``since``
        (None, or the earlier answers as ``answers`` and their file's modification time as ``time``, in
        milliseconds since 1970 — a JavaScript ``Date``'s, read by ``tools.js`` as a chosen file's).

    Raises:
        ValueError: unknown ``lang``.
    """
    specs = field_specs()
    if documents is None:
        a = assess(answers)
        documents = {x: document.build(a, x, answers=answers, provenance=provenance, title=title) for x in LANGS}
    catalogue = CATALOGUE if text_keys is None else {x: {k: CATALOGUE[x][k] for k in text_keys} for x in LANGS}
    return {
        "lang": check_lang(lang), "langs": list(LANGS), "title": title,
        "initial": answers.to_dict(), "provenance": dict(provenance) if provenance else None,
        "field_order": [f for g in GROUPS for f, s in specs.items() if s["group"] == g],
        "answers_order": list(FIELDS),
        "fields": specs, "rules": rules.rules_table(), "catalogue": catalogue,
        "colours": {"belt": dict(theme.BELT_COLOURS), "belt_text": dict(theme.BELT_TEXT_COLOURS)},
        "plots": plots, "locale": {x: dict(conventions(x)) for x in LANGS}, "document": dict(documents),
        "form_section": FORM_SECTION, "generated": dict(generated) if generated else None,
        "stack_min_columns": report.STACK_MIN_COLUMNS, "calendar": calendar_data(),
        "since": None if since is None else {"answers": since.answers.to_dict(),
                                             "time": round(since.time.timestamp() * 1000)},
        "figures": list(figures) if figures is not None else list(LIVE_PLOTS) if plots else [],
    }


def calendar_data() -> dict[str, Any]:
    """The plan's calendar constants, as the page's ``plan.js`` reads them (none is typed in JavaScript).

    Returns:
        dict[str, Any]: ``event_hour`` and ``second_hour`` (hours of the day, floating local time; assumption
        PLAN_EVENT_TIME), ``recheck_days`` (days; assumption RECHECK_DAYS) and ``prodid`` (RFC 5545 ``PRODID``),
        from :mod:`beltlib.calendar`.

    Raises:
        Nothing.
    """
    from .. import calendar
    return {"event_hour": calendar.EVENT_HOUR, "second_hour": calendar.SECOND_HOUR,
            "recheck_days": calendar.RECHECK_DAYS, "prodid": calendar.PRODID}
