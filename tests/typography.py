"""French typography checks for catalogue texts and rendered pages (issue 10).

French: a no-break space (U+00A0) or narrow no-break space (U+202F) before ``: ; ? !``, inside
« », and between a number and ``%``. Both languages: never an ordinary space between a number
and ``%`` (it may break across lines).
"""
from __future__ import annotations

import re

_NB = "\u00a0\u202f"
FRENCH_RULES = (
    ("ordinary space before : ; ? !", re.compile(r" [:;?!]")),
    ("no space before ; ? !", re.compile(rf"[^\s{_NB};?!(]([;?!])(?=\s|$)")),
    ("no space before :", re.compile(rf"[^\s{_NB}:\d/(]:(?=\s|$)")),
    ("« without a no-break space after it", re.compile(rf"«[^{_NB}]")),
    ("» without a no-break space before it", re.compile(rf"[^{_NB}]»")),
    ("number and % not joined by a no-break space", re.compile(r"\d(?: |)%")),
    ("two no-break spaces in a row", re.compile(rf"[{_NB}]{{2}}")),
)
BOTH_RULES = (("ordinary space between a number and %", re.compile(r"\d %")),)


def problems(text: str, lang: str) -> list[str]:
    """The typography problems of one text, each ``"<rule>: …context…"`` (empty when fine)."""
    rules = FRENCH_RULES + BOTH_RULES if lang == "fr" else BOTH_RULES
    out = []
    for name, pattern in rules:
        for m in pattern.finditer(text):
            out.append(f"{name}: …{text[max(0, m.start() - 25):m.end() + 5]}…")
    return out


def page_texts(html: str, lang: str) -> list[str]:
    """The visible text of a page in ``lang`` (no script, style, template or SVG; blocks in the other
    language, marked ``data-lang`` or ``lang``, left out), one string per text node."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, features="html.parser")
    for tag in soup(["script", "style", "template", "svg", "noscript"]):
        tag.decompose()
    for tag in soup.select("[data-lang], [lang]"):
        if tag.name != "html" and tag.get("data-lang", tag.get("lang")) != lang:
            tag.decompose()
    return [s for s in (str(x) for x in soup.find_all(string=True)) if s.strip()]
