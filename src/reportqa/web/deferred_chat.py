"""The Gradio chat at /, mounted once it is built. Importing Gradio alone takes 3–4 s on two cores, and the JSON
API, the widget and the health check need none of it, so they answer first and the chat follows a few seconds
later; until then / says so in the visitor's language and reloads itself."""

import asyncio
import html
import logging
from collections.abc import Callable
from typing import Literal, Protocol

from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from reportqa.language.detect import accepted_language
from reportqa.messages.refusals import CHAT_FAILED, CHAT_STARTING

log = logging.getLogger(__name__)

RELOAD_SECONDS = 2


class GradioApp(Protocol):
    """What the chat needs of the app `gradio.mount_gradio_app` builds: an ASGI app with a lifespan and blocks."""

    router: object

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None: ...

    def get_blocks(self) -> object: ...


class DeferredChat:
    """An ASGI app for /: a "starting" page until `serve` has built and started the Gradio app, then the chat."""

    def __init__(
        self, guard: Callable[[GradioApp], ASGIApp] = lambda app: app, then: Callable[[], None] = lambda: None
    ) -> None:
        """`guard`: what stands in front of the Gradio app once it is built (see gate.GradioGate); `then`: work left
        until the chat is served (run in a worker thread, whether the chat could be built or not)."""
        self.guard = guard
        self.then = then
        self.app: ASGIApp | None = None
        self.state: Literal["starting", "ready", "failed"] = "starting"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.app is not None:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1013})  # "try again later"
            return
        headers = dict(scope.get("headers") or [])
        language = accepted_language(headers.get(b"accept-language", b"").decode("latin-1"))
        message = (CHAT_STARTING if self.state == "starting" else CHAT_FAILED)[language]  # type: ignore[index]
        reload = f'<meta http-equiv="refresh" content="{RELOAD_SECONDS}">' if self.state == "starting" else ""
        page = (
            f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">{reload}'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>reportqa</title></head><body><p>{html.escape(message)}</p></body></html>"
        )
        response = HTMLResponse(
            page, status_code=503, headers={"Retry-After": str(RELOAD_SECONDS), "Cache-Control": "no-store"}
        )
        await response(scope, receive, send)

    async def serve(self, build: Callable[[], GradioApp]) -> None:
        """Build the Gradio app in a worker thread, run its start-up inside its own lifespan, serve it until
        cancelled (at shutdown). A failure leaves the API running and / saying that the chat could not start."""
        try:
            gradio_app = await asyncio.to_thread(build)
        except Exception:
            log.exception("The chat could not be built; the JSON API and the widget still answer")
            self.state = "failed"
            await asyncio.to_thread(self.then)
            return
        async with gradio_app.router.lifespan_context(gradio_app):  # type: ignore[attr-defined]
            blocks = gradio_app.get_blocks()
            blocks.run_startup_events()  # type: ignore[attr-defined]
            await blocks.run_extra_startup_events()  # type: ignore[attr-defined]
            self.app = self.guard(gradio_app)
            self.state = "ready"
            log.info("Chat ready at /")
            await asyncio.to_thread(self.then)
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                log.debug("shutting down: Gradio's lifespan ends normally, so its clean-up runs")
