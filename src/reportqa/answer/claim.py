"""What a claim is ("En 2023, le service a mené plus de 5 000 entretiens"): its figure, hedge, years and direction
read from its words; a verdict on it with the report's figure and the cells or sentences it stands in."""

import re
from dataclasses import asdict, dataclass, field
from typing import Literal

from reportqa.answer.citations import Citation, document_url, marks_for
from reportqa.config import Language, Settings
from reportqa.index import LoadedIndex
from reportqa.index.figures import Fact
from reportqa.language.detect import detect_language
from reportqa.language.numbers import in_report_format, parse_number, without_written_numbers, written_numbers, years_in
from reportqa.messages.answers import CLAIM_REASONS

Verdict = Literal["supported", "contradicted", "not_found"]


Hedge = Literal["exact", "about", "over", "under"]


# How far a hedged figure may be from the report's: "près de 4 000" covers 3 962.
ABOUT_TOLERANCE = 0.05


# "plus de 5 000" when the report says 5 400 is supported; when it says 9 000 the claim misleads.
OVER_UNDER_TOLERANCE = 0.25


# Share of the claim's words a fact's row and table (or sentence) must hold to be about the same subject.
MIN_TOPIC = 0.5


_FILLER = re.compile(
    r"\b(le nombre|het aantal|the number|die zahl|il y a eu|er waren|waren er|there were|"
    r"there was|es gab|au total|in totaal|in total|"
    # what a claim says the report says ("le rapport fait état de …"): the report is not the claim's subject
    r"le rapport (?:fait état de|indique|mentionne|signale)|het verslag (?:vermeldt|meldt|noemt)|"
    r"the report (?:gives|states|mentions|says)|der bericht (?:nennt|meldet))\b",
    re.I,
)


_HEDGES: list[tuple[Hedge, re.Pattern[str]]] = [
    (
        "about",
        re.compile(
            r"\b(près de|presque|environ|quelque|approximativement|bijna|ongeveer|circa|zo'n|"
            r"nearly|almost|about|around|approximately|roughly|some|fast|etwa|rund|ungefähr)\b",
            re.I,
        ),
    ),
    ("over", re.compile(r"\b(plus de|au moins|ruim|meer dan|minstens|over|more than|at least|mehr als|über)\b", re.I)),
    ("under", re.compile(r"\b(moins de|minder dan|less than|fewer than|under|weniger als|unter)\b", re.I)),
]


_RISE = re.compile(
    r"\b(hausse|augment\w*|progress\w*|stijg\w*|steeg|toename|toegenomen|gestegen|increase\w*|"
    r"rise|rose|grew|growth|anstieg|gestiegen)\b",
    re.I,
)


_FALL = re.compile(
    r"\b(baiss\w*|diminu\w*|recul\w*|dal\w*|afname|afgenomen|gedaald|decrease\w*|decline\w*|fell|"
    r"drop\w*|fall|rückgang|gesunken)\b",
    re.I,
)


@dataclass(frozen=True)
class Claim:
    text: str
    language: Language
    value: float | None
    percent: bool
    hedge: Hedge
    years: list[str]
    direction: Literal["rise", "fall", ""]


@dataclass
class CheckResult:
    claim: str
    language: Language
    verdict: Verdict
    claim_value: float | None
    report_value: float | None
    reason: str  # a key of lang.CLAIM_REASONS
    evidence: list[Citation] = field(default_factory=list)
    other: str = ""  # another document's wording, for the reason "stated_elsewhere_differently"
    percent: bool = False  # the claim's and the report's values are percentages

    def explain(self, language: Language | None = None) -> str:
        """Why this verdict, in `language` (by default the claim's)."""
        return CLAIM_REASONS[self.reason][language or self.language].format(other=self.other)

    @property
    def explanation(self) -> str:
        return self.explain()

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "explanation": self.explanation}


def parse_claim(text: str, language: Language | None = None) -> Claim:
    language = language or detect_language(text)
    numbers = written_numbers(text)
    parsed = parse_number(in_report_format(numbers[0], language)) if numbers else None
    if parsed is not None and not parsed[1] and re.search(r"pour ?cent|procent|percent|prozent", text, re.I):
        parsed = (parsed[0], True)
    hedge: Hedge = next((name for name, pattern in _HEDGES if pattern.search(text)), "exact")
    direction: Literal["rise", "fall", ""] = "rise" if _RISE.search(text) else "fall" if _FALL.search(text) else ""
    return Claim(
        text,
        language,
        parsed[0] if parsed else None,
        bool(parsed and parsed[1]),
        hedge,
        sorted(years_in(text)),
        direction,
    )


def agrees(claim: Claim, value: float) -> bool:
    if claim.value is None:
        return False
    if claim.hedge == "about":
        return abs(value - claim.value) <= ABOUT_TOLERANCE * max(abs(claim.value), 1)
    if claim.hedge == "over":
        return claim.value < value <= claim.value * (1 + OVER_UNDER_TOLERANCE)
    if claim.hedge == "under":
        return claim.value * (1 - OVER_UNDER_TOLERANCE) <= value < claim.value
    return round(value, 1) == round(claim.value, 1)


def subject_of(claim: Claim) -> str:
    """The claim without its figure, hedge, direction and filler ("le nombre de", "there were")."""
    text = without_written_numbers(claim.text)
    for pattern in (_RISE, _FALL, _FILLER, *(p for _, p in _HEDGES)):
        text = pattern.sub(" ", text)
    return text


def fact_citation(n: int, fact: Fact, index: LoadedIndex, settings: Settings) -> Citation:
    """A fact cited like an answer: a table cell as table, row, column; a sentence as itself."""
    chunk = index.chunks[fact.chunk_id]
    quote = fact.text if fact.kind == "sentence" else f"{fact.table} — {fact.row}, {fact.column}: {fact.text}"
    return Citation(
        n,
        fact.document,
        fact.edition,
        fact.section,
        fact.section_title,
        fact.page,
        fact.physical_page,
        quote,
        document_url(chunk, settings),
        chunk.kind,
        doc_id=chunk.doc_id,
        doc_version=chunk.doc_version,
        marks=marks_for(chunk, quote, (fact.row_index, fact.column_index) if fact.kind == "cell" else None),
    )


def one_per_document(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.doc_id, fact)
    return list(seen.values())[:3]
