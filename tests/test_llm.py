import builtins
from typing import Any

import pytest
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

from reportqa.answer.llm import chat_model, model_name
from reportqa.config import Settings
from reportqa.errors import ConfigError, MissingDependencyError


def _settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_no_model_by_default() -> None:
    assert chat_model(_settings()) is None


def test_openai_compatible_server_from_settings() -> None:
    chat = chat_model(
        _settings(llm="openai", llm_base_url="http://10.0.0.5:8000/v1", llm_model="mistral-small", llm_timeout=12)
    )
    assert isinstance(chat, ChatOpenAI) and model_name(chat) == "mistral-small"
    assert chat.openai_api_base == "http://10.0.0.5:8000/v1" and chat.request_timeout == 12 and chat.max_retries == 0
    assert chat.extra_body == {"max_tokens": 350}


def test_ollama_from_settings() -> None:
    chat = chat_model(_settings(llm="ollama", llm_model="mistral", llm_timeout=9))
    assert isinstance(chat, ChatOllama) and chat.base_url == "http://127.0.0.1:11434"
    assert chat.client_kwargs == {"timeout": 9} and model_name(chat) == "mistral"


def test_a_backend_without_a_model_name_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="REPORTQA_LLM_MODEL"):
        chat_model(_settings(llm="openai"))


def test_a_missing_extra_gives_the_install_line(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def without_langchain_openai(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "langchain_openai":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_langchain_openai)
    with pytest.raises(MissingDependencyError, match=r'pip install "reportqa\[llm\]"'):
        chat_model(_settings(llm="openai", llm_model="m"))
