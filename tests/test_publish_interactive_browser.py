"""The interactive page in headless Chromium: offline, by keyboard, in English and French.

Every non-``file:`` request is aborted and counted (the count must stay 0).
Answers are changed by keyboard only (Tab / focus, then keys); the test checks
the belt text, the position and visibility of the plots' "you" marks (against
where matplotlib draws them for the new answers) and the alt texts. Numbers are
typed with each page language's conventions, in a French and an English
browser; an entry that is not a valid answer shows the message naming its field
while the result keeps the last valid answers; the result is a polite live
region changed sentence by sentence.
Screenshots at 375 px and 1280 px go to ``screenshots/`` (git-ignored).
"""
from __future__ import annotations

import datetime
import json
import os
import pathlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from beltlib import assess, document, example_answers, report, validate
from beltlib import plots as plots_module
from beltlib import since as since_module
from beltlib.announce import short_announcement
from beltlib.answers import EXAMPLE, FIELDS, dumps
from beltlib.locale import long_date_text
from beltlib.plots import alt_text, render_svg
from beltlib.publish.common import generation_date
from beltlib.publish.interactive import MAX_BYTES, field_message, publish_interactive, render_page, script_json
from beltlib.publish.svg import clean_svg
from beltlib.texts import CATALOGUE, percent, t
from browser import SCREENSHOTS, RequestGuard, allow_file_only, axe_violations, chromium  # tests/browser.py

pytestmark = pytest.mark.browser

QUESTION_FIELDS = [f for f in FIELDS if f != "schema"]
EVIL_TITLE = "<script>alert(1)</script> & Co"

# Where a "you" mark is drawn, in SVG user units, plus what the plot says.
MARK = """(id) => {
  const kind = id.startsWith("pop") ? "population" : "effort";
  const box = document.querySelector(".belt-plot-" + kind + " [role=img]");  // the live plot, named by its alt text
  const svg = box.querySelector("svg");
  const g = svg.querySelector('[id="' + id + '"]');
  const r = (g.querySelector("use") || g).getBoundingClientRect();
  const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(svg.getScreenCTM().inverse());
  return {x: p.x, y: p.y, visible: r.width > 0 && r.height > 0, alt: box.getAttribute("aria-label"),
          title: svg.querySelector("title").textContent, role: box.getAttribute("role"),
          label: (svg.querySelector('[id="pop-you-label"] text') || {}).textContent};
}"""


def drawn_at(answers: dict, gid: str) -> tuple[float, float]:
    """Where matplotlib itself draws a "you" mark (its <use> x, y) for these answers."""
    kind = "population" if gid.startswith("pop") else "effort"
    svg = render_svg(assess(validate(answers)), kind)
    part = svg[svg.index(f'id="{gid}"'):]
    m = re.search(r'<use [^>]*x="([\d.]+)" y="([\d.]+)"', part)
    return float(m.group(1)), float(m.group(2))


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("interactive")
    out = {
        "en": publish_interactive(example_answers(), output=root / "en.html"),
        "fr": publish_interactive(example_answers(), lang="fr", output=root / "fr.html"),
        "evil": publish_interactive(example_answers(), title=EVIL_TITLE, output=root / "evil.html"),
        "noprofile": publish_interactive(validate({**EXAMPLE, "findable": "no_profile"}),
                                         output=root / "noprofile.html"),
    }
    parent = root / "blog.html"
    parent.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A blog</title></head><body>'
                      '<h1>My blog</h1><iframe src="en.html" title="Belt Report" width="1000" height="900"></iframe>'
                      "</body></html>", encoding="utf-8")
    out["iframe"] = parent
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def open_page(browser):
    """Open a file offline: every non-file: request aborted and counted; console errors collected."""
    contexts = []

    def _open(path: pathlib.Path, width: int = 1280, locale: str = "en-US"):
        ctx = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        contexts.append(ctx)
        guard = RequestGuard(allow_file_only).attach(ctx)  # every other request aborted and counted
        page = ctx.new_page()
        page.blocked, page.errors, page.dialogs = guard.blocked, [], []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri())
        return page

    yield _open
    for ctx in contexts:
        ctx.close()


def ready(page, frame=None):
    (frame or page).wait_for_selector("html[data-belt-ready]", state="attached", timeout=30_000)


def result_text(page) -> str:
    return page.inner_text(".belt-result")


def tab_to(page, element_id: str, limit: int = 60) -> int:
    """Press Tab until the element has the focus; return how many presses it took."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return n
    raise AssertionError(f"Tab never reached #{element_id}")


def type_number(page, field: str, text: str) -> None:
    page.focus(f"#belt-field-{field}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def shown_lines(page) -> list[str]:
    """The result's sentences as shown (the paragraphs of ``.belt-result``, outside the details)."""
    return page.eval_on_selector_all(".belt-result > p", "ps => ps.map(p => p.textContent)")


def expected_lines(answers: dict, lang: str = "en") -> list[str]:
    """The result section's paragraphs and notes in the report document: the result's sentences (with the
    time warning, a note, when the hours are well past the balance), then the signals line."""
    a = assess(validate(answers))
    lines = [b["text"] for b in document.find(document.build(a, lang, only=["result"]), "result")["blocks"]
             if b["kind"] in ("paragraph", "note")]
    assert lines[-1] == report.signals_line(a, lang) and report.result_lines(a, lang)[0] == lines[0]
    return lines


def answer(page, field: str):
    return page.evaluate("f => window.BeltReport.page.state.answers[f]", field)


# ------------------------------------------------------------------ static checks
def test_page_is_small_self_contained_and_has_the_hooks(pages):
    text = pages["en"].read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < MAX_BYTES
    parser = _Tags()
    parser.feed(text)
    tags = parser.tags
    loads = [v for tag, attrs in tags for k, v in attrs.items() if k in ("src", "href", "xlink:href", "action",
                                                                         "srcset")]
    assert all(v.startswith("#") for v in loads), [v for v in loads if not v.startswith("#")]
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", text, re.I)
    assert re.search(r'<html lang="en">', text)
    classes = [attrs.get("class", "") for _, attrs in tags]
    for field in QUESTION_FIELDS:
        assert sum(f"belt-q-{field}" in c.split() for c in classes) == 1, field
        label = re.search(rf'<label for="belt-field-{field}"[^>]*>([^<]+)</label>', text)
        assert label and label.group(1).strip() == t(f"field.{field}"), field
        assert re.search(rf'<(?:input|select) [^>]*id="belt-field-{field}"', text), field
    for hook in ("belt-result", "belt-plot-population", "belt-plot-effort", "belt-lang", "belt-reset"):
        assert any(hook in c.split() for c in classes), hook
    assert [tag for tag, attrs in tags if tag == "script"] == ["script"] * 3  # the data, ical.js and the code
    for hook in ("belt-download-plan", "belt-since-file", "belt-since-remove"):  # issue 18's tools, shown by the script
        assert any(hook in c.split() for c in classes), hook
    assert re.search(r'<label for="belt-since-file" data-t="page.since.label">', text)
    assert "This Source Code Form is subject to the terms of the Mozilla Public" in text  # ical.js keeps its notice


def test_title_is_escaped_as_text(pages, open_page):
    text = pages["evil"].read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</title>" in text
    assert text.lower().count("</script") == 3  # the title inside the page data cannot close its element
    page = open_page(pages["evil"])
    ready(page)
    assert page.title() == EVIL_TITLE
    assert page.inner_text("h1") == EVIL_TITLE
    assert page.evaluate("() => document.scripts.length") == 3
    assert page.dialogs == [] and page.errors == []


def test_same_answers_give_the_same_bytes_and_data_is_inert():
    day = datetime.date(2026, 11, 1)
    assert render_page(example_answers(), date=day) == render_page(example_answers(), date=day)
    data = {"x": "</script><!-- & -->"}
    text = script_json(data)
    assert not set("<>&") & set(text) and json.loads(text) == data


# ------------------------------------------------------------------ offline
@pytest.mark.parametrize("width", [375, 1280])
def test_opens_offline_with_zero_requests_and_screenshots(pages, open_page, width):
    page = open_page(pages["en"], width)
    ready(page)
    assert "green belt" in result_text(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # nothing wider than the screen
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))  # two inline SVGs and the form, no id twice
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"interactive-{width}.png"), full_page=True)
    assert page.blocked == [] and page.errors == []


def test_works_inside_an_iframe_offline(pages, open_page):
    page = open_page(pages["iframe"])
    frame = page.frame_locator("iframe")
    frame.locator("html[data-belt-ready]").wait_for(state="attached", timeout=30_000)
    assert "green belt" in frame.locator(".belt-result").inner_text()
    frame.locator("#belt-field-findable").focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # easy_to_find -> hard_to_find -> no_profile
    assert "no belt" in frame.locator(".belt-result").inner_text()
    assert page.blocked == [] and page.errors == []


# ------------------------------------------------------------------ keyboard, English then French
def test_keyboard_changes_update_belt_plots_and_alt_text_in_english_and_french(pages, open_page):
    page = open_page(pages["en"])
    ready(page)
    start = {**EXAMPLE}
    assert "green belt" in result_text(page)
    pop0, eff0 = page.evaluate(MARK, "pop-you-marker"), page.evaluate(MARK, "effort-you")
    assert pop0["alt"] == pop0["title"] == alt_text(assess(validate(start)), "population")
    assert pop0["role"] == "img" and pop0["visible"]
    assert (pop0["x"], pop0["y"]) == pytest.approx(drawn_at(start, "pop-you-marker"), abs=0.5)

    # Keyboard only: Tab to the photo checkbox, Space; then type into the number inputs.
    assert tab_to(page, "belt-field-photo") > 1
    page.keyboard.press("Space")
    assert page.is_checked("#belt-field-photo") is False
    type_number(page, "connections", "5")
    type_number(page, "groups", "0")
    white = {**start, "photo": False, "connections": 5, "groups": 0}
    a = assess(validate(white))
    assert a.belt == "white"
    assert "white belt" in result_text(page) and "green belt" not in page.inner_text(".belt-result p")
    assert page.get_attribute(".belt-result", "data-belt") == "white"
    pop = page.evaluate(MARK, "pop-you-marker")
    assert pop["alt"] == pop["title"] == alt_text(a, "population") != pop0["alt"]
    assert (pop["x"], pop["y"]) == pytest.approx(drawn_at(white, "pop-you-marker"), abs=0.5)
    assert pop["x"] < pop0["x"] - 100  # moved left, into the white band
    assert pop["label"] == t("plot.population.you", percentile=percent(a.percentile, "en"))
    assert page.inner_text(".belt-plan").count("\n") > 3 and t("action.photo") in page.inner_text(".belt-plan")

    type_number(page, "hours_per_week", "7")
    white7 = {**white, "hours_per_week": 7.0}
    eff = page.evaluate(MARK, "effort-you")
    assert (eff["x"], eff["y"]) == pytest.approx(drawn_at(white7, "effort-you"), abs=0.5)
    assert eff["x"] > eff0["x"] + 50
    assert eff["alt"] == eff["title"] == alt_text(assess(validate(white7)), "effort") != eff0["alt"]

    # Persona by keyboard: the effort plot becomes the recruiter's (target black belt).
    page.focus("#belt-field-persona")
    page.keyboard.press("ArrowDown")  # job_seeker -> recruiter
    recruiter = {**white7, "persona": "recruiter"}
    eff = page.evaluate(MARK, "effort-you")
    assert eff["alt"] == alt_text(assess(validate(recruiter)), "effort")
    assert (eff["x"], eff["y"]) == pytest.approx(drawn_at(recruiter, "effort-you"), abs=0.5)
    assert shown_lines(page) == expected_lines(recruiter)  # the target line names the black belt
    assert "black belt" in " ".join(shown_lines(page))

    # Language switch by keyboard: French everywhere, same answers.
    page.focus(".belt-lang select")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("html", "lang") == "fr"
    a = assess(validate(recruiter))
    assert "ceinture blanche" in result_text(page) and "white belt" not in result_text(page)
    pop = page.evaluate(MARK, "pop-you-marker")
    assert pop["alt"] == pop["title"] == alt_text(a, "population", "fr")
    assert pop["label"] == t("plot.population.you", "fr", percentile=percent(a.percentile, "fr"))
    assert page.evaluate(MARK, "effort-you")["alt"] == alt_text(a, "effort", "fr")
    assert page.inner_text("label[for=belt-field-connections]") == t("field.connections", "fr")
    assert page.title() == t("report.default_title", "fr")

    # The same in French: change answers by keyboard, see the belt and the plot move.
    type_number(page, "groups", "3")
    type_number(page, "connections", "250")
    green = {**recruiter, "groups": 3, "connections": 250}
    a = assess(validate(green))
    assert a.belt == "green" and "ceinture verte" in result_text(page)
    pop = page.evaluate(MARK, "pop-you-marker")
    assert pop["alt"] == alt_text(a, "population", "fr")
    assert (pop["x"], pop["y"]) == pytest.approx(drawn_at(green, "pop-you-marker"), abs=0.5)

    # Reset (keyboard): back to the published answers, still in French.
    page.focus(".belt-reset")
    page.keyboard.press("Enter")
    assert "ceinture verte" in result_text(page) and "environ 94" in result_text(page)
    assert page.input_value("#belt-field-connections") == "150" and page.is_checked("#belt-field-photo")
    pop = page.evaluate(MARK, "pop-you-marker")
    assert (pop["x"], pop["y"]) == pytest.approx((pop0["x"], pop0["y"]), abs=0.5)
    assert page.blocked == [] and page.errors == []


def test_page_published_in_french_starts_in_french(pages, open_page):
    page = open_page(pages["fr"], 375)
    ready(page)
    assert page.get_attribute("html", "lang") == "fr"
    assert "ceinture verte" in result_text(page)
    assert page.evaluate(MARK, "pop-you-marker")["alt"] == alt_text(assess(example_answers()), "population", "fr")
    page.focus("#belt-field-discussions")
    page.keyboard.press("ArrowDown")  # read_and_sometimes_post -> lead
    assert "score 77,5/100 (marqueurs verts\u00a0: 7 sur 7, noirs\u00a0: 1 sur 4)" in result_text(page)
    rows = page.evaluate("() => [...document.querySelectorAll('.belt-markers tr')].map(r => r.textContent)")
    assert "ceinture noire" + t("marker.leads_discussions", "fr") + t("result.met", "fr") in rows
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "interactive-fr-375.png"), full_page=True)
    assert page.blocked == [] and page.errors == []


def test_invalid_entry_keeps_the_last_valid_result_and_names_the_field(pages, open_page):
    page = open_page(pages["en"])
    ready(page)
    start = expected_lines(EXAMPLE)
    assert shown_lines(page) == start
    # "2.5" typed key by key: "2" is a valid count on the way, but the entry is not one.
    type_number(page, "connections", "2.5")
    assert page.get_attribute("#belt-field-connections", "aria-invalid") == "true"
    message = page.inner_text("#belt-error-connections")
    assert message == field_message("connections", "en", kept=150) == (
        "Connections (count): enter a whole number from 0 to 30,000. The result still uses 150.")
    assert page.is_visible("#belt-error-connections")
    assert page.get_attribute("#belt-field-connections", "aria-describedby") == "belt-error-connections"
    assert shown_lines(page) == start != expected_lines({**EXAMPLE, "connections": 2})  # 150, not 2
    assert answer(page, "connections") == 150 and page.input_value("#belt-field-connections") == "2.5"
    page.keyboard.press("Tab")  # leaving the field keeps the entry and its message
    assert shown_lines(page) == start and page.is_visible("#belt-error-connections")
    # Another answer changes: the result uses it with the last valid connections.
    type_number(page, "groups", "0")
    assert shown_lines(page) == expected_lines({**EXAMPLE, "groups": 0})
    assert page.inner_text("#belt-error-connections") == message
    # A valid count, committed by leaving the field; then a bad entry keeps that one.
    type_number(page, "connections", "12")
    assert page.get_attribute("#belt-field-connections", "aria-invalid") is None
    assert page.is_hidden("#belt-error-connections")
    assert shown_lines(page) == expected_lines({**EXAMPLE, "groups": 0, "connections": 12})
    page.keyboard.press("Tab")
    type_number(page, "connections", "-3")
    assert page.inner_text("#belt-error-connections") == field_message("connections", "en", kept=12)
    assert shown_lines(page) == expected_lines({**EXAMPLE, "groups": 0, "connections": 12})
    # The message follows the language; the entry stays as typed.
    page.focus(".belt-lang select")
    page.keyboard.press("ArrowDown")
    assert page.inner_text("#belt-error-connections") == field_message("connections", "fr", kept=12)
    assert page.input_value("#belt-field-connections") == "-3"
    assert shown_lines(page) == expected_lines({**EXAMPLE, "groups": 0, "connections": 12}, "fr")
    page.focus(".belt-reset")
    page.keyboard.press("Enter")
    assert page.is_hidden("#belt-error-connections") and shown_lines(page) == expected_lines(EXAMPLE, "fr")
    assert page.errors == [] and page.blocked == []


def test_french_page_reads_decimal_commas_in_a_french_browser(pages, open_page):
    page = open_page(pages["fr"], 375, locale="fr-FR")
    ready(page)
    assert page.evaluate("() => navigator.language") == "fr-FR"
    assert page.input_value("#belt-field-hours_per_week") == "1"
    assert page.get_attribute("#belt-field-hours_per_week", "type") == "text"
    assert page.get_attribute("#belt-field-hours_per_week", "inputmode") == "decimal"
    for typed, value in (("1,5", 1.5), ("0,25", 0.25), ("2.5", 2.5), ("7", 7.0)):
        type_number(page, "hours_per_week", typed)
        assert answer(page, "hours_per_week") == value, typed
        assert page.is_hidden("#belt-error-hours_per_week")
        assert shown_lines(page) == expected_lines({**EXAMPLE, "hours_per_week": value}, "fr"), typed
    type_number(page, "hours_per_week", "1,5")
    assert "À 1,5\u00a0h par semaine" in result_text(page)
    eff = page.evaluate(MARK, "effort-you")
    assert (eff["x"], eff["y"]) == pytest.approx(drawn_at({**EXAMPLE, "hours_per_week": 1.5}, "effort-you"), abs=0.5)
    # Thousands with a space, as the page writes them; "1.500" could be 1.5 or 1500: refused.
    type_number(page, "connections", "1 500")
    assert answer(page, "connections") == 1500 and page.is_hidden("#belt-error-connections")
    type_number(page, "connections", "1.500")
    assert answer(page, "connections") == 150 and page.is_visible("#belt-error-connections")
    assert page.inner_text("#belt-error-connections") == field_message("connections", "fr", kept=150)
    type_number(page, "hours_per_week", "1,5,0")
    assert page.inner_text("#belt-error-hours_per_week") == field_message("hours_per_week", "fr", kept=1.5)
    assert answer(page, "hours_per_week") == 1.5
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "interactive-fr-375-errors.png"), full_page=True)
    # Switching to English writes the valid numbers the English way.
    type_number(page, "hours_per_week", "0,25")
    page.focus(".belt-lang select")
    page.keyboard.press("ArrowUp")  # fr -> en
    assert page.input_value("#belt-field-hours_per_week") == "0.25"
    assert page.input_value("#belt-field-connections") == "1.500"  # an entry in error stays as typed
    assert page.errors == [] and page.blocked == []


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_english_page_reads_english_numbers_whatever_the_browser_locale(pages, open_page, locale):
    page = open_page(pages["en"], locale=locale)
    ready(page)
    type_number(page, "hours_per_week", "1.5")
    assert answer(page, "hours_per_week") == 1.5
    assert shown_lines(page) == expected_lines({**EXAMPLE, "hours_per_week": 1.5})
    for typed in ("1,5", "0,25"):  # never 15 or 25
        type_number(page, "hours_per_week", typed)
        assert answer(page, "hours_per_week") == 1.0, typed  # the last valid (committed) answer
        assert page.inner_text("#belt-error-hours_per_week") == field_message("hours_per_week", "en", kept=1.0)
        assert shown_lines(page) == expected_lines(EXAMPLE)
    type_number(page, "hours_per_week", "0.25")
    assert answer(page, "hours_per_week") == 0.25 and page.is_hidden("#belt-error-hours_per_week")
    type_number(page, "connections", "1,500")
    assert answer(page, "connections") == 1500 and page.is_hidden("#belt-error-connections")
    assert shown_lines(page) == expected_lines({**EXAMPLE, "hours_per_week": 0.25, "connections": 1500})
    # A space separates thousands in English too (as in the live report); "5." and "+3" are refused,
    # and the message writes the value still used the English way.
    type_number(page, "connections", "2\u202f500")
    page.keyboard.press("Tab")  # committed
    assert answer(page, "connections") == 2500 and page.is_hidden("#belt-error-connections")
    for typed in ("5.", "+3"):
        type_number(page, "connections", typed)
        assert answer(page, "connections") == 2500, typed
        assert page.inner_text("#belt-error-connections") == (
            "Connections (count): enter a whole number from 0 to 30,000. The result still uses 2,500.")
    assert page.errors == [] and page.blocked == []


CHANGED = """() => new Promise(resolve => {
  const box = document.querySelector(".belt-result");
  const records = [];
  const obs = new MutationObserver(list => records.push(...list));
  obs.observe(box, {subtree: true, childList: true, characterData: true, attributes: true});
  window.__beltChanged = () => {
    obs.disconnect();
    const top = new Set();
    for (const r of records) {
      let n = r.target;
      while (n.parentNode !== box && n !== box) n = n.parentNode;
      if (n !== box) top.add([...box.childNodes].indexOf(n));
      else if (r.type === "attributes") top.add("box:" + r.attributeName);
      else top.add("box:children");
    }
    return [...top].sort();
  };
  resolve();
})"""


def test_result_is_a_polite_live_region_changed_sentence_by_sentence(pages, open_page):
    page = open_page(pages["en"])
    ready(page)
    assert page.get_attribute(".belt-result", "aria-live") is None  # see the next test: belt-announce
    # Starting the page changes nothing in the published result (nothing announced on load).
    static = page.evaluate("""raw => new DOMParser().parseFromString(raw, "text/html")
        .querySelector(".belt-result").outerHTML""", pages["en"].read_text(encoding="utf-8"))
    assert static == page.evaluate("() => document.querySelector('.belt-result').outerHTML")
    # Hours only: the effort sentence and the details line (its usefulness) alone change (children 4
    # and 5: badge, belt, distance, target, effort, details).
    page.evaluate(CHANGED)
    type_number(page, "hours_per_week", "3")
    assert page.evaluate("() => window.__beltChanged()") == [4, 5]
    assert shown_lines(page)[-1] == expected_lines({**EXAMPLE, "hours_per_week": 3.0})[-1]
    # A new belt: the badge and the belt sentence are announced with the rest that changed.
    page.evaluate(CHANGED)
    page.focus("#belt-field-discussions")
    page.keyboard.press("ArrowDown")  # read_and_sometimes_post -> lead: 1 black marker, still green
    page.focus("#belt-field-reply_time")
    page.keyboard.press("ArrowDown")  # within_week -> same_day
    page.focus("#belt-field-outreach")
    page.keyboard.press("ArrowDown")  # when_no_other_way -> strangers
    black = {**EXAMPLE, "hours_per_week": 3.0, "discussions": "lead", "reply_time": "same_day", "outreach": "strangers"}
    assert assess(validate(black)).belt == "black"
    changed = page.evaluate("() => window.__beltChanged()")
    assert 0 in changed and 1 in changed and "box:children" not in changed
    assert page.get_attribute(".belt-result", "data-belt") == "black"
    assert shown_lines(page) == expected_lines(black)
    assert page.errors == []


def test_the_live_region_says_the_belt_and_the_distance_in_one_short_sentence(pages, open_page):
    """The card is updated in place but is no live region: belt-announce says the belt and the
    distance (beltlib.announce) whenever either changes, in the page's language."""
    page = open_page(pages["en"])
    ready(page)
    assert page.get_attribute(".belt-result", "aria-live") is None
    assert page.evaluate("() => [...document.querySelectorAll('[aria-live]:not(.belt-error)')].map(e => e.className)"
                         ) == ["belt-announce"]
    say = "() => document.querySelector('.belt-announce').textContent"
    assert page.evaluate(say) == short_announcement(assess(validate(EXAMPLE)))
    page.focus("#belt-field-photo")
    page.keyboard.press("Space")
    type_number(page, "connections", "5")
    type_number(page, "groups", "0")
    white = {**EXAMPLE, "photo": False, "connections": 5, "groups": 0}
    assert page.evaluate(say) == short_announcement(assess(validate(white)))
    assert page.evaluate(say).startswith("White belt: ")
    page.select_option("#belt-field-profile", "outdated")  # the distance alone changes: announced too
    outdated = assess(validate({**white, "profile": "outdated"}))
    assert outdated.belt == "white" and page.evaluate(say) == short_announcement(outdated)
    page.select_option("#belt-lang-select", "fr")
    assert page.evaluate(say) == short_announcement(outdated, "fr")
    assert len(page.evaluate(say)) < 90  # one short sentence, not the ~600-character card
    assert page.errors == []


def test_page_embeds_only_the_texts_it_uses(pages):
    for name in ("en", "fr"):
        text = pages[name].read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/json" id="belt-data">(.*?)</script>', text,
                                    re.S).group(1))
        cat = data["catalogue"]
        assert set(cat) == {"en", "fr"} and set(cat["en"]) == set(cat["fr"])
        assert all(cat[x][k] == CATALOGUE[x][k] for x in cat for k in cat[x])
        assert set(re.findall(r'data-t="([^"]+)"', text)) <= set(cat["en"])
        for unused in ("publish.interactive_missing", "ui.saved", "ui.fallback", "timeline.title_connections",
                       "synthesis.suits.white", "assumption.SHARES", "field.schema", "page.noscript"):
            assert unused not in cat["en"], unused
        for used in ("result.belt.white", "plan.optional_reached", "marker.groups", "action.photo", "note.above_target",
                     "signal.premium", "page.need_int_range", "page.kept", "plot.population.you", "result.met_header"):
            assert used in cat["en"], used
        assert len(cat["en"]) < len(CATALOGUE["en"]) * 0.6
        assert len(text.encode("utf-8")) < MAX_BYTES


def test_without_a_profile_the_you_mark_is_hidden_until_there_is_one(pages, open_page):
    page = open_page(pages["noprofile"])
    ready(page)
    assert "no belt" in result_text(page)
    mark = page.evaluate(MARK, "pop-you-marker")
    assert not mark["visible"] and mark["alt"] == t("plot.population.alt_none")
    page.focus("#belt-field-findable")
    page.keyboard.press("ArrowDown")  # no_profile -> hard_to_find
    mark = page.evaluate(MARK, "pop-you-marker")
    assert mark["visible"] and "green belt" in result_text(page)
    assert (mark["x"], mark["y"]) == pytest.approx(drawn_at({**EXAMPLE, "findable": "hard_to_find"}, "pop-you-marker"),
                                                   abs=0.5)



def test_effort_mark_stays_inside_the_figure_and_is_named_in_the_legend(pages, open_page):
    page = open_page(pages["en"])
    ready(page)
    box = """() => { const svg = document.querySelector(".belt-plot-effort svg");
      const m = svg.querySelector('[id="effort-you"] use').getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      return {left: m.left - s.left, right: m.right - s.left, width: s.width,
              legend: svg.querySelector('[id="effort-legend"]').textContent}; }"""
    label = """() => { const g = document.querySelector('.belt-plot-effort svg [id="effort-you-label"]');
      const arrow = document.querySelector('.belt-plot-effort svg [id="effort-you-arrow"]');
      return [g.textContent, arrow.getAttribute("display")]; }"""
    for hours in ("60", "0", "20", "3"):
        type_number(page, "hours_per_week", hours)
        b = page.evaluate(box)
        assert 0 <= b["left"] < b["right"] <= b["width"], hours  # the whole mark shows at both edges
        text, arrow = page.evaluate(label)
        assert text == f"you: {hours}{'.0' if float(hours) < 10 else ''}\u00a0h/week"  # the hours written
        assert (arrow is None) == (float(hours) > 12), hours  # an arrow beyond the axis' 12 hours
    assert "you" in b["legend"]
    page.select_option("#belt-lang-select", "fr")
    type_number(page, "hours_per_week", "20")
    assert page.evaluate(label) == ["vous\u00a0: 20\u00a0h/sem.", None]


# Every moved part's box in SVG user units: in the live plot, and in matplotlib's own drawing
# of the same answers (inlined for the measure, then removed).
BOXES = """([kind, drawn]) => {
  const ids = kind === "population" ? ["pop-you-line", "pop-you-marker", "pop-you-label"]
    : ["effort-you", "effort-you-label", "effort-you-arrow"];
  const measure = svg => Object.fromEntries(ids.filter(id => {
    const el = svg.querySelector('[id="' + id + '"]');
    return el && el.getAttribute("display") !== "none";
  }).map(id => {
    const r = svg.querySelector('[id="' + id + '"]').getBoundingClientRect();
    const m = svg.getScreenCTM().inverse();
    const a = new DOMPoint(r.left, r.top).matrixTransform(m), b = new DOMPoint(r.right, r.bottom).matrixTransform(m);
    return [id, [a.x, a.y, b.x, b.y]];
  }));
  const shown = document.querySelector(".belt-plot-" + kind + " svg");
  const live = measure(shown);
  const holder = document.createElement("div");  // same width: same text scale and hinting
  holder.style.cssText = "position:absolute;left:0;top:0;width:" + shown.getBoundingClientRect().width + "px";
  holder.innerHTML = drawn;
  document.body.appendChild(holder);
  holder.querySelector("svg").style.cssText = "display:block;width:100%;height:auto";
  const ref = measure(holder.querySelector("svg"));
  holder.remove();
  return {live, ref};
}"""

STATES = [  # (changes typed or chosen, why)
    ({"photo": False, "connections": "5", "groups": "0"}, "white belt, percentile 44"),
    ({"findable": "hard_to_find", "photo": False, "connections": "5", "groups": "0", "profile": "empty",
      "invitations": "accept_only", "outreach": "never", "discussions": "never"},
     "no marker: percentile 0, label clamped"),
    ({"discussions": "lead", "reply_time": "same_day", "outreach": "strangers", "invitations": "after_every_meeting",
      "hours_per_week": "60"}, "black belt: percentile 100, label clamped; 60 hours at the right edge"),
    ({"hours_per_week": "0"}, "0 hours: clamped to the axis"),
    ({"hours_per_week": "0.03"}, "near the left edge"),
    ({"hours_per_week": "0.05", "persona": "recruiter"}, "another persona's plot"),
]


def drawn_for_the_page(a, kind: str) -> str:
    """matplotlib's drawing of the answers as the page's SVGs are drawn (the effort plot: every part,
    the belt names placed whatever the mark's place; the arrow hidden while the hours fit the axis)."""
    if kind != "effort":
        return render_svg(a, kind)
    fig = plots_module.figure(a, kind, "en", all_parts=True)
    return clean_svg(plots_module.svg_text(fig), kind, hide_arrow=a.hours_per_week <= plots_module.HOURS_RANGE[1])


def test_moved_marks_line_up_with_matplotlib_drawings(pages, open_page):
    page = open_page(pages["en"], 375)
    ready(page)
    for changes, why in STATES:
        page.focus(".belt-reset")
        page.keyboard.press("Enter")
        answers = dict(EXAMPLE)
        for field, value in changes.items():
            if FIELDS[field]["kind"] == "bool":
                page.focus(f"#belt-field-{field}")
                page.keyboard.press("Space")
                answers[field] = not answers[field]
            elif FIELDS[field]["kind"] == "choice":
                page.select_option(f"#belt-field-{field}", value)
                answers[field] = value
            else:
                type_number(page, field, value)
                answers[field] = float(value) if field == "hours_per_week" else int(value)
        a = assess(validate(answers))
        assert page.get_attribute(".belt-result", "data-belt") == a.belt, why
        for kind in ("population", "effort"):
            got = page.evaluate(BOXES, [kind, drawn_for_the_page(a, kind)])
            assert set(got["live"]) == set(got["ref"]), why  # the arrow shows exactly when drawn
            for gid, box in got["live"].items():
                assert box == pytest.approx(got["ref"][gid], abs=0.6), (why, gid, box, got["ref"][gid])
    assert page.errors == [] and page.blocked == []


def test_summary_stays_in_view_at_375_px_while_answers_change(pages, open_page):
    """Issue 10: the compact summary (belt-summary: belt and distance to the target) stays in view on a
    phone while the reader changes an answer far down the questionnaire; "Marker by marker" is open."""
    page = open_page(pages["en"], 375)
    ready(page)
    assert page.get_attribute(".belt-result details", "open") is not None
    page.focus("#belt-field-groups")  # far below the top of the page
    page.keyboard.press("Control+A")
    page.keyboard.type("0")
    type_number(page, "connections", "5")
    box = page.eval_on_selector(".belt-summary", "e => { const r = e.getBoundingClientRect(); "
                                "return [r.top, r.bottom, window.innerHeight, window.scrollY]; }")
    top, bottom, height, scrolled = box
    assert scrolled > 400 and -1 <= top <= 1 and bottom < height / 3  # stuck at the top, in view
    a = assess(validate({**EXAMPLE, "groups": 0, "connections": 5}))
    summary = page.inner_text(".belt-summary")
    assert a.belt == "green" and "Green belt" in summary
    assert report.summary_text(a)[1] in summary.replace("\n", " ")  # one short line
    page.focus("#belt-field-photo")
    page.keyboard.press("Space")  # photo off: 5 of 7 -> white, one step from green
    a = assess(validate({**EXAMPLE, "groups": 0, "connections": 5, "photo": False}))
    assert a.belt == "white" and a.markers_needed == 1
    assert page.get_attribute(".belt-summary", "data-belt") == "white"
    assert report.summary_text(a)[1] == page.inner_text(".belt-summary-distance")
    # on a phone the plan comes before "Marker by marker" (open), not ~5,000 px below it
    plan, markers = page.evaluate("""() => [".belt-section-action_plan", ".belt-markers"].map(
        s => document.querySelector(s).getBoundingClientRect().top + window.scrollY)""")
    assert plan < markers
    assert page.errors == [] and page.blocked == []


def test_plot_text_is_legible_at_375_px(pages, open_page):
    """Issue 10: every text of both plots is about 10 px or more on a 375 px phone (SVG text is drawn as
    glyph paths, so the size is the figure's font size in points times the SVG's shown scale)."""
    from matplotlib.text import Text

    from beltlib.plots import figure
    page = open_page(pages["fr"], 375)
    ready(page)
    a = assess(example_answers())
    for kind in ("population", "effort"):
        fig = figure(a, kind, "fr")
        smallest = min(x.get_fontsize() for x in fig.findobj(Text) if x.get_text().strip() and x.get_visible())
        shown = page.eval_on_selector(f".belt-plot-{kind} svg", "s => s.getBoundingClientRect().width")
        px = smallest * shown / (fig.get_figwidth() * 72)  # SVG user units are points
        assert px >= 9.9, (kind, smallest, shown, px)


def test_download_my_answers_saves_the_answers_that_assess_and_cohort_read(pages, open_page, tmp_path):
    """Issue 13: "Download my answers" (hook ``belt-download``) saves the answers the result uses, as
    :func:`beltlib.answers.dumps` writes them, from a blob: no request, no name in the file."""
    page = open_page(pages["en"])
    ready(page)
    page.click("#belt-field-photo")                      # the example has a photo: now none
    type_number(page, "hours_per_week", "2")
    page.keyboard.press("Tab")                           # the typed hours are taken on change
    assert answer(page, "photo") is False and answer(page, "hours_per_week") == 2
    assert page.is_visible(".belt-download")
    with page.expect_download() as info:
        page.click(".belt-download")
    download = info.value
    assert download.suggested_filename == "answers.json"
    saved = tmp_path / "answers.json"
    download.save_as(saved)
    expected = validate({**EXAMPLE, "photo": False, "hours_per_week": 2.0})
    assert saved.read_text(encoding="utf-8") == dumps(expected)
    assert page.blocked == [] and page.errors == []
    done = subprocess.run([sys.executable, "-m", "beltlib", "assess", str(saved), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["belt"] == assess(expected).belt == "green"
    done = subprocess.run([sys.executable, "-m", "beltlib", "cohort", str(saved), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["respondents"] == 1


def _extra_section(ident: str, area: str):
    """A section builder as a new entry of :data:`beltlib.document.SECTIONS` would be (texts from the catalogue)."""
    def build(a, lang, ctx):
        return document.section(ident, f"{ident}.title", lang, area, [
            document.paragraph(t(f"{ident}.body", lang)), document.note(t(f"{ident}.body", lang)),
            document.bullets([t(f"{ident}.body", lang), {"text": t(f"{ident}.title", lang),
                                                          "items": [t(f"{ident}.body", lang)]}]),
            document.table([t(f"{ident}.title", lang)] * 3, [[t(f"{ident}.body", lang)] * 3], f"belt-{ident}-table",
                           t(f"{ident}.title", lang)),
            document.figure("sketch", t(f"{ident}.body", lang))])  # a plot the page cannot draw: its words
    return build


EXTRA_TEXTS = {"en": ("Extra heading {}", "Extra words {}."), "fr": ("Titre en plus {}", "Des mots en plus {}.")}


def test_a_new_document_section_shows_in_both_languages_with_no_page_change(open_page, tmp_path, monkeypatch):
    """A section added to ``beltlib.document.SECTIONS`` (a builder and its catalogue texts) is on the page
    before its script runs and after, in English and in French, laid out by its area: no change to
    interactive.py, engine.js or page.js."""
    extra = (("extra_outcome", "outcome"), ("extra_reference", "reference"))
    builders = tuple((i, _extra_section(i, area)) for i, area in extra)
    monkeypatch.setattr(document, "SECTIONS", document.SECTIONS + builders)
    monkeypatch.setattr(document, "SECTION_IDS", document.SECTION_IDS + tuple(i for i, _ in extra))
    for lang, (title, body) in EXTRA_TEXTS.items():
        for ident, _ in extra:
            monkeypatch.setitem(CATALOGUE[lang], f"{ident}.title", title.format(ident))
            monkeypatch.setitem(CATALOGUE[lang], f"{ident}.body", body.format(ident))
    path = publish_interactive(example_answers(), output=tmp_path / "extra.html")
    raw = path.read_text(encoding="utf-8")
    at = [raw.index(f'<section class="belt-section belt-section-{x}"')
          for x in ("action_plan", "extra_outcome", "synthesis", "method", "extra_reference")]
    assert at == sorted(at)
    page = open_page(path)
    ready(page)
    for lang in ("en", "fr", "en"):
        page.select_option("#belt-lang-select", lang)
        title, body = EXTRA_TEXTS[lang]
        for ident, _ in extra:
            assert page.inner_text(f"#belt-heading-{ident}") == title.format(ident)
            box = f".belt-section-{ident} > .belt-{ident}"
            paragraphs = page.eval_on_selector_all(f"{box} > p", "ps => ps.map(p => p.textContent)")
            assert paragraphs == [body.format(ident)] * 2
            assert page.inner_text(f"{box} > details > summary") == title.format(ident)
            assert page.get_attribute(f"{box} td", "data-label") == title.format(ident)
            assert page.eval_on_selector_all(f"{box} > ul > li > ul > li", "l => l.length") == 1
            assert page.inner_text(f"{box} > figure.belt-plot-sketch") == body.format(ident)
        assert page.evaluate("() => !!document.querySelector('.belt-outcome .belt-section-extra_outcome')")
    raw_html = path.read_text(encoding="utf-8")
    shown = len(document.build(assess(example_answers()), "en")["sections"])  # the extra sections included
    assert page.evaluate(SAME_AS_SHIPPED, raw_html) == {"differ": [], "sections": shown}
    type_number(page, "connections", "5")  # still there after the answers change
    assert page.inner_text("#belt-heading-extra_outcome") == EXTRA_TEXTS["en"][0].format("extra_outcome")
    assert page.errors == [] and page.blocked == []


SAME_AS_SHIPPED = """raw => {
  const shipped = new DOMParser().parseFromString(raw, "text/html");
  const bare = n => { const c = n.cloneNode(true); c.querySelectorAll(".belt-plot").forEach(x => x.replaceChildren());
                      return c.outerHTML; };  // plots: the live drawing aside (moved marks), their words kept
  const differ = [...document.querySelectorAll("section.belt-section, .belt-summary")].filter(node => {
    const cls = [...node.classList].find(c => c.startsWith("belt-section-")) || "belt-summary";
    return bare(node) !== bare(shipped.querySelector("." + cls));
  });
  return {differ: differ.map(n => n.className), sections: document.querySelectorAll("section.belt-section").length};
}"""


@pytest.mark.parametrize("name, other", [("en", "fr"), ("fr", "en")])
def test_the_script_draws_the_report_the_page_shipped_in_both_languages(pages, open_page, name, other):
    """page.js's block renderer draws the engine's document exactly as beltlib.report drew the published one
    (every section, the summary), and after a switch to the other language and back, the same again."""
    page = open_page(pages[name])
    ready(page)
    raw = pages[name].read_text(encoding="utf-8")
    shown = len(document.build(assess(example_answers()), "en")["sections"])
    assert page.evaluate(SAME_AS_SHIPPED, raw) == {"differ": [], "sections": shown}
    page.select_option("#belt-lang-select", other)
    a = assess(example_answers())
    assert page.inner_text("#belt-heading-synthesis") == t("synthesis.title", other)
    assert page.inner_text(".belt-section-method td") == report.assumption_rows(other)[0][0]
    assert page.inner_text(".belt-section-intro p") == t("intro.body", other)
    assert page.inner_text(".belt-plan > p") == report.plan_sections(a, other)[0][0]
    assert page.inner_text(".belt-generated") == t("report.generated", other, date=long_date_text(
        *generation_date().timetuple()[:3], other))
    page.select_option("#belt-lang-select", name)
    assert page.evaluate(SAME_AS_SHIPPED, raw)["differ"] == []
    assert page.errors == [] and page.blocked == []


def test_answers_are_kept_in_the_browser_until_forgotten(open_page, pages):
    """Issue 19: the page keeps the answers in localStorage (and says so) across a reload, until
    "Forget my answers", which brings back the published answers and keeps nothing."""
    page = open_page(pages["en"])
    ready(page)
    assert page.is_hidden(".belt-kept") and page.is_visible(".belt-forget")
    page.click("#belt-field-photo")                    # the example has a photo: now none (a change event)
    assert answer(page, "photo") is False
    assert page.inner_text(".belt-kept") == t("page.kept_here")
    page.reload()
    ready(page)
    assert answer(page, "photo") is False and page.is_checked("#belt-field-photo") is False
    assert page.inner_text(".belt-kept") == t("page.kept_here")
    assert "White belt" in page.inner_text(".belt-summary") or answer(page, "photo") is False
    page.select_option("#belt-lang-select", "fr")
    assert page.inner_text(".belt-kept") == t("page.kept_here", "fr")
    page.click(".belt-forget")
    assert answer(page, "photo") is True and page.inner_text(".belt-kept") == t("page.forgotten", "fr")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('belt-report:'))") == []
    page.reload()
    ready(page)
    assert answer(page, "photo") is True and page.is_hidden(".belt-kept")
    assert page.errors == [] and page.blocked == []


# ------------------------------------------------------------------ issue 18: since last time, the plan in a calendar
def _earlier_file(folder: pathlib.Path, answers: dict, when: datetime.datetime, name: str = "answers.json"):
    """An answers file as the page's "Download my answers" writes it, last modified at ``when`` (local time)."""
    path = folder / name
    path.write_text(dumps(validate(answers)), encoding="utf-8")
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _since_blocks(page) -> list[str]:
    """The since section's texts as drawn: paragraphs, list items and the note, in order."""
    return page.eval_on_selector_all(".belt-section-since .belt-since > p, .belt-section-since .belt-since > ul > li",
                                     "ns => ns.map(n => n.textContent)")


def _expected_since(old: dict, new: dict, when: datetime.datetime, lang: str) -> tuple[list[str], list[list[str]]]:
    """Python's since section (texts in order) and method rows for the same comparison, dated now."""
    s = since_module.compare(assess(validate(old)), assess(validate(new)), when, datetime.datetime.now())
    doc = document.build(assess(validate(new)), lang, answers=validate(new), since=s)
    texts = []
    for b in document.find(doc, "since")["blocks"]:
        texts += b["items"] if b["kind"] == "list" else [b["text"]]
    return texts, document.find(doc, "method")["blocks"][1]["rows"]


def test_compare_with_earlier_answers_shows_the_since_section_in_both_languages(pages, open_page, tmp_path):
    """Issue 18: an answers file downloaded earlier, chosen under "Compare with earlier answers…", adds the
    section "since" after the result (Python's words, dated by the file's modification time), the method's
    SINCE_DATE and SAME_PERSON rows, and a sentence to the live region; it follows the answers as they
    change, in both languages; "Remove the comparison" takes it away. Nothing is requested."""
    when = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=40)
    old = {**EXAMPLE, "photo": False, "connections": 12}
    path = _earlier_file(tmp_path, old, when)
    page = open_page(pages["en"])
    ready(page)
    assert page.is_visible(".belt-since-file") and page.is_hidden(".belt-since-remove")
    assert page.inner_text('label[for="belt-since-file"]') == t("page.since.label")
    assert page.query_selector(".belt-section-since") is None
    page.set_input_files(".belt-since-file", str(path))
    page.wait_for_selector(".belt-section-since")
    texts, rows = _expected_since(old, EXAMPLE, when, "en")
    assert _since_blocks(page) == texts and texts[0].startswith("Since ") and "+2 markers" in texts[0]
    assert page.inner_text("#belt-heading-since") == t("since.title")
    order = page.eval_on_selector_all(".belt-outcome section.belt-section", "ss => ss.map(s => s.className)")
    assert order[:2] == ["belt-section belt-section-result", "belt-section belt-section-since"]
    shown_rows = page.eval_on_selector_all(".belt-section-method tbody tr",
                                           "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert shown_rows == [list(r) for r in rows] and shown_rows[-1][0].endswith("(SAME_PERSON)")
    assert texts[0] in page.inner_text(".belt-announce")
    assert page.is_visible(".belt-since-remove") and page.inner_text(".belt-since-error") == ""
    page.click("#belt-field-photo")  # the photo gone again: the comparison follows the answers
    texts, _ = _expected_since(old, {**EXAMPLE, "photo": False}, when, "en")
    assert _since_blocks(page) == texts and "+1 marker" in texts[0]
    page.select_option("#belt-lang-select", "fr")
    texts, rows = _expected_since(old, {**EXAMPLE, "photo": False}, when, "fr")
    assert _since_blocks(page) == texts and texts[0].startswith("Depuis le ")
    assert page.inner_text("#belt-heading-since") == t("since.title", "fr")
    assert page.eval_on_selector_all(".belt-section-method tbody tr",
                                     "rs => rs.map(r => [...r.cells].map(c => c.textContent))")[-2:] == \
        [list(r) for r in rows[-2:]]
    assert axe_violations(page) == []
    page.focus(".belt-since-remove")
    page.keyboard.press("Enter")  # by keyboard
    assert page.query_selector(".belt-section-since") is None
    assert page.inner_text(".belt-announce").endswith(t("page.since.removed", "fr"))
    assert page.is_hidden(".belt-since-remove")
    assert page.evaluate("() => document.activeElement.id") == "belt-since-file"
    assert len(page.eval_on_selector_all(".belt-section-method tbody tr", "rs => rs")) == len(rows) - 2
    assert page.errors == [] and page.blocked == []


@pytest.mark.parametrize("case", ["bad file", "not json", "newer", "two people"])
def test_a_file_that_cannot_be_compared_changes_nothing_and_says_why(pages, open_page, tmp_path, case):
    """A bad file names its fields and what they allow, in the page language (a number with its decimal mark);
    an earlier file newer than today's answers and two people's answers are refused in the page's own words
    (issue 18: no "--since", the day in words); the file box is emptied, the comparison shown stays and the
    line under the box still names its date."""
    when = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=3)
    good = _earlier_file(tmp_path, {**EXAMPLE, "photo": False}, when, "good.json")
    strangers = {**EXAMPLE, "findable": "hard_to_find", "profile": "empty", "photo": False, "premium": True,
                 "connections": 3, "invitations": "after_every_meeting", "outreach": "strangers", "groups": 9,
                 "discussions": "lead", "reply_time": "same_day", "hours_per_week": 7.0, "offline_networking": False}
    bad = tmp_path / "bad.json"
    if case == "bad file":
        bad.write_text(dumps(validate(EXAMPLE)).replace('"connections": 150', '"connections": 150.5'), encoding="utf-8")
        want = {lang: t("page.since.unread", lang, problems=t(
                "page.since.problem.value", lang, field="connections", given=("150.5", "150,5")[lang == "fr"],
                allowed=t("page.since.allowed.int_range", lang, min=0, max=("30,000", "30\u202f000")[lang == "fr"])))
                for lang in ("en", "fr")}
    elif case == "not json":
        bad.write_text("{not json", encoding="utf-8")
        want = {lang: t("page.since.unread", lang, problems=t("page.since.problem.json", lang,
                                                               fields=", ".join(FIELDS))) for lang in ("en", "fr")}
    else:
        later = datetime.datetime.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
        bad = _earlier_file(tmp_path, strangers if case == "two people" else EXAMPLE,
                            when if case == "two people" else later, "bad.json")
        today = datetime.date.today()
        want = {lang: t("page.since.error.two_people", lang) if case == "two people" else
                t("page.since.error.newer", lang, date=since_module.date_text(later.date(), lang, today))
                for lang in ("en", "fr")}
    page = open_page(pages["en"])
    ready(page)
    page.set_input_files(".belt-since-file", str(good))
    page.wait_for_selector(".belt-section-since")
    before = _since_blocks(page)
    page.set_input_files(".belt-since-file", str(bad))
    page.wait_for_function("() => document.querySelector('.belt-since-error').textContent !== ''")
    for lang in ("en", "fr"):
        page.select_option("#belt-lang-select", lang)
        shown = page.inner_text(".belt-since-error")
        assert shown == want[lang] and "--since" not in shown
        assert page.inner_text(".belt-since-status") == t("page.since.comparing", lang, date=since_module.date_text(
            when.date(), lang, datetime.date.today()))  # the comparison in place: the good file's
    page.select_option("#belt-lang-select", "en")
    assert _since_blocks(page) == before  # nothing changed: the comparison shown stays
    assert page.eval_on_selector(".belt-since-file", "i => i.value") == ""  # the refused file is not left named
    assert page.get_attribute("#belt-since-error", "aria-live") == "polite"
    assert page.errors == [] and page.blocked == []


def test_the_comparison_stays_in_this_browser_until_removed_or_forgotten(pages, open_page, tmp_path):
    """Issue 18: the hint says the comparison stays in this browser; a reload keeps it (answers and date, in
    localStorage beside the kept answers); "Remove the comparison" and "Forget my answers" end it."""
    when = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=20)
    old = {**EXAMPLE, "photo": False, "connections": 12}
    path = _earlier_file(tmp_path, old, when)
    page = open_page(pages["fr"])
    ready(page)
    assert page.inner_text(".belt-since-hint") == t("page.since.hint", "fr") and page.is_hidden(".belt-since-status")
    page.set_input_files(".belt-since-file", str(path))
    page.wait_for_selector(".belt-section-since")
    texts, _ = _expected_since(old, EXAMPLE, when, "fr")
    status = t("page.since.comparing", "fr", date=since_module.date_text(when.date(), "fr", datetime.date.today()))
    assert page.inner_text(".belt-since-status") == status
    for end in ("reload", "remove", "reload", "forget"):
        page.reload()
        ready(page)
        page.wait_for_selector(".belt-section-since")  # restored: the same section, the same date
        assert _since_blocks(page) == texts and page.inner_text(".belt-since-status") == status
        assert page.is_visible(".belt-since-remove")
        if end == "remove":
            page.click(".belt-since-remove")
        elif end == "forget":
            page.click(".belt-forget")
        if end != "reload":
            assert page.query_selector(".belt-section-since") is None and page.is_hidden(".belt-since-status")
            page.reload()
            ready(page)
            assert page.query_selector(".belt-section-since") is None  # gone for good
            kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('belt-report-since:'))")
            assert kept == []
            if end == "remove":  # compare again for the next round
                page.set_input_files(".belt-since-file", str(path))
                page.wait_for_selector(".belt-section-since")
    assert axe_violations(page) == []
    assert page.errors == [] and page.blocked == []


def test_add_my_plan_to_my_calendar_downloads_the_commands_file(pages, open_page):
    """Issue 18: "Add my plan to my calendar" (hook belt-download-plan), by keyboard, saves belt-plan.ics: the
    events of ``belt-report plan --ics`` for the answers the result uses, from today, in the page language."""
    import icalendar

    from beltlib.calendar import build_plan, to_ics
    page = open_page(pages["fr"])
    ready(page)
    page.click("#belt-field-photo")  # the example has a photo: now none
    page.select_option("#belt-field-invitations", "accept_only")
    type_number(page, "groups", "0")
    page.keyboard.press("Tab")  # white belt: the photo is this week's step
    assert page.is_visible(".belt-download-plan")
    assert page.inner_text(".belt-download-plan") == t("page.download_plan", "fr")
    page.focus(".belt-download-plan")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "belt-plan.ics"
    got = icalendar.Calendar.from_ical(pathlib.Path(download.path()).read_bytes())
    plan = build_plan(assess(validate({**EXAMPLE, "photo": False, "groups": 0, "invitations": "accept_only"})),
                      "fr", datetime.date.today())
    want = icalendar.Calendar.from_ical(to_ics(plan))

    def facts(cal):
        return [(str(e["UID"]), str(e["SUMMARY"]), str(e["DESCRIPTION"]), e.decoded("DTSTART"),
                 e.decoded("DURATION") if "DURATION" in e else e.decoded("DTEND"), dict(e.get("RRULE", {})))
                for e in cal.walk("VEVENT")]
    assert facts(got) == facts(want)
    assert str(got["X-WR-CALNAME"]) == t("calendar.name", "fr") and str(got["PRODID"]) == str(want["PRODID"])
    assert [x.kind for x in plan.items][0] == "step" and facts(got)[0][1] == t("action.photo", "fr")
    assert page.errors == [] and page.blocked == []


@pytest.mark.parametrize("width", [375, 1280])
def test_since_and_plan_tools_screenshots(pages, open_page, tmp_path, width):
    """The tools and the since section at a phone's and a desktop's width, in both languages (screenshots/)."""
    when = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=30)
    path = _earlier_file(tmp_path, {**EXAMPLE, "photo": False, "discussions": "never"}, when)
    for lang in ("en", "fr"):
        page = open_page(pages[lang], width=width)
        ready(page)
        page.set_input_files(".belt-since-file", str(path))
        page.wait_for_selector(".belt-section-since")
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths  # no sideways scrolling
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"interactive-since-{lang}-{width}.png"), full_page=True)
        assert page.errors == [] and page.blocked == []


def test_a_page_published_with_since_opens_with_the_comparison(open_page, tmp_path):
    """``publish --interactive --since OLD`` (issue 18): the page opens with the section "since" as if the reader
    had chosen OLD (its date under the box, "Remove the comparison" shown, the method's two rows, a sentence in
    the live region); removing it, by keyboard, takes it away for good (a reload does not bring it back);
    "Forget my answers" brings the published comparison back. axe: no violation, with and without it."""
    when = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=40)
    old = {**EXAMPLE, "photo": False, "connections": 12}
    path = _earlier_file(tmp_path, old, when)
    done = subprocess.run([sys.executable, "-m", "beltlib", "publish", "--interactive", "--since", str(path),
                           "-o", str(tmp_path / "since.html")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = open_page(tmp_path / "since.html")
    ready(page)
    texts, rows = _expected_since(old, EXAMPLE, when, "en")
    status = t("page.since.comparing", "en", date=since_module.date_text(when.date(), "en", datetime.date.today()))
    assert _since_blocks(page) == texts and "+2 markers" in texts[0]
    assert page.eval_on_selector_all("section.belt-section-since", "ss => ss.length") == 1  # drawn once, not twice
    assert page.inner_text(".belt-since-status") == status and page.is_visible(".belt-since-remove")
    shown_rows = page.eval_on_selector_all(".belt-section-method tbody tr",
                                           "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert shown_rows == [list(r) for r in rows]
    assert texts[0] in page.inner_text(".belt-announce")
    assert axe_violations(page) == []
    page.select_option("#belt-lang-select", "fr")
    assert _since_blocks(page) == _expected_since(old, EXAMPLE, when, "fr")[0]
    page.focus(".belt-since-remove")
    page.keyboard.press("Enter")
    assert page.query_selector(".belt-section-since") is None and page.is_hidden(".belt-since-status")
    assert page.inner_text(".belt-announce").endswith(t("page.since.removed", "fr"))
    assert len(page.eval_on_selector_all(".belt-section-method tbody tr", "rs => rs")) == len(rows) - 2
    assert axe_violations(page) == []
    page.reload()
    ready(page)
    assert page.query_selector(".belt-section-since") is None and page.is_hidden(".belt-since-remove")
    page.click(".belt-forget")
    page.wait_for_selector(".belt-section-since")
    assert _since_blocks(page) == texts  # as published (the page's first language again after a reload: English)
    page.reload()
    ready(page)
    assert _since_blocks(page) == texts
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('belt-report-since:'))") == []
    assert page.errors == [] and page.blocked == []
