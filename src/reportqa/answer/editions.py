"""The French and Dutch editions linked passage by passage: same section, same table, same figures."""

from collections.abc import Iterable

from reportqa.chunk import Chunk
from reportqa.language.numbers import numbers_in
from reportqa.language.terms import table_number


def _figures(text: str) -> set[str]:
    return set(numbers_in(text))


def _table_number(chunk: Chunk) -> str | None:
    return table_number(chunk.table.caption) if chunk.table else None


def linked_chunk(chunk: Chunk, chunks: Iterable[Chunk]) -> Chunk | None:
    """The same passage in the other edition: same kind and section; the same table number for a table; else
    the passage sharing most figures (then the first of the section)."""
    same_place = [
        c
        for c in chunks
        if c.edition != chunk.edition
        and (c.kind == "announcement") == (chunk.kind == "announcement")
        and c.section_number == chunk.section_number
        and c.kind == chunk.kind
    ]
    if not same_place:
        return None
    if chunk.kind == "announcement":
        return None  # the two announcements are separate texts, not numbered sections
    if chunk.table is not None:
        number = _table_number(chunk)
        return next((c for c in same_place if _table_number(c) == number), None)
    figures = _figures(chunk.text)
    return max(same_place, key=lambda c: len(figures & _figures(c.text))) if figures else same_place[0]


def matching_sentence(sentence: str, candidates: list[str]) -> str | None:
    """The sentence of the other edition stating the same figures (all of them), if there is one."""
    figures = _figures(sentence)
    if not figures:
        return None
    best = max(candidates, key=lambda s: len(figures & _figures(s)), default=None)
    return best if best is not None and figures <= _figures(best) else None
