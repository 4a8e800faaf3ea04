"""The gate every question passes, whichever route it takes (the JSON API, its stream, the widget, the chat and its
API): one per-client rate limit, one set of slots with one time limit, and the input checks of `inputs`. Also the
Gradio surface cut down to what the page uses, and the headers every response carries.

Each middleware keeps its policy in `__init__` and its mechanism in `__call__`."""

import asyncio
import json
import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reportqa.config import Language, Settings
from reportqa.inputs import Refused, payload, printable
from reportqa.language.detect import accepted_language, detect_language
from reportqa.messages.refusals import BAD_REQUEST, BUSY, NOT_AVAILABLE, TIMED_OUT, TOO_MANY
from reportqa.web.limits import RateLimiter, Slots, Work, client_address, replayed

log = logging.getLogger(__name__)


MIN_WORDS_TO_DETECT = 3  # fewer words do not tell a language: the browser's is used


def asker(scope: Scope, chosen: str = "auto", text: str = "") -> Language:
    """The language to refuse in: the one asked for, else the text's, else the browser's."""
    if chosen in ("fr", "nl", "en", "de"):
        return chosen  # type: ignore[return-value]
    if len(printable(text).split()) >= MIN_WORDS_TO_DETECT:
        return detect_language(printable(text)[:300], fallback="en")
    headers = dict(scope.get("headers") or [])
    return accepted_language(headers.get(b"accept-language", b"").decode("latin-1"))  # type: ignore[return-value]


def refusal(error: Refused, language: Language) -> JSONResponse:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return JSONResponse({"detail": error.message(language)}, status_code=error.status, headers=headers)


class Admission:
    """Who may start a question now: the client's rate limit (keyed by its address as the trusted proxies report
    it), then a free slot. The same object serves the API and the chat, so neither is a way around the other."""

    def __init__(self, settings: Settings) -> None:
        per_minute = settings.rate_limit_per_minute
        self.limiter = RateLimiter(per_minute) if per_minute > 0 else None
        self.slots = Slots(settings.max_concurrent_requests, settings.request_timeout)
        self.trusted = settings.trusted_proxy_list

    def allow(self, request: Request) -> None:
        """The rate limit alone (feedback, figure exports); raises `Refused` (429)."""
        if self.limiter and not self.limiter.allow(client_address(request, self.trusted)):
            log.info("a client went past the rate limit: refused (429)")  # one line, no address
            raise Refused(429, TOO_MANY, retry_after=60)

    def enter(self, request: Request) -> Work:
        """The rate limit, then a slot: the `Work` to run the question in (close it when done)."""
        self.allow(request)
        work = self.slots.admit()
        if work is None:
            log.info("every slot is taken: refused (429)")
            raise Refused(429, BUSY, retry_after=5)
        return work


QUESTION_PATHS = ("/api/ask", "/api/check")


class QuestionGate:
    """For POST /api/ask and /api/check: admission (429), then the time limit on the whole response. At the
    deadline the work is cancelled (it stops at its next stage), the client gets 504, or a stream its `error`
    event, at once; the slot is given back only once the work has stopped. The `Work` is in `request.state.work`."""

    def __init__(self, app: ASGIApp, admission: Admission, paths: tuple[str, ...] = QUESTION_PATHS) -> None:
        self.app = app
        self.admission = admission
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in (*self.paths, "/api/feedback"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            if scope["path"] == "/api/feedback":
                self.admission.allow(request)
                await self.app(scope, receive, send)
                return
            work = self.admission.enter(request)
        except Refused as error:
            await refusal(error, asker(scope))(scope, receive, send)
            return
        scope.setdefault("state", {})["work"] = work
        try:
            await _bounded(self.app, scope, receive, send, work)
        finally:
            work.close()


async def _bounded(app: ASGIApp, scope: Scope, receive: Receive, send: Send, work: Work) -> None:
    """Run the app until the work's deadline; then answer for it (504, or end a stream with an `error` event),
    cancel the work and wait for it to stop, its late output dropped."""
    sent = {"start": False, "stream": False, "closed": False}

    async def forward(message: Message) -> None:
        if sent["closed"]:
            return
        if message["type"] == "http.response.start":
            sent["start"] = True
            types = [value for key, value in message.get("headers", []) if key.lower() == b"content-type"]
            sent["stream"] = any(b"event-stream" in value for value in types)
        await send(message)

    task = asyncio.ensure_future(app(scope, receive, forward))
    done, _ = await asyncio.wait({task}, timeout=work.remaining())
    if done:
        task.result()
        return
    work.cancel()
    sent["closed"] = True
    language = asker(scope)
    if not sent["start"]:
        await JSONResponse({"detail": TIMED_OUT[language]}, status_code=504)(scope, receive, send)
    else:
        tail = f"event: error\ndata: {json.dumps({'detail': TIMED_OUT[language]}, ensure_ascii=False)}\n\n"
        await send({"type": "http.response.body", "body": tail.encode() if sent["stream"] else b"", "more_body": False})
    with suppress(Exception):  # its output goes nowhere; what matters is that it has stopped
        await task


@dataclass(frozen=True)
class GradioSurface:
    """What the chat's page uses of Gradio: the functions it may call by number (the page's own events), the
    names callable from outside (gr.api), and the type each takes per input (from the components' own schema)."""

    callable_ids: frozenset[int]
    public_names: dict[str, int]
    input_types: dict[int, list[str | None]]

    @classmethod
    def of(cls, blocks: Any) -> "GradioSurface":
        ids, names, types = set(), {}, {}
        for fn_id, fn in blocks.fns.items():
            if fn.fn is None:
                continue
            ids.add(fn_id)
            if fn.api_visibility == "public" and fn.api_name:
                names[str(fn.api_name)] = fn_id
            types[fn_id] = [_json_type(block) for block in fn.inputs]
        return cls(frozenset(ids), names, types)


def _json_type(block: Any) -> str | None:
    """"string", "number", "boolean" when a component takes that simple type (a State takes nothing)."""
    if getattr(block, "stateful", False):
        return None
    try:
        schema = block.api_info()
    except Exception:  # a component without a schema: not checked here, its own preprocessing checks it
        return None
    kind = schema.get("type") if isinstance(schema, dict) else None
    return kind if kind in ("string", "number", "integer", "boolean") else None


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
}

# Routes of Gradio the page and gradio_client use (GET and HEAD), as patterns of the path.
GRADIO_GET = re.compile(
    r"/(?:config/?|theme\.css|robots\.txt|favicon\.ico|manifest\.json|pwa_icon(?:/\d+)?"
    r"|(?:assets|static|svelte)/.+"
    r"|gradio_api/(?:info/?|openapi\.json|queue/data|heartbeat/[\w-]+|startup-events|file=.+|call/\w+/[\w-]+))?"
)
# POST: the queue (the page's events and gradio_client), cancelling and resetting one's own events, and the
# public functions by name (the documented `call/<name>`, then GET `call/<name>/<event id>` for the result).
GRADIO_POST = re.compile(r"/gradio_api/(?:queue/join|cancel|reset|call/(?P<name>\w+))/?")


class GradioGate:
    """In front of the Gradio app: routes the page does not use answer 404 (deep links, component server, direct
    `run`/`api` calls, uploads, monitoring, ...); a `deep_link` in a page address is ignored; a call names a
    function the page uses, with data of the types its inputs take and texts that pass `inputs.payload` (4xx
    in the browser's language, before anything is queued)."""

    def __init__(self, app: ASGIApp, surface: GradioSurface, settings: Settings) -> None:
        self.app = app
        self.surface = surface
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, method = scope["path"], scope["method"]
        if method in ("GET", "HEAD") and GRADIO_GET.fullmatch(path):
            await self.app(_without_deep_link(scope), receive, send)
            return
        matched = GRADIO_POST.fullmatch(path) if method == "POST" else None
        if matched is None:
            await refusal(Refused(404, NOT_AVAILABLE), asker(scope))(scope, receive, send)
            return
        body = await _body(receive)
        try:
            if matched.group("name") is not None or path.endswith(("queue/join", "queue/join/")):
                self._check_call(json.loads(body or b"null"), matched.group("name"))
        except ValueError:
            await refusal(Refused(422, BAD_REQUEST, problem="not JSON"), asker(scope))(scope, receive, send)
            return
        except Refused as error:
            await refusal(error, asker(scope))(scope, receive, send)
            return
        await self.app(scope, replayed(body, receive), send)

    def _check_call(self, body: object, name: str | None) -> None:
        if not isinstance(body, dict) or not isinstance(body.get("data"), list):
            raise Refused(422, BAD_REQUEST, problem="an object with a list of data was expected")
        fn_id = body.get("fn_index") if name is None else self.surface.public_names.get(name)
        if name is not None:
            if fn_id is None:
                raise Refused(404, NOT_AVAILABLE)
        elif not isinstance(fn_id, int) or isinstance(fn_id, bool) or fn_id not in self.surface.callable_ids:
            raise Refused(404, NOT_AVAILABLE)
        data = body["data"]
        types = self.surface.input_types.get(fn_id, []) if isinstance(fn_id, int) else []
        for value, kind in zip(data, types, strict=False):
            if kind is not None and value is not None and not isinstance(value, _PYTHON_TYPES[kind]):
                raise Refused(422, BAD_REQUEST, problem=f"a {kind} was expected, not {type(value).__name__}")
        payload(data, self.settings)
        payload(body.get("event_data"), self.settings, limit_factor=8)


def _without_deep_link(scope: Scope) -> Scope:
    """The page and its config as everyone gets them: a `deep_link` (someone's saved session) is dropped."""
    query = scope.get("query_string", b"").decode("latin-1")
    if "deep_link" not in query:
        return scope
    kept = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != "deep_link"]
    return {**scope, "query_string": urlencode(kept).encode("latin-1")}


async def _body(receive: Receive) -> bytes:
    body, more = b"", True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        body += message.get("body", b"")
        more = message.get("more_body", False)
    return body


class SecurityHeaders:
    """On every response: `X-Content-Type-Options: nosniff` and a `Referrer-Policy`; on every HTML page, a
    Content-Security-Policy whose `frame-ancestors` lets only this site and REPORTQA_EMBED_ORIGINS frame it (a page
    that sets its own policy, /embed, keeps it)."""

    def __init__(self, app: ASGIApp, embed_origins: list[str]) -> None:
        self.app = app
        self.frame_ancestors = " ".join(["'self'", *embed_origins])
        self.policy = f"frame-ancestors {self.frame_ancestors}; base-uri 'self'; object-src 'none'".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OWN]
                names = {k.lower() for k, _ in message.get("headers", [])}
                types = [v for k, v in message.get("headers", []) if k.lower() == b"content-type"]
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin")]
                if any(v.startswith(b"text/html") for v in types) and b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", self.policy))
                elif b"content-security-policy" in names:
                    headers += [(k, v) for k, v in message["headers"] if k.lower() == b"content-security-policy"]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


_OWN = (b"x-content-type-options", b"referrer-policy", b"content-security-policy")
