"""The live regions' one short sentence: the belt and the distance to the target.

Every rendering (the app's ``belt-announce``, the interactive page's) says this sentence, not the
whole result card, so a screen reader hears what changed in one breath. The interactive page's
script builds the same sentence from the same catalogue keys (``announce.*``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .texts import t

if TYPE_CHECKING:  # pragma: no cover
    from .assessment import Assessment


def announce_key(a: Assessment) -> str:
    """The sentence's catalogue key: ``announce.none``, ``announce.below.one``/``many``, ``announce.at``/``above``."""
    if a.belt == "none":
        return "announce.none"
    if a.position == "below":
        return "announce.below.one" if a.markers_needed == 1 else "announce.below.many"
    return f"announce.{a.position}"


def short_announcement(a: Assessment, lang: str = "en") -> str:
    """The belt and the distance to the target belt in one short sentence.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"Green belt: 2 steps from the black belt."``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t(announce_key(a), lang, belt=t(f"belt_title.{a.belt}", lang), n=a.markers_needed,
             target=t(f"belt.{a.target_belt}", lang))
