"""The JSON API (/api/…), the widget (/embed, /widget.js) and the cited documents (/documents/…). Each route finds
the running `ReportService` (and the chat's state) in `app.state`, set by `web.app.create_app`."""

import re
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response, StreamingResponse

from reportqa import inputs
from reportqa.analytics import Feedback
from reportqa.answer.generate import final_answer
from reportqa.errors import ReportQAError, TimedOut
from reportqa.inputs import Refused
from reportqa.language.detect import accepted_language
from reportqa.messages.viewer import VIEW_TEXT
from reportqa.service import IndexNotReady, ReportService
from reportqa.snapshots import find_document
from reportqa.web.embed import embed_page, embed_policy, static_text
from reportqa.web.events import answer_events
from reportqa.web.gate import asker
from reportqa.web.limits import Work
from reportqa.web.schemas import AskRequest, CheckRequest, FeedbackRequest

RETRY = {"Retry-After": "10"}  # while the first index is built

router = APIRouter()


def _service(http: Request) -> ReportService:
    return http.app.state.service  # type: ignore[no-any-return]


def document_path(service: ReportService, name: str, version: str = "", language: str = "en") -> Path:
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


@router.get("/embed", response_class=HTMLResponse)
def embed(http: Request, lang: Literal["auto", "fr", "nl", "en"] = "auto") -> HTMLResponse:
    """The compact chat for the widget's frame (380×600)."""
    settings = _service(http).settings
    return HTMLResponse(embed_page(lang, settings), headers={"Content-Security-Policy": embed_policy(settings)})


@router.get("/widget.js")
def widget() -> Response:
    return Response(
        static_text("widget.js"),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/api/health")
async def health(http: Request) -> dict[str, object]:
    """On the event loop itself: it never waits for a worker thread that answering has taken (load balancers
    give it a second or so). `status` "ok" while answers are served, even from the previous index during a
    rebuild; `serving` and `rebuilding` apart, with the rebuild's progress."""
    service = _service(http)
    status = service.status
    return {
        "status": "ok" if service.serving else "indexing",
        "serving": service.serving,
        "rebuilding": service.rebuilding,
        "progress": round(status.fraction, 3),
        "message": status.message,
        "chat": http.app.state.chat.state,
    }


@router.get("/api/documents")
def documents(http: Request) -> dict[str, object]:
    manifest = _service(http).manifest
    return {
        "documents": [vars(d) for d in manifest.documents] if manifest else [],
        "has_report": bool(manifest and manifest.has_report()),
        "errors": manifest.errors if manifest else [],
    }


@router.post("/api/ask", response_model=None)
def ask(request: AskRequest, http: Request) -> dict[str, object] | StreamingResponse:
    """The `ask --json` object; with `Accept: text/event-stream`, the answer streamed, then its citations."""
    service = _service(http)
    language = asker(http.scope, request.lang, request.question)
    work: Work = http.state.work
    try:
        question = inputs.question(request.question, service.settings)
        earlier = inputs.history(request.turns(), service.settings)
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


@router.post("/api/feedback", status_code=204)
def feedback(request: FeedbackRequest, http: Request) -> Response:
    """Thumbs up or down on an answer, with an optional comment; only when the operator turned analytics on."""
    service = _service(http)
    if not service.analytics.enabled:
        raise HTTPException(404, "Feedback is not collected on this server.")
    try:
        comment = inputs.comment(request.comment)
    except Refused as error:
        raise HTTPException(error.status, error.message(asker(http.scope))) from None
    rating = 1 if request.rating == "up" else -1
    service.feedback(request.session, Feedback(request.answer_id, rating, comment))
    return Response(status_code=204)


@router.post("/api/check")
def check(request: CheckRequest, http: Request) -> dict[str, object]:
    """Check a claim against the report: supported, contradicted or not_found, with the evidence."""
    service = _service(http)
    language = asker(http.scope, request.lang, request.claim)
    work: Work = http.state.work
    try:
        claim = inputs.question(request.claim, service.settings)
        chosen = None if request.lang == "auto" else request.lang
        return work.step(lambda: service.check(claim, chosen, work.check).to_dict())
    except IndexNotReady as error:
        raise HTTPException(503, error.message(language), headers=RETRY) from None
    except (Refused, TimedOut) as error:
        raise HTTPException(getattr(error, "status", 504), error.message(language)) from None


@router.get("/documents/{name}", response_model=None)
def document(name: str, http: Request, v: str = "") -> FileResponse | PlainTextResponse:
    language = accepted_language(http.headers.get("accept-language", ""))
    path = document_path(_service(http), name, v, language)
    if path.suffix.lower() == ".md":
        return PlainTextResponse(path.read_text(encoding="utf-8"), media_type="text/plain; charset=utf-8")
    return FileResponse(path, media_type="application/pdf", headers={"Content-Disposition": "inline"})
