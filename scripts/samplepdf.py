"""Write a report-shaped PDF from a structured description (used for the sample report and test fixtures).

Shaped like the Immigration Office's report: a cover, a table of contents without page numbers, body pages
whose printed number differs from the physical index, a running header, a footer with the page number,
numbered sections, ruled tables with a caption, footnotes, two-column passages and a bar chart.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

SOFT_HYPHEN = "\u00ad"  # lets a long word break across lines with a visible hyphen


@dataclass(frozen=True)
class Paragraph:
    text: str
    columns: int = 1


@dataclass(frozen=True)
class TableSpec:
    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Chart:
    caption: str
    labels: list[str]
    values: list[float]


@dataclass(frozen=True)
class Footnote:
    text: str


@dataclass(frozen=True)
class PageBreak:
    pass


Content = Paragraph | TableSpec | Chart | Footnote | PageBreak


@dataclass
class Section:
    number: str
    title: str
    content: list[Content] = field(default_factory=list)
    new_page: bool = False

    @property
    def level(self) -> int:
        return self.number.count(".")


@dataclass
class ReportSpec:
    title: str
    subtitle: str
    toc_title: str
    footer_note: str
    sections: list[Section]
    with_outline: bool = True
    with_page_labels: bool = True


class _ReportPDF(FPDF):
    def __init__(self, spec: ReportSpec) -> None:
        super().__init__(format="A4")
        self.spec = spec
        self.body_started = False
        self.first_body_page = 0
        self.footnotes: list[str] = []
        self.set_auto_page_break(auto=True, margin=28)
        self.set_title(spec.title)
        self.set_creation_date(datetime(2024, 6, 1, tzinfo=UTC))  # a fixed date: reproducible output

    def printed_number(self) -> int:
        return self.page_no() - self.first_body_page + 1

    def header(self) -> None:
        if not self.body_started:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_y(8)
        self.cell(0, 5, self.spec.title, align="R")
        self.set_y(24)

    def footer(self) -> None:
        if not self.body_started:
            return
        self.set_y(-16)
        self.set_font("Helvetica", "", 7)
        self.cell(0, 4, self.spec.footer_note, align="L")
        self.set_font("Helvetica", "", 9)
        self.cell(0, 4, str(self.printed_number()), align="R")


def write_report(spec: ReportSpec, path: Path) -> int:
    """Write the PDF; returns the physical number (1-based) of the first body page, printed as page 1."""
    pdf = _ReportPDF(spec)
    pdf.set_margins(25, 24, 25)

    pdf.add_page()  # cover
    pdf.set_font("Helvetica", "B", 24)
    pdf.set_y(90)
    pdf.multi_cell(0, 12, spec.title, align="C", new_x=XPos.LMARGIN)
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 8, spec.subtitle, align="C", new_x=XPos.LMARGIN)
    pdf.set_y(250)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, spec.footer_note, align="C", new_x=XPos.LMARGIN)

    pdf.add_page()  # table of contents, without page numbers as in the published report
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, spec.toc_title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for section in spec.sections:
        pdf.set_font("Helvetica", "B" if section.level == 0 else "", 10)
        pdf.set_x(20 + 6 * section.level)
        pdf.cell(0, 6, f"{section.number} {section.title}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.body_started = True
    pdf.add_page()
    pdf.first_body_page = pdf.page_no()
    if spec.with_page_labels:
        pdf.set_page_label("D", None, 1)
    for section in spec.sections:
        _write_section(pdf, section, spec.with_outline)
    _flush_footnotes(pdf)
    pdf.output(str(path))
    return pdf.first_body_page


def _write_section(pdf: _ReportPDF, section: Section, with_outline: bool) -> None:
    size = {0: 15, 1: 12.5}.get(section.level, 11)
    at_top = pdf.get_y() <= pdf.t_margin + 1
    if pdf.get_y() > 240 or (section.new_page and not at_top):
        _flush_footnotes(pdf)
        pdf.add_page()
    if pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(3)
    if with_outline:
        pdf.start_section(f"{section.number} {section.title}", level=section.level)
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, size * 0.55, f"{section.number} {section.title}", align="L", new_x=XPos.LMARGIN)
    pdf.ln(1.5)
    for item in section.content:
        if isinstance(item, Paragraph):
            _write_paragraph(pdf, item)
        elif isinstance(item, TableSpec):
            _write_table(pdf, item)
        elif isinstance(item, Chart):
            _write_chart(pdf, item)
        elif isinstance(item, Footnote):
            pdf.footnotes.append(item.text)
        else:
            _flush_footnotes(pdf)
            pdf.add_page()


def _write_paragraph(pdf: _ReportPDF, paragraph: Paragraph) -> None:
    pdf.set_font("Helvetica", "", 11)
    if paragraph.columns > 1:
        with pdf.text_columns(ncols=paragraph.columns, gutter=8, text_align="J", balance=True) as columns:
            columns.write(text=paragraph.text)
    else:
        pdf.multi_cell(0, 6, paragraph.text, align="J", new_x=XPos.LMARGIN)
    pdf.ln(4)


def _write_table(pdf: _ReportPDF, table: TableSpec) -> None:
    if pdf.get_y() > 265 - 8 * (len(table.rows) + 2):
        _flush_footnotes(pdf)
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(0, 5, table.caption, align="L", new_x=XPos.LMARGIN)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", 10)
    first = 70.0
    other = (pdf.epw - first) / max(len(table.header) - 1, 1)
    with pdf.table(
        col_widths=(first, *[other] * (len(table.header) - 1)),
        text_align="LEFT",
        line_height=6,
        first_row_as_headings=True,
    ) as grid:
        for row in [table.header, *table.rows]:
            cells = grid.row()
            for cell in row:
                cells.cell(cell)
    pdf.ln(6)


def _write_chart(pdf: _ReportPDF, chart: Chart) -> None:
    height = 45.0
    if pdf.get_y() > 265 - height - 15:
        _flush_footnotes(pdf)
        pdf.add_page()
    top, left = pdf.get_y() + 2, pdf.l_margin + 10
    peak = max(chart.values) or 1.0
    bar = (pdf.epw - 20) / (len(chart.values) * 1.6)
    pdf.set_draw_color(80, 80, 80)
    pdf.line(left, top + height, left + pdf.epw - 20, top + height)
    for position, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = left + position * bar * 1.6 + bar * 0.3
        bar_height = height * value / peak
        pdf.set_fill_color(40, 90, 160)
        pdf.rect(x, top + height - bar_height, bar, bar_height, style="F")
        pdf.set_font("Helvetica", "", 7)
        pdf.text(x, top + height + 4, label)
    pdf.set_y(top + height + 7)
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, chart.caption, align="L", new_x=XPos.LMARGIN)
    pdf.ln(3)


def _flush_footnotes(pdf: _ReportPDF) -> None:
    """Footnotes at the foot of the current page's text, small type, numbered."""
    if not pdf.footnotes:
        return
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 7.5)
    for number, text in enumerate(pdf.footnotes, 1):
        pdf.multi_cell(0, 4, f"({number}) {text}", align="L", new_x=XPos.LMARGIN)
    pdf.footnotes.clear()


def long_report(body_pages: int = 500) -> ReportSpec:
    """A long report for scale tests: one paragraph per page, ten pages per section, each page's figures its own
    (page n: office n handled 1000 + 7n files)."""
    sections = []
    for number in range(1, body_pages // 10 + 1):
        content: list[Content] = []
        for page in range((number - 1) * 10 + 1, number * 10 + 1):
            text = (
                f"En 2023, le bureau régional numéro {page} a traité {1000 + 7 * page} dossiers de séjour "
                f"et reçu {20 + page} recours."
            )
            content += [Paragraph(text), PageBreak()]
        sections.append(Section(str(number), f"Bureau régional {number}", content[:-1], new_page=True))
    return ReportSpec(
        title="Rapport d'activité 2023 (long)",
        subtitle="Document de test",
        toc_title="Table des matières",
        footer_note="Document de test - chiffres fictifs",
        sections=sections,
    )
