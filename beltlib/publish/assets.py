"""What the interactive page inlines besides its HTML: its scripts, the vendored ical.js, its style, its JSON.

:mod:`beltlib.publish.interactive` writes them into the page: the JSON data (:func:`script_json`), the
vendored ical.js in its own ``<script>`` element (:func:`vendor_script`), then the page's own script
(:func:`page_script`: the engine and its parts, then the DOM code), and the style (:func:`page_style`).
Each is checked safe to inline (nothing that would close its element).
"""
from __future__ import annotations

import json
import re
from typing import Any

from .common import PACKAGE_DIR, TEMPLATE_NAME, TEMPLATES_DIR

#: The page's engine (reads the rules table; runs under Node too), its parts (the sentences and the document,
#: "since last time", the plan as a calendar) and its DOM code, inlined in that order.
SCRIPT_FILES = tuple(PACKAGE_DIR / name for name in ("engine.js", "engine_words.js", "since.js", "plan.js", "marks.js",
                                                     "keep.js", "tools.js", "page.js"))
#: Mozilla's ical.js 2.2.1 (MPL-2.0, ``vendor/LICENSE-ical.js.txt``; ``vendor/README.md`` says where it comes
#: from): ``plan.js`` writes the calendar file (RFC 5545) with it. Inlined unchanged, its licence header kept.
VENDOR_SCRIPT = PACKAGE_DIR / "vendor" / "ical.min.js"
#: The page's own style rules, added after the static report's stylesheet.
STYLE_FILE = PACKAGE_DIR / "interactive.css"


def script_json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``
    (valid JSON, same value), so no text in the data can close the script
    element or open a comment.

    Args:
        data (Any): JSON-able data (no NaN or infinity).

    Returns:
        str: compact JSON text, safe inside a script element.

    Raises:
        ValueError: NaN or infinity in ``data``. TypeError: a value JSON cannot write.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline(path: Any) -> str:
    code: str = path.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", code, re.I):
        raise ValueError(f"beltlib/publish/{path.relative_to(PACKAGE_DIR).as_posix()} must not contain "
                         "'</script' or '<!--'")
    return code


def page_script() -> str:
    """The page's own JavaScript (:data:`SCRIPT_FILES`, in order), checked safe to inline.

    Returns:
        str: the files joined by newlines (the vendored ical.js is not in it: :func:`vendor_script`).

    Raises:
        ValueError: a file contains ``</script`` or ``<!--`` (it would break out of its element).
    """
    return "\n".join(_inline(path) for path in SCRIPT_FILES)


def vendor_script() -> str:
    """The vendored ical.js (:data:`VENDOR_SCRIPT`), unchanged, checked safe to inline.

    Kept out of :func:`page_script`, so :func:`beltlib.publish.interactive.page_text_keys` reads only the
    page's own code for catalogue keys.

    Returns:
        str: the minified library with its MPL-2.0 header; in the page it sets ``globalThis.ICAL``.

    Raises:
        ValueError: it contains ``</script`` or ``<!--``.
    """
    return _inline(VENDOR_SCRIPT)


def page_style() -> str:
    """The static report's stylesheet (:mod:`beltlib.publish`'s template) plus the page's own rules.

    Returns:
        str: the CSS text.

    Raises:
        ValueError: it contains ``</style``.
    """
    base = (TEMPLATES_DIR / TEMPLATE_NAME / "static" / "belt.css").read_text(encoding="utf-8")
    css = base + "\n" + STYLE_FILE.read_text(encoding="utf-8")
    if re.search(r"</style", css, re.I):
        raise ValueError("stylesheet must not contain '</style'")
    return css
