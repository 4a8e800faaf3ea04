"""The gold set: questions with what a right answer states and where it stands (edition, section, page), and the
checks of an answer against them."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from reportqa.answer.extractive import Citation
from reportqa.answer.guard import without_markers
from reportqa.chunk import Chunk
from reportqa.language.numbers import numbers_with_years, parse_number, years_in
from reportqa.language.terms import sentences


@dataclass(frozen=True)
class GoldItem:
    id: str
    lang: str
    kind: str
    question: str
    answerable: bool
    expected: list[str]
    sections: list[str]
    pages: dict[str, list[str]]
    documents: list[str] = field(default_factory=lambda: ["report"])
    history: list[str] = field(default_factory=list)
    # "dev": thresholds and weights may be calibrated on it; "test": reported, never calibrated on.
    split: str = "test"
    year: int | None = None  # the year asked, when the question names it only in words ("l'an dernier")

    @property
    def asked_years(self) -> set[int]:
        return {self.year} if self.year else {int(y) for y in years_in(self.question)}


def states_figure(answer: str, expected: list[str], years: set[int]) -> bool:
    """The answer states an expected figure for the year asked: "3 327" in a row that goes on "| 2023: 3 994"
    is the 2022 figure and does not answer for 2023 (nor 3 994 for 2022). An expected answer in words
    ("numérisation") only has to stand in the answer."""
    said = without_markers(answer).casefold()
    if any(not parse_number(e) and e.casefold() in said for e in expected):
        return True
    wanted = {parsed[0] for e in expected if (parsed := parse_number(e))}
    for sentence in sentences(without_markers(answer)):
        for number, year in numbers_with_years(sentence):
            parsed = parse_number(number)
            if parsed and parsed[0] in wanted and (not years or year is None or year in years):
                return True
    return False


def load_gold(path: Path) -> list[GoldItem]:
    fields = set(GoldItem.__dataclass_fields__)
    with path.open(encoding="utf-8") as lines:
        return [
            GoldItem(**{k: v for k, v in json.loads(line).items() if k in fields}) for line in lines if line.strip()
        ]


def place_matches(kind: str, edition: str, section: str, page: str, item: GoldItem) -> bool:
    if item.lang in ("fr", "nl") and edition != item.lang:
        return False
    if kind == "announcement" or "report" not in item.documents:
        return kind == "announcement" and "announcement" in item.documents
    if section not in item.sections:
        return False
    return item.kind == "section" or page in item.pages.get(edition, [])


def relevant(where: Chunk | Citation, item: GoldItem) -> bool:
    section = where.section_number if isinstance(where, Chunk) else where.section
    return place_matches(where.kind, where.edition, section, where.page, item)
