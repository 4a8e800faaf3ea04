"""The chat at / is mounted once built: until then / says so in the visitor's language, and a build that fails
leaves the API running. The real Gradio app behind it is driven in a browser by test_web and test_widget."""

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from reportqa.web.deferred_chat import DeferredChat


class FakeBlocks:
    def __init__(self) -> None:
        self.started: list[str] = []

    def run_startup_events(self) -> None:
        self.started.append("startup")

    async def run_extra_startup_events(self) -> None:
        self.started.append("extra")


class FakeGradioApp(Starlette):
    """A stand-in with the two things DeferredChat uses: a lifespan and the blocks to start."""

    def __init__(self) -> None:
        self.blocks = FakeBlocks()
        self.lifespan_events: list[str] = []

        @asynccontextmanager
        async def lifespan(_: Starlette) -> AsyncIterator[None]:
            self.lifespan_events.append("enter")
            yield
            self.lifespan_events.append("exit")

        super().__init__(routes=[Route("/", lambda _: PlainTextResponse("the chat"))], lifespan=lifespan)

    def get_blocks(self) -> FakeBlocks:
        return self.blocks


def _app_with(chat: DeferredChat, build) -> Starlette:  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        import asyncio

        task = asyncio.create_task(chat.serve(build))
        yield
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

    return Starlette(
        routes=[Route("/api/health", lambda _: PlainTextResponse(chat.state)), Mount("/", chat)], lifespan=lifespan
    )


def _wait_for(condition, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_until_the_chat_is_built_the_page_says_so_in_the_visitors_language_and_then_serves_the_chat() -> None:
    left: list[str] = []  # what was left until the chat is served (the web app opens Chroma then)
    chat, release, gradio_app = DeferredChat(then=lambda: left.append(chat.state)), threading.Event(), FakeGradioApp()

    def build() -> FakeGradioApp:
        release.wait(10)
        return gradio_app

    with TestClient(_app_with(chat, build)) as client:
        dutch = client.get("/", headers={"Accept-Language": "nl-BE,nl;q=0.9"})
        french = client.get("/some/chat/asset.js", headers={"Accept-Language": "fr"})
        assert client.get("/api/health").text == "starting"  # the rest of the app answers meanwhile
        assert dutch.status_code == french.status_code == 503 and dutch.headers["retry-after"] == "2"
        assert "De chat wordt gestart" in dutch.text and 'lang="nl"' in dutch.text
        assert 'http-equiv="refresh"' in dutch.text
        assert "Le chat démarre" in french.text
        assert left == []
        release.set()
        _wait_for(lambda: chat.state == "ready")
        served = client.get("/")
        assert served.status_code == 200 and served.text == "the chat"
        assert gradio_app.blocks.started == ["startup", "extra"] and gradio_app.lifespan_events == ["enter"]
        _wait_for(lambda: left == ["ready"])
    _wait_for(lambda: gradio_app.lifespan_events == ["enter", "exit"])  # the chat's lifespan ends with the server's


def test_a_chat_that_fails_to_build_leaves_the_api_answering_and_says_so_without_reloading() -> None:
    left: list[str] = []
    chat = DeferredChat(then=lambda: left.append(chat.state))

    def build() -> FakeGradioApp:
        raise RuntimeError("gradio is broken")

    with TestClient(_app_with(chat, build)) as client:
        _wait_for(lambda: chat.state == "failed")
        page = client.get("/", headers={"Accept-Language": "de"})
        assert client.get("/api/health").text == "failed"
        _wait_for(lambda: left == ["failed"])  # the API still needs what was left
    assert page.status_code == 503 and "Der Chat konnte nicht starten" in page.text
    assert "refresh" not in page.text and "RuntimeError" not in page.text
