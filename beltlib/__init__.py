"""Belt Report: how a person uses LinkedIn as a networking tool — white, green or black belt.

The rules come from the French article "Vous envisagez d'utiliser les réseaux
pour trouver un job ?" (``shared/seed``). This package is light to import: it
never imports matplotlib or ipywidgets (see :mod:`beltlib.plots` and
:mod:`beltlib.app` for those).

Quick use::

    >>> import beltlib
    >>> a = beltlib.assess(beltlib.example_answers("job_seeker"))
    >>> a.belt, a.target_belt
    ('green', 'green')
"""
from .answers import FIELDS, Answers, AnswersError, example_answers, load_answers, parse_answers, save_answers, validate
from .assessment import Assessment, assess

__all__ = ["FIELDS", "Answers", "AnswersError", "Assessment", "assess", "example_answers",
           "load_answers", "parse_answers", "save_answers", "validate"]
__version__ = "0.1.0"
