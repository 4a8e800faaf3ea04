"""The citation viewer: sentences and cells placed on their page at build time, the page drawn with the cited
figure highlighted (the text under each box is the figure), looked up by id only, readable on a phone."""

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pymupdf
import pytest
from conftest import REPO
from fixture_report import write_fixture_reports

from reportqa.positions import Box, cell_boxes, page_words, sentence_boxes

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _text_under(pdf: bytes, page: int, box: Box) -> str:
    """The words PyMuPDF reads inside a box given as fractions of the page."""
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        drawn = document[page - 1]
        width, height = drawn.rect.width, drawn.rect.height
        rect = pymupdf.Rect(box[0] * width, box[1] * height, box[2] * width, box[3] * height)
        return " ".join(drawn.get_textbox(rect).split())


@pytest.fixture(scope="module")
def fixture_pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_fixture_reports(tmp_path_factory.mktemp("pdfs"))


@pytest.mark.parametrize(
    ("edition", "label", "header", "cell"),
    [(0, "Retours forcés", "2023", "2\u00a0345"), (0, "Total", "2022", "7\u00a0087"), (1, "Totaal", "2023", "7.777")],
)
def test_a_cell_is_placed_over_its_printed_figure(
    fixture_pdfs: tuple[Path, Path], edition: int, label: str, header: str, cell: str
) -> None:
    pdf = fixture_pdfs[edition]
    with pymupdf.open(pdf) as document:
        page = document[3]
        words = page_words(page.get_text("words"), page.rect.width, page.rect.height)
    boxes = cell_boxes(words, label, header, cell)
    assert len(boxes) == 1
    assert _text_under(pdf.read_bytes(), 4, boxes[0]) == cell.replace("\u00a0", " ")


def test_a_sentence_is_placed_over_its_lines(fixture_pdfs: tuple[Path, Path]) -> None:
    pdf = fixture_pdfs[0]
    sentence = (
        "En 2023, 5\u00a0432 personnes sont retournées volontairement dans leur pays d'origine avec l'aide de l'Office."
    )
    with pymupdf.open(pdf) as document:
        page = document[3]
        words = page_words(page.get_text("words"), page.rect.width, page.rect.height)
    boxes = sentence_boxes(words, sentence)
    assert len(boxes) == 2  # one box per printed line
    under = " ".join(_text_under(pdf.read_bytes(), 4, box) for box in boxes)
    assert under == sentence.replace("\u00a0", " ")
    assert sentence_boxes(words, "Une phrase qui n'est pas sur cette page du tout, ni ailleurs dans le rapport.") == []


def _boxes(page: str) -> list[Box]:
    found = re.findall(r'class="mark"[^>]*data-box="([\d.,]+)"', page)
    return [tuple(float(v) for v in box.split(",")) for box in found]  # type: ignore[misc]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("Combien de retours forcés en 2023 ?", ["2 345"]),
        ("Hoeveel gedwongen terugkeer was er in 2023?", ["2.345"]),
        ("De combien les retours forcés ont-ils augmenté entre 2022 et 2023 ?", ["2 100", "2 345"]),  # computed
    ],
)
def test_a_citation_opens_its_page_with_the_cited_figures_highlighted(
    server: str, question: str, figures: list[str]
) -> None:
    answer = httpx.post(f"{server}/api/ask", json={"question": question}, timeout=60).json()
    citation = answer["citations"][0]
    assert citation["view"].startswith(f"/view/{citation['doc_id']}/{citation['physical_page']}?")
    page = httpx.get(server + citation["view"], timeout=30)
    assert page.status_code == 200 and f'<html lang="{answer["language"]}">' in page.text
    pdf = httpx.get(server + citation["url"].split("#")[0]).content
    boxes = _boxes(page.text)
    # Each box drawn twice (the enlarged part, the whole page), each over one of the cited figures.
    assert sorted({_text_under(pdf, citation["physical_page"], box) for box in boxes}) == sorted(figures)
    pdf_link = re.search(r'<a href="([^"]+)"', page.text)
    assert pdf_link is not None and pdf_link.group(1) == citation["url"].replace("&", "&amp;")
    images = re.findall(r'<img src="([^"]+)"', page.text)
    assert len(images) == 2
    # The enlarged part: around the figures, a band of the page (what a phone shows first, readable).
    clip = [float(v) for v in re.findall(r"clip=([\d.%C]+)", images[0])[0].replace("%2C", ",").split(",")]
    assert clip[3] - clip[1] <= 0.3 and all(clip[0] <= b[0] and b[2] <= clip[2] for b in boxes), (clip, boxes)
    for image in images:
        drawn = httpx.get(server + image.replace("&amp;", "&"))
        assert drawn.status_code == 200 and drawn.content.startswith(b"\x89PNG")


@pytest.mark.slow
def test_the_viewer_looks_documents_up_by_id_only(server: str) -> None:
    answer = httpx.post(f"{server}/api/ask", json={"question": "Combien de retours forcés en 2023 ?"}).json()
    view = answer["citations"][0]["view"]
    for bad in (
        "/view/..%2F..%2Fetc%2Fpasswd/1",
        "/view/rapport-test-fr/999",
        "/view/rapport-test-fr/4?v=../../x",
        view.replace("chunk=rapport-test-fr", "chunk=verslag-test-nl"),  # a passage of another document
        view.replace("m=r1c2", "m=../x"),
    ):
        assert httpx.get(server + bad).status_code in (404, 422), bad
    image = view.split("?")[0] + "/page.png"
    assert httpx.get(server + image, params={"clip": "0,0,2,1"}).status_code == 422
    assert httpx.get(server + image, params={"clip": "0.1,0.1,0.5,0.5"}).content.startswith(b"\x89PNG")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("locale", "width", "height", "question", "figure", "picture"),
    [
        ("fr-BE", 1366, 900, "Combien de retours forcés en 2023 ?", "2 345", "viewer-desktop.png"),
        ("nl-BE", 390, 844, "Hoeveel gedwongen terugkeer was er in 2023?", "2.345", "viewer-mobile.png"),
    ],
)
def test_the_chat_marker_opens_the_page_with_the_figure_highlighted(
    server: str, browser: object, locale: str, width: int, height: int, question: str, figure: str, picture: str
) -> None:
    """In the chat, [1] opens the viewer in a new tab: in the page's language, the highlight box over the cited
    figure and inside the first screen, a link to the whole PDF. Saves docs/viewer-desktop.png and
    docs/viewer-mobile.png."""
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": height}, locale=locale, is_mobile=width < 500
    )
    try:
        page = context.new_page()
        page.goto(server + "/")
        page.fill("#question textarea", question)
        page.click("#send")
        marker = page.locator("#chat").get_by_role("link", name="[1]", exact=True).first
        marker.wait_for(timeout=60_000)
        with context.expect_page() as opened:
            marker.click()
        viewer = opened.value
        viewer.wait_for_load_state()
        assert viewer.url.startswith(f"{server}/view/")
        assert viewer.locator("html").get_attribute("lang") == locale[:2]
        mark = viewer.locator("#hl")
        mark.wait_for(timeout=10_000)
        viewer.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        place, image = mark.bounding_box(), viewer.locator(".zoom img").bounding_box()
        assert place is not None and image is not None
        assert place["y"] + place["height"] <= height and place["width"] > 5  # on the first screen
        assert image["x"] <= place["x"] and place["x"] + place["width"] <= image["x"] + image["width"] + 1
        box = tuple(float(v) for v in (mark.get_attribute("data-box") or "").split(","))
        pdf_link = viewer.locator("header a")
        pdf = httpx.get(server + (pdf_link.get_attribute("href") or "").split("#")[0]).content
        assert _text_under(pdf, 4, box) == figure  # type: ignore[arg-type]
        viewer.screenshot(path=str(REPO / "docs" / picture))
    finally:
        context.close()
