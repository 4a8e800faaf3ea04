"""One PDF page's structure from PyMuPDF's layout engine: text lines tagged with the region that holds them,
tables with or without ruling lines, charts and their captions, running headers and footers, in reading order.

The layout engine (`pymupdf.layout`, an ONNX model inside the PyMuPDF wheel) classifies the page's regions:
page-header, page-footer, section-header, title, text, list-item, caption, footnote, table, picture. We keep our
own code for reading a table's cells (ruled tables by PyMuPDF's line finder, borderless ones by their words'
rows and columns), for footnote markers glued to words, and for pairing captions and source lines with their
tables and charts.
"""

import multiprocessing
import os
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pymupdf

from reportqa.document import Table
from reportqa.tables import Box, PlacedTable, Region, borderless_tables, overlap, ruled_tables
from reportqa.words import is_marker, printable

__all__ = ["Line", "PageItem", "PageStructure", "PlacedChart", "PlacedTable", "Table", "read_page", "read_pages"]


FURNITURE_REGIONS = frozenset({"page-header", "page-footer"})
HEADING_REGIONS = frozenset({"section-header", "title"})
CAPTION = re.compile(
    r"^(?i:tableau|tabel|table|figure|figuur|fig\.|graphique|grafiek|chart|graph)\s*(\d|[A-Z](?![a-z]))"
)
TABLE_CAPTION = re.compile(r"^(?i:tableau|tabel|table)\s+(\d|[A-Z](?![a-z]))")  # not "Table des matières"
SOURCE_LINE = re.compile(r"^(source|sources|bron|bronnen)\s*:", re.I)
BOLD_FLAG = 16


@dataclass(frozen=True)
class Line:
    text: str
    y0: float
    y1: float
    size: float
    bold: bool
    x0: float
    x1: float
    region: str = "text"  # the layout engine's class of the region holding the line
    region_index: int = -1  # which region, so a heading wrapped over two lines can be joined
    starts_with_marker: bool = False  # the line opens with a superscript number: a footnote's first line


@dataclass(frozen=True)
class PlacedChart:
    box: Box
    caption: str


PageItem = Line | PlacedTable | PlacedChart


@dataclass
class PageStructure:
    items: list[PageItem] = field(default_factory=list)  # the body, in reading order
    furniture: list[Line] = field(default_factory=list)  # what the layout engine calls running header or footer


def page_lines(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> list[Line]:
    """The page's text lines, with footnote markers taken off the words they follow."""
    flags = pymupdf.TEXT_DEHYPHENATE | pymupdf.TEXT_PRESERVE_LIGATURES
    lines: list[Line] = []
    for block in page.get_text("dict", flags=flags, textpage=textpage)["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            main = max(spans, key=lambda s: len(s["text"]))
            starts_with_marker = False
            kept = []
            for span in line["spans"]:
                if is_marker(span, main):
                    if span is spans[0] and len(spans) > 1:
                        starts_with_marker = True
                        kept.append(span["text"].strip() + " ")
                    continue  # a marker glued to a word ("Total6"): not part of the text
                kept.append(span["text"])
            text = " ".join(printable("".join(kept)).replace("\u00ad", "").split())
            if not text:
                continue
            bold = bool(main["flags"] & BOLD_FLAG) or "bold" in main["font"].lower()
            x0, y0, x1, y1 = line["bbox"]
            previous = lines[-1] if lines else None
            # Justified text can come out one word per "line": words on one baseline, close together, are one line.
            if previous and abs(previous.y0 - y0) < 2 and 0 <= x0 - previous.x1 < 3 * main["size"]:
                lines[-1] = replace(previous, text=f"{previous.text} {text}", x1=x1)
                continue
            lines.append(Line(text, y0, y1, round(main["size"], 1), bold, x0, x1, "text", -1, starts_with_marker))
    return lines


def read_page(page: pymupdf.Page, lines: list[Line], *, use_layout: bool | None = None) -> PageStructure:
    """The page's body in reading order (lines, tables, charts) and its running header and footer lines.

    The layout model (~0.3 s a page) runs where the page draws something in its body (a table's rules or fills,
    a chart, a picture): a page of text only is read from its lines, in the PDF's order, which our own rules
    handle (headings by font, footnotes by their numbers, headers and footers by repetition).
    """
    drawings = page.get_drawings()  # read once: whether the body draws, and whether a ruled table can exist
    if use_layout is None:
        use_layout = has_graphics(page, drawings)
    regions = _layout_regions(page) if use_layout else []
    placed: list[tuple[int, Line]] = []
    for line in lines:
        index = _region_of(line, regions)
        region = regions[index][4] if index >= 0 else "text"
        placed.append((index, replace(line, region=region, region_index=index)))

    furniture = [line for _, line in placed if line.region in FURNITURE_REGIONS]
    body = [(index, line) for index, line in placed if line.region not in FURNITURE_REGIONS]

    ruled = ruled_tables(page, regions) if drawings else []  # no line or fill drawn: no ruled table
    tables = ruled + borderless_tables(page, regions, [placed.box for _, placed in ruled])
    charts = [(i, region[:4]) for i, region in enumerate(regions) if region[4] == "picture"]
    charts = [(i, box) for i, box in charts if not any(overlap(box, t.box) > 0.5 for _, t in tables)]

    consumed: set[int] = set()  # ids of lines that are a caption, a source line or text inside a table or chart
    items: list[tuple[float, float, PageItem]] = []
    for order, placed_table in tables:
        inside = _lines_in(body, placed_table.box)
        consumed.update(inside)
        caption = _caption_for(body, placed_table.box, consumed, TABLE_CAPTION)
        source = _source_for(body, placed_table.box, consumed)
        table = replace(placed_table.table, caption=caption, source=source)
        items.append((order, placed_table.box[1], PlacedTable(placed_table.box, table)))
    for order, box in charts:
        consumed.update(_lines_in(body, box))
        caption = _caption_for(body, box, consumed, CAPTION)
        _source_for(body, box, consumed)
        if caption:  # a picture without a caption says nothing we can cite
            items.append((order, box[1], PlacedChart(box, caption)))
    for index, (order, line) in enumerate(body):
        if index not in consumed:
            if not regions:  # no layout: the PDF's own line order (it keeps columns apart), tables by position
                items.append((float(index), 0.0, line))
            else:
                items.append((order if order >= 0 else _order_of_unplaced(line, regions), line.y0, line))
    if not regions:
        items = [_placed_by_position(item, body) if not isinstance(item[2], Line) else item for item in items]
    items.sort(key=lambda item: (item[0], item[1]))
    return PageStructure([item for _, _, item in items], furniture)


def _placed_by_position(
    item: tuple[float, float, PageItem], body: list[tuple[int, Line]]
) -> tuple[float, float, PageItem]:
    """A table or chart on a page read without the layout model goes before the first line below its top."""
    top = item[1]
    following = next((i for i, (_, line) in enumerate(body) if line.y0 >= top - 0.5), len(body))
    return (following - 0.5, 0.0, item[2])


def has_graphics(page: pymupdf.Page, drawings: list[dict[str, Any]] | None = None) -> bool:
    """Whether the page draws anything between its top and bottom tenths: rules, fills, curves or pictures
    (`drawings`: the page's `get_drawings()`, when the caller has them)."""
    height = page.rect.height
    body = pymupdf.Rect(page.rect.x0, page.rect.y0 + 0.1 * height, page.rect.x1, page.rect.y1 - 0.1 * height)
    if any(pymupdf.Rect(info["bbox"]).intersects(body) for info in page.get_image_info()):
        return True
    if drawings is None:
        drawings = page.get_drawings()
    return any(pymupdf.Rect(drawing["rect"]).intersects(body) for drawing in drawings)


PARALLEL_MIN_PAGES = 12  # below this, starting worker processes costs more than it saves
PAGES_PER_TASK = 1  # one page a task: the progress bar moves page by page


def read_pages(
    path: Path, pdf: pymupdf.Document, all_lines: list[list[Line]], progress: Callable[[int, int], None]
) -> list[PageStructure]:
    """Every page's structure, in worker processes when the document is long enough (the layout model takes
    ~0.3 s a page on one core); progress is reported page by page, in order."""
    total = len(all_lines)
    # The layout model runs on two threads of its own (ONNX Runtime's default here): one worker per two cores.
    # Measured on 2 cores: two workers read no faster than one process, so there the pages are read in-process.
    workers = min((os.cpu_count() or 1) // 2, 4)
    if workers >= 2 and total >= PARALLEL_MIN_PAGES:
        tasks = [
            (str(path), start, all_lines[start : start + PAGES_PER_TASK]) for start in range(0, total, PAGES_PER_TASK)
        ]
        structures: list[PageStructure] = []
        try:
            # spawn, not fork: the web app builds its index from a thread, and forking a threaded process is unsafe.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                for chunk in pool.map(_read_page_range, tasks):
                    structures.extend(chunk)
                    progress(len(structures), total)
            return structures
        except BrokenProcessPool:  # workers cannot start here (a program read from stdin): read in this process
            pass
    structures = []
    for number, lines in enumerate(all_lines):
        structures.append(read_page(pdf[number], lines))
        progress(number + 1, total)
    return structures


_WORKER_DOCUMENTS: dict[str, pymupdf.Document] = {}  # a worker process keeps its copy of the PDF open


def _read_page_range(task: tuple[str, int, list[list[Line]]]) -> list[PageStructure]:
    path, start, pages = task
    if path not in _WORKER_DOCUMENTS:
        _WORKER_DOCUMENTS.clear()
        _WORKER_DOCUMENTS[path] = pymupdf.open(path)
    pdf = _WORKER_DOCUMENTS[path]
    structures = []
    for offset, lines in enumerate(pages):
        page = pdf[start + offset]
        if page.rotation:
            page.remove_rotation()
        structures.append(read_page(page, lines))
    return structures


def upright(pdf: pymupdf.Document) -> None:
    """Pages shown rotated (a landscape table on a portrait page) are turned so their text runs left to right in
    page coordinates, as the layout engine and the table reader expect. In memory only."""
    for number in range(pdf.page_count):
        page = pdf[number]
        if page.rotation:
            page.remove_rotation()


def _layout_regions(page: pymupdf.Page) -> list[Region]:
    """The layout engine's regions in reading order; [] when the engine is not available."""
    import pymupdf.layout  # noqa: F401  (`import pymupdf` switches it on when the wheel has it; made sure here)

    try:
        page.get_layout()
        raw: list[Any] = list(page.layout_information or [])
        regions = [_region(r) for r in raw if len(r) >= 5]
    except Exception:  # the engine can fail on odd pages; the page is then read without it
        return []
    try:
        from pymupdf4llm.helpers.utils import find_reading_order

        blocks = page.get_text("dict")["blocks"]
        ordered = find_reading_order(page.rect, blocks, [list(r) for r in regions])
        if len(ordered) == len(regions):
            regions = [_region(r) for r in ordered]
    except Exception:  # keep the engine's own order
        pass
    return regions


def _region(raw: Any) -> Region:
    return float(raw[0]), float(raw[1]), float(raw[2]), float(raw[3]), str(raw[4])


def _region_of(line: Line, regions: list[Region]) -> int:
    """The smallest region that holds the line's middle, or -1."""
    x, y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    best, best_area = -1, float("inf")
    for index, (x0, y0, x1, y1, _) in enumerate(regions):
        if x0 - 2 <= x <= x1 + 2 and y0 - 2 <= y <= y1 + 2:
            area = (x1 - x0) * (y1 - y0)
            if area < best_area:
                best, best_area = index, area
    return best


def _order_of_unplaced(line: Line, regions: list[Region]) -> float:
    """A line in no region reads just before the first region below it in its column."""
    for index, (x0, y0, x1, _y1, _) in enumerate(regions):
        if y0 >= line.y0 and min(x1, line.x1) - max(x0, line.x0) > 0:
            return index - 0.5
    return len(regions)


def _lines_in(body: list[tuple[int, Line]], box: Box) -> set[int]:
    return {
        index
        for index, (_, line) in enumerate(body)
        if box[0] - 2 <= (line.x0 + line.x1) / 2 <= box[2] + 2 and box[1] - 2 <= (line.y0 + line.y1) / 2 <= box[3] + 2
    }


def _caption_for(body: list[tuple[int, Line]], box: Box, consumed: set[int], pattern: re.Pattern[str]) -> str:
    """The caption just above the box (within 40 pt), else just below it (within 30 pt); marks it consumed."""
    above = [i for i, (_, ln) in enumerate(body) if i not in consumed and ln.y1 <= box[1] + 2 and box[1] - ln.y1 < 40]
    for start in sorted(above, key=lambda i: -body[i][1].y0):
        if pattern.match(body[start][1].text) or body[start][1].region == "caption":
            return _take_caption(body, _caption_start(body, start, consumed), box[1] + 2, consumed)
    if pattern is TABLE_CAPTION and (title := _title_above(body, box, above)) is not None:
        consumed.add(title)
        return body[title][1].text
    below = [i for i, (_, ln) in enumerate(body) if i not in consumed and ln.y0 >= box[3] - 2 and ln.y0 - box[3] < 30]
    for start in sorted(below, key=lambda i: body[i][1].y0):
        if pattern.match(body[start][1].text):
            return _take_caption(body, start, float("inf"), consumed)
    return ""


def _title_above(body: list[tuple[int, Line]], box: Box, above: list[int]) -> int | None:
    """A table captioned without a number ("Civil cases: main indicators, 2021-2023"): the bold line right above it,
    short and not a sentence. A heading in that place names the table as well."""
    if not above:
        return None
    nearest = max(above, key=lambda i: body[i][1].y0)
    line = body[nearest][1]
    close = box[1] - line.y1 < 2.5 * line.size
    if close and line.bold and len(line.text) <= 150 and not line.text.rstrip().endswith((".", ":")):
        return nearest
    return None


def _caption_start(body: list[tuple[int, Line]], start: int, consumed: set[int]) -> int:
    """A wrapped caption's first line: the line nearest the table may be its last ("euro)")."""
    while start > 0 and start - 1 not in consumed:
        above, line = body[start - 1][1], body[start][1]
        if line.region_index < 0 or above.region_index != line.region_index or line.y0 - above.y1 > line.size:
            break
        start -= 1
    return start


def _take_caption(body: list[tuple[int, Line]], start: int, limit: float, consumed: set[int]) -> str:
    """The caption's first line and the lines that continue it in the same region (a caption can wrap)."""
    first = body[start][1]
    parts, consumed_here = [first.text], {start}
    for index in range(start + 1, len(body)):
        line = body[index][1]
        if index in consumed or line.y0 >= limit or line.y0 - first.y1 > 1.6 * first.size * len(parts):
            break
        if line.region_index != first.region_index or first.region_index < 0 or line.size != first.size:
            break
        parts.append(line.text)
        consumed_here.add(index)
    consumed.update(consumed_here)
    return " ".join(parts)


def _source_for(body: list[tuple[int, Line]], box: Box, consumed: set[int]) -> str:
    for index, (_, line) in enumerate(body):
        if index not in consumed and 0 <= line.y0 - box[3] < 30 and SOURCE_LINE.match(line.text):
            consumed.add(index)
            return line.text
    return ""
