"""Property-based tests: number normalisation, language detection on short inputs, chunker invariants."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportqa.chunk import chunk_document
from reportqa.ingest import Block, SourceDocument
from reportqa.language.detect import detect_language
from reportqa.language.numbers import normalize_numbers, numbers_in


def _grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


@given(st.integers(min_value=0, max_value=999_999_999))
def test_every_thousands_format_is_the_same_number(n: int) -> None:
    for written in (str(n), _grouped(n, " "), _grouped(n, "\u00a0"), _grouped(n, "\u202f"), _grouped(n, ".")):
        assert numbers_in(f"En 2023, {written} demandes.") == ["2023", str(n)]


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9))
def test_decimal_commas_become_points(whole: int, tenth: int) -> None:
    assert normalize_numbers(f"{whole},{tenth} %") == f"{whole}.{tenth} %"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=24))
def test_language_detection_always_answers_one_of_four(text: str) -> None:
    assert detect_language(text, fallback="nl") in ("fr", "nl", "en", "de")


_places = st.tuples(st.sampled_from(["", "1", "1.1", "2", "2.3.1"]), st.integers(min_value=1, max_value=4))
_blocks = st.lists(
    st.tuples(_places, st.text(alphabet="abcdefghij .", min_size=1, max_size=400), st.booleans()),
    min_size=1,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(_blocks)
def test_chunks_never_cross_a_section_or_a_page_and_always_have_one(blocks: list) -> None:  # type: ignore[type-arg]
    document = SourceDocument("doc", Path("doc.pdf"), "Doc", "fr", "report", "0" * 64, 4)
    for (section, page), text, _ in blocks:
        document.blocks.append(Block("prose", text, section, f"Section {section}", str(page), page))
    chunks = chunk_document(document)
    places = {(b.section_number, b.physical_page) for b in document.blocks}
    for chunk in chunks:
        assert chunk.page and (chunk.section_number, chunk.physical_page) in places
        parts = chunk.text.split("\n")
        assert all(
            any(
                b.text == part and (b.section_number, b.physical_page) == (chunk.section_number, chunk.physical_page)
                for b in document.blocks
            )
            for part in parts
        )
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert sum(len(c.text.split("\n")) for c in chunks) == len(document.blocks)
