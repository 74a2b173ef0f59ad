"""The plots' marks and the short announcement: texts added after en.py/fr.py reached their size limit.

Merged into :data:`beltlib.texts.CATALOGUE`.
"""
from __future__ import annotations

EN: dict[str, str] = {
    # The effort plot's "you" label: the hours are written, so a mark drawn at the axis' edge still says where it is.
    "plot.effort.you_hours": "you: {hours}\u00a0h/week",
    # The live regions' one short sentence (beltlib.announce): the belt and the distance to the target.
    "announce.none": "No belt: create a profile, then {n} steps to the {target}.",
    "announce.below.one": "{belt}: 1 step from the {target}.",
    "announce.below.many": "{belt}: {n} steps from the {target}.",
    "announce.at": "{belt}: you have reached the {target}, the belt suggested for you.",
    "announce.above": "{belt}: beyond the {target}, the belt suggested for you.",
}

FR: dict[str, str] = {
    "plot.effort.you_hours": "vous\u00a0: {hours}\u00a0h/sem.",
    "announce.none": "Pas de ceinture\u00a0: créez un profil, puis {n}\u00a0étapes vers la {target}.",
    "announce.below.one": "{belt}\u00a0: à 1\u00a0étape de la {target}.",
    "announce.below.many": "{belt}\u00a0: à {n}\u00a0étapes de la {target}.",
    "announce.at": "{belt}\u00a0: vous avez atteint la {target}, la ceinture conseillée pour vous.",
    "announce.above": "{belt}\u00a0: au-delà de la {target}, la ceinture conseillée pour vous.",
}
