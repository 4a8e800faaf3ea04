"""By default nothing of a citizen's question is written anywhere: not the index, not the documents, not the logs."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import free_port

pytestmark = pytest.mark.slow
MARKER = "zebraquestion7731"


def _files_containing(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_the_default_writes_no_question_anywhere(corpus_dir: Path, tmp_path: Path) -> None:
    index_dir, log = tmp_path / "index", tmp_path / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    env.update(REPORTQA_DOCS_DIR=str(corpus_dir), REPORTQA_INDEX_DIR=str(index_dir), GRADIO_ANALYTICS_ENABLED="False")
    port = free_port()
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "reportqa.cli", "serve", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(360):
                try:
                    if httpx.get(f"{url}/api/health", timeout=2).json()["status"] == "ok":
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            for question in (f"Combien de retours forcés {MARKER} ?", f"Mon dossier {MARKER}, que dois-je faire ?"):
                assert httpx.post(f"{url}/api/ask", json={"question": question}).status_code == 200
            assert httpx.post(f"{url}/api/check", json={"claim": f"{MARKER} 12 000"}).status_code == 200
        finally:
            process.terminate()
            process.wait(timeout=30)
    needle = MARKER.encode()
    assert needle not in log.read_bytes()
    assert _files_containing(tmp_path, needle) == [] and _files_containing(corpus_dir, needle) == []
