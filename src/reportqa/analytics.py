"""Opt-in analytics and feedback (REPORTQA_ANALYTICS=true): questions and thumbs up/down in SQLite, under a
pseudonymous session id, deleted after the retention period. Off by default: then nothing is written at all.

Never stored: the client's address, the raw session id (only a keyed hash of it), anything about a person beyond
what they typed. The key is random per process unless REPORTQA_ANALYTICS_KEY is set, so pseudonyms cannot be
linked across restarts unless the operator chooses to.
"""

import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass

from reportqa.answer.extractive import Answer
from reportqa.config import Settings

MAX_COMMENT_CHARS = 500
SECONDS_PER_DAY = 86_400
# Old rows are deleted at most this often (and at start).
PURGE_EVERY_SECONDS = 3_600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    answer_id TEXT PRIMARY KEY, at REAL NOT NULL, session TEXT NOT NULL, language TEXT NOT NULL,
    question TEXT NOT NULL, mode TEXT NOT NULL, refused INTEGER NOT NULL, cited_pages TEXT NOT NULL,
    total_ms REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT NOT NULL, at REAL NOT NULL, session TEXT NOT NULL, rating INTEGER NOT NULL, comment TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Feedback:
    answer_id: str
    rating: int  # +1 or -1
    comment: str = ""


class Analytics:
    """Writes only when the operator turned analytics on; every method is a no-op otherwise."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.analytics
        self.path = settings.analytics_db
        self.retention_seconds = settings.analytics_retention_days * SECONDS_PER_DAY
        key = settings.analytics_key.get_secret_value()
        self._key = key.encode() if key else secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._purged_at = 0.0
        if self.enabled:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.executescript(_SCHEMA)
            self.purge()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def pseudonym(self, session: str) -> str:
        """A keyed hash of the client's session id: stable within a conversation, not reversible."""
        return hmac.new(self._key, session.encode(), hashlib.sha256).hexdigest()[:16]

    def record_answer(self, session: str, answer: Answer) -> None:
        if not self.enabled:
            return
        pages = ",".join(f"{c.edition}:{c.page}" for c in answer.citations)
        row = (
            answer.answer_id,
            time.time(),
            self.pseudonym(session),
            answer.language,
            answer.question,
            answer.mode,
            int(answer.refused),
            pages,
            answer.timings_ms.get("total", 0.0),
        )
        with self._lock, self._connect() as db:
            db.execute("INSERT OR REPLACE INTO questions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        self._purge_now_and_then()

    def record_feedback(self, session: str, feedback: Feedback) -> None:
        if not self.enabled:
            return
        row = (
            feedback.answer_id,
            time.time(),
            self.pseudonym(session),
            feedback.rating,
            feedback.comment[:MAX_COMMENT_CHARS],
        )
        with self._lock, self._connect() as db:
            db.execute("INSERT INTO feedback VALUES (?, ?, ?, ?, ?)", row)
        self._purge_now_and_then()

    def purge(self) -> int:
        """Delete rows older than the retention period; returns how many went."""
        if not self.enabled:
            return 0
        cutoff = time.time() - self.retention_seconds
        with self._lock, self._connect() as db:
            removed = db.execute("DELETE FROM questions WHERE at < ?", (cutoff,)).rowcount
            removed += db.execute("DELETE FROM feedback WHERE at < ?", (cutoff,)).rowcount
        self._purged_at = time.time()
        return removed

    def _purge_now_and_then(self) -> None:
        if time.time() - self._purged_at > PURGE_EVERY_SECONDS:
            self.purge()
