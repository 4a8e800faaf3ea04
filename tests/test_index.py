import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from chromadb.api.client import SharedSystemClient
from samplepdf import long_report, write_report

from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.embed import make_embedder
from reportqa.errors import IndexBuildError
from reportqa.index import QUERY_CACHE, LoadedIndex, VectorCache, build_index, is_stale, open_index, read_manifest
from reportqa.index.vectors import vector_store
from reportqa.service import ReportService

pytestmark = pytest.mark.slow


@pytest.fixture
def own_corpus(corpus_dir: Path, tmp_path: Path) -> Settings:
    docs = tmp_path / "docs"
    shutil.copytree(corpus_dir, docs)
    return Settings(docs_dir=docs, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]


def test_reingesting_unchanged_documents_changes_nothing(own_corpus: Settings) -> None:
    first = build_index(own_corpus)
    assert first.embedded == first.chunks > 0 and not first.errors
    assert not is_stale(own_corpus)
    before = open_index(own_corpus)
    second = build_index(own_corpus)
    after = open_index(own_corpus)
    assert second.embedded == 0  # every vector reused
    assert set(after.chunks) == set(before.chunks)
    assert after.vectors.get()["ids"] and set(after.vectors.get()["ids"]) == set(before.chunks)


def test_replacing_a_document_leaves_no_stale_chunks(own_corpus: Settings) -> None:
    build_index(own_corpus)
    old_ids = {i for i in open_index(own_corpus).chunks if i.startswith("announcement-2023-fr:")}
    path = own_corpus.docs_dir / "announcement-2023.fr.md"
    path.write_text(path.read_text(encoding="utf-8").replace("près de 4 000", "près de 4 100"), encoding="utf-8")
    assert is_stale(own_corpus)
    manifest = build_index(own_corpus)
    index = open_index(own_corpus)
    new_ids = {i for i in index.chunks if i.startswith("announcement-2023-fr:")}
    assert 0 < manifest.embedded < manifest.chunks  # only the changed paragraph is embedded again
    assert old_ids - new_ids and not (old_ids - new_ids) & set(index.vectors.get()["ids"])
    assert any("4 100" in c.text for c in index.chunks.values())
    assert not any("près de 4 000" in c.text for c in index.chunks.values())


def test_removing_a_document_removes_its_chunks(own_corpus: Settings) -> None:
    build_index(own_corpus)
    (own_corpus.docs_dir / "verslag-test-nl.pdf").unlink()
    build_index(own_corpus)
    index = open_index(own_corpus)
    assert not any(c.doc_id == "verslag-test-nl" for c in index.chunks.values())
    assert all(not i.startswith("verslag-test-nl:") for i in index.vectors.get()["ids"])


def test_a_failed_build_keeps_the_last_good_index(own_corpus: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    good = build_index(own_corpus)
    (own_corpus.docs_dir / "new.md").write_text("---\nlanguage: fr\n---\nUn nouveau texte.", encoding="utf-8")
    embedder = make_embedder(own_corpus.embeddings)

    def broken(texts: list[str]) -> None:
        raise RuntimeError("embedding engine crashed")

    monkeypatch.setattr(embedder, "embed_passages", broken)
    with pytest.raises(IndexBuildError, match="previous index is kept"):
        build_index(own_corpus)
    monkeypatch.undo()
    assert read_manifest(own_corpus) == good
    assert len(open_index(own_corpus).chunks) == good.chunks
    assert len(list((own_corpus.index_dir / "builds").iterdir())) == 1  # the failed build was cleaned up


def test_bad_files_are_reported_and_the_rest_is_indexed(own_corpus: Settings) -> None:
    (own_corpus.docs_dir / "zero.pdf").write_bytes(b"")
    (own_corpus.docs_dir / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    manifest = build_index(own_corpus)
    assert len(manifest.errors) == 2 and any("zero.pdf" in e for e in manifest.errors)
    assert {d.doc_id for d in manifest.documents} >= {"rapport-test-fr", "verslag-test-nl"}


def test_a_damaged_index_is_detected_as_stale(own_corpus: Settings) -> None:
    build_index(own_corpus)
    (own_corpus.index_dir / "current" / "manifest.json").unlink()
    assert is_stale(own_corpus)
    with pytest.raises(IndexBuildError):
        open_index(own_corpus)


def test_an_empty_docs_folder_builds_an_empty_index(tmp_path: Path) -> None:
    settings = Settings(docs_dir=tmp_path / "nothing", index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    manifest = build_index(settings)
    assert manifest.documents == [] and manifest.chunks == 0 and not manifest.has_report()


def test_a_500_page_report_is_indexed_and_answered(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write_report(long_report(500), docs / "rapport-long-fr.pdf")
    settings = Settings(docs_dir=docs, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    manifest = build_index(settings)
    assert manifest.pages == 503 and manifest.chunks >= 500 and not manifest.errors
    answer = answer_question(
        open_index(settings), "Combien de dossiers le bureau régional numéro 437 a-t-il traités ?", settings
    )
    assert answer.answer.startswith("En 2023, le bureau régional numéro 437 a traité 4059 dossiers")
    assert (answer.citations[0].page, answer.citations[0].section) == ("437", "44")


def test_emptying_the_docs_folder_keeps_the_previous_index(own_corpus: Settings) -> None:
    build_index(own_corpus)
    for path in own_corpus.docs_dir.iterdir():
        path.unlink()
    with pytest.raises(IndexBuildError, match="No readable document .*the previous index is kept"):
        build_index(own_corpus)
    assert len(open_index(own_corpus).manifest.documents) == 4


@pytest.mark.parametrize("damage", ["vectors deleted", "manifest cut"])
def test_a_damaged_index_is_rebuilt_at_start(own_corpus: Settings, damage: str) -> None:
    build_index(own_corpus)
    live = (own_corpus.index_dir / "current").resolve()
    if damage == "vectors deleted":
        shutil.rmtree(live / "chroma")
    else:
        (live / "manifest.json").write_text('{"files": {', encoding="utf-8")
    SharedSystemClient.clear_system_cache()  # as in a new process
    with pytest.raises(IndexBuildError, match="is damaged"):
        open_index(own_corpus)
    service = ReportService(own_corpus)
    service.start(wait=True)
    assert service.status.ready and service.ask("Combien de retours forcés y a-t-il eu en 2023 ?").citations
    assert (own_corpus.index_dir / "current").resolve() != live


def test_vectors_opened_later_are_checked_and_a_damaged_collection_rebuilt(own_corpus: Settings) -> None:
    """The web app opens Chroma once its chat is served: the index opens without it, and a collection found damaged
    then (gone from the Chroma folder) sets the index aside and rebuilds it, as a damaged index at start is."""
    build_index(own_corpus)
    live = (own_corpus.index_dir / "current").resolve()
    client, name = vector_store(own_corpus, live)
    client.delete_collection(name)
    SharedSystemClient.clear_system_cache()  # as in a new process
    assert open_index(own_corpus, vectors_later=True).manifest.chunks  # Chroma is not read yet
    with pytest.raises(IndexBuildError, match="is damaged"):
        open_index(own_corpus)
    service = ReportService(own_corpus)
    service.start(vectors_later=True)
    assert service.serving
    service.open_vectors()
    assert service._builder is not None
    service._builder.join()
    assert service.status.ready and service.ask("Combien de retours forcés y a-t-il eu en 2023 ?").citations
    assert (own_corpus.index_dir / "current").resolve() != live


class _CountingEmbedder:
    """Instant vectors, so that threads meet in the cache rather than in the model."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.full(4, len(text), dtype=np.float32)


def test_question_vectors_are_cached_safely_across_threads(corpus_index: LoadedIndex) -> None:
    # The server answers in worker threads: an eviction while another thread added a vector once raised
    # "dictionary changed size during iteration" under load.
    index = replace(corpus_index, embedder=_CountingEmbedder(), _queries=VectorCache(QUERY_CACHE))
    questions = [f"Combien de visas en {year} ?" for year in range(1000, 1000 + 3 * QUERY_CACHE)]

    def ask_all(offset: int) -> bool:
        order = questions[offset:] + questions[:offset]
        return all(float(index.query_vector(q)[0]) == len(q) for _ in range(20) for q in order)

    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads interleave at almost every bytecode, as they can on a busy server
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert all(pool.map(ask_all, range(0, 8 * 7, 7)))
    finally:
        sys.setswitchinterval(switching)
    assert len(index._queries) <= QUERY_CACHE


class _RecordingEmbedder:
    """The real embedder, recording which passages it was asked to embed."""

    def __init__(self, embedder: object) -> None:
        self.embedder = embedder
        self.embedded: list[str] = []

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        return self.embedder.embed_passages(texts)  # type: ignore[attr-defined,no-any-return]

    def embed_query(self, text: str) -> np.ndarray:
        return self.embedder.embed_query(text)  # type: ignore[attr-defined,no-any-return]


def test_sentence_vectors_are_the_embedders_and_each_sentence_is_embedded_once(corpus_index: LoadedIndex) -> None:
    recording = _RecordingEmbedder(corpus_index.embedder)
    index = replace(corpus_index, embedder=recording, _sentences=VectorCache(2))
    first = ["Les retours forcés ont augmenté.", "Het aantal visa steeg.", "Les retours forcés ont augmenté."]
    vectors = index.sentence_vectors(first)
    assert np.allclose(vectors, corpus_index.embedder.embed_passages(first))
    assert recording.embedded == first[:2]  # the repeated sentence once
    index.sentence_vectors(first[:2])
    assert recording.embedded == first[:2]  # both kept
    index.sentence_vectors(["Une autre phrase."])  # the cache holds two: the oldest goes
    assert len(index._sentences) == 2
    assert np.allclose(index.sentence_vectors(first[:1]), vectors[:1]) and recording.embedded[-1] == first[0]


def test_word_weights_are_stored_with_the_build_and_computed_for_an_older_one(own_corpus: Settings) -> None:
    build_index(own_corpus)
    stored = open_index(own_corpus).idf
    assert stored["fr"] and stored["nl"]
    (own_corpus.index_dir / "current" / "idf.json").unlink()  # a build from before the file was written
    assert open_index(own_corpus).idf == stored
