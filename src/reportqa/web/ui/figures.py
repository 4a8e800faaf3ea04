"""The figures tab: search the report's figures, open a table rebuilt from its cells with the row's chart, export
both as CSV."""

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
import pandas as pd

from reportqa import inputs
from reportqa.answer.citations import document_url, marks_for, page_view_url
from reportqa.errors import ReportQAError
from reportqa.export import EXPORT_KEYS, csv_number, export_row, write_csv
from reportqa.index.figures import Fact
from reportqa.language.numbers import printed_decimals
from reportqa.messages.page import FIGURE_KEYS, PAGE_TEXT, PageLanguage
from reportqa.service import ReportService
from reportqa.web.gate import Admission
from reportqa.web.ui.page import I18N
from reportqa.web.ui.render import entered, escaped, format_number, page_language, shown_error


def base_url(service: ReportService, request: gr.Request | None) -> str:
    """Where links point from outside the page (a CSV opened in Excel): REPORTQA_PUBLIC_URL, else this host."""
    if service.settings.public_url or request is None:
        return service.settings.public_url
    scheme = request.headers.get("x-forwarded-proto", "http")
    return f"{scheme}://{request.headers.get('host', '127.0.0.1')}"


def distinct_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per figure: a sentence repeated in two passages, or a cell read twice, is shown once."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = (fact.edition, fact.kind, fact.table, fact.row, fact.column, fact.text, fact.value, fact.year)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def _fact_link(fact: Fact, service: ReportService, base_url: str) -> str:
    chunk = service.chunk(fact.chunk_id)
    link = document_url(chunk, service.settings) if chunk else ""
    return f"{base_url}{link}" if link.startswith("/") else link


def figures_table(
    facts: list[Fact], service: ReportService, language: PageLanguage = "en", base_url: str = ""
) -> pd.DataFrame:
    """Facts as the export's rows (EXPORT_KEYS), each with its citation: the value as a spreadsheet reads it, its
    unit and year, row, column, the table (or the sentence it stands in), edition, section, page, and a link to
    the PDF page."""
    rows = [export_row(fact, _fact_link(fact, service, base_url)) for fact in distinct_facts(facts)]
    words = PAGE_TEXT[language]
    return pd.DataFrame(rows, columns=[words[key] for key in EXPORT_KEYS], dtype=str)


def fact_view(fact: Fact, service: ReportService, language: str) -> str:
    """The viewer of a fact's page, its cell or sentence highlighted ("" when its passage is not loaded)."""
    chunk = service.chunk(fact.chunk_id)
    if chunk is None or chunk.kind == "announcement":
        return ""
    cell = (fact.row_index, fact.column_index) if fact.kind == "cell" else None
    marks = marks_for(chunk, fact.text, cell)
    root = service.settings.public_url
    return page_view_url(root, chunk.doc_id, chunk.physical_page, chunk.doc_version, chunk.chunk_id, marks, language)


def shown_figures(
    table: pd.DataFrame, facts: list[Fact], language: PageLanguage, views: list[str] | None = None
) -> pd.DataFrame:
    """The table as the page shows it (FIGURE_KEYS): values written as the reader writes numbers, at the report's
    precision ("22,0 %"); the source opens the page with the figure highlighted, then the whole PDF."""
    words = PAGE_TEXT[language]
    shown = table[[words[key] for key in FIGURE_KEYS]].copy()
    kept = distinct_facts(facts)
    shown[words["value"]] = [format_number(f.value, language, f.unit == "%", printed_decimals(f.text)) for f in kept]
    seen = views or [""] * len(kept)
    shown[words["source"]] = [
        (f"[p. {f.page}]({view}) · [PDF]({url})" if view else f"[p. {f.page}]({url})") if url else ""
        for f, url, view in zip(kept, table[words["source"]], seen, strict=True)
    ]
    return shown


def table_html(facts: list[Fact], highlight: Fact, view: str = "", see_page: str = "") -> str:
    """The source table rebuilt from its cells, the selected cell highlighted, with its citation above it and a
    link to the page with the cell highlighted."""
    seen = f' — <a href="{html.escape(view)}" target="_blank" rel="noopener">{escaped(see_page)}</a>' if view else ""
    if highlight.kind != "cell":
        return f"<p>{escaped(highlight.text)}</p><p><small>{escaped(highlight.label)}</small>{seen}</p>"
    rows: dict[int, dict[int, Fact]] = {}
    for fact in facts:
        rows.setdefault(fact.row_index, {})[fact.column_index] = fact
    titles = {f.column_index: f.column for f in facts}
    columns = sorted(titles)
    header = "".join(f"<th>{escaped(titles[c])}</th>" for c in columns)
    body = ""
    for index in sorted(rows):
        cells = rows[index]
        label = escaped(next(iter(cells.values())).row)
        tds = "".join(
            f'<td style="{"background:#ffe58a;font-weight:bold" if cells.get(c) == highlight else ""}">'
            f"{escaped(cells[c].text) if c in cells else ''}</td>"
            for c in columns
        )
        body += f'<tr><th style="text-align:left">{label}</th>{tds}</tr>'
    return (
        f"<p><b>{escaped(highlight.table)}</b> — {escaped(highlight.row)}, {escaped(highlight.column)}, "
        f"p. {escaped(highlight.page)}{seen}</p><table><tr><th></th>{header}</tr>{body}</table>"
    )


def row_series(facts: list[Fact], highlight: Fact, language: PageLanguage = "en") -> pd.DataFrame:
    """The selected row across the years, for the chart."""
    points = [(str(f.year), f.value) for f in facts if f.row_index == highlight.row_index and f.year is not None]
    words = PAGE_TEXT[language]
    return pd.DataFrame(sorted(points), columns=[words["year"], words["value"]])


def row_chart(series: pd.DataFrame) -> gr.LinePlot:
    """The row across the years. The axis starts at zero: a rise from 2 800 to 3 000 must not look like a
    tripling. Counts are labelled without a thousands separator: the chart's only one is the English comma, and
    "2,800" reads as 2.8 in French and Dutch."""
    year, value = series.columns
    top = float(series[value].max()) if len(series) else 1.0
    counts = bool(len(series)) and all(float(v).is_integer() for v in series[value])
    return gr.LinePlot(value=series, x=year, y=value, y_lim=[0, top * 1.1], y_axis_format="d" if counts else None)


def table_frame(facts: list[Fact]) -> pd.DataFrame:
    """The opened table as it is printed: one row per row label, one column per column, numbers as a spreadsheet
    reads them, at the report's precision."""
    columns = {f.column_index: f.column for f in facts}
    labels = {f.row_index: f.row for f in facts}
    values = {(f.row_index, f.column_index): csv_number(f.value, printed_decimals(f.text)) for f in facts}
    rows = [[labels[r], *(values.get((r, c), "") for c in sorted(columns))] for r in sorted(labels)]
    caption = facts[0].table if facts else ""
    return pd.DataFrame(rows, columns=[caption, *(columns[c] for c in sorted(columns))], dtype=str)


def export_csv(table: pd.DataFrame, name: str = "figures") -> str:
    """A CSV a French or Dutch spreadsheet opens as it is (see export.write_csv)."""
    return write_csv([str(c) for c in table.columns], table.fillna("").astype(str).values.tolist(), name)


def in_cache(button: gr.DownloadButton, path: str) -> str:
    """An export handed to Gradio's cache, which serves the download and deletes it after an hour (`delete_cache`);
    its own temporary folder (reportqa-figures-*) is removed at once, so no visitor ever learns its path."""
    try:
        return str(button.move_resource_to_block_cache(path))
    finally:
        shutil.rmtree(Path(path).parent, ignore_errors=True)


EXPORT_LIFETIME = (600, 3600)  # seconds: how often Gradio's cache is swept, and how old an export may get



@dataclass(frozen=True)
class FiguresTab:
    """The tab's components, for its events."""

    words: gr.Textbox
    find: gr.Button
    found: gr.Dataframe
    source_table: gr.HTML
    chart: gr.LinePlot
    export: gr.DownloadButton
    export_table: gr.DownloadButton
    shown: gr.State


def figures_tab(service: ReportService, gate: Admission) -> None:
    """The tab and its events: words searched, the figures found, the selected one's table and chart."""
    with gr.Tab(I18N("tab_figures")):  # type: ignore[arg-type]
        with gr.Row():
            words = gr.Textbox(label=I18N("search"), scale=4, elem_id="figure-search")  # type: ignore[arg-type]
            find = gr.Button(I18N("find"), scale=1, elem_id="figure-find")  # type: ignore[arg-type]
        found = gr.Dataframe(
            headers=[I18N(f"column_{key}") for key in FIGURE_KEYS],  # type: ignore[misc]
            datatype=[*(["str"] * (len(FIGURE_KEYS) - 1)), "markdown"],  # type: ignore[list-item]
            interactive=False,
            wrap=True,
            # The whole table within 1366 px, its page and source columns included: long text wraps.
            column_widths=["10%", "16%", "8%", "26%", "6%", "18%", "6%", "10%"],
            elem_id="figures",
        )
        with gr.Row(elem_id="figure-detail"):
            source_table = gr.HTML(elem_id="source-table")
            chart = gr.LinePlot(height=260, elem_id="figure-chart")
        with gr.Row():
            export = gr.DownloadButton(I18N("export"), elem_id="figure-export")  # type: ignore[arg-type]
            export_table = gr.DownloadButton(I18N("export_table"), elem_id="table-export")  # type: ignore[arg-type]
        shown = gr.State([])
    _figure_events(service, gate, FiguresTab(words, find, found, source_table, chart, export, export_table, shown))


def _figure_events(service: ReportService, gate: Admission, tab: FiguresTab) -> None:
    def on_search(text: str, request: gr.Request):  # type: ignore[no-untyped-def]
        work = entered(gate, request)
        try:
            words = inputs.question(text, service.settings)
            facts = distinct_facts(work.step(lambda: service.search_facts(words))) if words.strip() else []
        except ReportQAError as error:  # the index is still being built, the words are refused
            raise shown_error(error, page_language(request)) from None
        finally:
            work.close()
        language = page_language(request)
        table = figures_table(facts, service, language, base_url(service, request))
        views = [fact_view(fact, service, language) for fact in distinct_facts(facts)]
        return shown_figures(table, facts, language, views), facts, in_cache(tab.export, export_csv(table))

    def on_select(facts: list[Fact], event: gr.SelectData, request: gr.Request):  # type: ignore[no-untyped-def]
        row = event.index[0] if isinstance(event.index, list | tuple) and event.index else event.index
        if not isinstance(row, int) or not 0 <= row < len(facts):  # a row this visitor was never shown
            return gr.skip(), gr.skip(), gr.skip()
        fact = facts[row]
        try:
            siblings = service.table_facts(fact.chunk_id) if fact.kind == "cell" else [fact]
        except ReportQAError as error:
            raise shown_error(error, page_language(request)) from None
        language = page_language(request)
        plot = row_chart(row_series(siblings, fact, language))
        grid = in_cache(tab.export_table, export_csv(table_frame(siblings), "table")) if fact.kind == "cell" else None
        view = fact_view(fact, service, language)
        return table_html(siblings, fact, view, PAGE_TEXT[language]["see_page"]), plot, grid

    for trigger in (tab.find.click, tab.words.submit):
        trigger(on_search, [tab.words], [tab.found, tab.shown, tab.export], api_visibility="private")
    tab.found.select(on_select, [tab.shown], [tab.source_table, tab.chart, tab.export_table], api_visibility="private")
