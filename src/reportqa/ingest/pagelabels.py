"""Printed page numbers: the label a reader sees on the page, which is what a citation must name.

Order of trust: the PDF's own page labels; else the number standing alone in the running header or footer band
(on a line of its own, or beside a running title), the band being found from text that repeats across pages and
from the layout engine's page-header and page-footer regions; else the physical page number. A numbering that
restarts (an annex) is followed as printed, and qualified with the annex's name when a heading gives it. Nothing
is invented: an unnumbered page gets its physical number, never a roman numeral it does not print.
"""

import re
from collections import Counter

from reportqa.ingest.layout import Line

_ALONE = re.compile(
    r"^(?:p\.?|page|pagina|blz\.?|-|–)?\s*(\d{1,5}|[ivxlc]{1,7})\s*(?:(?:/|of|sur|de|van|op)\s*\d{1,5}|-|–)?$", re.I
)
_AT_END = re.compile(r"(?:\s[|•·–—-]?\s*|\|\s*)(\d{1,4})$")
_AT_START = re.compile(r"^(\d{1,4})\s*(?:[|•·–—-]\s*|\s{2,}|\s(?=[A-Za-zÀ-ÿ]))")
_ANNEX = re.compile(r"^(annexe|bijlage|annex|appendix|appendice)\s+([A-Z0-9]{1,3})\b", re.I)
REPEAT_SHARE = 0.3  # a line repeated (digits aside) at the same height on this share of pages is running furniture


def _band_key(line: Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text.lower()), round(line.y0 / 6)


def running_lines(pages: list[list[Line]]) -> set[tuple[str, int]]:
    """Keys of the lines that repeat across pages at the same height: headers, footers, page numbers.

    A running line changes, from page to page, in one number at most (its page number): a body sentence that
    repeats with other figures on each page ("office 437 handled 4 059 files") is not furniture.
    """
    pages_with: Counter[tuple[str, int]] = Counter()
    numbers: dict[tuple[str, int], set[tuple[str, ...]]] = {}
    for lines in pages:
        seen = set()
        for line in lines:
            key = _band_key(line)
            numbers.setdefault(key, set()).add(tuple(re.findall(r"\d+", line.text)))
            seen.add(key)
        pages_with.update(seen)
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, round(REPEAT_SHARE * with_text))
    running = set()
    for key, count in pages_with.items():
        variants = numbers[key]
        varying = sum(1 for position in zip(*variants, strict=False) if len(set(position)) > 1)
        if count >= needed and varying <= 1:
            running.add(key)
    return running


def is_running(line: Line, running: set[tuple[str, int]]) -> bool:
    return _band_key(line) in running


def _candidates(band: list[Line]) -> list[tuple[str, bool]]:
    """(number as printed, alone on its line) for each number the band lines could be the page number of."""
    found = []
    for line in sorted(band, key=lambda ln: -ln.y0):  # the footer first, then the header
        text = line.text.strip()
        alone = _ALONE.match(text)
        if alone:
            found.append((alone.group(1), True))
            continue
        for pattern in (_AT_END, _AT_START):
            match = pattern.search(text)
            if match and not 1900 <= int(match.group(1)) <= 2100:
                found.append((match.group(1), False))
    return found


def printed_labels(pdf_labels: list[str], bands: list[list[Line]], first_lines: list[list[str]]) -> list[str]:
    """One printed label per page.

    pdf_labels: the PDF's page labels ("" where none); bands: each page's running header and footer lines;
    first_lines: each page's first body lines, where an annex heading would be.
    """
    candidates = [_candidates(band) for band in bands]
    offsets: Counter[int] = Counter(
        int(number) - index for index, found in enumerate(candidates) for number, _ in found if number.isdigit()
    )
    usual = offsets.most_common(1)[0][0] if offsets else None
    labels: list[str] = []
    offset: int | None = None
    previous = 0
    annex = ""
    for index, found in enumerate(candidates):
        if pdf_labels[index]:
            labels.append(pdf_labels[index])
            continue
        numbers = [number for number, _ in found]
        choice = ""
        if offset is not None and str(index + offset) in numbers:
            choice = str(index + offset)
        elif any(alone for _, alone in found):
            choice = next(number for number, alone in found if alone)
        elif usual is not None and str(index + usual) in numbers:
            choice = str(index + usual)
        if not choice:
            labels.append(str(index + 1))
            offset = None
            continue
        if choice.isdigit():
            number = int(choice)
            if number < previous:  # the numbering restarts: an annex, if a heading names it
                heading = next((m for text in first_lines[index] if (m := _ANNEX.match(text))), None)
                annex = f"{heading.group(1).capitalize()} {heading.group(2)}" if heading else annex
            previous, offset = number, number - index
        labels.append(f"{annex}, p. {choice}" if annex else choice)
    return labels
