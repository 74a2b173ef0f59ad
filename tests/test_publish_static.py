"""Publishing the report as one static, offline HTML file (issue 4).

The pages are published once per module by fixtures, through the real command ``python -m beltlib
publish``, and every test reads them. The browser checks are in ``test_publish_static_browser.py``.
"""
from __future__ import annotations

import argparse
import base64
import datetime
import difflib
import json
import os
import re

import pytest

from beltlib import assess, example_answers, report, rules, validate
from beltlib.locale import long_date_text
from beltlib.plan import calendar_assumptions
from beltlib.publish import publish_cli
from beltlib.publish import static as publish
from beltlib.report import answers_rows, assumption_rows, belt_name, plan_lines, result_lines, synthesis_rows
from beltlib.texts import t
from helpers import DATE_1, ROOT, Page, norm, run_publish, table_rows

SCRIPT_TITLE = "<script>alert(1)</script> & Co"
DATE_2 = datetime.date(2026, 3, 4)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Attributes whose URL a browser loads (or navigates to) by itself.
SAMPLE_ZIP = ROOT / "tests" / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"
URL_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href",
             "manifest", "ping", "cite", "longdesc", "usemap", "codebase", "archive", "icon"}


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The example published in English (default title, over an existing file) and in
    French (the script-laden title), each with its command's result."""
    tmp = tmp_path_factory.mktemp("publish")
    en = tmp / "out" / "en.html"
    en.parent.mkdir()
    en.write_text("an older page", encoding="utf-8")
    fr = tmp / "out" / "fr.html"
    done_en = run_publish(tmp, "-o", str(en))
    done_fr = run_publish(tmp, "--lang", "fr", "--title", SCRIPT_TITLE, "-o", str(fr))
    for done in (done_en, done_fr):
        assert done.returncode == 0, done.stderr
    return {"en": (en, done_en), "fr": (fr, done_fr), "dir": en.parent, "tmp": tmp}


@pytest.fixture(scope="module")
def pages(published):
    return {lang: Page(published[lang][0].read_text(encoding="utf-8")) for lang in ("en", "fr")}


# ------------------------------------------------------------ the page itself
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_page_is_offline_with_no_url_to_load(pages, lang):
    page = pages[lang]
    loads = [(e["tag"], k, v) for e in page.elements for k, v in e["attrs"].items()
             if k in URL_ATTRS and v is not None]
    assert loads, "the plots at least carry a src"
    for tag, attr, value in loads:
        assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, attr, value)
        assert value.startswith(("data:", "#")), (tag, attr, value)
    # No element that could fetch or run anything; no CSS import or remote url().
    for tag in ("script", "link", "iframe", "object", "embed", "base", "frame"):
        assert not page.by_tag(tag), tag
    styles = page.style_text + " ".join(e["attrs"].get("style") or "" for e in page.elements)
    assert "@import" not in styles
    assert all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", styles))
    assert not re.search(r"https?://", page.style_text)
    # The nbconvert machinery is gone: no require.js, MathJax, widget manager, CDN.
    for needle in ("require.js", "requirejs", "mathjax", "MathJax", "unpkg.com", "cdnjs", "jsdelivr",
                   "widget-state", "widget-view", "jupyter-widgets", "fonts.googleapis"):
        assert needle not in page.raw, needle


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_lang_title_and_one_generation_line(pages, lang):
    page = pages[lang]
    html_el = page.by_tag("html")
    assert len(html_el) == 1 and html_el[0]["attrs"]["lang"] == lang
    expected_title = t("report.default_title", "en") if lang == "en" else SCRIPT_TITLE
    assert page.title == expected_title
    footer = page.by_class("belt-generated")
    assert len(footer) == 1
    day = long_date_text(DATE_1.year, DATE_1.month, DATE_1.day, lang)  # in words, not an ISO date
    assert Page.text_of(footer[0]) == t("report.generated", lang, date=day)
    assert "2026-01-02" not in Page.text_of(footer[0])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_result_holds_the_right_belt_and_sentences(pages, lang):
    a = assess(example_answers())
    assert (a.belt, a.target_belt) == ("green", "green")
    results = pages[lang].by_class("belt-result")
    assert len(results) == 1
    text = Page.text_of(results[0])
    assert belt_name("green", lang) in text  # "green belt" / "ceinture verte"
    assert results[0]["attrs"]["data-belt"] == "green"
    for line in result_lines(a, lang):  # belt, score, percentile, target, position, effort
        assert norm(line) in text, line
    assert ("This report’s estimate, not the article’s: about 94%" if lang == "en"
            else "Estimation de ce rapport, pas de l’article : environ 94 %")  # text with spaces normalised in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_two_embedded_plots_with_their_message_as_alt(pages, lang):
    from beltlib.plots import alt_text
    page = pages[lang]
    a = assess(example_answers())
    imgs = page.by_tag("img")
    assert len(imgs) == 2
    for kind in ("population", "effort"):
        holders = page.by_class(f"belt-plot-{kind}")
        assert len(holders) == 1
        inside = [i for i in imgs if holders[0] in i["ancestors"]]
        assert len(inside) == 1
        src, alt = inside[0]["attrs"]["src"], inside[0]["attrs"]["alt"]
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG_SIGNATURE)
        assert alt == alt_text(a, kind, lang)
        assert len(alt) > 30 and "chart" not in alt.lower()
    assert ("This report’s estimate: about 94% of LinkedIn users below you, inside the green belt’s share (88% to 98%)."
            in [i["attrs"]["alt"] for i in imgs]) == (lang == "en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_answers_table_plan_synthesis_and_method_present(pages, lang):
    page = pages[lang]
    answers = example_answers()
    tables = page.by_class("belt-answers")
    assert len(tables) == 1
    assert table_rows(tables[0], page) == [tuple(norm(c) for c in r) for r in answers_rows(answers, lang)]
    text = page.text
    for line in plan_lines(assess(answers), lang):
        assert norm(line) in text
    _, rows = synthesis_rows(lang)
    synth = page.by_class("belt-synthesis")
    assert len(synth) == 1 and table_rows(synth[0], page) == [tuple(norm(c) for c in r) for r in rows]
    assumptions = page.by_class("belt-assumptions")
    assert len(assumptions) == 1
    labels = [r[0] for r in table_rows(assumptions[0], page)]
    # plain words, then the name; the rules' assumptions, then the calendar file's
    assert labels == [norm(label) for label, _, _ in assumption_rows(lang, calendar_assumptions(lang))]
    assert [label.rsplit(" (", 1)[1] for label in labels] == [f"{name})" for name, _ in rules.ASSUMPTIONS] + [
        "PLAN_EVENT_TIME)", "RECHECK_DAYS)"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_code_no_prompts_no_widgets(pages, lang):
    page = pages[lang]
    for cls in ("jp-InputArea", "jp-CodeMirrorEditor", "highlight", "jp-InputPrompt", "jp-OutputPrompt",
                "jupyter-widgets", "widget-area", "celltag_parameters"):
        assert not page.by_class(cls), cls
    for code in ("open_report", "import beltlib", "report.intro()", "answers_path", "live = ", "In&nbsp;[",
                 "In [", "Out[", "Traceback", "Loading widget"):
        assert code not in page.raw, code
    assert not page.by_tag("pre") and not page.by_tag("code")
    assert not page.by_tag("input") and not page.by_tag("button") and not page.by_tag("select")


def test_title_is_escaped_text(published, pages):
    raw = pages["fr"].raw
    assert "<script" not in raw.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in raw
    h1 = pages["fr"].by_tag("h1")
    assert [Page.text_of(h) for h in h1] == [SCRIPT_TITLE]
    assert not pages["fr"].by_tag("script")


def test_small_atomic_and_reported(published):
    for lang in ("en", "fr"):
        path, done = published[lang]
        size = path.stat().st_size
        assert 20_000 < size < publish.MAX_BYTES, size
        assert str(path) in done.stdout
    assert published["en"][0].read_text(encoding="utf-8") != "an older page"  # replaced
    umask = os.umask(0)
    os.umask(umask)
    assert published["en"][0].stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any saved file
    assert sorted(p.name for p in published["dir"].iterdir()) == ["en.html", "fr.html"]  # no temp file left


def test_same_bytes_apart_from_the_date_line(published):
    tmp = published["tmp"]
    again = tmp / "again" / "en.html"
    done = run_publish(tmp, "-o", str(again), date=DATE_2)
    assert done.returncode == 0, done.stderr
    first = published["en"][0].read_text(encoding="utf-8").splitlines()
    second = again.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(first, second, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"-<p>{t('report.generated', 'en', date='2 January 2026')}</p>",
                       f"+<p>{t('report.generated', 'en', date='4 March 2026')}</p>"]


# ---------------------------------------------------------- bad input, fast
BAD = {**example_answers().to_dict(), "persona": "ninja", "connections": -3}


@pytest.mark.parametrize("content, field", [
    (json.dumps(BAD), 'persona: got "ninja"'),
    ("{not json", "invalid JSON at line 1"),
])
def test_invalid_answers_exit_2_and_write_nothing(tmp_path, content, field):
    bad = tmp_path / "answers.json"
    bad.write_text(content, encoding="utf-8")
    missing = tmp_path / "build" / "new" / "page.html"
    existing = tmp_path / "kept.html"
    existing.write_text("the page I already had", encoding="utf-8")
    for target in (missing, existing):
        done = run_publish(tmp_path, "--answers", str(bad), "-o", str(target))
        assert done.returncode == 2
        assert field in done.stderr and "Traceback" not in done.stderr
        if content.startswith("{\""):
            assert "connections: got -3 (allowed: an integer from 0 to" in done.stderr
    assert not missing.exists() and not (tmp_path / "build").exists()
    assert existing.read_text(encoding="utf-8") == "the page I already had"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "jupyter", "kept.html"]


def test_unknown_lang_and_missing_export_exit_2(tmp_path):
    done = run_publish(tmp_path, "--export", str(tmp_path / "nowhere.zip"), "-o", str(tmp_path / "p.html"))
    assert done.returncode == 2 and "nowhere.zip" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "p.html").exists()
    with pytest.raises(ValueError, match="lang: got 'de'"):
        publish.publish(tmp_path / "p.html", lang="de")
    assert not (tmp_path / "p.html").exists()


def test_interactive_validates_answers_first(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(BAD), encoding="utf-8")
    args = argparse.Namespace(answers=str(bad), export=None, lang="en", title=None, interactive=True,
                              output=str(tmp_path / "i.html"))
    with pytest.raises(ValueError, match='persona: got "ninja"'):
        publish_cli(args)
    assert not (tmp_path / "i.html").exists()


def test_tables_get_column_labels_for_phones_from_the_one_table_builder():
    """The page's wide tables carry their column labels (``data-label``) as the block renderer writes
    them: no finished HTML is re-parsed (bs4 is no longer used by beltlib)."""
    out = report.table_html(["Belt", "Share & more", ""], [["White", "88%", "x"]], "belt-synthesis")
    assert '<table class="belt-synthesis belt-stack">' in out
    assert '<td data-label="Belt">White</td><td data-label="Share &amp; more">88%</td><td>x</td>' in out
    narrow = report.table_html(["Q", "A"], [["q", "a"]], "belt-answers")
    assert '<table class="belt-answers">' in narrow and "data-label" not in narrow


def test_publishing_with_an_export_reads_it_once(tmp_path, monkeypatch):
    """The export is read once and each set of answers validated once per publish (issue 16)."""
    import beltlib.answers
    import beltlib.linkedin
    from beltlib.publish import common
    reads, validations = [], []
    real_read, real_validate = beltlib.linkedin.read_export, common.validate

    def counting_read(*args, **kwargs):
        reads.append(args)
        return real_read(*args, **kwargs)

    def counting_validate(*args, **kwargs):
        validations.append(args)
        return real_validate(*args, **kwargs)
    monkeypatch.setattr(beltlib.linkedin, "read_export", counting_read)
    monkeypatch.setattr(common, "validate", counting_validate)
    monkeypatch.setattr(beltlib.answers, "validate", counting_validate)
    out = publish.publish(tmp_path / "p.html", export_path=SAMPLE_ZIP, date=DATE_1)
    assert len(reads) == 1
    # the example, then the answers the export prefilled: each validated once, none again
    assert len(validations) == 2 and validations[0][0] != validations[1][0]
    page = Page(out.read_text(encoding="utf-8"))
    assert "belt-section-export_summary" in page.raw and "belt-plot-timeline" in page.raw


def test_static_page_needs_no_kernel(tmp_path, monkeypatch):
    """The static page is drawn in process from the document: no kernel starts."""
    import jupyter_client.manager

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")
    monkeypatch.setattr(jupyter_client.manager.KernelManager, "start_kernel", no_kernel)
    out = publish.publish(tmp_path / "p.html", date=DATE_1)
    assert 'class="belt-result' in out.read_text(encoding="utf-8")


def test_generation_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767355200")  # 2026-01-02 12:00 UTC
    assert publish.generation_date() == DATE_1
    assert publish.generation_date(DATE_2) == DATE_2
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert publish.generation_date() == datetime.date.today()


def test_french_static_page_passes_the_typography_scan(published):
    """Issue 10: no-break spaces before : ; ? !, inside « » and before % on the rendered French page."""
    from typography import page_texts, problems
    texts = page_texts(published["fr"][0].read_text(encoding="utf-8"), "fr")
    assert len(texts) > 100
    assert [p for x in texts for p in problems(x, "fr")] == []


def test_output_is_checked_before_the_page_is_drawn(tmp_path, monkeypatch):
    """-o that cannot be written fails at once (exit 2, a clear error), before any page is drawn."""
    from beltlib.cli import main
    from beltlib.publish import OutputError

    def no_drawing(*args, **kwargs):
        raise AssertionError("the page was drawn")

    monkeypatch.setattr(publish, "render_static", no_drawing)
    with pytest.raises(OutputError, match="cannot write .*: it is a folder"):
        publish.publish(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):  # root may write anywhere: the folder case above still runs
            with pytest.raises(OutputError, match="permission denied"):
                publish.publish(locked / "sub" / "r.html")
    finally:
        locked.chmod(0o700)
    assert main(["publish", "-o", str(tmp_path)]) == 2
    assert main(["publish", "--interactive", "-o", str(tmp_path)]) == 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_page_leads_with_the_result_then_the_plan_then_the_answers(published, lang):
    """Issue 10: the belt, the distance to the target and the plan come before the answers table,
    and "Marker by marker" is open."""
    raw = published[lang][0].read_text(encoding="utf-8")
    at = {s: raw.index(f'class="belt-section belt-section-{s}"')  # the sections, not the stylesheet's rules
          for s in ("intro", "result", "population_plot", "effort_plot", "action_plan", "questionnaire", "synthesis")}
    assert at["intro"] < at["result"] < at["population_plot"] < at["effort_plot"] < at["action_plan"]
    assert at["action_plan"] < at["questionnaire"] < at["synthesis"]
    assert re.search(r"<details open(=\"\")?>", raw)
    distance = report.distance_line(assess(example_answers()), lang)  # the result's distance sentence
    assert norm(distance) in Page(raw).text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_interactive_page_draws_the_report_document_before_its_script_runs(lang):
    """The interactive page is the report document drawn by beltlib.report (every section, by area),
    and carries the document of every language for its script; no table is re-labelled afterwards."""
    from beltlib import document
    from beltlib.announce import short_announcement
    from beltlib.publish.interactive import FORM_SECTION, LIVE_SECTION, render_page
    a = assess(example_answers())
    raw = render_page(example_answers(), lang, date=DATE_1)
    doc = document.build(a, lang)
    for sec in doc["sections"]:
        assert report.heading_html(sec) in raw, sec["id"]
        if sec["id"] == FORM_SECTION:
            assert f'<form class="belt-questions" novalidate aria-labelledby="belt-heading-{sec["id"]}">' in raw
        elif not any(b["kind"] == "figure" for b in sec["blocks"]):  # figures hold the live SVG
            assert report.section_html(sec) in raw, sec["id"]  # the result too: not a live region
        else:
            for b in sec["blocks"]:
                assert f'<figcaption class="belt-plot-caption">{report.escape(b["caption"])}</figcaption>' in raw
    assert report.summary_html(doc) in raw
    assert LIVE_SECTION == "result" and (f'<p class="belt-announce" role="status" aria-live="polite">'
                                         f'{report.escape(short_announcement(a, lang))}</p>') in raw
    data = json.loads(re.search(r'<script type="application/json" id="belt-data">(.*?)</script>', raw, re.S).group(1))
    assert data["document"] == {x: document.build(a, x) for x in ("en", "fr")}
    live, outcome = raw.index('<div class="belt-live">'), raw.index('<div class="belt-outcome">')
    at = [raw.index('<section class="belt-section belt-section-intro"'), live, raw.index('class="belt-summary"'),
          raw.index('<form class="belt-questions"'), outcome,
          raw.index('<section class="belt-section belt-section-result"')]
    assert at == sorted(at)
    assert raw.index('<section class="belt-section belt-section-action_plan"') < raw.index(
        '<section class="belt-section belt-section-synthesis"') < raw.index('<footer class="belt-generated">')


# ------------------------------------------------------- publish --since (issue 18)
#: Earlier answers: no photo, 12 connections (the example then gained both markers); saved on 3 Nov 2026.
EARLIER = {**example_answers().to_dict(), "photo": False, "connections": 12}
NOV_3, DEC_6 = datetime.datetime(2026, 11, 3, 9, 30), datetime.datetime(2026, 12, 6, 18, 0)


def _answers_file(path, answers, when):
    from beltlib.answers import dumps, validate
    path.write_text(dumps(validate(answers)), encoding="utf-8")
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


@pytest.fixture(scope="module")
def since_pages(tmp_path_factory):
    """The example (an answers file saved on 6 Dec 2026) published with ``--since`` an earlier file (3 Nov)."""
    tmp = tmp_path_factory.mktemp("since")
    old = _answers_file(tmp / "old.json", EARLIER, NOV_3)
    new = _answers_file(tmp / "new.json", example_answers().to_dict(), DEC_6)
    out = {}
    for lang in ("en", "fr"):
        done = run_publish(tmp, "--answers", str(new), "--since", str(old), "--lang", lang, "-o", f"{lang}.html")
        assert done.returncode == 0, done.stderr
        out[lang] = Page((tmp / f"{lang}.html").read_text(encoding="utf-8"))
    return out


@pytest.mark.parametrize("lang, headline, gained", [
    ("en", "Since 3\u00a0Nov: +2 markers — your belt: still green belt.",
     ["Gained: Profile photo", "Gained: At least 20 connections"]),
    ("fr", "Depuis le 3\u00a0nov.\u00a0: +2\u00a0marqueurs — votre ceinture\u00a0: toujours ceinture verte.",
     ["Gagné\u00a0: Photo de profil", "Gagné\u00a0: Au moins 20\u00a0relations"]),
])
def test_publish_since_shows_the_section_after_the_result_and_its_assumptions(since_pages, lang, headline, gained):
    """Issue 18: ``publish --since OLD`` draws "Since last time" as ``assess --since`` words it (dates: the
    files' modification times), after the result, and the method lists SINCE_DATE and SAME_PERSON."""
    from beltlib import document
    from beltlib.since import assumptions, compare
    page = since_pages[lang]
    s = compare(assess(validate(EARLIER)), assess(example_answers()), NOV_3, DEC_6)
    want = document.find(document.build(assess(example_answers()), lang, since=s), "since")
    sec = page.by_class("belt-section-since")
    texts = [Page.text_of(e) for e in page.elements if sec[0] in e["ancestors"] and e["tag"] in ("p", "li", "h2")]
    blocks = [x for b in want["blocks"] for x in (b["items"] if b["kind"] == "list" else [b["text"]])]
    assert len(sec) == 1 and texts == [norm(x) for x in (want["title"], *blocks)]
    assert texts[:4] == [norm(x) for x in (t("since.title", lang), headline, *gained)]
    assert f"<p>{headline}</p>" in page.raw and f"<li>{gained[0]}</li>" in page.raw  # the no-break spaces kept
    assert texts[-1] == norm(t("since.date_note", lang, date=("3\u00a0Nov 2026", "3\u00a0nov. 2026")[lang == "fr"]))
    raw = page.raw
    at = [raw.index(f'class="belt-section belt-section-{x}"') for x in ("result", "since", "population_plot")]
    assert at == sorted(at)  # document.SECTIONS: right after the result
    rows = table_rows(page.by_class("belt-assumptions")[0], page)
    extra = calendar_assumptions(lang) + assumptions(lang, s)
    assert rows == [tuple(norm(c) for c in r) for r in assumption_rows(lang, extra)]
    assert [r[0].rsplit(" (", 1)[1] for r in rows[-2:]] == ["SINCE_DATE)", "SAME_PERSON)"]
    assert rows[-1][1] == "12"  # the answers compared: all but the format and the situation


def test_interactive_page_with_since_draws_the_section_and_ships_the_earlier_answers(tmp_path):
    """``publish --interactive --since``: the HTML drawn before the script runs holds the section (marked as
    added, so "Remove the comparison" takes it away) and the method's rows; the data carries the earlier
    answers and their file's time in milliseconds; the shipped documents stay without the comparison."""
    from beltlib import document
    from beltlib.publish.interactive import render_page
    from beltlib.since import compare_file
    old = _answers_file(tmp_path / "old.json", EARLIER, NOV_3)
    new = _answers_file(tmp_path / "new.json", example_answers().to_dict(), DEC_6)
    earlier = compare_file(old, assess(example_answers()), new)
    raw = render_page(example_answers(), "fr", date=DATE_1, since=earlier)
    a = assess(example_answers())
    with_since = document.build(a, "fr", since=earlier.since)
    drawn = report.section_html(document.find(with_since, "since"))
    assert drawn.replace("<section ", "<section data-belt-added ", 1) in raw
    assert "Depuis le 3\u00a0nov.\u00a0: +2\u00a0marqueurs" in raw and "(SAME_PERSON)" in raw
    data = json.loads(re.search(r'<script type="application/json" id="belt-data">(.*?)</script>', raw, re.S).group(1))
    assert data["since"] == {"answers": EARLIER, "time": int(NOV_3.timestamp()) * 1000}
    assert data["document"] == {x: document.build(a, x) for x in ("en", "fr")}
    assert json.loads(re.search(r'<script type="application/json" id="belt-data">(.*?)</script>',
                                render_page(example_answers(), "fr", date=DATE_1), re.S).group(1))["since"] is None
