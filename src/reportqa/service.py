"""The running product: one loaded index, rebuilt in the background when docs/ changes; the one way the CLI, the API
and the UI ask it."""

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportqa.analytics import Analytics, Feedback
from reportqa.answer.claim import CheckResult
from reportqa.answer.claims import check_claim
from reportqa.answer.extractive import Answer
from reportqa.answer.generate import Event, final_answer, stream_answer
from reportqa.answer.llm import chat_model
from reportqa.chunk import Chunk
from reportqa.config import Language, Settings
from reportqa.errors import ReportQAError
from reportqa.index import LoadedIndex, Manifest, Progress, build_index, ensure_index, is_stale, open_index
from reportqa.index.figures import Fact
from reportqa.language.detect import prepare_detector
from reportqa.messages.refusals import INDEXING

log = logging.getLogger(__name__)
PROGRESS_LOG_SECONDS = 2.0  # how often start-up logs what the index build is doing
CORE_WAIT = 0.1  # seconds between two checks of the time limit while a question waits for a core


def _cores() -> int:
    """Questions worked on at once: the cores this process may run on (a container's share, not the host's
    count) but one, left to the event loop (the health check, the refusals, the streams)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 2
    return max(cores - 1, 1)


@dataclass(frozen=True)
class Status:
    ready: bool
    message: str
    fraction: float


class IndexNotReady(ReportQAError):
    """The first index is still being built; `message(language)` says so in the asker's language."""

    def __init__(self, fraction: float) -> None:
        super().__init__(INDEXING["en"].format(percent=round(100 * fraction)))
        self.fraction = fraction

    def message(self, language: Language) -> str:
        return INDEXING[language].format(percent=round(100 * self.fraction))


class ReportService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._index: LoadedIndex | None = None
        self._lock = threading.Lock()
        self._status = Status(False, "Starting", 0.0)
        self._builder: threading.Thread | None = None
        self._long_running = False  # set by start(): a server's later questions gain from work done ahead
        self.chat = chat_model(settings)  # None: extractive answers
        self.analytics = Analytics(settings)  # writes nothing unless the operator turned it on
        # Understanding, retrieving and quoting are Python holding the GIL: more of them at once than cores only
        # slows each, and starves the event loop (the health check). The others wait their turn off the GIL.
        self._cores = threading.BoundedSemaphore(_cores())

    @property
    def status(self) -> Status:
        return self._status

    @property
    def serving(self) -> bool:
        """Whether questions are answered now (from the live index, while a rebuild of it goes on or not)."""
        return self._index is not None

    @property
    def rebuilding(self) -> bool:
        """Whether a new index is being built (the live one, if any, serves meanwhile)."""
        return self._builder is not None and self._builder.is_alive()

    @property
    def manifest(self) -> Manifest | None:
        return self._index.manifest if self._index else None

    def start(self, wait: bool = False, vectors_later: bool = False) -> None:
        """Open the index, or build it in the background (the last good index serves meanwhile). A damaged index
        is set aside and rebuilt from docs/. `vectors_later`: Chroma is opened by `open_vectors` (the web app, once
        its chat is served) or by the first question."""
        self._long_running = True
        if not (self.settings.index_dir / "current").exists():
            log.info("No index yet in %s: building it from %s now.", self.settings.index_dir, self.settings.docs_dir)
            self._index = None
        else:
            try:
                self._index = open_index(self.settings, vectors_later)
            except ReportQAError as error:
                log.warning("%s; rebuilding it from %s now.", error, self.settings.docs_dir)
                self._index = None
        if self._index is not None and not is_stale(self.settings):
            self._status = Status(True, "Ready", 1.0)
            return
        self._builder = threading.Thread(target=self._build, name="index-build", daemon=True)
        self._builder.start()
        if wait:
            self._builder.join()

    def open_vectors(self) -> None:
        """Open the live index's Chroma collection ahead of the first question; a damaged one is rebuilt."""
        index = self._index
        if index is None:
            return
        try:
            index.vectors.open()
        except Exception as error:  # the collection is missing or holds other vectors: a damaged index
            log.warning(
                "The index's vectors are damaged (%s); rebuilding it from %s now.", error, self.settings.docs_dir
            )
            with self._lock:
                if self._index is index:
                    self._index = None
                    self._status = Status(False, "Starting", 0.0)
            if not self.rebuilding:
                self._builder = threading.Thread(target=self._build, name="index-build", daemon=True)
                self._builder.start()

    def open(self, progress: Progress | None = None) -> None:
        """Open the index in the foreground, building it first when it is missing, damaged or stale (the CLI's way:
        a failure is raised, not logged, and `progress` hears how the build goes)."""
        self._index = ensure_index(self.settings, progress)
        self._status = Status(True, "Ready", 1.0)

    def _build(self) -> None:
        last_logged = 0.0

        def progress(message: str, fraction: float) -> None:
            nonlocal last_logged
            self._status = Status(False, message, fraction)
            if time.monotonic() - last_logged >= PROGRESS_LOG_SECONDS or fraction >= 1:
                last_logged = time.monotonic()
                log.info("Building the index (%d%%): %s", round(100 * fraction), message)

        try:
            build_index(self.settings, progress)
            index = open_index(self.settings)
        except ReportQAError as error:
            log.error("%s", error)
            self._status = Status(self._index is not None, f"Index build failed: {error}", 1.0)
            return
        with self._lock:
            self._index = index
        self._status = Status(True, "Ready", 1.0)
        log.info(
            "Index ready: %d documents, %d pages, %d passages.",
            len(index.manifest.documents),
            index.manifest.pages,
            index.manifest.chunks,
        )

    def _ready_index(self) -> LoadedIndex:
        index = self._index
        if index is None:
            raise IndexNotReady(self._status.fraction)
        return index

    def search_facts(self, words: str) -> list[Fact]:
        return self._ready_index().facts.search(words)

    def table_facts(self, chunk_id: str) -> list[Fact]:
        return self._ready_index().facts.table(chunk_id)

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self._index.chunks.get(chunk_id) if self._index else None

    def check(
        self, claim: str, language: Language | None = None, check: Callable[[], None] = lambda: None
    ) -> CheckResult:
        index = self._ready_index()
        with self._core(check):
            return check_claim(index, claim, self.settings, language)

    @contextmanager
    def _core(self, check: Callable[[], None]) -> Iterator[None]:
        """A core's turn for CPU-bound work, waited for off the GIL; `check` stops the wait at the time limit."""
        while not self._cores.acquire(timeout=CORE_WAIT):
            check()
        try:
            yield
        finally:
            self._cores.release()

    def _on_a_core(self, events: Iterator[Event], check: Callable[[], None]) -> Iterator[Event]:
        """The answer's first event comes after its CPU-bound stages (understanding, retrieval, quoting): those run
        on a core's turn; a model's tokens, awaited over the network, do not hold one."""
        with self._core(check):
            first = next(events, None)
        if first is not None:
            yield first
            yield from events

    def ask_stream(
        self,
        question: str,
        language: Language | None = None,
        history: list[str] | None = None,
        session: str = "",
        check: Callable[[], None] = lambda: None,
    ) -> Iterator[Event]:
        """The answer's tokens as the model writes them (none when extractive), then the `Answer`. `session`: the
        client's conversation id, kept only (pseudonymised) when analytics are on. `check` is called between the
        pipeline's stages and raises to stop the work (the request's time limit, see limits.Work)."""
        if self._long_running:
            # A one-shot ask never needs it for French or Dutch, and its build holds the interpreter for 0.5-0.8 s.
            prepare_detector()
        events = stream_answer(self._ready_index(), question, self.settings, self.chat, language, history, check)
        events = self._on_a_core(events, check)
        return self._recorded(events, session) if self.analytics.enabled else events

    def _recorded(self, events: Iterator[Event], session: str) -> Iterator[Event]:
        for event in events:
            if isinstance(event, Answer):
                self.analytics.record_answer(session or uuid.uuid4().hex, event)
            yield event

    def feedback(self, session: str, feedback: Feedback) -> None:
        self.analytics.record_feedback(session or uuid.uuid4().hex, feedback)

    def ask(self, question: str, language: Language | None = None, history: list[str] | None = None) -> Answer:
        """Answer from the current index; `history`: the user's earlier questions in this conversation."""
        return final_answer(self.ask_stream(question, language, history))
