"""Opt-in analytics and feedback: nothing by default; when on, pseudonymous rows that expire."""

import sqlite3
import time
from pathlib import Path

import gradio as gr
import httpx
import pytest
from conftest import running_app

from reportqa.analytics import Analytics, Feedback
from reportqa.answer.extractive import Answer
from reportqa.config import Settings
from reportqa.service import ReportService
from reportqa.web.ui.chat import record_like

ANSWER = Answer("Combien ?", "Combien ?", "fr", "2 345 [1]", False, [], {"total": 12.0})


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(analytics_db=tmp_path / "a" / "analytics.sqlite", _env_file=None, **values)  # type: ignore[call-arg]


def _rows(path: Path, table: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


def test_off_by_default_writes_nothing(tmp_path: Path) -> None:
    analytics = Analytics(_settings(tmp_path))
    analytics.record_answer("session-1", ANSWER)
    analytics.record_feedback("session-1", Feedback(ANSWER.answer_id, 1))
    assert not analytics.enabled and not (tmp_path / "a").exists()


def test_rows_carry_a_pseudonym_not_the_session(tmp_path: Path) -> None:
    analytics = Analytics(_settings(tmp_path, analytics=True))
    analytics.record_answer("session-1", ANSWER)
    analytics.record_feedback("session-1", Feedback(ANSWER.answer_id, -1, "x" * 900))
    (question,) = _rows(analytics.path, "questions")
    (feedback,) = _rows(analytics.path, "feedback")
    assert question[0] == ANSWER.answer_id and question[4] == "Combien ?" and question[2] != "session-1"
    assert feedback[2] == question[2] and feedback[3] == -1 and len(feedback[4]) == 500
    other_process = Analytics(_settings(tmp_path, analytics=True))
    assert other_process.pseudonym("session-1") != analytics.pseudonym("session-1")  # a random key per process
    keyed = _settings(tmp_path, analytics=True, analytics_key="operator-secret")
    assert Analytics(keyed).pseudonym("session-1") == Analytics(keyed).pseudonym("session-1")


def test_rows_older_than_the_retention_period_are_deleted(tmp_path: Path) -> None:
    analytics = Analytics(_settings(tmp_path, analytics=True, analytics_retention_days=30))
    analytics.record_answer("s", ANSWER)
    analytics.record_feedback("s", Feedback(ANSWER.answer_id, 1))
    with sqlite3.connect(analytics.path) as db:
        db.execute("UPDATE questions SET at = ?", (time.time() - 31 * 86_400,))
    assert analytics.purge() == 1
    assert _rows(analytics.path, "questions") == [] and len(_rows(analytics.path, "feedback")) == 1


@pytest.mark.slow
def test_feedback_through_the_api_when_the_operator_turns_it_on(corpus_dir: Path, tmp_path: Path, server: str) -> None:
    assert httpx.post(f"{server}/api/feedback", json={"answer_id": "x", "rating": "up"}).status_code == 404
    database = tmp_path / "analytics.sqlite"
    env = {"REPORTQA_ANALYTICS": "true", "REPORTQA_ANALYTICS_DB": str(database)}
    with running_app(corpus_dir, tmp_path / "index", **env) as url:
        question = {"question": "Combien de retours forcés y a-t-il eu en 2023 ?", "session": "tab-42"}
        answer = httpx.post(f"{url}/api/ask", json=question).json()
        vote = {"answer_id": answer["answer_id"], "rating": "down", "comment": "pas clair", "session": "tab-42"}
        assert httpx.post(f"{url}/api/feedback", json=vote).status_code == 204
        assert httpx.post(f"{url}/api/feedback", json={**vote, "rating": "meh"}).status_code == 422
    (row,) = _rows(database, "questions")
    (feedback,) = _rows(database, "feedback")
    assert row[4] == question["question"] and row[2] == feedback[2] != "tab-42"
    assert feedback[:1] == (answer["answer_id"],) and feedback[3:] == (-1, "pas clair")
    assert b"127.0.0.1" not in database.read_bytes()  # no address is ever kept


def test_a_thumb_in_the_chat_names_the_answer_it_is_about(tmp_path: Path) -> None:
    service = ReportService(_settings(tmp_path, analytics=True))
    history = [
        {"role": "user", "content": "Question trop longue"},
        {"role": "assistant", "content": "⚠️ Max. 500"},
        {"role": "user", "content": "Combien ?"},
        {"role": "assistant", "content": "2 345 [1]"},
    ]
    record_like(
        service, gr.LikeData(None, {"index": 3, "value": "2 345 [1]", "liked": False}), history, ["", "a1"], "s"
    )
    record_like(service, gr.LikeData(None, {"index": 1, "value": "⚠️", "liked": True}), history, ["", "a1"], "s")
    (feedback,) = _rows(service.analytics.path, "feedback")  # the notice has no answer: no row for it
    assert feedback[0] == "a1" and feedback[3] == -1
