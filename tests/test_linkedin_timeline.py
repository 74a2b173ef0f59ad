"""beltlib.linkedin.timeline: the drawn artists (threshold lines, crossing annotations, series)."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from beltlib.linkedin import ExportSummary, ExportTimeline, read_export  # noqa: E402
from beltlib.linkedin.timeline import COLOURS, crossing_dates, plot_timeline  # noqa: E402

SAMPLE_ZIP = Path(__file__).parent / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"


@pytest.fixture(scope="module")
def sample() -> ExportSummary:
    return read_export(SAMPLE_ZIP)


@pytest.fixture
def figures():
    yield
    plt.close("all")


def _hlines(ax) -> list[float]:
    return sorted(float(ln.get_ydata()[0]) for ln in ax.lines
                  if len(ln.get_ydata()) == 2 and ln.get_ydata()[0] == ln.get_ydata()[1]
                  and list(ln.get_xdata()) == [0, 1])


def _all_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_crossing_dates_boundaries():
    dates = [f"2020-01-{d:02d}" for d in range(1, 21)]
    assert crossing_dates(dates) == {20: "2020-01-20", 200: None}
    assert crossing_dates(dates[:19]) == {20: None, 200: None}
    assert crossing_dates(list(reversed(dates)), (1, 20)) == {1: "2020-01-01", 20: "2020-01-20"}


def test_sample_plot_lines_annotations_and_series(sample, figures):
    ax_c, ax_a = plot_timeline(sample)
    assert _hlines(ax_c) == [20.0, 200.0]
    texts = sorted(t.get_text() for t in ax_c.texts)
    assert texts == ["20 reached on 30 Jun 2015", "200 not reached"]
    assert sample.timeline.connection_dates[19] == "2015-06-30"
    step = [ln for ln in ax_c.lines if ln.get_label() == "Connections (cumulative)"][0]
    assert max(step.get_ydata()) == 150
    assert to_hex(step.get_color()) == COLOURS["connections"].lower()
    labels = [ln.get_label() for ln in ax_a.lines]
    assert labels == ["Invitations sent", "Messages sent", "Posts and comments"]
    by_label = {ln.get_label(): ln for ln in ax_a.lines}
    assert sum(by_label["Invitations sent"].get_ydata()) == 16
    assert sum(by_label["Messages sent"].get_ydata()) == 27
    assert sum(by_label["Posts and comments"].get_ydata()) == 7
    assert len({ln.get_linestyle() for ln in ax_a.lines}) == 3          # not colour alone
    assert len({ln.get_marker() for ln in ax_a.lines}) == 3
    legend = [t.get_text() for t in ax_c.get_legend().get_texts()]
    assert "20: green-belt minimum" in legend and "200: upper end of the green belt" in legend
    assert ax_c.get_title() == "Connections over time" and ax_a.get_title() == "Activity per month"


def test_french_plot(sample, figures):
    ax_c, ax_a = plot_timeline(sample, lang="fr")
    assert sorted(t.get_text() for t in ax_c.texts) == ["200\u00a0relations non atteintes",
                                                        "20\u00a0relations atteintes le 30 juin 2015"]
    assert ax_c.get_title() == "Relations au fil du temps"
    assert [ln.get_label() for ln in ax_a.lines] == ["Invitations envoyées", "Messages envoyés",
                                                   "Publications et commentaires"]


def test_plot_never_shows_names(sample, figures):
    import csv
    fig = plot_timeline(sample)[0].figure
    fig.canvas.draw()
    text = _all_text(fig)
    folder = SAMPLE_ZIP.parent / "linkedin-export-basic"
    with open(folder / "Connections.csv", encoding="utf-8", newline="") as f:
        names = {f"{r[0]} {r[1]}" for r in list(csv.reader(f))[4:] if r[0]}
    assert len(names) == 148
    assert not [n for n in names if n in text]
    assert "Nora" not in text and "linkedin.com" not in text


def test_plot_on_given_axes_and_crossing_200(figures):
    dates = tuple(f"{2010 + i // 20}-{1 + i % 12:02d}-15" for i in range(250))
    s = ExportSummary(connections=250, timeline=ExportTimeline(connection_dates=tuple(sorted(dates))))
    fig, axes = plt.subplots(1, 2)
    got = plot_timeline(s, axes=axes)
    assert got[0] is axes[0] and got[1] is axes[1]
    texts = {t.get_text() for t in axes[0].texts}
    assert texts == {"20 reached on 15 Dec 2010", "200 reached on 15 Dec 2019"}
    assert (_fmt(sorted(dates)[19]), _fmt(sorted(dates)[199])) == ("15 Dec 2010", "15 Dec 2019")
    missing = [t.get_text() for t in axes[1].texts]
    assert missing == ["Not in the archive: Invitations sent, Messages sent, Posts and comments",
                       "No dated activity in the archive"]


def _fmt(iso: str) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{iso[8:10]} {months[int(iso[5:7]) - 1]} {iso[:4]}"


def test_empty_summary_still_draws_thresholds(figures):
    ax_c, ax_a = plot_timeline(ExportSummary())
    assert _hlines(ax_c) == [20.0, 200.0]
    assert [t.get_text() for t in ax_c.texts] == ["No dated connections in the archive"]


def test_bad_arguments(sample, figures):
    with pytest.raises(ValueError, match="lang"):
        plot_timeline(sample, lang="de")
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="two matplotlib Axes"):
        plot_timeline(sample, axes=[ax])
