"""One ASGI app: the Gradio chat at /, a JSON API under /api, and the cited documents under /documents."""

import asyncio
import html
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Literal

import uvicorn
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from pydantic import BaseModel, Field
from starlette.types import Scope

from reportqa import inputs
from reportqa.analytics import Feedback
from reportqa.config import Language, Settings
from reportqa.deferred_chat import DeferredChat, GradioApp
from reportqa.deployment import deployment_for, official_help
from reportqa.errors import ReportQAError, TimedOut
from reportqa.gate import Admission, GradioGate, GradioSurface, QuestionGate, SecurityHeaders, asker
from reportqa.generate import Event, Reset, Started, Token, final_answer
from reportqa.inputs import Refused
from reportqa.lang import ANSWER_FAILED, BAD_REQUEST, BODY_TOO_LARGE, TIMED_OUT, accepted_language
from reportqa.limits import HeadAsGet, RequestGuard, Work
from reportqa.service import IndexNotReady, ReportService
from reportqa.snapshots import find_document
from reportqa.viewer import VIEW_TEXT, add_viewer

log = logging.getLogger(__name__)


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class FeedbackRequest(BaseModel):
    answer_id: str = Field(min_length=1, max_length=64)
    rating: Literal["up", "down"]
    comment: str = Field("", max_length=500)
    session: str = Field("", max_length=64)


class CheckRequest(BaseModel):
    claim: str = Field(min_length=1)  # its length and characters: `inputs.question`
    lang: Literal["auto", "fr", "nl", "en", "de"] = "auto"


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    lang: Literal["auto", "fr", "nl", "en", "de"] = "auto"
    # Earlier turns, oldest first: plain strings are the user's questions (at most REPORTQA_MAX_HISTORY_TURNS,
    # checked by `inputs.history` so that the refusal is in the asker's language).
    history: list[str | Turn] = Field(default_factory=list)
    # The client's random conversation id; kept (as a keyed hash) only when the operator turned analytics on.
    session: str = Field("", max_length=64)

    def turns(self) -> list[tuple[str, str]]:
        return [("user", turn) if isinstance(turn, str) else (turn.role, turn.content) for turn in self.history]


RETRY = {"Retry-After": "10"}  # while the first index is built


def _document_path(service: ReportService, name: str, version: str = "", language: str = "en") -> Path:
    """The file behind /documents/<doc id>.<ext>, looked up in the manifest: never a user-supplied path. The copy
    kept with the live index (of `version` when a citation names one: the file it was drawn from), else docs/."""
    manifest = service.manifest
    doc_id, _, extension = name.rpartition(".")
    if re.fullmatch(r"[0-9a-f]{0,64}", version) is None:
        raise HTTPException(status_code=404, detail="No such document")
    kept = find_document(service.settings.index_dir, doc_id, f".{extension}", version)
    if kept is not None:
        return kept.path
    if version:  # the index built from that file is gone: never another version at the same page
        raise HTTPException(status_code=404, detail=VIEW_TEXT[language]["gone"])
    for document in manifest.documents if manifest else []:
        path = (service.settings.docs_dir / document.file).resolve()
        if document.doc_id == doc_id and path.suffix.lower() == f".{extension.lower()}":
            if path.is_relative_to(service.settings.docs_dir.resolve()) and path.is_file():
                return path
    raise HTTPException(status_code=404, detail="No such document")


EMBED_TEXT = {
    "fr": {
        "title": "Rapport d'activité 2023",
        "placeholder": "Votre question sur le rapport d'activité 2023",
        "send": "Envoyer",
        "failed": "Le service ne répond pas, réessayez plus tard.",
        "notice": "Assistant IA : réponses tirées du rapport uniquement, avec leurs sources. "
        "Ce n'est pas un avis juridique (aide officielle : {help}).",
    },
    "nl": {
        "title": "Activiteitenverslag 2023",
        "placeholder": "Uw vraag over het activiteitenverslag 2023",
        "send": "Verzenden",
        "failed": "De dienst antwoordt niet, probeer later opnieuw.",
        "notice": "AI-assistent: antwoorden enkel uit het verslag, met bronnen. "
        "Dit is geen juridisch advies (officiële hulp: {help}).",
    },
    "en": {
        "title": "Activity report 2023",
        "placeholder": "Your question on the 2023 activity report",
        "send": "Send",
        "failed": "The service does not answer, try again later.",
        "notice": "AI assistant: answers from the report only, with sources. "
        "Not legal advice (official help: {help}).",
    },
}
STREAM_WORDS = 4


def _static(name: str) -> str:
    return resources.files("reportqa").joinpath(f"static/{name}").read_text("utf-8")


def embed_page(language: str, settings: Settings) -> str:
    page_language = language if language in ("fr", "nl", "en") else "fr" if language == "auto" else "en"
    text = EMBED_TEXT[page_language]
    help_desk = official_help(deployment_for(settings), page_language)  # type: ignore[arg-type]
    values = {
        **text,
        "notice": text["notice"].format(help=help_desk),
        "lang": language if language in ("fr", "nl", "en") else "auto",
        "max_chars": str(settings.max_question_chars),
        "feedback": "true" if settings.analytics else "false",
        "root": settings.public_url,
    }
    page = _static("embed.html")
    for key, value in values.items():
        page = page.replace("{{" + key + "}}", html.escape(value, quote=True))
    return page


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _word_tokens(text: str) -> Iterator[str]:
    words = text.split(" ")
    for start in range(0, len(words), STREAM_WORDS):
        piece = " ".join(words[start : start + STREAM_WORDS])
        yield _event("token", piece + (" " if start + STREAM_WORDS < len(words) else ""))


def answer_events(events: Iterator[Event]) -> Iterator[str]:
    """Server-sent events: meta, the answer in pieces (token; a generated answer as the model writes it, and
    `reset` when a draft is set aside), then the citations, then done with the final answer and which path gave it.
    The tokens since the last reset always add up to the final answer."""
    languages: list[Language] = []
    try:
        yield from _answer_events(events, languages)
    except TimedOut:  # the time limit stopped the work between two stages
        yield _event("error", {"detail": TIMED_OUT[languages[0] if languages else "en"]})
    except Exception as error:  # the index or the vector store failed mid-answer: the client gets a last event
        log.warning("an answer stream failed: %s", type(error).__name__)
        yield _event("error", {"detail": ANSWER_FAILED[languages[0] if languages else "en"]})


def _answer_events(events: Iterator[Event], languages: list[Language]) -> Iterator[str]:
    streamed = ""
    for event in events:
        if isinstance(event, Started):
            languages.append(event.language)
            yield _event("meta", asdict(event))
        elif isinstance(event, Token):
            streamed += event.text
            yield _event("token", event.text)
        elif isinstance(event, Reset):
            streamed = ""
            yield _event("reset", {"reason": event.reason})
        else:
            data = event.to_dict()
            if streamed != event.answer:
                if streamed:
                    yield _event("reset", {"reason": "the final answer is formatted differently"})
                yield from _word_tokens(event.answer)
            yield _event("citations", {"citations": data["citations"], "see_also": data["see_also"]})
            done = (
                "answer",
                "refused",
                "mode",
                "model",
                "notice",
                "fallback_reason",
                "guard_failures",
                "answer_id",
                "timings_ms",
            )
            yield _event("done", {key: data[key] for key in done})


def _refusals_in_the_askers_language(app: FastAPI) -> None:
    """A body of the wrong shape (a number for a question, not JSON at all) is a 422 whose `detail` names the field
    in the browser's language, as every other refusal; never a 500."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item.get('loc', ())[1:]) or 'body'}: {item.get('type', 'invalid')}"
            for item in error.errors()[:3]
        )
        detail = BAD_REQUEST[asker(request.scope)].format(problem=problems)
        return JSONResponse({"detail": detail}, status_code=422)


def create_app(service: ReportService) -> FastAPI:
    """The API, the widget and the documents at once; the Gradio chat at / once built (see DeferredChat)."""
    settings = service.settings
    chat = DeferredChat(guard=lambda gradio: GradioGate(gradio, GradioSurface.of(gradio.get_blocks()), settings))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        building = asyncio.create_task(chat.serve(build_chat))
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

    app = FastAPI(
        title="reportqa",
        version="0.1.0",
        description="Cited answers from the 2023 activity report.",
        lifespan=lifespan,
    )
    frame_ancestors = " ".join(["'self'", *settings.embed_origin_list])
    admission = Admission(settings)
    _refusals_in_the_askers_language(app)

    @app.get("/embed", response_class=HTMLResponse)
    def embed(lang: Literal["auto", "fr", "nl", "en"] = "auto") -> HTMLResponse:
        """The compact chat for the widget's frame (380×600)."""
        policy = (
            f"frame-ancestors {frame_ancestors}; default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; connect-src 'self'"
        )
        return HTMLResponse(embed_page(lang, settings), headers={"Content-Security-Policy": policy})

    @app.get("/widget.js")
    def widget() -> Response:
        return Response(
            _static("widget.js"),
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "public, max-age=300"},
        )

    @app.get("/api/health")
    async def health() -> dict[str, object]:
        """On the event loop itself: it never waits for a worker thread that answering has taken (load balancers
        give it a second or so). `status` "ok" while answers are served, even from the previous index during a
        rebuild; `serving` and `rebuilding` apart, with the rebuild's progress."""
        status = service.status
        return {
            "status": "ok" if service.serving else "indexing",
            "serving": service.serving,
            "rebuilding": service.rebuilding,
            "progress": round(status.fraction, 3),
            "message": status.message,
            "chat": chat.state,
        }

    @app.get("/api/documents")
    def documents() -> dict[str, object]:
        manifest = service.manifest
        return {
            "documents": [vars(d) for d in manifest.documents] if manifest else [],
            "has_report": bool(manifest and manifest.has_report()),
            "errors": manifest.errors if manifest else [],
        }

    @app.post("/api/ask", response_model=None)
    def ask(request: AskRequest, http: Request) -> dict[str, object] | StreamingResponse:
        """The `ask --json` object; with `Accept: text/event-stream`, the answer streamed, then its citations."""
        language = asker(http.scope, request.lang, request.question)
        work: Work = http.state.work
        try:
            question = inputs.question(request.question, settings)
            earlier = inputs.history(request.turns(), settings)
            chosen = None if request.lang == "auto" else request.lang
            events = service.ask_stream(question, chosen, earlier, request.session, check=work.check)
            if "text/event-stream" in http.headers.get("accept", ""):
                return StreamingResponse(
                    answer_events(work.steps(events)),
                    media_type="text/event-stream",
                    headers={"Cache-Control": "no-store"},
                )
            return final_answer(work.steps(events)).to_dict()
        except IndexNotReady as error:
            raise HTTPException(503, error.message(language), headers=RETRY) from None
        except (Refused, TimedOut) as error:
            raise HTTPException(getattr(error, "status", 504), error.message(language)) from None
        except ReportQAError as error:
            raise HTTPException(400, str(error)) from None

    @app.post("/api/feedback", status_code=204)
    def feedback(request: FeedbackRequest, http: Request) -> Response:
        """Thumbs up or down on an answer, with an optional comment; only when the operator turned analytics on."""
        if not service.analytics.enabled:
            raise HTTPException(404, "Feedback is not collected on this server.")
        try:
            comment = inputs.text(request.comment, 500)
        except Refused as error:
            raise HTTPException(error.status, error.message(asker(http.scope))) from None
        rating = 1 if request.rating == "up" else -1
        service.feedback(request.session, Feedback(request.answer_id, rating, comment))
        return Response(status_code=204)

    @app.post("/api/check")
    def check(request: CheckRequest, http: Request) -> dict[str, object]:
        """Check a claim against the report: supported, contradicted or not_found, with the evidence."""
        language = asker(http.scope, request.lang, request.claim)
        work: Work = http.state.work
        try:
            claim = inputs.question(request.claim, settings)
            chosen = None if request.lang == "auto" else request.lang
            return work.step(lambda: service.check(claim, chosen, work.check).to_dict())
        except IndexNotReady as error:
            raise HTTPException(503, error.message(language), headers=RETRY) from None
        except (Refused, TimedOut) as error:
            raise HTTPException(getattr(error, "status", 504), error.message(language)) from None

    @app.get("/documents/{name}", response_model=None)
    def document(name: str, http: Request, v: str = "") -> FileResponse | PlainTextResponse:
        path = _document_path(service, name, v, accepted_language(http.headers.get("accept-language", "")))
        if path.suffix.lower() == ".md":
            return PlainTextResponse(path.read_text(encoding="utf-8"), media_type="text/plain; charset=utf-8")
        return FileResponse(path, media_type="application/pdf", headers={"Content-Disposition": "inline"})

    async def refuse(scope: Scope, status: int) -> Response:
        language = asker(scope)
        return JSONResponse({"detail": BODY_TOO_LARGE[language] if status == 413 else "Not Found"}, status_code=status)

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

    def build_chat() -> GradioApp:
        import gradio as gr

        from reportqa.ui import PAGE_CSS, build_ui, page_i18n, page_js

        ui = build_ui(service, admission)
        # api_open=False: no direct `run/<name>` call skips the queue (GradioGate answers 404 to them anyway).
        ui.queue(max_size=64, default_concurrency_limit=4, api_open=False)
        lifespan_before = app.router.lifespan_context
        # max_file_size=1 byte: no component takes a file, and RequestGuard removes the upload route altogether.
        gr.mount_gradio_app(
            app,
            ui,
            path="/",
            i18n=page_i18n(deployment_for(settings)),
            footer_links=["api"],
            allowed_paths=[],
            max_file_size=1,
            js=page_js(deployment_for(settings)),
            css=PAGE_CSS,
        )
        # The server has started: Gradio's mount (appended after ours) and its lifespan wrapper would never run,
        # so they come off again and DeferredChat starts the Gradio app and forwards / to it.
        mounted = app.router.routes.pop()
        app.router.lifespan_context = lifespan_before
        return mounted.app  # type: ignore[attr-defined,no-any-return]

    app.mount("/", chat)
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
    try:
        service.start()
    except ReportQAError:
        raise
    uvicorn.run(
        create_app(service),
        host=settings.host,
        port=settings.port,
        **server_options(settings),  # type: ignore[arg-type]
        log_level="warning",
        access_log=False,  # no client address or question in any log
        timeout_graceful_shutdown=10,  # a stuck answer does not hold a restart
    )
