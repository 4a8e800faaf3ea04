"""One ASGI app: the Gradio chat at /, a JSON API under /api, the widget, and the cited documents under /documents.

`create_app` only assembles: the routes (web.routes, web.viewer), the middleware (web.gate, web.limits; each
with its policy in `__init__` and its mechanism in `__call__`) and the chat, built once the server runs
(web.deferred_chat)."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.types import Scope

from reportqa.config import Settings
from reportqa.deployment import deployment_for
from reportqa.messages.refusals import BAD_REQUEST, BODY_TOO_LARGE
from reportqa.service import ReportService
from reportqa.web.deferred_chat import DeferredChat, GradioApp
from reportqa.web.gate import Admission, GradioGate, GradioSurface, QuestionGate, SecurityHeaders, asker
from reportqa.web.limits import HeadAsGet, RequestGuard
from reportqa.web.routes import router
from reportqa.web.viewer import add_viewer

log = logging.getLogger(__name__)


class ChatBuilder:
    """Builds the Gradio chat for an app whose server has started (DeferredChat calls it in a worker thread)."""

    def __init__(self, app: FastAPI, service: ReportService, admission: Admission) -> None:
        self.app = app
        self.service = service
        self.admission = admission

    def __call__(self) -> GradioApp:
        import gradio as gr

        from reportqa.web.ui.blocks import build_ui
        from reportqa.web.ui.page import PAGE_CSS, page_i18n, page_js

        deployment = deployment_for(self.service.settings)
        ui = build_ui(self.service, self.admission)
        # api_open=False: no direct `run/<name>` call skips the queue (GradioGate answers 404 to them anyway).
        ui.queue(max_size=64, default_concurrency_limit=4, api_open=False)
        lifespan_before = self.app.router.lifespan_context
        # max_file_size=1 byte: no component takes a file, and RequestGuard removes the upload route altogether.
        gr.mount_gradio_app(
            self.app,
            ui,
            path="/",
            i18n=page_i18n(deployment),
            footer_links=["api"],
            allowed_paths=[],
            max_file_size=1,
            js=page_js(deployment),
            css=PAGE_CSS,
        )
        # The server has started: Gradio's mount (appended after ours) and its lifespan wrapper would never run,
        # so they come off again and DeferredChat starts the Gradio app and forwards / to it.
        mounted = self.app.router.routes.pop()
        self.app.router.lifespan_context = lifespan_before
        return mounted.app  # type: ignore[attr-defined,no-any-return]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The chat is built and started beside the server; the API answers meanwhile."""
    settings: Settings = app.state.service.settings
    building = asyncio.create_task(app.state.chat.serve(app.state.build_chat))
    log.info(
        "Answering at http://%s:%d/api and the widget at /widget.js; the chat at / is starting",
        settings.host,
        settings.port,
    )
    try:
        yield
    finally:
        building.cancel()
        with suppress(asyncio.CancelledError):
            await building


async def invalid_body(request: Request, error: Exception) -> JSONResponse:
    """A body of the wrong shape (a number for a question, not JSON at all) is a 422 whose `detail` names the field
    in the browser's language, as every other refusal; never a 500."""
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in item.get('loc', ())[1:]) or 'body'}: {item.get('type', 'invalid')}"
        for item in error.errors()[:3]
    )
    detail = BAD_REQUEST[asker(request.scope)].format(problem=problems)
    return JSONResponse({"detail": detail}, status_code=422)


async def refuse(scope: Scope, status: int) -> Response:
    """RequestGuard's answer: an upload route (404) or a body too large (413), in the asker's language."""
    detail = BODY_TOO_LARGE[asker(scope)] if status == 413 else "Not Found"
    return JSONResponse({"detail": detail}, status_code=status)


def create_app(service: ReportService) -> FastAPI:
    """The API, the widget and the documents at once; the Gradio chat at / once built (see DeferredChat)."""
    settings = service.settings
    app = FastAPI(
        title="reportqa",
        version="0.1.0",
        description="Cited answers from the 2023 activity report.",
        lifespan=lifespan,
    )
    admission = Admission(settings)
    app.state.service = service
    app.state.chat = DeferredChat(
        guard=lambda gradio: GradioGate(gradio, GradioSurface.of(gradio.get_blocks()), settings),
        then=service.open_vectors,
    )
    app.state.build_chat = ChatBuilder(app, service, admission)
    app.add_exception_handler(RequestValidationError, invalid_body)
    app.include_router(router)
    add_viewer(app, service)
    # Outermost last: HEAD as GET, the headers, the body guard, CORS (a refusal carries it too), the question gate.
    app.add_middleware(QuestionGate, admission=admission)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "POST"],
        allow_headers=["content-type", "accept"],
    )
    app.add_middleware(RequestGuard, refuse=refuse)
    app.add_middleware(SecurityHeaders, embed_origins=settings.embed_origin_list)
    app.add_middleware(HeadAsGet)
    app.mount("/", app.state.chat)
    return app


def server_options(settings: Settings) -> dict[str, object]:
    """uvicorn believes X-Forwarded-For from the same proxies as the rate limit, and from no one by default (its own
    default believes 127.0.0.1: a client on the same host as the proxy could choose its own address)."""
    trusted = settings.trusted_proxy_list
    return {"proxy_headers": bool(trusted), "forwarded_allow_ips": trusted or ""}


def run_server(settings: Settings) -> None:
    # Start-up says what it is doing (reading, embedding, ready) on stderr; questions are never logged.
    logger = logging.getLogger("reportqa")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("reportqa: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    service = ReportService(settings)
    service.start(vectors_later=True)  # Chroma is opened once the chat is served (importing it takes 0.55 s)
    uvicorn.run(
        create_app(service),
        host=settings.host,
        port=settings.port,
        **server_options(settings),  # type: ignore[arg-type]
        log_level="warning",
        access_log=False,  # no client address or question in any log
        timeout_graceful_shutdown=10,  # a stuck answer does not hold a restart
    )
