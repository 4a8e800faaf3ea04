"""The gate in-process: the time limit stops the work and frees its slot only once it has stopped; the input checks;
the headers; uvicorn's proxy trust."""

import threading
import time

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

from reportqa import inputs
from reportqa.config import Settings
from reportqa.errors import TimedOut
from reportqa.messages.refusals import BAD_TEXT, TIMED_OUT, TOO_MANY_TURNS
from reportqa.web.app import server_options
from reportqa.web.gate import Admission, QuestionGate, SecurityHeaders
from reportqa.web.limits import Slots


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def test_a_work_past_its_deadline_stops_at_its_next_stage_and_then_frees_its_slot() -> None:
    slots = Slots(capacity=1, seconds=0.3)
    work = slots.admit()
    assert work is not None and slots.admit() is None  # the only slot is taken
    ran: list[int] = []

    def stages():  # type: ignore[no-untyped-def]
        for n in range(10):
            time.sleep(0.2)  # one stage of work
            ran.append(n)
            yield n

    with pytest.raises(TimedOut):
        list(work.steps(stages()))
    assert len(ran) <= 3  # stopped at the first stage boundary past 0.3 s, not after ten
    work.close()
    assert slots.in_use() == 0 and slots.admit() is not None


def test_the_slot_stays_taken_while_a_step_runs_past_the_deadline() -> None:
    slots = Slots(capacity=1, seconds=0.1)
    work = slots.admit()
    assert work is not None
    started, release = threading.Event(), threading.Event()

    def long_stage() -> None:
        started.set()
        release.wait(5)

    worker = threading.Thread(target=lambda: pytest.raises(TimedOut, work.step, long_stage))
    worker.start()
    started.wait(5)
    time.sleep(0.3)  # the deadline has passed, the stage still runs: its slot is not given away
    work.close()
    assert slots.in_use() == 1 and slots.admit() is None
    release.set()
    worker.join(5)
    assert slots.in_use() == 0


def test_the_pipeline_checks_between_its_stages(corpus_index: object, corpus_settings: Settings) -> None:
    """A question whose time is up stops before retrieval: no stage after the check runs."""
    from reportqa import answer
    from reportqa.answer.generate import stream_answer

    calls = []
    original = answer.retrieve
    answer.retrieve = lambda *a, **k: calls.append(1) or original(*a, **k)  # type: ignore[assignment]
    try:
        checks = iter([None, TimedOut()])

        def check() -> None:
            step = next(checks, TimedOut())
            if step is not None:
                raise step

        with pytest.raises(TimedOut):
            list(stream_answer(corpus_index, "Combien de retours forcés en 2023 ?", corpus_settings, None, check=check))  # type: ignore[arg-type]
    finally:
        answer.retrieve = original  # type: ignore[assignment]
    assert calls == []


def _slow_app(stage_seconds: float, stages: int, ran: list[int]) -> FastAPI:
    app = FastAPI()

    def work_stages(request: Request):  # type: ignore[no-untyped-def]
        work = request.state.work
        for n in range(stages):
            work.check()
            time.sleep(stage_seconds)
            ran.append(n)
            yield f"data: {n}\n\n"

    @app.post("/api/ask")
    def ask(request: Request) -> StreamingResponse:
        return StreamingResponse(request.state.work.steps(work_stages(request)), media_type="text/event-stream")

    @app.post("/api/check")
    def check(request: Request) -> dict[str, int]:
        for n in range(stages):
            request.state.work.check()
            time.sleep(stage_seconds)
            ran.append(n)
        return {"stages": len(ran)}

    return app


@pytest.mark.anyio
@pytest.mark.parametrize("path", ["/api/check", "/api/ask"])
async def test_the_client_gets_its_answer_at_the_time_limit_and_the_slot_waits_for_the_work(path: str) -> None:
    admission = Admission(_settings(request_timeout=0.5, max_concurrent_requests=1))
    ran: list[int] = []
    gate = QuestionGate(_slow_app(0.2, 20, ran), admission)
    transport = httpx.ASGITransport(app=gate)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        started = time.monotonic()
        reply = await client.post(path, headers={"accept-language": "de"})
        elapsed = time.monotonic() - started
    assert elapsed < 1.5
    if path == "/api/check":
        assert reply.status_code == 504 and reply.json()["detail"] == TIMED_OUT["de"]
    else:
        assert reply.text.endswith(f'event: error\ndata: {{"detail": "{TIMED_OUT["de"]}"}}\n\n')
    assert len(ran) <= 4  # 20 stages asked, stopped within one stage of the deadline
    assert admission.slots.in_use() == 0  # given back: the work has stopped


def test_input_checks_refuse_what_no_person_types() -> None:
    settings = _settings(max_question_chars=50, max_history_turns=3)
    for bad in ("\ud800", "a\x00b", "\x1b[31m"):
        with pytest.raises(inputs.Refused) as refused:
            inputs.question(bad, settings)
        assert refused.value.status == 422 and refused.value.message("nl") == BAD_TEXT["nl"]
    with pytest.raises(inputs.Refused) as refused:
        inputs.question(12, settings)
    assert refused.value.status == 422 and "int" in refused.value.message("fr")
    assert inputs.question("Combien ?\n", settings) == "Combien ?\n"
    with pytest.raises(inputs.Refused) as refused:
        inputs.history([("user", "x")] * 4, settings)
    assert refused.value.status == 413 and refused.value.message("de") == TOO_MANY_TURNS["de"].format(limit=3)
    with pytest.raises(inputs.Refused):
        inputs.history([("user", "x" * 51)], settings)
    assert inputs.history([("user", "a"), ("assistant", "y" * 300)], settings) == ["a"]
    with pytest.raises(inputs.Refused):
        inputs.payload({"data": [["x" * 51]]}, settings)


@pytest.mark.anyio
async def test_every_html_page_gets_frame_ancestors_and_every_response_nosniff() -> None:
    app = FastAPI()

    @app.get("/page")
    def page() -> object:
        from fastapi.responses import HTMLResponse

        return HTMLResponse("<p>x</p>")

    @app.get("/data")
    def data() -> dict[str, int]:
        return {"x": 1}

    guarded = SecurityHeaders(app, ["https://www.example.be"])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=guarded), base_url="http://test") as client:
        html, data_reply = await client.get("/page"), await client.get("/data")
    assert "frame-ancestors 'self' https://www.example.be;" in html.headers["content-security-policy"]
    assert "content-security-policy" not in data_reply.headers
    for reply in (html, data_reply):
        assert reply.headers["x-content-type-options"] == "nosniff" and reply.headers["referrer-policy"]


def test_uvicorn_believes_proxy_headers_only_from_the_trusted_proxies() -> None:
    assert server_options(_settings()) == {"proxy_headers": False, "forwarded_allow_ips": ""}
    trusted = server_options(_settings(trusted_proxies="10.0.0.1, 10.1.0.0/16"))
    assert trusted == {"proxy_headers": True, "forwarded_allow_ips": ["10.0.0.1", "10.1.0.0/16"]}


def test_every_refusal_is_written_in_the_four_languages() -> None:
    from reportqa.messages import refusals

    for catalogue in (
        refusals.BAD_TEXT,
        refusals.BAD_REQUEST,
        refusals.TOO_MANY_TURNS,
        refusals.TURN_TOO_LONG,
        refusals.NOT_AVAILABLE,
    ):
        assert set(catalogue) == {"fr", "nl", "en", "de"} and len(set(catalogue.values())) == 4
