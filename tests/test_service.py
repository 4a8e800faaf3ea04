import logging
from pathlib import Path

import pytest

from reportqa.config import Settings
from reportqa.service import ReportService


def test_start_up_says_what_it_is_doing(
    corpus_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reportqa.service.PROGRESS_LOG_SECONDS", 0.0)  # every step, not every two seconds
    monkeypatch.setenv("REPORTQA_PARSE_CACHE_DIR", str(tmp_path / "parsed"))  # pages really read, not cached
    settings = Settings(docs_dir=corpus_dir, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    with caplog.at_level(logging.INFO, logger="reportqa"):
        ReportService(settings).start(wait=True)
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0].startswith(f"No index yet in {settings.index_dir}: building it from")
    assert any(m.startswith("Building the index") and ": page 3/" in m for m in messages)
    assert messages[-1].startswith("Index ready: 4 documents")
    assert not any("reportqa ingest` first" in m for m in messages)  # never asks for what it is already doing


def test_while_the_first_index_is_built_people_are_told_so_in_their_language(tmp_path: Path) -> None:
    """Before the first index exists, the API answers 503 with a Retry-After, and the chat and the API say so in
    the asker's language (it used to be English everywhere)."""
    from fastapi.testclient import TestClient

    from reportqa.web.app import create_app
    from reportqa.web.ui.chat import respond

    service = ReportService(Settings(docs_dir=tmp_path / "docs", index_dir=tmp_path / "index"))  # not started
    with TestClient(create_app(service)) as client:
        french = client.post("/api/ask", json={"question": "Combien de retours forcés en 2023 ?"})
        dutch = client.post("/api/ask", json={"question": "Hoeveel gedwongen terugkeer was er in 2023?"})
        claim = client.post("/api/check", json={"claim": "En 2023, 3 994 retours forcés.", "lang": "fr"})
    assert french.status_code == dutch.status_code == claim.status_code == 503
    assert french.headers["retry-after"] == "10"
    assert "en cours d'indexation (0 %)" in french.json()["detail"]
    assert "wordt geïndexeerd (0%)" in dutch.json()["detail"]
    assert "en cours d'indexation" in claim.json()["detail"]
    *_, (history, _, _) = respond(service, "Combien de retours forcés en 2023 ?", [], "auto", page="fr")
    assert history[-1]["content"].startswith("⚠️ Le rapport est en cours d'indexation")
