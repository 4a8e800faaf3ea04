"""The bad-document matrix: each broken input next to a good corpus, rebuilt into the same index, then asked.

    python benchmarks/bad_documents.py [--docs samples/report] > matrix.md

For each case: the message the build gives (naming the file), and what kept serving (documents in the index the
app answers from, and the answer to a control question with its page). Everything runs in one process on
temporary folders; nothing is written to docs/ or index/. The output is the table in docs/reliability.md.
"""

import argparse
import logging
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
from chromadb.api.client import SharedSystemClient

from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.errors import ReportQAError
from reportqa.index import build_index, open_index
from reportqa.ingest import pdf as pdf_reader
from reportqa.service import ReportService

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from samplepdf import long_report, write_report  # noqa: E402  # the sample generator lives with the scripts

QUESTION = "Combien d'entretiens les accompagnateurs ICAM ont-ils menés ?"


def _scanned(source: Path, target: Path) -> None:
    """A copy of the report whose pages are pictures of themselves, as from a scanner (first 4 pages)."""
    with pymupdf.open(source) as pdf, pymupdf.open() as copy:
        for number in range(4):
            page = pdf[number]
            new = copy.new_page(width=page.rect.width, height=page.rect.height)
            new.insert_image(new.rect, pixmap=page.get_pixmap(dpi=200))
        copy.save(target)


def _encrypted(source: Path, target: Path) -> None:
    with pymupdf.open(source) as pdf:
        pdf.save(target, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")


def _control(settings: Settings) -> str:
    """What the app answers from the live index: its documents, and the control question's answer and page."""
    try:
        index = open_index(settings)
    except ReportQAError as error:
        return f"nothing: {error}"
    answer = answer_question(index, QUESTION, settings)
    where = f"p. {answer.citations[0].page}" if answer.citations else "refused"
    return f"{len(index.manifest.documents)} documents; control answer {answer.answer[:60]!r}… ({where})"


def _build(settings: Settings) -> str:
    try:
        manifest = build_index(settings)
    except ReportQAError as error:
        return f"build refused: {error}"
    notes = [f"{d.file}: {note}" for d in manifest.documents for note in d.notes]
    messages = [*manifest.errors, *notes]
    return "; ".join(messages) or f"indexed ({manifest.pages} pages, {manifest.chunks} chunks)"


def run(good_docs: Path) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    report = next(good_docs.glob("*fr*.pdf"))
    with tempfile.TemporaryDirectory(prefix="reportqa-bad-") as scratch:
        root = Path(scratch)
        docs, index_dir = root / "docs", root / "index"
        shutil.copytree(good_docs, docs)
        settings = Settings(docs_dir=docs, index_dir=index_dir, _env_file=None)  # type: ignore[call-arg]
        rows.append(("good corpus (baseline)", _build(settings), _control(settings)))

        def case(name: str, file: str, write: Callable[[Path], None], no_ocr: bool = False) -> None:
            path = docs / file
            write(path)
            saved = pdf_reader.tessdata
            if no_ocr:
                pdf_reader.tessdata = lambda: None  # as on a machine without Tesseract
            try:
                message = _build(settings)
            finally:
                pdf_reader.tessdata = saved
            rows.append((name, message, _control(settings)))
            path.unlink()

        case("corrupt PDF", "corrupt.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40))
        case("encrypted PDF", "locked.pdf", lambda p: _encrypted(report, p))
        case("scanned PDF, Tesseract installed", "scanned-fr.pdf", lambda p: _scanned(report, p))
        case("scanned PDF, no Tesseract", "scanned-fr.pdf", lambda p: _scanned(report, p), no_ocr=True)
        case("zero-byte file", "empty.pdf", lambda p: p.write_bytes(b""))
        latin = "---\nlanguage: fr\n---\nAnnée".encode("cp1252")
        case("Markdown not in UTF-8", "note.md", lambda p: p.write_bytes(latin))
        case("500-page PDF", "long-fr.pdf", lambda p: write_report(long_report(500), p))

        moved = root / "moved"
        docs.rename(moved)
        docs.mkdir()
        rows.append(("empty docs folder", _build(settings), _control(settings)))
        docs.rmdir()
        moved.rename(docs)
        _build(settings)

        live = (index_dir / "current").resolve()
        shutil.rmtree(live / "chroma")
        rows.append(("index damaged (vector store deleted)", _restart(settings), _control(settings)))
        (index_dir / "current").resolve().joinpath("manifest.json").write_text('{"files": {', encoding="utf-8")
        rows.append(("index half-written (manifest cut)", _restart(settings), _control(settings)))
        rows.append(("ingest while serving", _serve_during_rebuild(settings, docs), _control(settings)))
    return rows


def _restart(settings: Settings) -> str:
    """What the app does at start with the index as it is: detect the damage and rebuild from docs/."""
    SharedSystemClient.clear_system_cache()  # as in a new process: Chroma keeps clients per path in memory
    warnings: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("reportqa.service").addHandler(handler)
    try:
        service = ReportService(settings)
        service.start(wait=True)
    finally:
        logging.getLogger("reportqa.service").removeHandler(handler)
    return f"at start: {'; '.join(warnings)} -> rebuilt from docs/: {service.status.message}"


def _serve_during_rebuild(settings: Settings, docs: Path) -> str:
    """Answers keep coming from the old index while a new document is indexed in the background."""
    service = ReportService(settings)
    service.start(wait=True)
    write_report(long_report(200), docs / "extra-fr.pdf")
    rebuild = threading.Thread(target=lambda: service.start(wait=True))
    rebuild.start()
    answered = 0
    while rebuild.is_alive():
        answered += bool(service.ask(QUESTION).citations)
        time.sleep(0.2)
    documents = len(service.manifest.documents) if service.manifest else 0
    return f"{answered} questions answered during the rebuild; then {documents} documents, {service.status.message}"


def _short(text: str) -> str:
    """Paths relative to the scratch folder, as they would read relative to the app's folder."""
    return re.sub(r"/tmp/reportqa-bad-\w+/", "", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("samples/report"), help="the good corpus")
    args = parser.parse_args()
    print("| case | message (the build names the file) | what kept serving |")
    print("| --- | --- | --- |")
    for name, message, serving in run(args.docs):
        cells = [_short(cell).replace("|", "\\|").replace("\n", " ") for cell in (name, message, serving)]
        print(f"| {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
