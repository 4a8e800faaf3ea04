"""Limits for the public app: per-client rate limiting keyed by the client's address as the trusted proxies report
it, slots for the questions in progress with the time limit that stops their work, and a guard that refuses uploads
and oversized bodies before they are read."""

import ipaddress
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reportqa.errors import TimedOut

T = TypeVar("T")


def client_address(request: Request, trusted_proxies: list[str]) -> str:
    """The caller's address. X-Forwarded-For is believed only when the direct peer is a trusted proxy, and then
    only up to the first address that is not itself a trusted proxy, so a client cannot forge its way out."""
    peer = request.client.host if request.client else "unknown"
    if not _trusted(peer, trusted_proxies):
        return peer
    chain = [a.strip() for a in request.headers.get("x-forwarded-for", "").split(",") if a.strip()]
    for address in reversed(chain):
        if not _trusted(address, trusted_proxies):
            return address
    return chain[0] if chain else peer


def _trusted(address: str, trusted_proxies: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in trusted_proxies)


class RateLimiter:
    """A token bucket per client: `per_minute` requests a minute, bursts up to `burst`. In memory, per process
    (each replica limits on its own; put the proxy's limit in front for a global one)."""

    def __init__(self, per_minute: int, burst: int | None = None, max_clients: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or max(per_minute // 2, 1))
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.max_clients:  # forget the idle ones; bounded memory under attack
                idle = sorted(self._buckets, key=lambda key: self._buckets[key][1])[: self.max_clients // 10]
                for key in idle:
                    del self._buckets[key]
            return allowed


class Work:
    """One question's claim on a slot, from its admission until its work has stopped. The work runs in steps
    (`steps`, `step`), and calls `check` between its stages: past the deadline (or once cancelled) the check raises
    `TimedOut`, so the work stops where it stands. The slot counts as taken while a step runs, and until the owner
    closes the work or its deadline passes: a work past its deadline with no step running can do nothing more."""

    def __init__(self, slots: "Slots", seconds: float) -> None:
        self.slots = slots
        self.deadline = time.monotonic() + seconds
        self.cancelled = False
        self.closed = False
        self.running = 0

    def remaining(self) -> float:
        return max(self.deadline - time.monotonic(), 0.0)

    def expired(self) -> bool:
        return self.cancelled or time.monotonic() >= self.deadline

    def check(self) -> None:
        if self.expired():
            self.cancelled = True
            raise TimedOut

    def cancel(self) -> None:
        self.cancelled = True

    def close(self) -> None:
        self.closed = True

    def busy(self) -> bool:
        """Whether the slot is still taken (see the class)."""
        return self.running > 0 or not (self.closed or self.expired())

    @contextmanager
    def _running(self) -> Iterator[None]:
        with self.slots.lock:
            self.running += 1
        try:
            self.check()
            yield
        finally:
            with self.slots.lock:
                self.running -= 1

    def step(self, work: Callable[[], T]) -> T:
        """One stage of work, checked before it starts, counted while it runs."""
        with self._running():
            result = work()
        self.check()
        return result

    def steps(self, items: Iterable[T]) -> Iterator[T]:
        """An iterator's items, each computed as a step: nothing runs once the time limit has passed."""
        iterator = iter(items)
        while True:
            with self._running():
                try:
                    item = next(iterator)
                except StopIteration:
                    return
            yield item


class Slots:
    """The questions one process works on at once (`capacity`), shared by every route where a question enters
    (the JSON API, its stream, the widget, the chat and its API), each with the same time limit (`seconds`)."""

    def __init__(self, capacity: int, seconds: float) -> None:
        self.capacity = capacity
        self.seconds = seconds
        self.lock = threading.Lock()
        self._works: list[Work] = []

    def in_use(self) -> int:
        with self.lock:
            self._works = [work for work in self._works if work.busy()]
            return len(self._works)

    def admit(self) -> Work | None:
        """A new work with its deadline, or None when every slot is taken."""
        work = Work(self, self.seconds)
        with self.lock:
            self._works = [other for other in self._works if other.busy()]
            if len(self._works) >= self.capacity:
                return None
            self._works.append(work)
        return work


# A question, a claim or a feedback comment is a few hundred characters; the chat's own calls carry the
# conversation so far. Nothing this app takes is larger.
MAX_API_BODY = 16 * 1024
MAX_BODY = 512 * 1024
UPLOAD_PATHS = ("/gradio_api/upload", "/upload")


class RequestGuard:
    """Refuses, before the body is read whole, what no visitor may send: uploads (no component of this app takes
    a file, so the upload route is not there) and bodies larger than a question needs (413)."""

    def __init__(self, app: ASGIApp, refuse: Callable[[Scope, int], Awaitable[Response]]) -> None:
        self.app = app
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"].rstrip("/")
        if path in UPLOAD_PATHS or path.startswith("/gradio_api/upload"):
            await (await self.refuse(scope, 404))(scope, receive, send)
            return
        limit = MAX_API_BODY if path.startswith("/api/") else MAX_BODY
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > limit:
                await (await self.refuse(scope, 413))(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # No length given (chunked): read at most the limit, then hand the body on.
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await (await self.refuse(scope, 413))(scope, receive, send)
                return
        await self.app(scope, replayed(body, receive), send)


def replayed(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives a body already read once, then the client's next messages (a disconnect)."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


class HeadAsGet:
    """HEAD answered wherever GET is (the widget's page, the documents, the health check): the GET response's
    status and headers, without its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] != "http.response.body":
                await send(message)
            elif not message.get("more_body", False):
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)
