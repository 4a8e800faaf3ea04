"""Chroma in client/server mode (REPORTQA_CHROMA_URL) against a real `chroma run` on 127.0.0.1, started here."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest
from conftest import free_port, running_server

from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.errors import IndexBuildError
from reportqa.index import build_index, open_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    command = [shutil.which("chroma") or "chroma", "run", "--path", str(folder / "data")]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running_server(command, f"{url}/api/v2/heartbeat", lambda reply: reply.status_code == 200, folder / "log"):
        yield url


def _collections(url: str) -> set[str]:
    client = chromadb.HttpClient(host="127.0.0.1", port=int(url.rsplit(":", 1)[1]))
    return {collection.name for collection in client.list_collections()}


def test_the_index_lives_on_the_chroma_server(corpus_dir: Path, tmp_path: Path, chroma_url: str) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(corpus_dir, docs)
    settings = Settings(docs_dir=docs, index_dir=tmp_path / "index", chroma_url=chroma_url, _env_file=None)  # type: ignore[call-arg]

    first = build_index(settings)
    live = (settings.index_dir / "current").resolve()
    assert not (live / "chroma").exists() and f"reportqa-{live.name}" in _collections(chroma_url)
    answer = answer_question(open_index(settings), "Combien de retours forcés y a-t-il eu en 2023 ?", settings)
    assert "2 345" in answer.answer and answer.citations[0].page == "2"

    again = build_index(settings)  # unchanged documents: every vector comes back from the server
    assert again.embedded == 0 and again.chunks == first.chunks

    (docs / "verslag-test-nl.pdf").unlink()
    third = build_index(settings)
    assert third.chunks < first.chunks
    names = _collections(chroma_url)
    # The live build and the one it replaced (a replica may still read it) stay; the first build is dropped.
    assert f"reportqa-{live.name}" not in names and len({n for n in names if n.startswith("reportqa-")}) == 2
    index = open_index(settings)
    assert index.vectors.count() == third.chunks


def test_a_collection_missing_on_the_server_is_a_damaged_index(
    corpus_dir: Path, tmp_path: Path, chroma_url: str
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(corpus_dir, docs)
    settings = Settings(docs_dir=docs, index_dir=tmp_path / "index", chroma_url=chroma_url, _env_file=None)  # type: ignore[call-arg]
    build_index(settings)
    live = (settings.index_dir / "current").resolve()
    chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1])).delete_collection(
        f"reportqa-{live.name}"
    )
    with pytest.raises(IndexBuildError, match="is damaged"):
        open_index(settings)
