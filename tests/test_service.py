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
