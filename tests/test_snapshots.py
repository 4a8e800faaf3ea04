"""Citations stay true across a rebuild: a citation opens the file it was drawn from while an index built from it
is live, and health tells serving from rebuilding."""

import hashlib
import time
from pathlib import Path

import pymupdf
import pytest
from conftest import copy_corpus
from fastapi.testclient import TestClient

from reportqa.config import Settings
from reportqa.service import ReportService
from reportqa.web.app import create_app

pytestmark = pytest.mark.slow
QUESTION = {"question": "Combien de retours forcés en 2023 ?"}


def _replace_in_place(pdf: Path) -> None:
    """A new edition of the file written over the old one (same path, same inode), as `cp` does."""
    with pymupdf.open(pdf) as document:
        document[3].insert_text((72, 60), "Version corrigée", fontsize=9)
        data = document.tobytes()
    pdf.write_bytes(data)


def test_an_old_citation_opens_the_file_it_quoted_after_a_rebuild(corpus_dir: Path, tmp_path: Path) -> None:
    docs = copy_corpus(corpus_dir, tmp_path / "docs")
    settings = Settings(docs_dir=docs, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    service = ReportService(settings)
    service.start(wait=True)
    client = TestClient(create_app(service))  # no lifespan: the Gradio chat is not needed here
    before = client.post("/api/ask", json=QUESTION).json()["citations"][0]
    original = (docs / "rapport-test-fr.pdf").read_bytes()
    assert hashlib.sha256(original).hexdigest().startswith(before["doc_version"])

    _replace_in_place(docs / "rapport-test-fr.pdf")
    service.start()  # docs/ changed: rebuilt in the background, the previous index answering meanwhile
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["serving"] is True and health["rebuilding"] is True, health
    deadline = time.monotonic() + 300
    while service.rebuilding and time.monotonic() < deadline:
        time.sleep(0.5)
    health = client.get("/api/health").json()
    assert health["rebuilding"] is False and health["serving"] is True, health

    after = client.post("/api/ask", json=QUESTION).json()["citations"][0]
    assert after["doc_version"] != before["doc_version"]
    old = client.get(before["url"].split("#")[0])
    new = client.get(after["url"].split("#")[0])
    assert old.status_code == 200 and old.content == original  # the file the old answer quoted
    assert new.content == (docs / "rapport-test-fr.pdf").read_bytes()
    assert client.get(before["view"]).status_code == 200  # its page, drawn from the old file
    gone = client.get("/documents/rapport-test-fr.pdf", params={"v": "0" * 12}, headers={"accept-language": "fr"})
    assert gone.status_code == 404 and "n'est plus disponible" in gone.json()["detail"]
