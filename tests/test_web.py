import re
from pathlib import Path

import httpx
import pytest
from conftest import running_app
from gradio_client import Client

from reportqa.messages.refusals import TOO_MANY

pytestmark = pytest.mark.slow


def test_the_chat_answers_through_gradio_client(server: str) -> None:
    client = Client(server, verbose=False)
    result = client.predict("Combien de retours forcés y a-t-il eu en 2023 ?", "auto", api_name="/ask")
    assert not result["refused"] and "2 345" in result["answer"]
    citation = result["citations"][0]
    assert (citation["section"], citation["page"], citation["physical_page"]) == ("2.1", "2", 4)


def test_citation_links_open_the_cited_pdf(server: str) -> None:
    answer = httpx.post(f"{server}/api/ask", json={"question": "Hoeveel gedwongen terugkeer in 2022?"}).json()
    url = answer["citations"][0]["url"]
    assert re.fullmatch(r"/documents/verslag-test-nl\.pdf\?v=[0-9a-f]{12}#page=4", url), url  # the version cited
    pdf = httpx.get(server + url.split("#")[0])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_only_indexed_documents_are_served(server: str) -> None:
    for path in (
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/unknown.pdf",
        "/documents/rapport-test-fr.md",
    ):
        assert httpx.get(server + path).status_code == 404


def test_documents_and_page(server: str) -> None:
    listing = httpx.get(f"{server}/api/documents").json()
    assert listing["has_report"] and {d["edition"] for d in listing["documents"]} == {"fr", "nl"}
    page = httpx.get(server + "/")
    assert page.status_code == 200 and "gradio" in page.text.lower()


def test_bad_requests_get_clear_errors(server: str) -> None:
    assert httpx.post(f"{server}/api/ask", json={"question": ""}).status_code == 422
    too_long = httpx.post(f"{server}/api/ask", json={"question": "x" * 5000})
    assert too_long.status_code == 413 and "longer than 500 characters" in too_long.json()["detail"]


def test_a_follow_up_uses_the_conversation(server: str) -> None:
    answer = httpx.post(
        f"{server}/api/ask",
        json={
            "question": "Et en 2022 ?",
            "history": [
                {"role": "user", "content": "Combien de retours forcés y a-t-il eu en 2023 ?"},
                {"role": "assistant", "content": "… 2 345 [1]"},
            ],
        },
    ).json()
    assert answer["standalone_question"] == "Combien de retours forcés y a-t-il eu en 2022 ?"
    assert answer["language"] == "fr" and "2 100" in answer["answer"]


def test_claims_are_checked_over_http(server: str) -> None:
    result = httpx.post(f"{server}/api/check", json={"claim": "In 2023 waren er 2.500 gedwongen terugkeren."}).json()
    assert result["verdict"] == "contradicted" and result["report_value"] == 2345
    assert result["evidence"][0]["edition"] == "nl"


def test_uploads_are_refused_and_nothing_is_written(server: str, gradio_temp: Path) -> None:
    before = sorted(gradio_temp.rglob("*"))
    for path in ("/gradio_api/upload", "/gradio_api/upload?upload_id=x", "/upload"):
        reply = httpx.post(server + path, files={"files": ("big.bin", b"x" * 3_000_000, "application/octet-stream")})
        assert reply.status_code in (404, 405), path
    assert sorted(gradio_temp.rglob("*")) == before


def test_a_body_larger_than_a_question_is_refused_before_it_is_read(server: str) -> None:
    huge = b'{"question": "' + b"x" * 10_000_000 + b'"}'
    reply = httpx.post(f"{server}/api/ask", content=huge, headers={"content-type": "application/json"})
    assert reply.status_code == 413 and reply.json()["detail"] == "The request is too large."

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: sent chunked
        yield b'{"question": "'
        for _ in range(10):
            yield b"x" * 1_000_000

    reply = httpx.post(
        f"{server}/api/ask", content=chunks(), headers={"content-type": "application/json", "accept-language": "fr"}
    )
    assert reply.status_code == 413 and reply.json()["detail"] == "La requête est trop volumineuse."


def test_head_works_wherever_get_does(server: str) -> None:
    for path in ("/embed", "/api/health", "/widget.js", "/documents/rapport-test-fr.pdf", "/"):
        got, head = httpx.get(server + path), httpx.head(server + path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"], path
    assert httpx.head(server + "/documents/unknown.pdf").status_code == 404


def test_the_chat_api_counts_against_the_same_per_client_limit(corpus_dir: Path, tmp_path: Path) -> None:
    """The Gradio endpoints are not a way around the API's rate limit."""
    with running_app(corpus_dir, tmp_path / "index", REPORTQA_RATE_LIMIT_PER_MINUTE="2") as url:
        client = Client(url, verbose=False)
        first = client.predict("Combien de retours forcés y a-t-il eu en 2023 ?", "auto", api_name="/ask")
        assert not first["refused"]
        with pytest.raises(Exception) as refused:  # noqa: PT011  # gradio_client's error type varies by version
            client.predict("Combien de retours forcés y a-t-il eu en 2022 ?", "auto", api_name="/ask")
        assert TOO_MANY["en"] in str(refused.value)
