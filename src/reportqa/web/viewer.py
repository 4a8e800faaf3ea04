"""The citation viewer: the cited page drawn as an image, the cited sentence or table cells highlighted, in the
page's language, readable on a phone (the cited passage enlarged first, then the whole page), with a link to the
whole PDF at that page.

Routes: `/view/<document id>/<physical page>?v=<version>&chunk=<passage id>&m=<marks>&lang=<fr|nl|en|de>` (the
HTML page) and `/view/<document id>/<physical page>/page.png?v=…[&clip=x0,y0,x1,y1]` (the image). The document is
looked up by id in the live builds (snapshots.py), never by a path; the boxes come from the positions kept with
the build (positions.py), so nothing is parsed to show them.
"""

import html
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from reportqa.chunk import Chunk
from reportqa.language.detect import accepted_language
from reportqa.messages.viewer import VIEW_TEXT
from reportqa.positions import Box, PositionStore
from reportqa.service import ReportService
from reportqa.snapshots import VERSION_CHARS, Snapshot, find_document

_DOC_ID = re.compile(r"^[a-z0-9-]{1,120}$")
_VERSION = re.compile(r"^[0-9a-f]{0,64}$")
_MARKS = re.compile(r"^(?:(?:s\d{1,4}|r\d{1,4}c\d{1,3})(?:,|$)){0,64}$")
PAGE_DPI = 110  # the whole page: an A4 page is 910 px wide
ZOOM_DPI = 220  # the cited passage, enlarged: its words read on a phone
MAX_PIXELS = 6_000_000
_render_lock = threading.Lock()  # PyMuPDF is not thread-safe


STYLE = """
body { margin: 0; font: 16px/1.45 system-ui, sans-serif; color: #1b1b1b; background: #f3f3f3; }
header { padding: 12px 16px; background: #fff; border-bottom: 1px solid #ccc; }
header p { margin: 0 0 6px; }
h1 { font-size: 1.15rem; margin: 0 0 8px; }
blockquote { margin: 0 0 10px; padding: 6px 10px; border-left: 4px solid #b3261e; background: #fff8d6; }
a { color: #0b57d0; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
main { display: grid; gap: 16px; padding: 12px; }
@media (min-width: 900px) { main { grid-template-columns: 2fr 3fr; align-items: start; } }
figure { margin: 0; background: #fff; padding: 8px; border: 1px solid #ccc; }
figcaption { font-size: .9rem; margin-bottom: 6px; }
.sheet { position: relative; width: 100%; }
.sheet img { display: block; width: 100%; height: auto; }
.mark { position: absolute; box-sizing: border-box; outline: 3px solid #b3261e; outline-offset: 1px;
        background: rgba(255, 213, 0, .35); pointer-events: none; }
"""


@dataclass(frozen=True)
class View:
    doc_id: str
    page: int
    version: str
    snapshot: Snapshot
    boxes: list[Box]
    language: str
    around: list[Box]  # a cell's row label and column header: inside the enlarged part, not highlighted


def _language(chosen: str, request: Request) -> str:
    if chosen in VIEW_TEXT:
        return chosen
    return accepted_language(request.headers.get("accept-language", ""), tuple(VIEW_TEXT))


def _snapshot(service: ReportService, doc_id: str, version: str, language: str) -> Snapshot:
    if not _DOC_ID.match(doc_id) or not _VERSION.match(version):
        raise HTTPException(404, "No such document")
    found = find_document(service.settings.index_dir, doc_id, ".pdf", version)
    if found is None:
        raise HTTPException(404, VIEW_TEXT[language]["gone"] if version else "No such document")
    return found


def context_marks(marks: list[str]) -> list[str]:
    """What is shown around a cell (not highlighted): its row's label and its column's header."""
    found = [re.fullmatch(r"r(\d+)c(\d+)", mark) for mark in marks]
    return [m for f in found if f for m in (f"r{f.group(1)}c0", f"h{f.group(2)}")]


def crop(boxes: list[Box], around: Sequence[Box] = ()) -> Box | None:
    """The part of the page shown enlarged: the highlighted boxes (and what names them: a cell's row label and
    column header) with room around them, at least 40 % of the page wide, so the words around are read too."""
    if not boxes:
        return None
    shown = [*boxes, *around]
    x0, y0 = min(b[0] for b in shown), min(b[1] for b in shown)
    x1, y1 = max(b[2] for b in shown), max(b[3] for b in shown)
    width = max(x1 - x0 + 0.16, 0.4)
    left = min(max((x0 + x1 - width) / 2, 0.0), max(1.0 - width, 0.0))
    return (
        round(left, 4),
        round(max(y0 - 0.05, 0.0), 4),
        round(min(left + width, 1.0), 4),
        round(min(y1 + 0.05, 1.0), 4),
    )


def _within(box: Box, area: Box) -> Box:
    """A box's place inside a cropped area, as fractions of that area."""
    width, height = area[2] - area[0], area[3] - area[1]
    return (
        (box[0] - area[0]) / width,
        (box[1] - area[1]) / height,
        (box[2] - area[0]) / width,
        (box[3] - area[1]) / height,
    )


def _sheet(image: str, alt: str, boxes: list[Box], area: Box, ratio: float, first: bool) -> str:
    """An image of the page (or of its cropped area) with the highlight boxes over it, placed in percent so the
    picture scales to any screen. `data-box` keeps each box in page fractions (what the browser test reads)."""
    width, height = area[2] - area[0], area[3] - area[1]
    marks = []
    for n, box in enumerate(boxes):
        left, top, right, bottom = _within(box, area)
        place = f"left:{left:.3%};top:{top:.3%};width:{right - left:.3%};height:{bottom - top:.3%}"
        anchor = ' id="hl"' if first and n == 0 else ""
        data = ",".join(f"{v:.5f}" for v in box)
        marks.append(f'<span class="mark"{anchor} data-box="{data}" style="{place}"></span>')
    return (
        f'<div class="sheet" style="aspect-ratio:{width * ratio:.4f}/{height:.4f}">'
        f'<img src="{html.escape(image)}" alt="{html.escape(alt)}">{"".join(marks)}</div>'
    )


def _heading(chunk: Chunk | None, marks: list[str]) -> str:
    """What is highlighted, as text: the cells (table, row, column: value) or the sentences."""
    if chunk is None:
        return ""
    if chunk.table is not None:
        table, said = chunk.table, []
        for mark in marks:
            if found := re.fullmatch(r"r(\d+)c(\d+)", mark):
                r, c = int(found.group(1)), int(found.group(2))
                if r < len(table.rows) and c < len(table.rows[r]):
                    column = table.header[c] if c and c < len(table.header) else ""
                    said.append(f"{table.rows[r][0]}{', ' + column if column else ''} : {table.rows[r][c]}")
        return f"{table.caption or chunk.section_label} — {' ; '.join(said)}" if said else table.caption
    from reportqa.language.terms import sentences

    parts = sentences(chunk.text)
    chosen = [parts[int(m[1:])] for m in marks if m.startswith("s") and int(m[1:]) < len(parts)]
    return " ".join(chosen)


def view_page(view: View, chunk: Chunk | None, marks: list[str], title: str, root: str) -> str:
    words = VIEW_TEXT[view.language]
    printed = chunk.page if chunk else str(view.page)
    heading = words["title"].format(document=title, page=printed)
    base = f"{root}/view/{view.doc_id}/{view.page}/page.png"
    version = {"v": view.version}
    pdf = f"{root}/documents/{view.doc_id}.pdf?{urlencode(version)}#page={view.page}"
    ratio = _page_ratio(view.snapshot.path, view.page)
    alt = words["alt"].format(page=printed, document=title)
    figures = []
    area = crop(view.boxes, view.around)
    if area is not None:
        image = f"{base}?{urlencode({**version, 'clip': ','.join(map(str, area))})}"
        sheet = _sheet(image, alt, view.boxes, area, ratio, first=True)
        figures.append(f'<figure class="zoom"><figcaption>{words["zoom"]}</figcaption>{sheet}</figure>')
    whole = _sheet(f"{base}?{urlencode(version)}", alt, view.boxes, (0.0, 0.0, 1.0, 1.0), ratio, area is None)
    figures.append(f'<figure class="page"><figcaption>{words["page"]}</figcaption>{whole}</figure>')
    said = _heading(chunk, marks)
    section = f"{chunk.section_label} · " if chunk and chunk.section_label else ""
    return (
        f'<!doctype html><html lang="{view.language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(heading)}</title><style>{STYLE}</style></head><body><header>"
        f"<p>{html.escape(section)}p. {html.escape(printed)}</p><h1>{html.escape(heading)}</h1>"
        + (f"<blockquote>{html.escape(said)}</blockquote>" if said else "")
        + ("" if view.boxes else f"<p>{words['not_located']}</p>")
        + f'<p><a href="{html.escape(pdf)}" target="_blank" rel="noopener">{words["open_pdf"]}</a></p>'
        f"</header><main>{''.join(figures)}</main></body></html>"
    )


@lru_cache(maxsize=64)
def _page_ratio(path: Path, page: int) -> float:
    """The page's width over its height."""
    import pymupdf

    with _render_lock, pymupdf.open(path) as document:
        rect = document[page - 1].rect
    return float(rect.width / rect.height)


@lru_cache(maxsize=32)
def render(path: Path, page: int, clip: Box | None) -> bytes:
    """The page (or a part of it) as PNG; the part is drawn larger, within MAX_PIXELS."""
    import pymupdf

    with _render_lock, pymupdf.open(path) as document:
        drawn = document[page - 1]
        rect = drawn.rect
        area = None
        dpi = PAGE_DPI
        if clip is not None:
            area = pymupdf.Rect(
                clip[0] * rect.width, clip[1] * rect.height, clip[2] * rect.width, clip[3] * rect.height
            )
            dpi = ZOOM_DPI
        size = (area or rect).width * (area or rect).height / 72 / 72
        dpi = min(dpi, int((MAX_PIXELS / max(size, 1e-6)) ** 0.5))
        return bytes(drawn.get_pixmap(dpi=dpi, clip=area).tobytes("png"))


def _clip(text: str) -> Box | None:
    if not text:
        return None
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        raise HTTPException(422, "clip: four numbers between 0 and 1") from None
    if len(values) != 4 or not all(0 <= v <= 1 for v in values) or values[0] >= values[2] or values[1] >= values[3]:
        raise HTTPException(422, "clip: four numbers between 0 and 1")
    return (values[0], values[1], values[2], values[3])


def _page_count(path: Path) -> int:
    import pymupdf

    with _render_lock, pymupdf.open(path) as document:
        return int(document.page_count)


def add_viewer(app: FastAPI, service: ReportService) -> None:
    """The viewer's two routes."""

    def checked(doc_id: str, page: int, v: str, language: str) -> Snapshot:
        snapshot = _snapshot(service, doc_id, v, language)
        if not 1 <= page <= _page_count(snapshot.path):
            raise HTTPException(404, "No such page")
        return snapshot

    @app.get("/view/{doc_id}/{page}", response_class=HTMLResponse)
    def view(
        doc_id: str, page: int, request: Request, v: str = "", chunk: str = "", m: str = "", lang: str = ""
    ) -> HTMLResponse:
        """A citation's page, its sentence or cells highlighted."""
        language = _language(lang, request)
        if not _MARKS.match(m) or (chunk and not chunk.startswith(f"{doc_id}:")):
            raise HTTPException(422, "Unknown passage or marks")
        snapshot = checked(doc_id, page, v, language)
        marks = [mark for mark in m.split(",") if mark]
        store = PositionStore(snapshot.build / "positions.sqlite")
        boxes = store.boxes(chunk, marks) if chunk else []
        around = store.boxes(chunk, context_marks(marks)) if chunk else []
        known = service.chunk(chunk) if chunk else None
        passage = known if known is not None and known.physical_page == page else None
        title = passage.doc_title if passage else doc_id
        shown = View(doc_id, page, snapshot.version[:VERSION_CHARS], snapshot, boxes, language, around)
        body = view_page(shown, passage, marks, title, service.settings.public_url)
        return HTMLResponse(body, headers={"Cache-Control": "no-cache"})

    @app.get("/view/{doc_id}/{page}/page.png")
    def image(doc_id: str, page: int, request: Request, v: str = "", clip: str = "") -> Response:
        """The page drawn as an image (or the part `clip` names, enlarged)."""
        snapshot = checked(doc_id, page, v, _language("", request))
        cache = "public, max-age=86400, immutable" if v else "no-cache"
        return Response(
            render(snapshot.path, page, _clip(clip)), media_type="image/png", headers={"Cache-Control": cache}
        )
