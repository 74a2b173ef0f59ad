"""The plots, checked through the drawn artists (texts, colours, positions), not pixels."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from beltlib import assess, effort, example_answers, rules, validate  # noqa: E402
from beltlib.answers import EXAMPLE  # noqa: E402
from beltlib.plots import YOU_PREFIX, add_you, alt_text, effort_plot, figure, population_plot, render_png, render_svg  # noqa: E402
from beltlib.texts import hours as hours_text  # noqa: E402


def texts(ax):
    return [t.get_text() for t in ax.texts]


def by_gid(ax, gid):
    return next(a for a in ax.get_children() if a.get_gid() == gid)


def test_population_bands_and_marker():
    a = assess(example_answers())
    ax = population_plot(a)
    bands = {p.get_gid(): p for p in ax.patches}
    assert [round(bands[f"pop-band-{b}"].get_width(), 1) for b in ("white", "green", "black")] == [88.0, 10.0, 2.0]
    assert to_hex(bands["pop-band-white"].get_facecolor()) == "#ffffff"
    assert to_hex(bands["pop-band-white"].get_edgecolor()) == "#000000"  # outlined on a white page
    assert to_hex(bands["pop-band-green"].get_facecolor()) == "#00785a"
    assert by_gid(ax, "pop-you-line").get_xdata()[0] == 93.5
    assert "you (est. 94%)" in texts(ax)
    assert "white belt: 88%" in texts(ax)
    assert "green belt: about 10%" in texts(ax) and "black belt: under 2%" in texts(ax)


def test_population_in_french_and_without_profile():
    ax = population_plot(assess(example_answers()), lang="fr")
    assert "vous (est. 94\u00a0%)" in texts(ax)
    assert "ceinture verte\u00a0: environ 10\u00a0%" in texts(ax)
    plt.close("all")
    ax = population_plot(assess(validate({**EXAMPLE, "findable": "no_profile"})))
    assert not any(t.startswith("you") for t in texts(ax))


def test_effort_plot_points_and_target():
    a = assess(example_answers("recruiter"))
    ax = effort_plot(a)
    for belt, h in rules.BELT_HOURS_PER_WEEK.items():
        point = by_gid(ax, f"effort-belt-{belt}")
        assert point.get_xdata()[0] == h
        assert point.get_ydata()[0] == pytest.approx(effort.usefulness(h, "recruiter"))
    assert by_gid(ax, "effort-best").get_xdata()[0] == rules.BELT_HOURS_PER_WEEK["black"]
    you = by_gid(ax, "effort-you")
    assert (you.get_xdata()[0], you.get_ydata()[0]) == (7.0, pytest.approx(a.usefulness))
    assert {"white belt", "green belt", "black belt", "best balance",
            "illustrative model, not measured data"} <= set(texts(ax))
    assert ax.get_xscale() == "linear" and ax.get_xlim() == (0.0, 12.0)  # 7 h reads as 7 times 1 h
    assert min(ax.get_yticks()) == 0
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "0.25", "0.5", "0.75", "1"]


def test_effort_plot_in_french_has_decimal_commas():
    ax = effort_plot(assess(example_answers()), lang="fr")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "0,25", "0,5", "0,75", "1"]
    assert "modèle illustratif, pas des données mesurées" in texts(ax)


def test_effort_best_balance_on_green_for_job_seeker():
    ax = effort_plot(assess(example_answers("job_seeker")))
    assert by_gid(ax, "effort-best").get_xdata()[0] == rules.BELT_HOURS_PER_WEEK["green"]


def test_zero_hours_is_drawn_at_the_axis_edge():
    ax = effort_plot(assess(validate({**EXAMPLE, "hours_per_week": 0})))
    assert by_gid(ax, "effort-you").get_xdata()[0] == 0.0


def test_you_is_named_in_the_legend_and_never_clipped():
    ax = effort_plot(assess(validate({**EXAMPLE, "hours_per_week": 60})))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["net usefulness: Looking, or may change jobs", "you"]
    assert by_gid(ax, "effort-you").get_clip_on() is False  # the mark at the edge is not cut
    assert by_gid(ax, "effort-you").get_xdata()[0] == 12.0
    assert by_gid(ax, "effort-you-label").get_text() == "you: 60\u00a0h/week"
    assert by_gid(ax, "effort-you-arrow").get_marker() == ">"  # beyond the axis: an arrow at the edge


def _boxes(ax):
    r = ax.figure._get_renderer()
    return {a.get_gid(): a.get_window_extent(r) for a in ax.get_children()
            if str(a.get_gid() or "").startswith(("effort-label-", "effort-best", "effort-model", "effort-you",
                                                  "effort-belt-"))}


def _overlap(a, b):
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("persona", list(rules.PERSONAS))
@pytest.mark.parametrize("hours", [None, 0, 0.5, 3, 20, 60])
def test_effort_labels_never_cover_each_other_or_a_point(persona, lang, hours):
    answers = example_answers(persona)
    if hours is not None:
        answers = answers.replace(hours_per_week=hours)
    a = assess(answers)
    ax = figure(a, "effort", lang).axes[0]
    boxes = _boxes(ax)
    frame = ax.get_window_extent(ax.figure._get_renderer())
    labels = [g for g in boxes if g.startswith(("effort-label-", "effort-best-label", "effort-model",
                                                  "effort-you-label"))]
    for g in labels:  # every label inside the plot (the model's caveat above it) and clear of the others
        box = boxes[g]
        inside = ax.figure.bbox if g == "effort-model" else frame
        assert inside.x0 - 0.5 <= box.x0 and box.x1 <= inside.x1 + 0.5, g
        assert inside.y0 - 0.5 <= box.y0 and box.y1 <= inside.y1 + 0.5, g
        for other, obox in boxes.items():
            if other != g and not (g == "effort-you-label" and other == "effort-you-label"):
                assert not _overlap(box, obox), (g, other)
    written = a.hours_per_week
    text = by_gid(ax, "effort-you-label").get_text()
    assert text == (f"you: {hours_text(written, lang)}\u00a0h/week" if lang == "en"
                    else f"vous\u00a0: {hours_text(written, lang)}\u00a0h/sem.")
    you = by_gid(ax, "effort-you")
    assert you.get_xdata()[0] == min(written, 12.0)  # where the sentence says, at the edge beyond the axis
    assert ("effort-you-arrow" in boxes) == (written > 12)


def _you_parts(ax, kind):
    """gid -> (where it is drawn, its text) of the person's marks."""
    out = {}
    for a in ax.get_children():
        gid = str(a.get_gid() or "")
        if gid.startswith(YOU_PREFIX[kind]):
            where = tuple(a.xyann) if hasattr(a, "xyann") else tuple(a.get_position()) if hasattr(a, "get_position") \
                else (tuple(a.get_xdata()), tuple(a.get_ydata()))
            out[gid] = (where, a.get_text() if hasattr(a, "get_text") else None)
    return out


@pytest.mark.parametrize("kind", ["population", "effort"])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("changes", [{}, {"hours_per_week": 60}, {"hours_per_week": 0, "photo": False},
                                     {"findable": "no_profile"}])
def test_add_you_draws_the_marks_the_full_figure_draws(kind, lang, changes):
    a = assess(example_answers().replace(**changes))
    full = figure(a, kind, lang).axes[0]
    ax = figure(assess(example_answers("recruiter").replace(persona="job_seeker")), kind, lang, all_parts=True).axes[0]
    for artist in [x for x in ax.get_children() if str(x.get_gid() or "").startswith(YOU_PREFIX[kind])]:
        artist.remove()
    added = add_you(ax, a, kind, lang)
    assert _you_parts(ax, kind) == _you_parts(full, kind)  # the same marks, texts and places
    assert sorted(x.get_gid() for x in added) == sorted(_you_parts(full, kind))
    if kind == "population" and a.belt == "none":
        assert added == []
    if kind == "effort":
        assert ("effort-you-arrow" in _you_parts(ax, kind)) == (a.hours_per_week > 12)
    with pytest.raises(ValueError, match="kind: got 'pie'"):
        add_you(ax, a, "pie", lang)


def test_population_you_line_has_a_dark_outline():
    ax = population_plot(assess(example_answers()))
    effects = by_gid(ax, "pop-you-line").get_path_effects()
    assert effects and to_hex(effects[0]._gc["foreground"]) == "#000000"  # not colour alone


def test_alt_texts_state_the_message():
    a = assess(example_answers())
    assert alt_text(a, "population") == ("This report’s estimate: about 94% of LinkedIn users below you, inside the "
                                         "green belt’s share (88% to 98%).")
    assert alt_text(a, "population", "fr") == (
        "Estimation de ce rapport\u00a0: environ 94\u00a0% des utilisateurs de "
        "LinkedIn en dessous de vous, dans la part de la ceinture verte (88\u00a0% à 98\u00a0%).")
    assert "the best balance is the green belt" in alt_text(a, "effort")
    assert "illustrative model, not measured data" in alt_text(a, "effort")
    with pytest.raises(ValueError, match="kind: got 'pie'"):
        alt_text(a, "pie")


def test_renders_are_images_and_change_with_answers():
    green, white = assess(example_answers()), assess(example_answers("not_looking"))
    png = render_png(green, "population")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png != render_png(white, "population")
    assert plt.get_fignums() == []  # nothing leaks into pyplot


def test_svg_is_deterministic_with_ids():
    a = assess(example_answers())
    svg = render_svg(a, "effort")
    assert svg == render_svg(a, "effort")
    assert 'id="effort-you"' in svg and 'id="effort-best"' in svg
