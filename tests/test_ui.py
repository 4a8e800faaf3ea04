"""The interface's words: one catalogue per language, complete, and numbers written as each language writes them."""

import re

import pandas as pd
import pytest

from reportqa.messages import page as catalogue
from reportqa.messages.answers import CLAIM_REASONS
from reportqa.web.ui import figures, render

PAGE_LANGUAGES = ("fr", "nl", "en")


@pytest.mark.parametrize(
    "catalogue",
    [
        catalogue.PAGE_LABELS,
        catalogue.PAGE_TEXT,
        catalogue.BANNER_TEXT,
        catalogue.SEARCHING,
        catalogue.EXAMPLES,
        catalogue.ANSWERED_BY,
        catalogue.TAB_TITLE,
        catalogue.SECTION_WORD,
    ],
)
def test_every_catalogue_has_every_page_language_with_the_same_keys(catalogue: dict) -> None:  # type: ignore[type-arg]
    assert set(PAGE_LANGUAGES) <= set(catalogue)
    shapes = {
        lang: sorted(entry) if isinstance(entry, dict) else len(entry) if isinstance(entry, list | tuple) else "text"
        for lang, entry in catalogue.items()
    }
    assert len({str(shapes[lang]) for lang in PAGE_LANGUAGES}) == 1, shapes


def test_claim_reasons_are_explained_in_four_languages() -> None:
    for reason, texts in CLAIM_REASONS.items():
        assert set(texts) == {"fr", "nl", "en", "de"}, reason


def test_french_and_dutch_words_are_not_english() -> None:
    for lang in ("fr", "nl"):
        labels = " ".join(str(v) for v in catalogue.PAGE_LABELS[lang].values())
        words = labels + " ".join(catalogue.PAGE_TEXT[lang].values())
        for english in ("Search", "Export", "value", "row", "table or sentence", "claim", "report", "Documents:"):
            assert not re.search(rf"\b{re.escape(english)}\b", words), (lang, english)


@pytest.mark.parametrize(
    ("value", "language", "percent", "written"),
    [
        (2800, "fr", False, "2\u00a0800"),
        (2800, "nl", False, "2.800"),
        (2800, "en", False, "2,800"),
        (5.5, "fr", True, "5,5 %"),
        (5.5, "nl", True, "5,5%"),
        (5.5, "en", True, "5.5%"),
        (235458, "nl", False, "235.458"),
        (None, "fr", False, "—"),
    ],
)
def test_numbers_are_written_as_the_page_language_writes_them(
    value: float | None, language: str, percent: bool, written: str
) -> None:
    assert render.format_number(value, language, percent) == written  # type: ignore[arg-type]


@pytest.mark.parametrize(("values", "axis_format"), [([2862.0, 3327.0, 3994.0], "d"), ([12.5, 20.0], None)])
def test_the_chart_starts_at_zero_and_labels_counts_without_an_english_comma(
    values: list[float], axis_format: str | None
) -> None:
    series = pd.DataFrame({"année": [str(2021 + n) for n in range(len(values))], "valeur": values})
    chart = figures.row_chart(series)
    assert chart.y_lim[0] == 0 and chart.y_lim[1] >= max(values)
    assert chart.y_axis_format == axis_format
