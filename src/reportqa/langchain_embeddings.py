"""Our embedders as LangChain `Embeddings`, for a LangChain application (or langchain-chroma) that opens the index.

Kept out of `embed.py`: importing `langchain_core.embeddings` costs 0.1 s, and answering a question never needs it.
"""

from langchain_core.embeddings import Embeddings

from reportqa.embed import Embedder


class LangChainEmbeddings(Embeddings):
    """Any Embedder as a LangChain `Embeddings`: passages and queries keep their e5 prefixes."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()
