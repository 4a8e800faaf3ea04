"""One ASGI app: the Gradio chat at /, a JSON API under /api, and the cited documents under /documents."""

from pathlib import Path
from typing import Literal

import gradio as gr
import uvicorn
from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse
from pydantic import BaseModel, Field

from reportqa.config import Settings
from reportqa.errors import ReportQAError
from reportqa.service import IndexNotReady, ReportService
from reportqa.ui import I18N, build_ui


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    lang: Literal["auto", "fr", "nl", "en", "de"] = "auto"
    # Earlier turns, oldest first: plain strings are the user's questions.
    history: list[str | Turn] = Field(default_factory=list, max_length=50)

    def earlier_questions(self) -> list[str]:
        return [t if isinstance(t, str) else t.content for t in self.history if isinstance(t, str) or t.role == "user"]


def _document_path(service: ReportService, name: str) -> Path:
    """The file behind /documents/<doc id>.<ext>, looked up in the manifest: never a user-supplied path."""
    manifest = service.manifest
    doc_id, _, extension = name.rpartition(".")
    for document in manifest.documents if manifest else []:
        path = (service.settings.docs_dir / document.file).resolve()
        if document.doc_id == doc_id and path.suffix.lower() == f".{extension.lower()}":
            if path.is_relative_to(service.settings.docs_dir.resolve()) and path.is_file():
                return path
    raise HTTPException(status_code=404, detail="No such document")


def create_app(service: ReportService) -> FastAPI:
    app = FastAPI(title="reportqa", version="0.1.0", description="Cited answers from the 2023 activity report.")

    @app.get("/api/health")
    def health() -> dict[str, object]:
        status = service.status
        return {"status": "ok" if status.ready else "indexing", "message": status.message}

    @app.get("/api/documents")
    def documents() -> dict[str, object]:
        manifest = service.manifest
        return {
            "documents": [vars(d) for d in manifest.documents] if manifest else [],
            "has_report": bool(manifest and manifest.has_report()),
            "errors": manifest.errors if manifest else [],
        }

    @app.post("/api/ask")
    def ask(request: AskRequest) -> dict[str, object]:
        if len(request.question) > service.settings.max_question_chars:
            raise HTTPException(413, f"The question is longer than {service.settings.max_question_chars} characters")
        try:
            language = None if request.lang == "auto" else request.lang
            return service.ask(request.question, language, request.earlier_questions()).to_dict()
        except IndexNotReady as error:
            raise HTTPException(503, str(error)) from None
        except ReportQAError as error:
            raise HTTPException(400, str(error)) from None

    @app.get("/documents/{name}", response_model=None)
    def document(name: str) -> FileResponse | PlainTextResponse:
        path = _document_path(service, name)
        if path.suffix.lower() == ".md":
            return PlainTextResponse(path.read_text(encoding="utf-8"), media_type="text/plain; charset=utf-8")
        return FileResponse(path, media_type="application/pdf", headers={"Content-Disposition": "inline"})

    ui = build_ui(service)
    ui.queue(max_size=64, default_concurrency_limit=4)
    return gr.mount_gradio_app(app, ui, path="/", i18n=I18N, footer_links=["api"], allowed_paths=[])


def run_server(settings: Settings) -> None:
    service = ReportService(settings)
    try:
        service.start()
    except ReportQAError:
        raise
    uvicorn.run(create_app(service), host=settings.host, port=settings.port, log_level="warning", access_log=False)
