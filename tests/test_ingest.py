import importlib
from pathlib import Path

import pymupdf
import pytest

from reportqa.chunk import chunk_document
from reportqa.errors import DocumentError
from reportqa.ingest import SourceDocument, load_document, tessdata


def _block_with(document: SourceDocument, text: str):  # type: ignore[no-untyped-def]
    return next(b for b in document.blocks if text in b.text)


@pytest.fixture(scope="module")
def french(corpus_dir: Path) -> SourceDocument:
    return load_document(corpus_dir / "rapport-test-fr.pdf")


@pytest.fixture(scope="module")
def dutch(corpus_dir: Path) -> SourceDocument:
    return load_document(corpus_dir / "verslag-test-nl.pdf")


def test_sections_and_printed_pages_from_outline_and_labels(french: SourceDocument) -> None:
    block = _block_with(french, "210 345")
    assert (block.section_number, block.section_title) == ("1.1", "Visas de court séjour")
    assert (block.page, block.physical_page) == ("1", 3)  # cover and contents come first
    assert french.edition == "fr" and french.kind == "report" and french.is_sample


def test_sections_from_numbered_headings_and_pages_from_footer(dutch: SourceDocument) -> None:
    with pymupdf.open(dutch.path) as pdf:
        assert pdf.get_toc() == [] and pdf[2].get_label() == ""  # the NL fixture has neither
    block = _block_with(dutch, "210.345")
    assert (block.section_number, block.section_title, block.page, block.physical_page) == (
        "1.1",
        "Visa voor kort verblijf",
        "1",
        3,
    )
    assert dutch.edition == "nl"


def test_running_header_footer_and_contents_are_not_body(french: SourceDocument) -> None:
    body = "\n".join(b.text for b in french.blocks if b.physical_page > 1)
    assert "Table des matières" not in body
    assert "Rapport d'activité 2023 (test)" not in body  # the running header
    assert "chiffres fictifs" not in body  # the footer


def test_tables_keep_rows_and_header(french: SourceDocument, dutch: SourceDocument) -> None:
    table = next(b for b in french.blocks if b.kind == "table")
    assert table.table is not None
    assert table.table.caption == "Tableau 2.1 : Retours par type"
    assert table.table.header == ["Type de retour", "2022", "2023"]
    assert table.table.rows[1] == ["Retours forcés", "2 100", "2 345"]
    assert (table.section_number, table.page, table.physical_page) == ("2.1", "2", 4)
    dutch_table = next(b for b in dutch.blocks if b.kind == "table")
    assert "Gedwongen terugkeer | 2022: 2.100 | 2023: 2.345" in dutch_table.text


def test_chunks_never_cross_a_section_or_page(french: SourceDocument) -> None:
    chunks = chunk_document(french)
    for chunk in chunks:
        same_place = {
            b.text
            for b in french.blocks
            if (b.section_number, b.physical_page) == (chunk.section_number, chunk.physical_page)
        }
        parts = [chunk.text] if chunk.kind == "table" else chunk.text.split("\n")
        assert all(part in same_place for part in parts)
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.chunk_id for c in chunk_document(french)] == [c.chunk_id for c in chunks]  # stable ids


def test_markdown_announcement(corpus_dir: Path) -> None:
    document = load_document(corpus_dir / "announcement-2023.fr.md")
    assert document.kind == "announcement" and document.edition == "fr"
    assert document.english_title.startswith("The activity report of the Immigration Office")
    assert not any("The activity report" in b.text for b in document.blocks)
    assert any("près de 4 000 entretiens" in b.text for b in document.blocks)
    assert {c.kind for c in chunk_document(document)} == {"announcement"}


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.pdf", b"", "empty"),
        ("broken.pdf", b"%PDF-1.7 this is not a pdf", "not a readable PDF"),
        ("latin1.md", "---\nlanguage: fr\n---\nAnnée".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_documents_get_a_message_naming_the_file(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        load_document(path)
    assert name in str(error.value) and problem in str(error.value)


def test_encrypted_pdf_is_refused_clearly(tmp_path: Path, corpus_dir: Path) -> None:
    path = tmp_path / "locked.pdf"
    with pymupdf.open(corpus_dir / "rapport-test-fr.pdf") as pdf:
        pdf.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(DocumentError, match="encrypted"):
        load_document(path)


def _scanned_copy(source: Path, target: Path, scanned: set[int]) -> Path:
    """A copy of `source` where the given pages (0-based) are only pictures of themselves, as from a scanner."""
    with pymupdf.open(source) as pdf, pymupdf.open() as copy:
        for number, page in enumerate(pdf):
            new = copy.new_page(width=page.rect.width, height=page.rect.height)
            if number in scanned:
                new.insert_image(new.rect, pixmap=page.get_pixmap(dpi=200))
            else:
                new.show_pdf_page(new.rect, pdf, number)
        copy.set_toc(pdf.get_toc())  # scanned reports often get their bookmarks back
        copy.save(target)
    return target


def test_scanned_pages_are_read_by_ocr(tmp_path: Path, corpus_dir: Path) -> None:
    assert tessdata(), "Tesseract with French and Dutch is needed (.ci/run installs it)"
    path = _scanned_copy(corpus_dir / "rapport-test-fr.pdf", tmp_path / "rapport-scanne-fr.pdf", {3})
    document = load_document(path)
    assert document.notes == ["page 4 is scanned: read by OCR (Tesseract); check figures against the page"]
    page_four = " ".join(b.text for b in document.blocks if b.physical_page == 4)
    assert "En 2023, 5 432 personnes sont retournées volontairement" in page_four
    assert ("2.1", "Retours volontaires") in {(b.section_number, b.section_title) for b in document.blocks}


def test_scanned_pages_without_tesseract_are_skipped_and_reported(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reportqa.ingest.pdf.tessdata", lambda: None)
    path = _scanned_copy(corpus_dir / "rapport-test-fr.pdf", tmp_path / "rapport-scanne-fr.pdf", {2, 3})
    document = load_document(path)
    (note,) = document.notes
    assert note.startswith("pages 3, 4 are scanned without text: skipped") and "tesseract-ocr-nld" in note
    assert not any(b.physical_page in (3, 4) for b in document.blocks) and document.blocks
    with pytest.raises(DocumentError, match="no text layer .*apt install tesseract-ocr"):
        load_document(_scanned_copy(path, tmp_path / "tout-scanne-fr.pdf", set(range(4))))


def test_pages_that_draw_nothing_skip_the_ruled_table_finder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table finder reads every character of a page (0.15-0.45 s): a page with no line or fill drawn cannot
    hold a ruled table, so it is not asked; a page with a ruled table still has it read."""
    path = tmp_path / "rapport-fr.pdf"
    with pymupdf.open() as pdf:
        prose = pdf.new_page()
        prose.insert_text((72, 100), "Le rapport décrit les demandes reçues en 2023 et leur suite.", fontsize=11)
        ruled = pdf.new_page()
        ruled.insert_text((72, 100), "Tableau 1 : Demandes par année", fontsize=11)
        ruled.draw_rect((72, 120, 522, 150), color=None, fill=(0.85, 0.85, 0.85))  # a tinted header row
        for row, cells in enumerate([("Catégorie", "2022", "2023"), ("Demandes", "1 200", "1 350")]):
            for column, text in enumerate(cells):
                ruled.insert_text((80 + 150 * column, 140 + 30 * row), text, fontsize=11)
        for y in (120, 150, 180):
            ruled.draw_line((72, y), (522, y))
        for x in (72, 222, 372, 522):
            ruled.draw_line((x, 120), (x, 180))
        pdf.save(path)
    asked: list[int] = []
    find_tables = pymupdf.Page.find_tables

    def counting(page: pymupdf.Page, *args: object, **kwargs: object) -> object:
        asked.append(page.number)
        return find_tables(page, *args, **kwargs)

    importlib.import_module("pymupdf.layout")  # it installs Page.get_layout: counted after it
    laid_out: list[int] = []
    get_layout = pymupdf.Page.get_layout

    def counting_layout(page: pymupdf.Page, *args: object, **kwargs: object) -> object:
        laid_out.append(page.number)
        return get_layout(page, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "find_tables", counting)
    monkeypatch.setattr(pymupdf.Page, "get_layout", counting_layout)
    document = load_document(path)
    assert asked == [1]
    assert laid_out == [1]  # the layout model: once, on the page that draws, never on the page of text alone
    tables = [block.table for block in document.blocks if block.table is not None]
    assert len(tables) == 1 and tables[0].rows == [["Demandes", "1 200", "1 350"]]
