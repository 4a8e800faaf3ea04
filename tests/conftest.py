import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fixture_report import write_fixture_reports

from reportqa.config import Settings
from reportqa.deployment import deployment_for
from reportqa.index import LoadedIndex, build_index, open_index
from reportqa.language.glossary import use_deployment

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of parsed PDFs for the whole session: the layout engine reads each fixture PDF once."""
    return tmp_path_factory.mktemp("parsed")


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, parse_cache: Path) -> None:
    """No test reads the developer's REPORTQA_* environment or .env."""
    for key in list(os.environ):
        if key.startswith("REPORTQA_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("REPORTQA_PARSE_CACHE_DIR", str(parse_cache))
    monkeypatch.setitem(Settings.model_config, "env_file", None)


OFFICE = Settings(docs_dir=REPO / "docs", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(autouse=True)
def _office_terms() -> None:
    """Questions are read with the Office's terms (docs/deployment.json), as the fixture report is the Office's;
    a test that opens another report's index (no deployment file) does not leave the next test without them."""
    use_deployment(deployment_for(OFFICE))


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two report editions (FR with outline and page labels, NL without either), the announcements and the
    deployment file of the report's subject (its terms, title and help desk)."""
    folder = tmp_path_factory.mktemp("docs")
    write_fixture_reports(folder)
    for beside in [*(REPO / "docs").glob("announcement-2023.*.md"), REPO / "docs" / "deployment.json"]:
        shutil.copy(beside, folder)
    return folder


@pytest.fixture(scope="session")
def corpus_settings(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(docs_dir=corpus_dir, index_dir=tmp_path_factory.mktemp("index"), _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def corpus_index(corpus_settings: Settings) -> LoadedIndex:
    build_index(corpus_settings)
    return open_index(corpus_settings)


def copy_corpus(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def host_origin() -> str:
    """The origin of the example host page (another port: another origin), allowed to embed the chat."""
    return f"http://127.0.0.1:{free_port()}"


def sse_events(body: str) -> list[tuple[str, object]]:
    """Server-sent events as (name, decoded JSON data)."""
    events = []
    for block in body.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


@contextmanager
def running_server(
    command: list[str], ready_url: str, ready: Callable[[httpx.Response], bool], log_path: Path
) -> Iterator[None]:
    """A server the tests need (llama.cpp, Chroma), on 127.0.0.1, logging to a file (a full pipe would block it);
    stopped at the end."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(ready_url, process, ready)
            yield
        finally:
            process.terminate()
            process.wait(timeout=30)


@contextmanager
def running_app(corpus_dir: Path, index_dir: Path, log_path: Path | None = None, **env_overrides: str) -> Iterator[str]:
    """`reportqa serve` on 127.0.0.1 over the fixture documents, with REPORTQA_* overrides; stopped after. Its output
    goes to `log_path` when given (what the operator would read)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    env.update(REPORTQA_DOCS_DIR=str(corpus_dir), REPORTQA_INDEX_DIR=str(index_dir), GRADIO_ANALYTICS_ENABLED="False")
    env.update(env_overrides)
    output = open(log_path, "wb") if log_path else subprocess.PIPE  # noqa: SIM115  # closed with the process
    process = subprocess.Popen(
        [sys.executable, "-m", "reportqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # The API answers first; the tests that drive the chat need it mounted too.
        wait_until_up(
            f"{url}/api/health",
            process,
            lambda reply: (reply.json()["status"], reply.json()["chat"]) == ("ok", "ready"),
        )
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        if log_path:
            output.close()  # type: ignore[union-attr]


def wait_until_up(
    url: str, process: subprocess.Popen, ready: Callable[[httpx.Response], bool], seconds: float = 180
) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if ready(httpx.get(url, timeout=2)):
                return
        except httpx.HTTPError:
            pass
        assert process.poll() is None, process.stdout.read().decode() if process.stdout else "the process ended"
        time.sleep(0.5)
    pytest.fail(f"{url} did not become ready")


@pytest.fixture(scope="session")
def gradio_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's web app would write what visitors upload (GRADIO_TEMP_DIR)."""
    return tmp_path_factory.mktemp("gradio-temp")


@pytest.fixture(scope="session")
def server(
    corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory, host_origin: str, gradio_temp: Path
) -> Iterator[str]:
    """The web app over the two-edition fixture, for the whole session."""
    with running_app(
        corpus_dir,
        tmp_path_factory.mktemp("web-index"),
        GRADIO_TEMP_DIR=str(gradio_temp),
        REPORTQA_CORS_ORIGINS=host_origin,
        REPORTQA_EMBED_ORIGINS=host_origin,
        REPORTQA_RATE_LIMIT_PER_MINUTE="60",
        REPORTQA_TRUSTED_PROXIES="127.0.0.1",
    ) as url:
        yield url
