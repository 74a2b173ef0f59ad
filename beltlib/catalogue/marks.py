"""The plots' marks and the short announcement: texts added after en.py/fr.py reached their size limit.

Merged into :data:`beltlib.texts.CATALOGUE`.
"""
from __future__ import annotations

EN: dict[str, str] = {
    # The effort plot's "you" label: the hours are written, so a mark drawn at the axis' edge still says where it is.
    "plot.effort.you_hours": "you: {hours}\u00a0h/week",
    # The live regions' sentence, on every rendering: the belt and the distance to the target.
    "announce.belt_distance": "{belt}. {distance}",
    "announce.none": "No belt yet. {distance}",
}

FR: dict[str, str] = {
    "plot.effort.you_hours": "vous\u00a0: {hours}\u00a0h/sem.",
    "announce.belt_distance": "{belt}. {distance}",
    "announce.none": "Pas encore de ceinture. {distance}",
}
