"""The cohort notebook's model and widgets (``notebooks/cohort_report.ipynb``).

The model (:class:`CohortView`'s data: the respondents read, the persona filter, the
:class:`~beltlib.cohort.aggregate.CohortSummary`) computes; the widgets only wire inputs to it
(the jupyter-widgets tutorial's way). A folder field with a Load button reads the answers files;
a persona filter redraws the three plots and the tables. The status line is a live region, so
screen readers hear each change. Nothing shown names a file or a person: only counts.

What the sections show is the cohort document (:mod:`beltlib.cohort.document`), drawn by the
project's block renderer (:mod:`beltlib.report`), as on the cohort page: the same texts, plots and
tables.

Each notebook cell calls one method: :meth:`CohortView.controls`, :meth:`CohortView.belts`,
:meth:`CohortView.agenda`, :meth:`CohortView.steps`, :meth:`CohortView.personas`,
:meth:`CohortView.method`, :meth:`CohortView.summary`.
"""
from __future__ import annotations

import io
import os
from typing import Any

import ipywidgets as w

from .. import rules
from ..report import blocks_html, body_html, escape, heading_html
from ..texts import check_lang, number, t
from . import document, page, plots
from .aggregate import ALL, CohortSummary, Respondent, respondents_of, summarise
from .inputs import CohortInputError, read_cohort
from .words import summary_text

#: The notebook's tables fit the screen: fixed layout, long words broken (no horizontal scrolling at 375 px).
TABLE_CSS = ("<style>.belt-cohort-view table { width: 100%; table-layout: fixed; border-collapse: collapse; }"
             " .belt-cohort-view th, .belt-cohort-view td { overflow-wrap: break-word; hyphens: auto; text-align: left;"
             " vertical-align: top; padding: 0.2rem 0.4rem; border: 1px solid #c9c9c9; }</style>")
#: The sections shown by the notebook, in order (each a method of :class:`CohortView`).
SECTIONS = ("controls", "belts", "agenda", "steps", "personas", "method")


class CohortView:
    """A cohort in the notebook: load a folder, filter by persona, see the plots redrawn.

    Attributes:
        lang: ``"en"`` or ``"fr"``.
        respondents: what was read (one :class:`Respondent` each), empty before a folder is loaded.
        invalid: files or CSV rows skipped (count).
        persona: the filter, :data:`~beltlib.cohort.aggregate.ALL` or a persona.
        current: the summary shown, or None before a folder is loaded.
        figures: the last figure drawn per plot kind (``belts``, ``agenda``, ``steps``).
        status_text: the status line (counts only, or what went wrong).
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None, lang: str = "en", title: str | None = None):
        self.lang = check_lang(lang)
        self.title = title
        self.respondents: list[Respondent] = []
        self.invalid = 0
        self.persona = ALL
        self.current: CohortSummary | None = None
        self.figures: dict[str, Any] = {}
        self.status_text = t("cohort.ui.empty", lang)
        self.folder = w.Text(value=str(folder or ""), placeholder=t("cohort.ui.folder_placeholder", lang),
                             description=t("cohort.ui.folder", lang), continuous_update=False,
                             style={"description_width": "initial"}, layout=w.Layout(flex="1 1 20rem", min_width="0"))
        self.folder.add_class("belt-cohort-folder")
        self.load_button = w.Button(description=t("cohort.ui.load", lang), button_style="primary")
        self.load_button.add_class("belt-cohort-load")
        options = [(t("cohort.everyone", lang), ALL)] + [(t(f"choice.persona.{p}", lang), p) for p in rules.PERSONAS]
        self.persona_filter = w.Dropdown(options=options, value=ALL, description=t("cohort.ui.persona", lang),
                                         style={"description_width": "initial"})
        self.persona_filter.add_class("belt-cohort-persona")
        self.status = w.HTML()
        self.status.add_class("belt-cohort-status")
        # An <img> with alt text in an HTML widget: ipywidgets' Image renders no alt attribute.
        self.images = {kind: w.HTML() for kind in ("belts", "agenda", "steps")}
        for kind, image in self.images.items():
            image.add_class(f"belt-cohort-plot-{kind}")
        self.captions = {kind: w.HTML() for kind in self.images}
        self.tables = {kind: w.HTML() for kind in ("belts", "agenda", "steps", "personas")}
        self.intros = {kind: w.HTML() for kind in self.tables}  # what a section says before its plot
        self.load_button.on_click(lambda _b: self.load(self.folder.value))
        self.folder.observe(lambda change: self.load(change["new"]), names="value")
        self.persona_filter.observe(lambda change: self.set_persona(change["new"]), names="value")
        if folder:
            self.load(folder)
        else:
            self._refresh()

    # ------------------------------------------------------------ the model
    def load(self, folder: str | os.PathLike[str]) -> bool:
        """Read a folder (or file) of answers and redraw; on failure keep what was shown.

        Args:
            folder (str | os.PathLike[str]): a folder of answers JSON/CSV files, or one such file.

        Returns:
            bool: True when at least one valid respondent was read.

        Raises:
            Nothing: problems go to :attr:`status_text` (counts only; the path typed at most).
        """
        text = str(folder).strip()
        if not text:
            self.status_text = t("cohort.ui.empty", self.lang)
            self._show_status()
            return False
        try:
            cohort = read_cohort([os.path.expanduser(text)])
        except CohortInputError as exc:
            self.status_text = t("cohort.ui.error", self.lang, error=str(exc))
            self._show_status()
            return False
        if not cohort.answers:
            self.status_text = t("cohort.ui.error", self.lang, error=t("cohort.ui.none_valid", self.lang))
            self._show_status()
            return False
        self.respondents, self.invalid = respondents_of(cohort.answers), cohort.invalid
        self._refresh()
        return True

    def set_persona(self, persona: str) -> None:
        """Show one persona (or :data:`~beltlib.cohort.aggregate.ALL`) and redraw.

        Args:
            persona (str): ``"all"`` or one of :data:`beltlib.rules.PERSONAS`.

        Raises:
            ValueError: unknown persona, naming the allowed values.
        """
        if persona != ALL and persona not in rules.PERSONAS:
            raise ValueError(f"persona: got {persona!r} (allowed: one of {', '.join((ALL, *rules.PERSONAS))})")
        self.persona = persona
        if self.persona_filter.value != persona:
            self.persona_filter.value = persona  # calls back here once, harmlessly
        self._refresh()

    def _show_status(self) -> None:
        self.status.value = f'<p role="status" aria-live="polite">{escape(self.status_text)}</p>'

    def _refresh(self) -> None:
        if not self.respondents:
            self.current = None
            self._show_status()
            return
        # The live region says what is shown now: after a load and after each change of the filter.
        lang = self.lang
        shown = t("cohort.everyone", lang) if self.persona == ALL else t(f"choice.persona.{self.persona}", lang)
        loaded = t("cohort.ui.loaded", lang, n=number(len(self.respondents), lang), invalid=number(self.invalid, lang))
        self.status_text = loaded + " " + t("cohort.filter", lang, persona=shown)
        self._show_status()
        self.current = summarise(self.respondents, self.invalid, self.persona)
        doc = document.build(self.current, lang)
        sections = {sec["id"]: sec for sec in doc["sections"]}
        for kind in self.tables:
            before, block, after = document.split_at_figure(sections[f"cohort-{kind}"])
            self.intros[kind].value = blocks_html(before) if block is not None else ""
            self.tables[kind].value = blocks_html(after if block is not None else before)
            if kind not in self.images:
                continue
            if block is None:  # nothing to draw (a section without a plot)
                self.figures.pop(kind, None)
                self.images[kind].value = self.captions[kind].value = ""
                continue
            fig = plots.figure(self.current, kind, lang)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=plots.PAGE_DPI, metadata={"Software": None})
            self.figures[kind] = fig
            self.images[kind].value = page.image_html(buf.getvalue(), block, "width:100%;max-width:40rem;height:auto")
            self.captions[kind].value = f'<p class="belt-plot-caption">{escape(block["caption"])}</p>'

    # ------------------------------------------------------------ the cells
    def _heading(self, ident: str) -> Any:
        return w.HTML(heading_html(document.heading(ident, self.lang)))

    def controls(self) -> Any:
        """The title, the folder field, Load, the persona filter and the status line (a VBox)."""
        title = w.HTML(f"{TABLE_CSS}<h1>{escape(self.title or t('cohort.default_title', self.lang))}</h1>"
                       + blocks_html(document.privacy_section(self.lang)["blocks"]))
        return self._box([title, w.HBox([self.folder, self.load_button], layout=w.Layout(flex_flow="row wrap")),
                          self.persona_filter, self.status])

    def _plot_section(self, kind: str) -> Any:
        return self._box([self._heading(f"cohort-{kind}"), self.intros[kind], self.images[kind], self.captions[kind],
                          self.tables[kind]])

    @staticmethod
    def _box(children: list) -> Any:
        box = w.VBox(children)
        box.add_class("belt-cohort-view")
        return box

    def belts(self) -> Any:
        """The group's belt shares next to the article's: plot, caption and table (a VBox)."""
        return self._plot_section("belts")

    def agenda(self) -> Any:
        """The markers met least (the workshop agenda): plot, caption and table (a VBox)."""
        return self._plot_section("agenda")

    def steps(self) -> Any:
        """Markers still needed to reach each person's target belt: plot, caption and table (a VBox)."""
        return self._plot_section("steps")

    def personas(self) -> Any:
        """The table by situation (a VBox)."""
        return self._box([self._heading("cohort-personas"), self.tables["personas"]])

    def method(self) -> Any:
        """Method and assumptions (an HTML widget)."""
        return self._box([self._heading("cohort-method"), w.HTML(body_html(document.method_section(self.lang)))])

    def summary(self) -> None:
        """Print the text summary of what is shown (or the status line before a folder is loaded)."""
        print(summary_text(self.current, self.lang) if self.current is not None else self.status_text)


def open_cohort(folder: str | os.PathLike[str] | None = None, lang: str = "en", title: str | None = None) -> CohortView:
    """Open the cohort view for the notebook (``notebooks/cohort_report.ipynb``).

    Args:
        folder (str | os.PathLike[str] | None): a folder of answers files to load now, or None/"" to
            let the person type one.
        lang (str): ``"en"`` or ``"fr"``.
        title (str | None): the heading (escaped); default the catalogue's ``cohort.default_title``.

    Returns:
        CohortView: call one of its sections per cell.

    Raises:
        ValueError: unknown ``lang``.
    """
    return CohortView(folder, lang, title)
