"""Chat-model backends (LangChain), chosen by configuration; none is needed for the offline extractive answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportqa.config import Settings
from reportqa.errors import ConfigError, MissingDependencyError

if TYPE_CHECKING:  # imported only when a model is configured: it costs 0.6 s
    from langchain_core.language_models import BaseChatModel

OLLAMA_URL = "http://127.0.0.1:11434"
# Answers are one to three sentences: a blank line starts a ramble (small models go on to invent more excerpts).
ANSWER_STOP = ["\n\n"]


def chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model, or None for extractive answers (REPORTQA_LLM=none)."""
    if settings.llm == "none":
        return None
    if not settings.llm_model:
        raise ConfigError(f"REPORTQA_LLM={settings.llm} needs REPORTQA_LLM_MODEL (the model's name on the server).")
    if settings.llm == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError:
            raise MissingDependencyError("The OpenAI-compatible chat backend (langchain-openai)", "llm") from None
        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url or None,
            # Local servers (llama.cpp, vLLM) accept any key, but the client insists on one.
            api_key=settings.llm_api_key.get_secret_value() or "not-needed",  # type: ignore[arg-type]
            timeout=_timeout(settings),
            max_retries=0,  # a failure falls back to the extractive answer at once
            temperature=0.0,
            stop_sequences=ANSWER_STOP,
            # Sent as "max_tokens": llama.cpp and older vLLM ignore "max_completion_tokens".
            extra_body={"max_tokens": settings.llm_max_tokens},
        )
    try:
        from langchain_ollama import ChatOllama
    except ImportError:
        raise MissingDependencyError("The Ollama chat backend (langchain-ollama)", "llm") from None
    return ChatOllama(
        model=settings.llm_model,
        base_url=settings.llm_base_url or OLLAMA_URL,
        temperature=0.0,
        num_predict=settings.llm_max_tokens,
        stop=ANSWER_STOP,
        client_kwargs={"timeout": _timeout(settings)},
    )


def _timeout(settings: Settings) -> float:
    """A call to the model never outlives the question's time limit: a read that never returns cannot be
    interrupted by the checks between stages, so the client's own timeout ends it."""
    return min(settings.llm_timeout, settings.request_timeout)


def model_name(chat: BaseChatModel) -> str:
    return str(getattr(chat, "model_name", None) or getattr(chat, "model", None) or type(chat).__name__)
