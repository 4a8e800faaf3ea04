"""Generate reports laid out by other tools than our own PDF writer, with a record of every figure.

    python scripts/make_layout_corpus.py            # every layout
    python scripts/make_layout_corpus.py chromium   # one

Each layout renders the sample report's content (same figures, French and Dutch editions) in a style we did not
shape the ingester around, and records where each figure landed (value, unit, year, section, printed and physical
page, table/row/column) in `samples/layouts/<layout>/figures.json`, in the format of `samples/report/figures.json`,
so that the same question generator and `reportqa eval --layout` apply.

- chromium: HTML/CSS printed to PDF by headless Chromium. Tables with a coloured header row, zebra rows and no
  borders, captions above and a source line below, footnote markers glued to words (superscripts) with the notes
  at the end of the section, two-column passages, an SVG bar chart with axis labels and a legend, a header band,
  and a Word-style footer: the page number above a running title. Cover and contents are unnumbered; the body
  starts at 1 (printed page = physical page - 2). The French edition has an outline (Chromium writes it from the
  headings), the Dutch one has none.
- reportlab: a publication style drawn with reportlab: a coloured header band, tables with a coloured header row,
  zebra rows and no grid, captions above and sources below, vector bar charts with axis labels and a legend,
  superscript footnote markers, the page number at the right of the footer beside a running title. The cover is
  unnumbered (printed page = physical page - 1) and the statistical annex restarts at 1 under an "Annexe A" /
  "Bijlage A" heading ("Annexe A, p. 3"). Only the French edition has an outline, written the way some tools
  write it: "2.  Title" (a dot, two spaces) and "3.2. Title" (a trailing dot).
- writer: an OpenDocument text written with odfpy (Writer's heading styles, real Writer tables with a repeated
  header row and thin rules, Writer footnotes) and exported to PDF by LibreOffice, with a Word-style footer: the
  page-number field above a running title. The cover is unnumbered and the body starts at 1 (printed page =
  physical page - 1); LibreOffice writes the outline from the headings in both editions. Charts are not drawn (an
  ODF chart object is left out): this layout tests tables, footnotes, headings and footers.
"""

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_sample_report import EDITIONS, REPO, build_spec, record_figures  # noqa: E402
from samplepdf import Chart, Footnote, Paragraph, ReportSpec, Section, TableSpec  # noqa: E402

LAYOUTS_DIR = REPO / "samples" / "layouts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
]
SOURCE_LINE = {
    "fr": "Source : Office des étrangers, bases de données internes.",
    "nl": "Bron: DVZ, interne databanken.",
}
FILES = {"fr": "rapport-2023-chromium-fr.pdf", "nl": "verslag-2023-chromium-nl.pdf"}
FRONT_PAGES = 2  # cover and contents, unnumbered

CSS = """
@page { size: A4; margin: 24mm 20mm 28mm 20mm;
  @top-left { content: "%(header)s"; background: #1f4e79; color: white; font: 8pt sans-serif;
              padding-left: 4mm; margin-top: 8mm; margin-bottom: 6mm; }
  @bottom-center { content: counter(page) "\\A" "%(footer)s"; white-space: pre; text-align: center;
                   font: 8pt sans-serif; color: #444; } }
@page front { counter-reset: page 0; @top-left { content: none } @bottom-center { content: none } }
.front { page: front; break-after: page; }
body { font: 10.5pt/1.45 "DejaVu Serif", serif; color: #222; }
h1 { font: bold 17pt sans-serif; color: #1f4e79; margin: 0 0 8pt; }
h1.new-page { break-before: page; }
h2 { font: bold 12.5pt sans-serif; color: #1f4e79; margin: 14pt 0 6pt; }
p { margin: 0 0 7pt; text-align: justify; hyphens: manual; }
.two-columns { column-count: 2; column-gap: 9mm; }
.caption { font: bold 9pt sans-serif; color: #1f4e79; margin: 10pt 0 3pt; break-after: avoid; }
table { border-collapse: collapse; font: 9pt sans-serif; margin-bottom: 2pt; break-inside: avoid; }
th { background: #1f4e79; color: white; text-align: right; padding: 3pt 10pt; font-weight: bold; }
th:first-child, td:first-child { text-align: left; }
td { text-align: right; padding: 2.5pt 10pt; }
tr:nth-child(even) td { background: #e8eef5; }
.source { font: italic 7.5pt sans-serif; color: #555; margin-bottom: 10pt; }
.footnotes { font-size: 8pt; border-top: 0.5pt solid #999; padding-top: 3pt; margin-top: 8pt; width: 45%%; }
.footnotes p { text-align: left; margin: 0 0 2pt; }
sup { font-size: 6.5pt; }
.cover-title { font: bold 30pt sans-serif; color: #1f4e79; margin-top: 70mm; }
.cover-sub { font: 13pt sans-serif; margin-top: 8mm; }
.toc p { margin: 0 0 4pt; text-align: left; }
figure { margin: 6pt 0 12pt; break-inside: avoid; }
"""


def _bar_chart(chart: Chart, language: str) -> str:
    """An SVG bar chart with a y axis, tick labels, year labels and a legend, as report designers draw them."""
    width, height, left, bottom, top = 420, 200, 50, 30, 20
    peak = max(chart.values) or 1.0
    step = 10 ** max(len(str(int(peak))) - 1, 0)
    ceiling = (int(peak // step) + 1) * step
    plot_h = height - bottom - top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">']
    for tick in range(0, 5):
        value = ceiling * tick / 4
        y = height - bottom - plot_h * tick / 4
        label = f"{value:,.0f}".replace(",", " " if language == "fr" else ".")
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ccc"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 3:.1f}" font-size="8" text-anchor="end">{label}</text>')
    slot = (width - left - 20) / len(chart.values)
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        bar_h = plot_h * value / ceiling
        x = left + index * slot + slot * 0.25
        parts.append(
            f'<rect x="{x:.1f}" y="{height - bottom - bar_h:.1f}" width="{slot * 0.5:.1f}" height="{bar_h:.1f}" '
            'fill="#2e75b6"/>'
        )
        parts.append(
            f'<text x="{x + slot * 0.25:.1f}" y="{height - bottom + 14}" font-size="9" '
            f'text-anchor="middle">{html.escape(label)}</text>'
        )
    legend = chart.caption.split(":", 1)[-1].strip()
    parts.append(f'<rect x="{left}" y="4" width="8" height="8" fill="#2e75b6"/>')
    parts.append(f'<text x="{left + 12}" y="11" font-size="8">{html.escape(legend)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _section_html(section: Section, language: str, footnote_counter: list[int]) -> str:
    level = "h1" if section.level == 0 else "h2"
    css_class = ' class="new-page"' if section.new_page else ""
    out = [f"<{level}{css_class}>{html.escape(section.number)} {html.escape(section.title)}</{level}>"]
    notes: list[str] = []
    for item in section.content:
        if isinstance(item, Paragraph):
            paragraph = f"<p>{html.escape(item.text)}</p>"
            out.append(f'<div class="two-columns">{paragraph}</div>' if item.columns == 2 else paragraph)
        elif isinstance(item, Footnote):
            footnote_counter[0] += 1
            number = footnote_counter[0]
            # The marker is glued to the last word of the paragraph before, as a word processor places it.
            last = next(i for i in range(len(out) - 1, -1, -1) if "</p>" in out[i])
            end = out[last].rfind("</p>")
            out[last] = f"{out[last][:end]}<sup>{number}</sup>{out[last][end:]}"
            notes.append(f"<p><sup>{number}</sup> {html.escape(item.text)}</p>")
        elif isinstance(item, TableSpec):
            head = "".join(f"<th>{html.escape(cell)}</th>" for cell in item.header)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in item.rows
            )
            out.append(
                f'<figure><p class="caption">{html.escape(item.caption)}</p>'
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                f'<p class="source">{SOURCE_LINE[language]}</p></figure>'
            )
        elif isinstance(item, Chart):
            out.append(
                f'<figure><p class="caption">{html.escape(item.caption)}</p>{_bar_chart(item, language)}'
                f'<p class="source">{SOURCE_LINE[language]}</p></figure>'
            )
    if notes:
        out.append(f'<div class="footnotes">{"".join(notes)}</div>')
    return "\n".join(out)


def report_html(spec: ReportSpec, language: str) -> str:
    css = CSS % {"header": spec.title.replace('"', "'"), "footer": f"{spec.title} — {spec.footer_note}"}
    counter = [0]
    toc = "".join(f"<p>{html.escape(s.number)} {html.escape(s.title)}</p>" for s in spec.sections if s.level == 0)
    body = "\n".join(_section_html(section, language, counter) for section in spec.sections)
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(spec.title)}</title>'
        f"<style>{css}</style></head><body>"
        f'<div class="front"><p class="cover-title">{html.escape(spec.title)}</p>'
        f'<p class="cover-sub">{html.escape(spec.subtitle)}</p></div>'
        f'<div class="front toc"><h2>{html.escape(spec.toc_title)}</h2>{toc}</div>'
        f"{body}</body></html>"
    )


def print_with_chromium(page: str, target: Path, outline: bool) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt install chromium)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.html"
        source.write_text(page, encoding="utf-8")
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={folder}/profile", f"--print-to-pdf={target}"]
        if outline:
            flags.append("--generate-pdf-document-outline")
        subprocess.run([chromium, *flags, source.as_uri()], check=True, capture_output=True, timeout=180)


def make_chromium(out: Path) -> dict:  # type: ignore[type-arg]
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for language, edition in EDITIONS.items():
        spec = build_spec(language)
        spec.with_outline = bool(edition["outline"])
        paths[language] = out / FILES[language]
        print_with_chromium(report_html(spec, language), paths[language], outline=spec.with_outline)
    first_body = {language: FRONT_PAGES for language in paths}
    record = record_figures(paths, first_body)
    record["note"] = "Fictitious figures of the sample report, laid out in HTML/CSS and printed by Chromium."
    record["layout"] = "chromium"
    return record


RL_FILES = {"fr": "rapport-2023-reportlab-fr.pdf", "nl": "verslag-2023-reportlab-nl.pdf"}
ANNEX_CHAPTER = "11"
ANNEX_KICKER = {"fr": "Annexe A", "nl": "Bijlage A"}


def _reportlab_story(spec: ReportSpec, language: str, state: dict) -> list:  # type: ignore[type-arg]
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer
    from reportlab.platypus import Paragraph as Para
    from reportlab.platypus import Table as RLTable

    accent = colors.HexColor("#8a1538")
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=14, spaceAfter=6)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=16, leading=20, textColor=accent, spaceAfter=8)
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=12, leading=15, textColor=accent, spaceBefore=8)
    caption = ParagraphStyle("caption", fontName="Helvetica-Bold", fontSize=9, leading=11, spaceBefore=6)
    source = ParagraphStyle("source", fontName="Helvetica-Oblique", fontSize=7.5, leading=9, spaceAfter=8)
    note = ParagraphStyle("note", fontName="Times-Roman", fontSize=8, leading=10)
    kicker = ParagraphStyle("kicker", fontName="Helvetica-Bold", fontSize=11, textColor=colors.grey, spaceAfter=4)
    story: list = [  # type: ignore[type-arg]
        Spacer(1, 200),
        Para(html.escape(spec.title), ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=28, leading=34)),
        Para(html.escape(spec.subtitle), ParagraphStyle("s", fontName="Helvetica", fontSize=13, leading=18)),
        PageBreak(),
    ]
    notes = 0
    for section in spec.sections:
        if section.number == ANNEX_CHAPTER:
            story += [PageBreak(), _AnnexStart(state), Para(ANNEX_KICKER[language], kicker)]
        elif section.new_page and section.level == 0 and len(story) > 4:
            story.append(CondPageBreak(400))
        heading = Para(f"{html.escape(section.number)} {html.escape(section.title)}", h1 if section.level == 0 else h2)
        heading.outline = (section.number, section.title, section.level)  # type: ignore[attr-defined]
        story.append(heading)
        pending_notes: list[str] = []
        for item in section.content:
            if isinstance(item, Paragraph):
                story.append(Para(html.escape(item.text), body))
            elif isinstance(item, Footnote):
                notes += 1
                last = story[-1]
                if isinstance(last, Para):
                    story[-1] = Para(f"{last.text}<super>{notes}</super>", body)
                pending_notes.append(f"<super>{notes}</super> {html.escape(item.text)}")
            elif isinstance(item, TableSpec):
                data = [item.header, *item.rows]
                table = RLTable(data, hAlign="LEFT")
                table.setStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), accent),
                        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                        ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4e8ec")]),
                        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                        ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ]
                )
                story.append(
                    KeepTogether([Para(html.escape(item.caption), caption), table, Para(SOURCE_LINE[language], source)])
                )
            elif isinstance(item, Chart):
                drawing = Drawing(380, 190)
                chart = VerticalBarChart()
                chart.x, chart.y, chart.width, chart.height = 50, 30, 300, 130
                chart.data = [list(item.values)]
                chart.categoryAxis.categoryNames = list(item.labels)
                chart.valueAxis.valueMin = 0
                chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", " " if language == "fr" else ".")
                chart.bars[0].fillColor = accent
                legend = Legend()
                legend.x, legend.y = 60, 185
                legend.colorNamePairs = [(accent, item.caption.split(":", 1)[-1].strip())]
                drawing.add(chart)
                drawing.add(legend)
                story.append(
                    KeepTogether(
                        [Para(html.escape(item.caption), caption), drawing, Para(SOURCE_LINE[language], source)]
                    )
                )
        story += [Para(text, note) for text in pending_notes]
    return story


def _annex_flowable() -> type:
    from reportlab.platypus import Flowable

    class AnnexStart(Flowable):
        """Marks the page where the annex starts: its numbering restarts there."""

        def __init__(self, state: dict) -> None:  # type: ignore[type-arg]
            super().__init__()
            self.state = state

        def wrap(self, *_: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.state.setdefault("annex_page", self.canv.getPageNumber())

    return AnnexStart


def _AnnexStart(state: dict):  # type: ignore[no-untyped-def,type-arg]  # noqa: N802
    return _annex_flowable()(state)


def write_reportlab(spec: ReportSpec, language: str, target: Path) -> int:
    """Writes the edition; returns the physical page (1-based) where the annex starts."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    state: dict = {}  # type: ignore[type-arg]
    width, height = A4
    running = f"{spec.title} · {spec.footer_note}"

    def furniture(canvas, document) -> None:  # type: ignore[no-untyped-def]
        page = canvas.getPageNumber()
        if page == 1:
            return
        annex = state.get("annex_page")
        printed = page - annex + 1 if annex and page >= annex else page - 1
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#8a1538"))
        canvas.rect(0, height - 38, width, 38, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(56, height - 24, spec.title.upper())
        canvas.setFillColor(colors.black)
        canvas.setFont("Helvetica", 7)
        canvas.drawString(56, 30, running[:120])
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawRightString(width - 56, 30, str(printed))
        canvas.restoreState()

    class Document(BaseDocTemplate):
        def afterFlowable(self, flowable) -> None:  # type: ignore[no-untyped-def]
            outline = getattr(flowable, "outline", None)
            if outline and spec.with_outline:
                number, title, level = outline
                key = f"s{number}"
                self.canv.bookmarkPage(key)
                # Written as some tools write them: "2.  Title" and "3.2. Title".
                text = f"{number}.  {title}" if level == 0 else f"{number}. {title}"
                self.canv.addOutlineEntry(text, key, level=min(level, 2), closed=False)

    frame = Frame(56, 56, width - 112, height - 120, id="body")
    document = Document(str(target), pagesize=A4, title=spec.title, author="Office des étrangers (exemple)")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=furniture)])
    document.build(_reportlab_story(spec, language, state))
    return int(state["annex_page"])


def _relabel_annex(record: dict, annex_pages: dict[str, int]) -> None:  # type: ignore[type-arg]
    """Pages from the annex on are printed "Annexe A, p. n" (their numbering restarts)."""
    entries = [*record["sections"].values(), *record["figures"]]
    for entry in entries:
        for language, start in annex_pages.items():
            physical = entry.get(f"physical_{language}")
            if physical is not None and physical >= start:
                entry[f"page_{language}"] = f"{ANNEX_KICKER[language]}, p. {physical - start + 1}"


def make_reportlab(out: Path) -> dict:  # type: ignore[type-arg]
    out.mkdir(parents=True, exist_ok=True)
    paths, annex_pages = {}, {}
    for language, edition in EDITIONS.items():
        spec = build_spec(language)
        spec.with_outline = bool(edition["outline"])
        paths[language] = out / RL_FILES[language]
        annex_pages[language] = write_reportlab(spec, language, paths[language])
    record = record_figures(paths, {language: 1 for language in paths})
    _relabel_annex(record, annex_pages)
    record["note"] = "Fictitious figures of the sample report, laid out in a publication style with reportlab."
    record["layout"] = "reportlab"
    return record


WRITER_FILES = {"fr": "rapport-2023-writer-fr.pdf", "nl": "verslag-2023-writer-nl.pdf"}


def write_odt(spec: ReportSpec, target: Path) -> None:
    from odf import style, table, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    layout = style.PageLayout(name="A4")
    layout.addElement(
        style.PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            margintop="2cm",
            marginbottom="1.5cm",
            marginleft="2.2cm",
            marginright="2.2cm",
        )
    )
    document.automaticstyles.addElement(layout)
    footer_style = style.Style(name="FooterText", family="paragraph")
    footer_style.addElement(style.ParagraphProperties(textalign="center"))
    footer_style.addElement(style.TextProperties(fontsize="8pt", fontname="Liberation Sans"))
    document.styles.addElement(footer_style)
    cover = style.MasterPage(name="Cover", pagelayoutname=layout)
    standard = style.MasterPage(name="Standard", pagelayoutname=layout)
    footer = style.Footer()
    footer.addElement(text.P(stylename=footer_style, text=""))
    footer.childNodes[0].addElement(text.PageNumber(selectpage="current", text="1"))
    footer.addElement(text.P(stylename=footer_style, text=f"{spec.title} — {spec.footer_note}"))
    standard.addElement(footer)
    document.masterstyles.addElement(cover)
    document.masterstyles.addElement(standard)

    def paragraph_style(name: str, size: str, bold: bool = False, **extra: str) -> style.Style:
        made = style.Style(
            name=name, family="paragraph", **({"masterpagename": extra.pop("master")} if "master" in extra else {})
        )
        made.addElement(style.ParagraphProperties(marginbottom="0.2cm", **extra))
        made.addElement(
            style.TextProperties(fontsize=size, fontname="Liberation Serif", **({"fontweight": "bold"} if bold else {}))
        )
        document.automaticstyles.addElement(made)
        return made

    body = paragraph_style("Body", "10.5pt", textalign="justify")
    cover_title = paragraph_style("CoverTitle", "26pt", True, master="Cover", margintop="6cm")
    caption = paragraph_style("Caption", "9pt", True, margintop="0.3cm", keepwithnext="always")
    cell_style = paragraph_style("Cell", "9pt")
    first_heading = style.Style(
        name="FirstHeading", family="paragraph", parentstylename="Heading_20_1", masterpagename="Standard"
    )
    first_heading.addElement(style.ParagraphProperties(pagenumber="1"))
    document.automaticstyles.addElement(first_heading)
    new_page_heading = style.Style(name="NewPageHeading", family="paragraph", parentstylename="Heading_20_1")
    new_page_heading.addElement(style.ParagraphProperties(breakbefore="page"))
    document.automaticstyles.addElement(new_page_heading)
    for level in (1, 2, 3):
        heading = style.Style(
            name=f"Heading_20_{level}",
            displayname=f"Heading {level}",
            family="paragraph",
            defaultoutlinelevel=str(level),
        )
        heading.addElement(style.ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm", keepwithnext="always"))
        heading.addElement(
            style.TextProperties(fontsize=f"{18 - 3 * level}pt", fontweight="bold", fontname="Liberation Sans")
        )
        document.styles.addElement(heading)
    whole = style.Style(name="Whole", family="table")  # a table is not split over two pages
    whole.addElement(style.TableProperties(maybreakbetweenrows="false", width="16.6cm", align="left"))
    document.automaticstyles.addElement(whole)
    ruled = style.Style(name="Ruled", family="table-cell")
    ruled.addElement(style.TableCellProperties(border="0.5pt solid #000000", padding="0.06cm"))
    document.automaticstyles.addElement(ruled)

    document.text.addElement(text.P(stylename=cover_title, text=spec.title))
    document.text.addElement(text.P(stylename=body, text=spec.subtitle))
    notes = 0
    first = True
    for section in spec.sections:
        level = min(section.level + 1, 3)
        if first:
            heading_style: object = first_heading
            first = False
        elif section.new_page and level == 1:
            heading_style = new_page_heading
        else:
            heading_style = f"Heading_20_{level}"
        document.text.addElement(
            text.H(outlinelevel=level, stylename=heading_style, text=f"{section.number} {section.title}")
        )
        last: object = None
        for item in section.content:
            if isinstance(item, Paragraph):
                last = text.P(stylename=body, text=item.text)
                document.text.addElement(last)
            elif isinstance(item, Footnote) and last is not None:
                notes += 1
                note = text.Note(noteclass="footnote", id=f"ftn{notes}")
                note.addElement(text.NoteCitation(text=str(notes)))
                note_body = text.NoteBody()
                note_body.addElement(text.P(stylename=cell_style, text=item.text))
                note.addElement(note_body)
                last.addElement(note)  # type: ignore[attr-defined]
            elif isinstance(item, TableSpec):
                document.text.addElement(text.P(stylename=caption, text=item.caption))
                grid = table.Table(name=f"T{id(item)}", stylename=whole)
                grid.addElement(table.TableColumn(numbercolumnsrepeated=len(item.header)))
                header_rows = table.TableHeaderRows()
                for row_index, cells in enumerate([item.header, *item.rows]):
                    row = table.TableRow()
                    for cell in cells:
                        box = table.TableCell(stylename=ruled, valuetype="string")
                        box.addElement(text.P(stylename=cell_style, text=cell))
                        row.addElement(box)
                    (header_rows if row_index == 0 else grid).addElement(row)
                    if row_index == 0:
                        grid.addElement(header_rows)
                document.text.addElement(grid)
    document.save(str(target))


def make_writer(out: Path) -> dict:  # type: ignore[type-arg]
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise SystemExit("LibreOffice is not installed (apt install libreoffice-writer-nogui)")
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    with tempfile.TemporaryDirectory() as folder:
        for language in EDITIONS:
            odt = Path(folder) / WRITER_FILES[language].replace(".pdf", ".odt")
            write_odt(build_spec(language), odt)
            subprocess.run(
                [
                    office,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    str(odt),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            paths[language] = out / WRITER_FILES[language]
    record = record_figures(paths, {language: 1 for language in paths})
    record["note"] = (
        "Fictitious figures of the sample report, written as a Writer document and exported by LibreOffice."
    )
    record["layout"] = "writer"
    return record


LAYOUTS = {"chromium": make_chromium, "reportlab": make_reportlab, "writer": make_writer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("layouts", nargs="*", choices=[[], *LAYOUTS], default=list(LAYOUTS))
    for layout in parser.parse_args().layouts or list(LAYOUTS):
        out = LAYOUTS_DIR / layout
        record = LAYOUTS[layout](out)
        (out / "figures.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for announcement in (REPO / "docs").glob("announcement-2023.*.md"):
            shutil.copy(announcement, out / announcement.name)
        subprocess.run(
            [
                sys.executable,
                str(REPO / "scripts" / "make_gold_set.py"),
                "--record",
                str(out / "figures.json"),
                "--out",
                str(out / "gold.jsonl"),
            ],
            check=True,
        )
        print(f"{out}: {len(record['figures'])} figures, sections {len(record['sections'])}")


if __name__ == "__main__":
    main()
