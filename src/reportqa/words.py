"""The words a PDF page prints, without the footnote markers set small or raised after them.

A marker glued to a figure is read into it by PyMuPDF's own word list: a cell printed "18¹" becomes "181", a rate
"93,8¹" becomes "93,81". Words are rebuilt here from the characters, leaving out a marker's span.
"""

import re
from typing import Any, NamedTuple

import pymupdf

# Control characters some designed PDFs print ("Tabel 2 – \x07Evolutie …"): no reader sees them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A footnote marker: superscript digits or symbols, alone in their span.
_MARKER = re.compile(r"^[\d*†‡,]{1,4}$")
SUPERSCRIPT_FLAG = 1


class Word(NamedTuple):
    """A word and its box, in the shape of PyMuPDF's word tuples (x0, y0, x1, y1, text)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def printable(text: str) -> str:
    """The text without the control characters a PDF may carry."""
    return _CONTROL.sub("", text)


def is_marker(span: dict[str, Any], main: dict[str, Any], text: str | None = None) -> bool:
    """A span that is a footnote marker beside the line's main span: digits or symbols, raised or set smaller."""
    if span is main or not _MARKER.match((span["text"] if text is None else text).strip()):
        return False
    return bool(span["flags"] & SUPERSCRIPT_FLAG) or span["size"] < 0.8 * main["size"]


def printed_words(page: pymupdf.Page) -> list[Word]:
    """The page's words in PyMuPDF's reading order, a marker ending the word it is glued to and left out."""
    words: list[Word] = []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            texts = ["".join(char["c"] for char in span["chars"]) for span in line["spans"]]
            spans = [(span, text) for span, text in zip(line["spans"], texts, strict=True) if text.strip()]
            if not spans:
                continue
            main = max(spans, key=lambda pair: len(pair[1]))[0]
            chars: list[dict[str, Any]] = []
            for span, text in spans:
                if is_marker(span, main, text):
                    _flush(chars, words)
                    continue
                for char in span["chars"]:
                    if char["c"].isspace():
                        _flush(chars, words)
                    elif not _CONTROL.match(char["c"]):
                        chars.append(char)
            _flush(chars, words)
    return words


def _flush(chars: list[dict[str, Any]], words: list[Word]) -> None:
    if chars:
        box = pymupdf.Rect(chars[0]["bbox"])
        for char in chars[1:]:
            box |= char["bbox"]
        words.append(Word(box.x0, box.y0, box.x1, box.y1, "".join(char["c"] for char in chars)))
        chars.clear()


def words_in(words: list[Word], box: tuple[float, float, float, float]) -> list[Word]:
    """The words whose middle lies inside the box, in reading order."""
    return [w for w in words if box[0] <= (w.x0 + w.x1) / 2 <= box[2] and box[1] <= (w.y0 + w.y1) / 2 <= box[3]]


def text_in(words: list[Word], box: tuple[float, float, float, float] | None) -> str:
    return " ".join(w.text for w in words_in(words, box)) if box else ""
