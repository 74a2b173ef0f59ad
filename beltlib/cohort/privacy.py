"""What the cohort's views may show of a group: no count under 5, none worked out from the others.

Every view of a group (the cohort page, its text and JSON, the notebook, the comparison) shows counts
of people, or shares of an exact total (which tell the same counts). The rules (assumption
``MIN_CELL`` = 5, the small-cell rule of published statistics):

- :func:`protect` — one breakdown of a total that is shown: a cell under 5 (0 included) is hidden,
  then more until no hidden cell is the total minus the cells shown and the hidden ones hold 5 or more
  together (primary and complementary suppression).
- :func:`merge_bins` — a histogram: neighbouring bars merged until each holds 5 or more.
- :func:`settle` — the breakdowns of one group that share people: belts, situations, "at or above the
  target" per situation, and the steps histogram's "0" bar (who is at or above their target). Each
  is protected alone, then an audit (:func:`first_leak`) looks for a count that follows from the
  numbers shown *together* (sums and differences across tables: "0 steps: 9" minus "job seekers at
  their target: 6" tells that 3 others are), and hides the smallest number that gives it away, until
  nothing does.

Every hidden value reads the same, :data:`HIDDEN` ("not shown"): words telling "fewer than 5" from
"hidden to protect another" would bound each hidden count, and with their sum known pin one.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from .. import rules

#: Smallest group shown as a count or a share (assumption MIN_CELL: the usual small-cell rule of published
#: statistics; a group of 1 to 4 could point at a person).
MIN_CELL = 5
#: What replaces every hidden count or share: one of fewer than 5 people, or one the numbers shown would give
#: away (JSON value; catalogue key ``cohort.compare.hidden``; the plain text prints "–").
HIDDEN = "not shown"
#: The cells of the people tables: (situation, belt) — everything :func:`settle` protects is a sum of them.
ATOMS = tuple(itertools.product(rules.PERSONAS, rules.BELTS))
_TOLERANCE = 1e-7


def protect(counts: Mapping[str, int], hidden: Iterable[str] = ()) -> dict[str, int | str]:
    """The cells of a breakdown of an exact total as they may be shown: none recoverable by subtraction.

    Cells under :data:`MIN_CELL` are hidden (0 included), and so are the cells of ``hidden``; then,
    while a single cell is hidden or the hidden cells hold fewer than :data:`MIN_CELL` in all (the
    total minus the cells shown would tell them), the smallest shown cell is hidden too. Every hidden
    cell reads :data:`HIDDEN`, so that nothing but their sum is known of them.

    Args:
        counts (Mapping[str, int]): cell → count (people); the cells add up to a total that is shown.
        hidden (Iterable[str]): cells to hide whatever their count (:func:`settle`, and the comparison's
            :func:`beltlib.cohort.compare.guard`); default none.

    Returns:
        dict[str, int | str]: cell → count or :data:`HIDDEN`, in the same order (every cell hidden when
        nothing less will do).

    Raises:
        KeyError: a cell of ``hidden`` that is not in ``counts``, naming the cells allowed.

    Source: assumption MIN_CELL (primary and complementary suppression of published tables).
    """
    shut = {k for k, c in counts.items() if c < MIN_CELL} | set(hidden)
    if shut - set(counts):
        raise KeyError(f"hidden: unknown cell(s) {sorted(shut - set(counts))} (allowed: {', '.join(counts)})")
    while shut and len(shut) < len(counts) and (len(shut) == 1 or sum(counts[k] for k in shut) < MIN_CELL):
        shut.add(min((k for k in counts if k not in shut), key=lambda k: counts[k]))
    return {k: HIDDEN if k in shut else c for k, c in counts.items()}


def merge_bins(counts: Mapping[int, int], zero_alone: bool = True) -> dict[str, int | str]:
    """A histogram's bins merged with their neighbours until each holds :data:`MIN_CELL` or more.

    Args:
        counts (Mapping[int, int]): value → count (people), every value from the first to the last, ascending.
        zero_alone (bool): False merges the first value with the next whatever its count (:func:`settle`
            found that its bar alone would give a count away).

    Returns:
        dict[str, int | str]: label (``"3"``, or ``"1–2"`` for merged values) → count; one
        :data:`HIDDEN` bin spanning every value when the whole holds fewer than :data:`MIN_CELL`.

    Raises:
        IndexError: empty ``counts``.

    Source: assumption MIN_CELL.
    """
    keys = list(counts)
    bins: list[list[int]] = []  # [first value, last value, count]
    start, acc = keys[0], 0
    for k in keys:
        acc += counts[k]
        if acc >= MIN_CELL and (zero_alone or k > keys[0]):
            bins.append([start, k, acc])
            start, acc = k + 1, 0
    if bins and (acc or start <= keys[-1]):  # what is left joins the last bin
        bins[-1][1], bins[-1][2] = keys[-1], bins[-1][2] + acc
    if not bins:
        return {span(keys[0], keys[-1]): HIDDEN}
    return {span(a, b): c for a, b, c in bins}


def span(a: int, b: int) -> str:
    """A histogram bin's label: ``"3"``, or ``"1–2"`` (en dash) for several values.

    Args:
        a (int): first value. b (int): last value (``>= a``).

    Returns:
        str: the label.

    Raises:
        Nothing.
    """
    return str(a) if a == b else f"{a}\u2013{b}"


def shown(count: int) -> int | str:
    """A count as it may be shown alone: itself from :data:`MIN_CELL` up, else :data:`HIDDEN`.

    Args:
        count (int): people in a breakdown.

    Returns:
        int | str: ``count`` or ``"not shown"``.

    Raises:
        Nothing.

    Source: assumption MIN_CELL.
    """
    return count if count >= MIN_CELL else HIDDEN


def at_target(persona: str, belt: str) -> bool:
    """Whether a belt is at or above a situation's target belt (what the steps histogram's "0" counts).

    Args:
        persona (str): one of :data:`beltlib.rules.PERSONAS`. belt (str): one of :data:`beltlib.rules.BELTS`.

    Returns:
        bool: ``belt`` ranks at or above :data:`beltlib.rules.TARGET_BELT` of ``persona``.

    Raises:
        KeyError: unknown persona or belt.

    Source: article, « Alors, quelle ceinture choisir ? » (target belts).
    """
    return rules.BELTS.index(belt) >= rules.BELTS.index(rules.TARGET_BELT[persona])


def cell_vectors() -> dict[tuple[str, str], tuple[int, ...]]:
    """Every number :func:`settle` may show, as the 0/1 vector of the :data:`ATOMS` it adds up.

    Returns:
        dict[tuple[str, str], tuple[int, ...]]: ``("belt", b)``, ``("persona", p)``, ``("at", p)`` (at or
        above the target in situation ``p``; its complement is the situation minus it) and ``("zero", "")``
        (the steps histogram's "0" bar: everyone at or above their target).

    Raises:
        Nothing.
    """
    out: dict[tuple[str, str], tuple[int, ...]] = {}
    for b in rules.BELTS:
        out["belt", b] = tuple(int(ab == b) for _, ab in ATOMS)
    for p in rules.PERSONAS:
        out["persona", p] = tuple(int(ap == p) for ap, _ in ATOMS)
    for p in rules.PERSONAS:
        out["at", p] = tuple(int(ap == p and at_target(ap, ab)) for ap, ab in ATOMS)
    out["zero", ""] = tuple(int(at_target(ap, ab)) for ap, ab in ATOMS)
    return out


def _complement(shown_cells: Sequence[Sequence[int]], size: int) -> Any:
    """The projection onto what the shown numbers and the total cannot tell (numpy array, size × size)."""
    import numpy as np  # only when a group is counted (importing beltlib.cohort stays light)
    rows = np.array([*shown_cells, [1] * size], dtype=float)
    return rows, np.eye(size) - np.linalg.pinv(rows) @ rows


def follows(shown_cells: Sequence[Sequence[int]], vector: Sequence[int]) -> bool:
    """Whether a sum of atoms follows from the numbers shown and the total (sums, differences, complements).

    Args:
        shown_cells (Sequence[Sequence[int]]): the 0/1 vectors (over the atoms) of the numbers shown.
        vector (Sequence[int]): the 0/1 vector of the sum asked about.

    Returns:
        bool: ``vector`` is a linear combination of ``shown_cells`` and the all-ones vector (the total).

    Raises:
        ValueError: vectors of different lengths.
    """
    import numpy as np
    _, complement = _complement(shown_cells, len(vector))
    return bool(np.abs(complement @ np.asarray(vector, dtype=float)).max() < _TOLERANCE)


def first_leak(shown_cells: Sequence[Sequence[int]], hidden_cells: Sequence[Sequence[int]],
               atoms: Sequence[int], known_cells: Sequence[Sequence[int]] = ()) -> tuple[int, ...] | None:
    """A count the numbers shown give away together, or None.

    The numbers shown (and the exact total) are sums of atoms; a sum of atoms follows from them when its
    0/1 vector is a linear combination of theirs (:func:`follows`). A leak is a hidden number that follows
    (whatever its value), or any group of atoms that follows and holds 0 to 4 people — unless it follows
    from the total and ``known_cells`` alone (what the reader knows anyway).

    Args:
        shown_cells (Sequence[Sequence[int]]): the 0/1 vectors (over the atoms) of the numbers shown.
        hidden_cells (Sequence[Sequence[int]]): those of the numbers hidden.
        atoms (Sequence[int]): people per atom.
        known_cells (Sequence[Sequence[int]]): sums known without the view (a view of one situation: the
            situations' counts); default none.

    Returns:
        tuple[int, ...] | None: the 0/1 vector of the first leak found (hidden numbers first), or None.

    Raises:
        Nothing.

    Source: assumption MIN_CELL (an audit of linked tables: no small count by linear combination).
    """
    import numpy as np
    rows, complement = _complement([*shown_cells, *known_cells], len(atoms))
    _, baseline = _complement(known_cells, len(atoms))

    def new(matrix: Any) -> Any:  # columns that follow from the view but not from what is known anyway
        return ((np.abs(complement @ matrix).max(axis=0) < _TOLERANCE)
                & (np.abs(baseline @ matrix).max(axis=0) >= _TOLERANCE))

    if len(hidden_cells):
        told = new(np.asarray(hidden_cells, dtype=float).T)
        if told.any():
            return tuple(hidden_cells[int(np.argmax(told))])
    # What follows is constant on atoms the shown numbers never split (blocks), so a group that follows is a
    # union of blocks: a 0/1 vector in the rows' span over the blocks. In reduced row echelon form, such a
    # vector is the sum of the basis rows of the pivots it holds: 2^rank candidates, not 2^blocks.
    blocks: dict[tuple[float, ...], list[int]] = {}
    for j in range(len(atoms)):
        blocks.setdefault(tuple(rows[:, j]), []).append(j)
    members = list(blocks.values())
    basis = np.array(_echelon([[Fraction(int(v)) for v in key] for key in zip(*blocks)]), dtype=float)
    picks = np.array(list(itertools.product((0, 1), repeat=len(basis))), dtype=float)[1:]
    unions = picks @ basis if len(basis) else np.zeros((0, len(members)))
    unions = unions[(np.abs(unions * (1 - unions)) < _TOLERANCE).all(axis=1)]  # the 0/1 vectors only
    sizes = np.array([sum(atoms[j] for j in js) for js in members], dtype=float)
    indicator = np.zeros((len(atoms), len(members)))
    for k, js in enumerate(members):
        indicator[js, k] = 1.0
    small = unions[(unions @ sizes < MIN_CELL) & (unions.sum(axis=1) < len(members) - _TOLERANCE)]
    if not len(small):
        return None
    groups = indicator @ np.rint(small).T  # atoms × groups
    told = new(groups)
    return tuple(int(v) for v in groups[:, int(np.argmax(told))]) if told.any() else None


def _echelon(matrix: list[list[Fraction]]) -> list[list[Fraction]]:
    """The nonzero rows of ``matrix`` in reduced row echelon form (exact: fractions)."""
    rows = [list(r) for r in matrix]
    out: list[list[Fraction]] = []
    width = len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in rows if r[col] != 0), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        pivot = [v / pivot[col] for v in pivot]
        rows = [[a - r[col] * b for a, b in zip(r, pivot, strict=True)] for r in rows]
        out = [[a - r[col] * b for a, b in zip(r, pivot, strict=True)] for r in out]
        out.append(pivot)
    return out


def settle(joint: Mapping[tuple[str, str], int], zero_bin: bool, known: bool = False) -> dict[str, Any]:
    """The people tables of one group as they may be shown together (see the module's docstring).

    Args:
        joint (Mapping[tuple[str, str], int]): (situation, belt) → people, for every pair of :data:`ATOMS`.
        zero_bin (bool): the steps histogram would show "0" as a bar of its own (5 or more at their target).
        known (bool): the situations' counts are known whatever is shown (a view of one situation: the
            others hold nobody); the audit counts them, and each cell of an empty situation, as known.

    Returns:
        dict[str, Any]: ``belts`` (belt → count or :data:`HIDDEN`), ``personas`` (situation → count or
        :data:`HIDDEN`), ``at`` (situation → count at or above its target, or :data:`HIDDEN`) and
        ``zero_alone`` (bool: the histogram may show its "0" bar alone).

    Raises:
        KeyError: ``joint`` lacks an atom.

    Source: assumption MIN_CELL.
    """
    atoms = [joint[a] for a in ATOMS]
    vectors = cell_vectors()
    value = {k: sum(x * y for x, y in zip(v, atoms, strict=True)) for k, v in vectors.items()}
    start: frozenset[tuple[str, str]] = frozenset() if zero_bin else frozenset({("zero", "")})
    # a view of one situation: the reader knows that each cell of the other situations holds nobody
    empty = [tuple(int(i == j) for i in range(len(ATOMS))) for j, (p, _) in enumerate(ATOMS)
             if known and value["persona", p] == 0]

    def view(forced: frozenset[tuple[str, str]]) -> tuple[dict[str, Any], tuple[int, ...] | None, tuple[str, str]]:
        """What ``forced`` (numbers hidden on top of each table's own rule) shows, its first leak and culprit."""
        belts = protect({b: value["belt", b] for b in rules.BELTS}, {b for k, b in forced if k == "belt"})
        personas = protect({p: value["persona", p] for p in rules.PERSONAS}, {p for k, p in forced if k == "persona"})
        at = {p: value["at", p] if personas[p] != HIDDEN and ("at", p) not in forced and value["at", p] >= MIN_CELL
              and value["persona", p] - value["at", p] >= MIN_CELL else HIDDEN for p in rules.PERSONAS}
        shown_keys = [*(("belt", b) for b in rules.BELTS if belts[b] != HIDDEN),
                      *(("persona", p) for p in rules.PERSONAS if personas[p] != HIDDEN),
                      *(("at", p) for p in rules.PERSONAS if at[p] != HIDDEN),
                      *([("zero", "")] if ("zero", "") not in forced else [])]
        known_keys = [("persona", p) for p in rules.PERSONAS if known and personas[p] == HIDDEN]
        hidden = [vectors[k] for k in vectors if k not in shown_keys and k not in known_keys and k != ("zero", "")]
        hidden += [tuple(int(s == 1 and a == 0) for s, a in zip(vectors["persona", p], vectors["at", p], strict=True))
                   for p in rules.PERSONAS if at[p] == HIDDEN]  # below the target, per situation
        leak = first_leak([vectors[k] for k in shown_keys], hidden, atoms, [vectors[k] for k in known_keys] + empty)
        result = {"belts": belts, "personas": personas, "at": at, "zero_alone": ("zero", "") not in forced}
        culprit = ("", "") if leak is None else _culprit(leak, shown_keys, [vectors[k] for k in known_keys] + empty,
                                                          vectors, value)
        return result, leak, culprit

    forced = start
    while (found := view(forced))[1] is not None:
        forced = forced | {found[2]}
    for key in sorted(forced - start):  # hidden early, needless once later ones were: shown again
        if view(forced - {key})[1] is None:
            forced = forced - {key}
    return view(forced)[0]


def _culprit(leak: tuple[int, ...], shown_keys: list[tuple[str, str]], known: list[tuple[int, ...]],
             vectors: Mapping[tuple[str, str], Any], value: Mapping[tuple[str, str], int]) -> tuple[str, str]:
    """The smallest shown number whose hiding stops ``leak`` following (else the smallest shown number)."""
    by_size = sorted(shown_keys, key=lambda k: value[k])
    for key in by_size:
        if not follows([vectors[k] for k in shown_keys if k != key] + known, leak):
            return key
    return by_size[0]  # never empty: with nothing shown, nothing follows that was not known


__all__ = ["ATOMS", "HIDDEN", "MIN_CELL", "at_target", "cell_vectors", "first_leak", "follows", "merge_bins", "protect",
           "settle", "shown", "span"]
