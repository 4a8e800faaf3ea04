"""The embeddable chat: SSE contract, CORS and CSP allow-lists, and the widget in a real browser (Chromium)."""

import codecs
import csv
import functools
import http.server
import io
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import REPO, free_port, running_app, sse_events

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"


def test_streaming_sends_the_answer_then_the_citations(server: str) -> None:
    question = {"question": "Combien de retours forcés y a-t-il eu en 2023 ?"}
    with httpx.stream("POST", f"{server}/api/ask", json=question, headers={"accept": "text/event-stream"}) as reply:
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/event-stream")
        body = "".join(reply.iter_text())
    events = sse_events(body)
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"]
    assert set(names[1:-2]) == {"token"} and len(names) > 4  # the answer comes in pieces, in order
    streamed = "".join(str(data) for name, data in events if name == "token")
    plain = httpx.post(f"{server}/api/ask", json=question).json()
    assert streamed == plain["answer"] and "2 345" in streamed
    citations = dict(events)["citations"]
    assert isinstance(citations, dict) and citations["citations"] == plain["citations"]


def test_cors_allows_only_configured_origins(server: str, host_origin: str) -> None:
    allowed = httpx.options(
        f"{server}/api/ask",
        headers={
            "origin": host_origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert allowed.headers.get("access-control-allow-origin") == host_origin
    refused = httpx.post(f"{server}/api/ask", json={"question": "ICAM"}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers
    preflight = httpx.options(
        f"{server}/api/ask", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert preflight.status_code == 400


def test_embed_page_may_be_framed_only_by_allowed_origins(server: str, host_origin: str) -> None:
    page = httpx.get(f"{server}/embed", params={"lang": "nl"})
    assert page.status_code == 200 and '<html lang="nl">' in page.text
    policy = page.headers["content-security-policy"]
    assert f"frame-ancestors 'self' {host_origin};" in policy and "evil" not in policy
    assert httpx.get(f"{server}/embed", params={"lang": "xx"}).status_code == 422
    script = httpx.get(f"{server}/widget.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    code = re.sub(r"/\*.*?\*/", "", script.text, flags=re.S)
    assert not re.search(r"https?://", code)  # nothing loaded from another host: the frame comes from this server


@pytest.fixture(scope="module")
def host_page(server: str, host_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example host pages, as they are, served from another origin (allowed to frame the chat)."""
    with _serve_host_pages(int(host_origin.rsplit(":", 1)[1])):
        yield host_origin


@contextmanager
def _serve_host_pages(port: int) -> Iterator[None]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(REPO / "examples" / "host-page"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        httpd.shutdown()


def test_the_widget_answers_with_citations_in_a_real_browser(host_page: str, server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for language, question, figure in (
                ("fr", "Combien de retours forcés y a-t-il eu en 2023 ?", "2 345"),
                ("nl", "Hoeveel gedwongen terugkeer was er in 2022?", "2.100"),
            ):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"{host_page}/{language}.html?server={server}")
                page.click("#reportqa-button")
                frame = page.frame_locator("#reportqa-frame")
                frame.locator("#question").fill(question)
                frame.locator("#send").click()
                answer = frame.locator(".msg.bot").last
                link = answer.locator("ol a").first
                link.wait_for(timeout=30_000)
                assert figure in answer.inner_text()
                assert link.get_attribute("target") == "_blank"
                view = link.get_attribute("href") or ""  # the cited page, the figure highlighted
                assert view.startswith("/view/") and "/4?" in view and httpx.get(server + view).status_code == 200
                href = answer.locator("ol a").nth(1).get_attribute("href") or ""  # the whole PDF at that page
                assert href.startswith("/documents/") and "#page=4" in href
                assert httpx.get(server + href.split("#")[0]).headers["content-type"] == "application/pdf"
                marker = answer.get_by_role("link", name="[1]", exact=True)  # the answer's marker is a link
                assert marker.get_attribute("href") == view
                assert page.locator("#reportqa-title").inner_text() in (
                    "Une question sur le rapport ?",
                    "Een vraag over het verslag?",
                )
                if language == "fr":
                    page.screenshot(path=str(REPO / "docs" / "widget.png"))
                page.keyboard.press("Escape")  # closes the panel, focus back on the button
                page.locator("#reportqa-panel").wait_for(state="hidden", timeout=5_000)
                page.click("#reportqa-button")
                page.click("#reportqa-close")
                page.locator("#reportqa-panel").wait_for(state="hidden", timeout=5_000)
                page.close()
        finally:
            browser.close()


def test_figures_and_claim_check_in_the_web_app(server: str) -> None:
    """The Figures tab finds a figure, shows its source table with the cell highlighted and its citation, and
    charts the row; the claim tab gives a verdict with evidence. Saves docs/figures.png and docs/check.png."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 1300}, locale="fr-BE")
            page.goto(server + "/")
            page.get_by_role("tab", name="Chiffres").click()
            page.fill("#figure-search textarea", "retours forcés")
            page.click("#figure-find")
            page.locator("#figures").get_by_text("2 345", exact=True).first.click()
            source = page.locator("#source-table")
            source.locator("table").wait_for(timeout=30_000)
            assert "Tableau 2.1 : Retours par type — Retours forcés, 2023, p. 2" in source.inner_text()
            assert source.inner_text().count("Tableau 2.1") == 1  # the caption once
            highlighted = source.locator("td[style*='background']")
            assert highlighted.count() == 1 and highlighted.inner_text() == "2 345"
            page.locator("#figure-chart canvas, #figure-chart svg").first.wait_for(timeout=30_000)
            for header in ("valeur", "ligne", "tableau ou phrase", "source"):
                page.locator("#figures").get_by_text(header, exact=True).first.wait_for(timeout=5_000)
            banner = page.locator("#documents").inner_text()
            assert "EXEMPLE" in banner and "SAMPLE" not in banner and "VOORBEELD" not in banner, banner
            page.screenshot(path=str(REPO / "docs" / "figures.png"), full_page=True)
            with page.expect_download() as download:
                page.click("#figure-export")
            raw = Path(download.value.path()).read_bytes()
            assert raw.startswith(codecs.BOM_UTF8)  # a French Excel reads "forcés", not "forcÃ©s"
            rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
            forced = next(row for row in rows if row["ligne"] == "Retours forcés" and row["colonne"] == "2023")
            assert forced["valeur"] == "2345"  # a number, not the text "2 345"
            assert forced["source"].startswith(server + "/documents/") and forced["source"].endswith("#page=4")
            assert len(rows) == len({tuple(row.values()) for row in rows})  # no duplicate facts
            with page.expect_download() as download:
                page.click("#table-export")
            table = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig")), delimiter=";"))
            assert table[0][0] == "Tableau 2.1 : Retours par type" and ["Retours forcés", "2100", "2345"] in table

            page.get_by_role("tab", name="Vérifier un chiffre").click()
            page.fill("#claim textarea", "En 2023, il y a eu 2 500 retours forcés.")
            page.click("#check")
            verdict = page.locator("#verdict")
            verdict.get_by_text("Contredit").wait_for(timeout=30_000)
            text = verdict.inner_text()
            assert "2 345" in text.replace("\u00a0", " ") and "p. 2" in text
            assert "Affirmation" in text and "rapport" in text  # the page's language, not English
            for english in ("supported", "contradicted", "claim:", "report:", "The report"):
                assert english not in text, english
            page.wait_for_timeout(1_000)  # Gradio's fade-in of the output, for the picture only
            page.screenshot(path=str(REPO / "docs" / "check.png"))
        finally:
            browser.close()


def test_a_thumb_in_the_widget_is_stored_only_when_feedback_is_on(
    server: str, corpus_dir: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    database = tmp_path / "analytics.sqlite"
    env = {"REPORTQA_ANALYTICS": "true", "REPORTQA_ANALYTICS_DB": str(database)}
    with running_app(corpus_dir, tmp_path / "index", **env) as with_feedback, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for url, shown in ((server, False), (with_feedback, True)):
                page = browser.new_page()
                page.goto(f"{url}/embed?lang=fr")
                page.fill("#question", "Combien de retours forcés y a-t-il eu en 2023 ?")
                page.click("#send")
                page.locator(".msg.bot ol a").first.wait_for(timeout=30_000)
                assert page.locator(".feedback button").count() == (2 if shown else 0)
                if shown:
                    page.locator(".feedback button[aria-label=down]").click()
                    page.locator(".feedback").get_by_text("✓").wait_for(timeout=10_000)
                page.close()
        finally:
            browser.close()
    with sqlite3.connect(database) as db:
        (rating,) = db.execute("SELECT rating FROM feedback").fetchone()
        (question,) = db.execute("SELECT question FROM questions").fetchone()
    assert rating == -1 and question.startswith("Combien de retours forcés")


def test_a_figure_answer_is_one_sentence_in_the_chat_in_french_and_in_dutch(server: str) -> None:
    """A citizen asks for a figure in French, then in Dutch: each answer is one sentence with the 2023 figure
    and its marker, never a raw table row. Saves docs/chat-fr.png (the French answer) and docs/chat.png (both)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="fr-BE")
            page.goto(server + "/")
            chat = page.locator("#chat")
            for asked, (question, figure) in enumerate(
                (
                    ("Combien de retours forcés en 2023 ?", "2 345"),
                    ("Hoeveel gedwongen terugkeer was er in 2023?", "2.345"),
                ),
                1,
            ):
                page.fill("#question textarea", question)
                page.click("#send")
                chat.get_by_text(figure).last.wait_for(timeout=60_000)
                # The answer is streamed in steps; it is whole when its [1] has become a link.
                markers = chat.get_by_role("link", name="[1]", exact=True)
                deadline = time.monotonic() + 60
                while markers.count() < asked and time.monotonic() < deadline:
                    page.wait_for_timeout(200)
                if asked == 1:  # a French page with its French answer alone, as a citizen sees it
                    page.evaluate("window.scrollTo(0, 0)")
                    page.screenshot(path=str(REPO / "docs" / "chat-fr.png"))
            answers = [text for text in chat.locator(".bot, [data-testid='bot']").all_inner_texts() if text.strip()]
            for figure in ("2 345", "2.345"):
                answer = next(text for text in answers if figure in text).split("\n\n")[0]  # before the sources
                assert answer.endswith(". [1]") and answer.count(". ") == 1 and " | " not in answer, answer
                assert "2021" not in answer and "2 100" not in answer and "2.100" not in answer, answer
            # [1] opens the cited page with the figure highlighted; the source names what it opens, beside the PDF.
            marker = chat.get_by_role("link", name="[1]", exact=True).first
            assert "/view/rapport-test-fr/4?" in marker.get_attribute("href", timeout=5_000)
            named = chat.get_by_role("link", name="Rapport d'activité 2023 (test), section 2.1, p. 2").first
            assert "/view/rapport-test-fr/4?" in named.get_attribute("href", timeout=5_000)
            pdf = chat.get_by_role("link", name="PDF", exact=True).first
            assert pdf.get_attribute("href", timeout=5_000).endswith("#page=4")
            assert page.locator("h1").count() == 1 and page.title().startswith("Questions sur le rapport")
            assert "&#x27;" not in chat.inner_html()
            page.screenshot(path=str(REPO / "docs" / "chat.png"))
        finally:
            browser.close()


def test_on_a_phone_the_question_box_is_on_the_first_screen_and_the_page_speaks_dutch(server: str) -> None:
    """A citizen on a phone (390×844, Dutch browser): the question box is on the first screen, full width; the
    answer's sources come before the examples; no English word in the interface or in what a screen reader
    announces. Saves docs/chat-nl-mobile.png."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844}, locale="nl-BE", is_mobile=True)
            page.goto(server + "/")
            box = page.locator("#question textarea")
            box.wait_for(timeout=30_000)
            page.locator("#documents").get_by_text("Documenten").wait_for(timeout=30_000)  # the page as it settles
            place = box.bounding_box()
            assert place is not None and place["y"] + place["height"] <= 844, place
            print("question box on the phone at", place)
            send = page.locator("#send").bounding_box()  # the box and its button side by side, both on screen
            assert send is not None and send["x"] + send["width"] <= 390 and send["y"] + send["height"] <= 844, send
            assert place["width"] >= 180 and abs(send["y"] + send["height"] - place["y"] - place["height"]) < 40
            text = page.locator("body").inner_text()
            for english in ("Your question", "Ask", "Sources", "Examples", "Documents:", "SAMPLE", "Answer language"):
                assert english not in text.split("\n"), english
            box.fill("Hoeveel gedwongen terugkeer was er in 2023?")
            page.click("#send")
            page.locator("#chat").get_by_text("2.345").last.wait_for(timeout=60_000)
            sources = page.locator("#sources").bounding_box()
            examples = page.get_by_text("Voorbeelden").first.bounding_box()
            assert sources is not None and examples is not None and sources["y"] < examples["y"]
            # What a screen reader announces: Gradio's own labels too, and a message without its link syntax.
            announced = page.evaluate(
                "() => Array.from(document.querySelectorAll('[aria-label], [title]'))"
                ".map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''))"
            )
            for english in ("Copy", "message:", "More tabs", "chatbot conversation", "footer navigation"):
                assert not [label for label in announced if english in label], (english, announced)
            answer = next(label for label in announced if label.startswith("Antwoord: "))
            assert "2.345" in answer and "](" not in answer, answer
            page.screenshot(path=str(REPO / "docs" / "chat-nl-mobile.png"))
        finally:
            browser.close()


def test_a_site_the_server_does_not_allow_gets_a_message_naming_the_setting(server: str) -> None:
    """The widget on an origin missing from REPORTQA_EMBED_ORIGINS: the browser refuses the frame, and the panel
    says so in the page's language and names the setting (not a grey "refused to connect" box)."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    with _serve_host_pages(port), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{port}/nl.html?server={server}")
            page.click("#reportqa-button")
            message = page.locator("#reportqa-refused")
            message.wait_for(state="visible", timeout=15_000)
            text = message.inner_text()
            assert "REPORTQA_EMBED_ORIGINS" in text and f"127.0.0.1:{port}" in text and "De chat" in text
            assert not page.locator("#reportqa-frame").is_visible()
        finally:
            browser.close()


@pytest.mark.parametrize("locale", ["fr-BE", "nl-BE"])
@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_every_tab_in_french_and_dutch_on_a_desktop_and_a_phone(
    server: str, locale: str, width: int, height: int
) -> None:
    """The chat, the figures tab and the check tab, as a French or Dutch reader sees them on a desktop and on a
    phone: the question box on the first screen, the chart beside (never over) the rebuilt table, a verdict with
    the report's figure in the page's number format, and none of the English words that used to leak."""
    from playwright.sync_api import sync_playwright

    french = locale.startswith("fr")
    figure = "2 345" if french else "2.345"
    english = ("Your question", "Ask", "Examples", "Documents:", "SAMPLE", "Answer language", "value", "row")
    english += ("column", "table or sentence", "processing", "Check a claim", "Figures", "supported")
    english += () if french else ("Sources", "source")  # French words too
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale=locale, is_mobile=width < 500)
            page.goto(server + "/")
            box = page.locator("#question textarea")
            box.wait_for(timeout=30_000)
            page.wait_for_timeout(1_000)  # the page as it settles
            place = box.bounding_box()
            assert place is not None and place["y"] + place["height"] <= height, place
            seen = [page.locator("body").inner_text()]

            page.get_by_role("tab", name="Chiffres" if french else "Cijfers").click()
            page.fill("#figure-search textarea", "retours forcés" if french else "gedwongen terugkeer")
            page.click("#figure-find")
            page.locator("#figures").get_by_text(figure, exact=True).first.click()
            table = page.locator("#source-table table")
            table.wait_for(timeout=30_000)
            chart = page.locator("#figure-chart canvas, #figure-chart svg").first
            chart.wait_for(timeout=30_000)
            page.wait_for_timeout(500)
            table_box, chart_box = table.bounding_box(), chart.bounding_box()
            assert table_box is not None and chart_box is not None
            apart = (
                chart_box["y"] >= table_box["y"] + table_box["height"]
                or table_box["y"] >= chart_box["y"] + chart_box["height"]
                or chart_box["x"] >= table_box["x"] + table_box["width"]
                or table_box["x"] >= chart_box["x"] + chart_box["width"]
            )
            assert apart, (table_box, chart_box)
            if width < 500 and not french:
                page.screenshot(path=str(REPO / "docs" / "figures-nl-mobile.png"), full_page=True)
            seen.append(page.locator("body").inner_text())

            page.get_by_role("tab", name="Vérifier un chiffre" if french else "Een cijfer controleren").click()
            claims = ("En 2023, il y a eu 2 500 retours forcés.", "In 2023 waren er 2.500 gedwongen terugkeren.")
            page.fill("#claim textarea", claims[0] if french else claims[1])
            page.click("#check")
            verdict = page.locator("#verdict")
            verdict.get_by_text(figure).first.wait_for(timeout=30_000)
            seen.append(page.locator("body").inner_text())
            lines = {line.strip() for text in seen for line in text.split("\n")}
            assert not [word for word in english if word in lines], [word for word in english if word in lines]
        finally:
            browser.close()
