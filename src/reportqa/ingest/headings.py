"""Section headings: numbered ones ("2.3 Title"), the outline's entries (roman numerals and letters too), and the
table of contents pages, which are not read as text."""

import re
from dataclasses import dataclass

import pymupdf

from reportqa.ingest.layout import Line

HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{1,118})$")
# Outline entries may also be numbered in roman numerals and letters ("III-A Google DeepDream", "IV. Results").
OUTLINE_NUMBER = re.compile(r"^([IVXLC]{1,6}(?:[.-](?:\d{1,2}|[A-Z]))*)\.?\s+(\S.{1,118})$")
TOC_TITLES = re.compile(r"^(table des mati[èe]res|sommaire|inhoud|inhoudstafel|inhoudsopgave|contents)$", re.I)


def is_toc_page(lines: list[Line]) -> bool:
    if any(TOC_TITLES.match(line.text) for line in lines[:5]):
        return True
    numbered = sum(1 for line in lines if HEADING.match(line.text) or re.search(r"\.{4,}", line.text))
    return (len(lines) >= 6 and numbered / len(lines) > 0.6) or (len(lines) >= 2 and numbered == len(lines))


def heading_key(text: str) -> tuple[str, str]:
    """(number, title) compared loosely: "2.  Méthodologie", "2 Méthodologie" and "2. MÉTHODOLOGIE" are one."""
    text = " ".join(text.split()).strip()
    match = HEADING.match(text)
    number, title = (match.group(1), match.group(2)) if match else ("", text)
    # Spaces and punctuation are ignored: outlines written by some tools drop the space at a line break.
    return number.rstrip("."), re.sub(r"[\W_]+", "", title).casefold()


@dataclass(frozen=True)
class OutlineEntry:
    page_index: int  # -1: the outline gives no page
    number: str
    title: str


def outline_entries(pdf: pymupdf.Document) -> list[OutlineEntry]:
    entries = []
    for _level, title, page_no, *_ in pdf.get_toc(simple=False):
        title = " ".join(str(title).split())
        match = HEADING.match(title) or OUTLINE_NUMBER.match(title)
        number, name = (match.group(1).rstrip("."), match.group(2).strip()) if match else ("", title)
        entries.append(OutlineEntry(page_no - 1 if page_no >= 1 else -1, number, name))
    return entries
