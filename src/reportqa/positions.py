"""Where each cited thing stands on its page: the boxes of every sentence of a passage and of every table cell,
found once when the index is built (from the page's words, which PyMuPDF gives with their rectangles) and kept in
`positions.sqlite`, so that showing a citation on its page needs no PDF parsing.

Marks name what a citation points at inside its passage: "s3" (the passage's fourth sentence) or "r2c1" (row 2,
column 1 of its table, 0-based, column 0 being the row's label); "h1" is column 1's header. Boxes are fractions
of the page's width and height, so a page drawn at any size places them.
"""

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportqa.chunk import Chunk
from reportqa.language.terms import sentences

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page
_PUNCTUATION = re.compile(r"[^\w]+", re.UNICODE)
ANCHOR = 24  # characters of a sentence's start and end looked for when the whole is not found as printed


@dataclass(frozen=True)
class PageWords:
    """A page's words as one searchable string: normalised words joined by spaces, each character's word."""

    text: str
    owner: list[int]  # the word index of each character of `text` (-1 for the spaces between words)
    boxes: list[Box]  # each word's box, as fractions of the page
    lines: list[tuple[int, int]]  # each word's (block, line), to draw one box per printed line


def normalise(text: str) -> list[str]:
    """Words as compared: lower case, accents kept, punctuation and spaces (a thousands separator) dropped."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return [word for word in (_PUNCTUATION.sub("", part) for part in folded.split()) if word]


def page_words(words: Sequence[Sequence[Any]], width: float, height: float) -> PageWords:
    """From PyMuPDF's `page.get_text("words")`: a word cut by a hyphen at a line's end is joined to the next."""
    parts: list[str] = []
    owner: list[int] = []
    boxes: list[Box] = []
    lines: list[tuple[int, int]] = []
    hyphen = False
    for x0, y0, x1, y1, word, block, line, *_ in words:
        tokens = normalise(str(word))
        if not tokens:
            continue
        index = len(boxes)
        # "bud-" at a line's end + "get": "budget"; "water- en energie" within a line stays three words.
        glue = hyphen and lines[-1] != (int(block), int(line))
        boxes.append((x0 / width, y0 / height, x1 / width, y1 / height))
        lines.append((int(block), int(line)))
        for token in tokens:
            if parts and not glue:
                parts.append(" ")
                owner.append(-1)
            parts.append(token)
            owner.extend([index] * len(token))
            glue = False
        hyphen = str(word).rstrip().endswith(("-", "\u00ad"))
    return PageWords("".join(parts), owner, boxes, lines)


def _spans(page: PageWords, phrase: str) -> list[tuple[int, int]]:
    """Where a phrase stands in the page's string, whole words only, as (start, end) character offsets."""
    wanted = " ".join(normalise(phrase))
    if not wanted:
        return []
    found = []
    padded = f" {page.text} "
    start = padded.find(f" {wanted} ")
    while start != -1:
        found.append((start, start + len(wanted)))
        start = padded.find(f" {wanted} ", start + 1)
    return found


def _loose_span(page: PageWords, phrase: str) -> tuple[int, int] | None:
    """A sentence printed with something the text lost (a footnote marker glued to a word, a line-end hyphen
    kept): its first and last characters, close enough together."""
    wanted = " ".join(normalise(phrase))
    if len(wanted) < 2 * ANCHOR:
        return None
    start = page.text.find(wanted[:ANCHOR])
    if start == -1:
        return None
    end = page.text.find(wanted[-ANCHOR:], start)
    if end == -1 or end + ANCHOR - start > 1.3 * len(wanted):
        return None
    return start, end + ANCHOR


def line_boxes(page: PageWords, span: tuple[int, int]) -> list[Box]:
    """The boxes of a span's words, one per printed line."""
    chosen = sorted({page.owner[i] for i in range(*span) if page.owner[i] >= 0})
    merged: dict[tuple[int, int], Box] = {}
    for word in chosen:
        x0, y0, x1, y1 = page.boxes[word]
        key = page.lines[word]
        if key in merged:
            a = merged[key]
            merged[key] = (min(a[0], x0), min(a[1], y0), max(a[2], x1), max(a[3], y1))
        else:
            merged[key] = (x0, y0, x1, y1)
    return list(merged.values())


def sentence_boxes(page: PageWords, sentence: str) -> list[Box]:
    spans = _spans(page, sentence)
    span = spans[0] if spans else _loose_span(page, sentence)
    return line_boxes(page, span) if span else []


def _centre(boxes: list[Box]) -> tuple[float, float]:
    return (boxes[0][0] + boxes[0][2]) / 2, (boxes[0][1] + boxes[0][3]) / 2


def _x_gap(a: Box, b: Box) -> float:
    """How far apart two boxes are across the page (0 when one stands above the other)."""
    return max(a[0] - b[2], b[0] - a[2], 0.0)


def cell_boxes(page: PageWords, label: str, header: str, cell: str) -> list[Box]:
    """A table cell's boxes: of the places where its text is printed, the one in its row (level with the row's
    label) and under its column's header."""
    candidates = [line_boxes(page, span) for span in _spans(page, cell)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else []
    rows = [_centre(line_boxes(page, span))[1] for span in _spans(page, label)] if label else []
    columns = [line_boxes(page, span)[0] for span in _spans(page, header)] if header else []

    def distance(boxes: list[Box]) -> float:
        y = _centre(boxes)[1]
        row = min((abs(y - other) for other in rows), default=0.0)
        column = min((_x_gap(boxes[0], other) for other in columns), default=0.0)
        return row + column

    return min(candidates, key=distance)


def header_boxes(page: PageWords, header: str, below: list[Box]) -> list[Box]:
    """A column header's boxes: where its text is printed closest above the column's first cell."""
    candidates = [line_boxes(page, span) for span in _spans(page, header)]
    if not candidates or not below:
        return candidates[0] if len(candidates) == 1 else []
    top = below[0]

    def distance(boxes: list[Box]) -> float:
        above = top[1] - boxes[0][3]
        return (above if above >= 0 else 1.0 - above) + _x_gap(boxes[0], top)

    return min(candidates, key=distance)


def chunk_marks(chunk: Chunk, page: PageWords) -> Iterable[tuple[str, list[Box]]]:
    """Every mark of a passage with its boxes: each sentence of prose, each cell of a table."""
    table = chunk.table
    if table is None:
        for number, sentence in enumerate(sentences(chunk.text)):
            yield f"s{number}", sentence_boxes(page, sentence)
        return
    first: dict[int, list[Box]] = {}  # each column's first cell placed: its header is the one just above it
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            header = table.header[c] if c < len(table.header) else ""
            boxes = cell_boxes(page, row[0] if c else "", header if c else "", cell)
            if boxes:
                first.setdefault(c, boxes)
            yield f"r{r}c{c}", boxes
    for c, name in enumerate(table.header):  # shown around a cell, never highlighted
        yield f"h{c}", header_boxes(page, name, first.get(c, []))


def locate(pdf: Path, chunks: list[Chunk]) -> list[tuple[str, str, str]]:
    """(chunk id, mark, boxes as JSON) for every passage of one PDF, its pages read once each."""
    import pymupdf  # only when building

    by_page: dict[int, list[Chunk]] = {}
    for chunk in chunks:
        by_page.setdefault(chunk.physical_page, []).append(chunk)
    found = []
    with pymupdf.open(pdf) as document:
        for number, on_page in sorted(by_page.items()):
            if not 1 <= number <= document.page_count:
                continue
            page = document[number - 1]
            words = page_words(page.get_text("words"), page.rect.width, page.rect.height)
            for chunk in on_page:
                for mark, boxes in chunk_marks(chunk, words):
                    if boxes:
                        found.append((chunk.chunk_id, mark, json.dumps([[round(v, 5) for v in b] for b in boxes])))
    return found


def write_positions(rows: list[tuple[str, str, str]], path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE positions (chunk_id TEXT, mark TEXT, boxes TEXT, PRIMARY KEY (chunk_id, mark))")
        db.executemany("INSERT OR REPLACE INTO positions VALUES (?, ?, ?)", rows)
    path.chmod(0o444)


class PositionStore:
    """Read access to a build's positions (a build made before they were kept has none: no box is drawn)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def boxes(self, chunk_id: str, marks: Iterable[str]) -> list[Box]:
        wanted = list(dict.fromkeys(marks))
        if not wanted or not self.path.is_file():
            return []
        places = ", ".join("?" * len(wanted))
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
            rows = db.execute(
                f"SELECT boxes FROM positions WHERE chunk_id = ? AND mark IN ({places})", [chunk_id, *wanted]
            ).fetchall()
        return [tuple(box) for (text,) in rows for box in json.loads(text)]  # type: ignore[misc]
