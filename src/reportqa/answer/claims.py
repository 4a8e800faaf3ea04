"""Check a claim ("En 2023, le service a mené plus de 5 000 entretiens") against the report's figures."""

import re
from dataclasses import asdict, dataclass, field
from typing import Literal

from reportqa.answer.citations import Citation, document_url, marks_for
from reportqa.answer.evidence import coverage
from reportqa.answer.extractive import answer_question, report_year
from reportqa.chunk import Chunk
from reportqa.config import Edition, Language, Settings
from reportqa.index import LoadedIndex
from reportqa.index.figures import Fact
from reportqa.index.statements import row_text
from reportqa.language.detect import detect_language
from reportqa.language.glossary import alias_terms, countries_named, translate_terms
from reportqa.language.numbers import in_report_format, parse_number, without_written_numbers, written_numbers, years_in
from reportqa.language.terms import content_terms
from reportqa.messages.answers import CLAIM_REASONS

Verdict = Literal["supported", "contradicted", "not_found"]
Hedge = Literal["exact", "about", "over", "under"]

# How far a hedged figure may be from the report's: "près de 4 000" covers 3 962.
ABOUT_TOLERANCE = 0.05
# "plus de 5 000" when the report says 5 400 is supported; when it says 9 000 the claim misleads.
OVER_UNDER_TOLERANCE = 0.25
# Share of the claim's words a fact's row and table (or sentence) must hold to be about the same subject.
MIN_TOPIC = 0.5
# Share of the claim's subject words the best passage must hold when no single sentence answers the claim.
PASSAGE_COVERAGE = 0.75
COVERING_PASSAGES = 3  # passages looked at for the claim's subject when no sentence answers it
TOPIC_MARGIN = 0.15
# A row this close in meaning to a claim in other words is what the claim is about (cosine, e5 scale; calibrated
# on the calibration reports of the bench); the closest few rows are looked at for one with the claim's year.
MEANING_MIN_SIMILARITY = 0.86
MEANING_ROWS = 3
# The claim's own figure for its year is strong evidence: the passage stating it needs less closeness in meaning.
STATED_MIN_SIMILARITY = 0.83
_FILLER = re.compile(
    r"\b(le nombre|het aantal|the number|die zahl|il y a eu|er waren|waren er|there were|"
    r"there was|es gab|au total|in totaal|in total)\b",
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


def _agrees(claim: Claim, value: float) -> bool:
    if claim.value is None:
        return False
    if claim.hedge == "about":
        return abs(value - claim.value) <= ABOUT_TOLERANCE * max(abs(claim.value), 1)
    if claim.hedge == "over":
        return claim.value < value <= claim.value * (1 + OVER_UNDER_TOLERANCE)
    if claim.hedge == "under":
        return claim.value * (1 - OVER_UNDER_TOLERANCE) <= value < claim.value
    return round(value, 1) == round(claim.value, 1)


def _fact_citation(n: int, fact: Fact, index: LoadedIndex, settings: Settings) -> Citation:
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


def _relevant_facts(claim: Claim, index: LoadedIndex, settings: Settings) -> tuple[list[Fact], bool]:
    """Facts of the passages the claim is about, best passage first, and whether the evidence is strong enough
    (the same refusal rule as answers: close passage, year named, words covered or sentence close in meaning)."""
    question = re.sub(r"\d[\d \u00a0\u202f.,]*\s?%?", " ", claim.text) if claim.value is not None else claim.text
    question = " ".join(question.split() + claim.years)
    answer = answer_question(index, question, settings, claim.language)
    ranked = [hit.chunk.chunk_id for hit in answer.hits]
    facts = index.facts.in_chunks(ranked)
    facts.sort(key=lambda f: ranked.index(f.chunk_id))
    # A claim names its subject in full ("De consulenten voerden … gesprekken") where the report may spread it
    # over two sentences ("De consulenten … In totaal voerden zij bijna 4000 gesprekken"): the best passage that
    # holds the claim's subject words is evidence enough to compare figures, even when no one sentence answers.
    # The best three are looked at: a short passage (a footnote on returns) can outrank the table it annotates.
    strong = not answer.refused or any(
        _passage_covers(claim, hit.chunk.text, hit.chunk.edition) for hit in answer.hits[:COVERING_PASSAGES]
    )
    return facts, strong


def _passage_covers(claim: Claim, text: str, edition: Edition) -> bool:
    subject = {t for t in content_terms(translate_terms(_subject(claim), edition), edition) if not t[0].isdigit()}
    passage = alias_terms(text, edition)
    return len(subject) >= 2 and len(subject & passage) / len(subject) >= PASSAGE_COVERAGE


def _subject(claim: Claim) -> str:
    """The claim without its figure, hedge, direction and filler ("le nombre de", "there were")."""
    text = without_written_numbers(claim.text)
    for pattern in (_RISE, _FALL, _FILLER, *(p for _, p in _HEDGES)):
        text = pattern.sub(" ", text)
    return text


def _topic_score(fact: Fact, claim: Claim, idf: dict[str, float]) -> float:
    """Share of the claim's subject words in the fact's row and table (or sentence), official terms matched in
    any language; in an English or German claim, words the edition never uses do not count (they are English or
    German, not missing evidence). A total row wins a tie."""
    subject = translate_terms(_subject(claim), fact.edition)
    foreign = claim.language not in ("fr", "nl")
    terms = {t for t in content_terms(subject, fact.edition) if not t[0].isdigit() and (t in idf or not foreign)}
    label_text = f"{fact.row} {fact.table}" if fact.kind == "cell" else fact.text
    label = alias_terms(label_text, fact.edition)
    total = 0.01 if re.match(r"(total|totaal)\b", fact.row, re.I) else 0.0
    return len(terms & label) / max(len(terms), 1) + total


def _same_year(fact: Fact, claim: Claim, index: LoadedIndex) -> bool:
    if not claim.years:
        return True
    if fact.year is not None:
        return str(fact.year) in claim.years
    if fact.kind != "sentence":
        return False
    if years_in(fact.text):
        return any(year in fact.text for year in claim.years)
    # A sentence that names no year ("Au total, ils ont mené près de 4 000 entretiens") is about the year of its
    # document ("Rapport d'activité 2023 …: annonce"), when the title names one.
    chunk = index.chunks.get(fact.chunk_id)
    return chunk is not None and set(years_in(chunk.doc_title)) == set(claim.years)


def _states_year(fact: Fact, year: str) -> bool:
    return bool(year) and (str(fact.year) == year if fact.year is not None else year in years_in(fact.text))


def _direction(fact: Fact, claim: Claim, index: LoadedIndex) -> tuple[Literal["rise", "fall", ""], list[Fact]]:
    """Rise or fall of a table row between the claim's two years (or its last two columns), with both cells."""
    row = [f for f in index.facts.table(fact.chunk_id) if f.row_index == fact.row_index and f.year is not None]
    by_year = {str(f.year): f for f in row}
    years = sorted(claim.years[:2]) if len(claim.years) >= 2 else sorted(by_year)[-2:]
    if len(years) < 2 or not all(y in by_year for y in years):
        return "", []
    before, after = by_year[years[0]], by_year[years[1]]
    found = "rise" if after.value > before.value else "fall" if after.value < before.value else ""
    return found, [before, after]  # type: ignore[return-value]


def check_claim(index: LoadedIndex, text: str, settings: Settings, language: Language | None = None) -> CheckResult:
    """Supported, contradicted (with the report's figure beside the claim's) or not found, with the evidence."""
    claim = parse_claim(" ".join(text.split()), language)
    result = _checked(claim, index, settings)
    result.percent = claim.percent
    return result


def _checked(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult:
    if claim.value is None and not claim.direction:
        return CheckResult(claim.text, claim.language, "not_found", None, None, "no_figure")
    result = _checked_by_words(claim, index, settings)
    if result.verdict == "supported":
        return result
    if claim.value is not None and (stated := _stated_as_claimed(claim, index, settings)) is not None:
        return stated
    if result.verdict == "not_found" and claim.value is not None:
        return _checked_by_meaning(claim, index, settings) or result
    return result


def _stated_as_claimed(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult | None:
    """The claim's own figure, for its year, in a passage close to the claim in meaning: the report states it, in
    whatever words ("3 366 accouchements" where the report counts "naissances"). Only support is read this way: a
    passage near in meaning that states another figure may be about another subject."""
    assert claim.value is not None
    year = int(claim.years[0]) if claim.years else report_year(index)
    stated = [
        f
        for f in index.facts.with_value(claim.value)
        if (f.unit == "%") == claim.percent and (f.year == year or (f.year is None and str(year) in f.text))
    ]
    if not stated:
        return None
    similarities = index.statements.similarities(index.query_vector(" ".join([_subject(claim), *claim.years])))
    closeness: dict[str, float] = {}
    for key, similarity in similarities.items():
        chunk_id = key.rpartition(":")[0]
        closeness[chunk_id] = max(closeness.get(chunk_id, 0.0), similarity)
    close = [f for f in stated if closeness.get(f.chunk_id, 0.0) >= STATED_MIN_SIMILARITY]
    if not close:
        return None
    close.sort(key=lambda f: (f.edition != claim.language, -closeness[f.chunk_id]))
    evidence = [_fact_citation(n, f, index, settings) for n, f in enumerate(_one_per_document(close), 1)]
    return CheckResult(claim.text, claim.language, "supported", claim.value, close[0].value, "stated", evidence)


def _checked_by_meaning(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult | None:
    """A claim in other words than the report's: the table row closest to it in meaning (the row's section,
    caption and label, embedded with the index), when it is close enough and has a cell for the claim's year in
    the claim's unit, is what the claim is about. Rows only: a sentence near in meaning often states another
    figure of the same subject."""
    subject = " ".join([_subject(claim), *claim.years])
    similarities = index.statements.similarities(index.query_vector(subject))
    rows = sorted(((v, k) for k, v in similarities.items() if k.rpartition(":")[2].startswith("r")), reverse=True)
    year = claim.years[0] if claim.years else str(report_year(index) or "")
    for similarity, key in rows[:MEANING_ROWS]:
        if similarity < MEANING_MIN_SIMILARITY:
            break
        chunk_id, _, part = key.rpartition(":")
        row = int(part[1:])
        if not _row_names_the_subject(claim, index.chunks[chunk_id], row, index):
            continue
        cells = [
            f
            for f in index.facts.table(chunk_id)
            if f.row_index == row and (f.unit == "%") == claim.percent and str(f.year) == year
        ]
        if len(cells) != 1:  # no cell for the year, or several (a count and a share): not this row
            continue
        cell = cells[0]
        verdict: Verdict = "supported" if _agrees(claim, cell.value) else "contradicted"
        reason = "stated" if verdict == "supported" else "other_figure"
        evidence = [_fact_citation(1, cell, index, settings)]
        return CheckResult(claim.text, claim.language, verdict, claim.value, cell.value, reason, evidence)
    return None


def _row_names_the_subject(claim: Claim, chunk: Chunk, row: int, index: LoadedIndex) -> bool:
    """Closeness in meaning is not enough: the row (its section, caption and label) holds at least `MIN_TOPIC` of the
    claim's words that the report uses, peoples aside ("12 000 touristes chinois" is not the row of permits for
    China, whose only shared word is the country)."""
    edition, idf = chunk.edition, index.idf.get(chunk.edition, {})
    subject = translate_terms(_subject(claim), edition)
    peoples = alias_terms(" ".join(countries_named(subject)), edition)
    terms = {t for t in content_terms(subject, edition) if t in idf and not t[0].isdigit()} - peoples
    return bool(terms) and coverage(terms, alias_terms(row_text(chunk, row), edition), idf) >= MIN_TOPIC


def _checked_by_words(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult:
    facts, strong = _relevant_facts(claim, index, settings)
    candidates = [f for f in facts if (f.unit == "%") == claim.percent and _same_year(f, claim, index)]
    if not strong or not candidates:
        return CheckResult(claim.text, claim.language, "not_found", claim.value, None, "no_fact")
    own = [f for f in candidates if f.edition == claim.language] or candidates
    scores = {f.fact_id: _topic_score(f, claim, index.idf.get(f.edition, {})) for f in own}
    top = max(scores.values())
    # Only facts about the claim's subject count: a figure that happens to match in another row proves nothing.
    # A claim that names no year is about the report's year: of a row's cells, that year's is compared first
    # ("plus de 9 000 entretiens" is set beside 2023's 3 962, not beside 2021's 3 114).
    year = str(report_year(index)) if not claim.years else ""
    ranked = sorted(
        (f for f in own if scores[f.fact_id] >= max(MIN_TOPIC, top - TOPIC_MARGIN)),
        key=lambda f: (-scores[f.fact_id], not _states_year(f, year), own.index(f)),
    )
    if not ranked:
        return CheckResult(claim.text, claim.language, "not_found", claim.value, None, "no_subject")
    if claim.value is None:  # "les interventions ont augmenté entre 2022 et 2023"
        return _checked_direction(claim, own, scores, index, settings)
    return _checked_value(claim, ranked, index, settings)


def _checked_direction(
    claim: Claim, own: list[Fact], scores: dict[str, float], index: LoadedIndex, settings: Settings
) -> CheckResult:
    """A rise or a fall claimed: the best-matching table row that has both years (a breakdown by nationality has
    only one). Rows are weighed against rows: the report's sentence naming the subject better must not push its
    table out."""
    rows = [f for f in own if f.kind == "cell"]
    top_row = max((scores[f.fact_id] for f in rows), default=0.0)
    rows = [f for f in rows if scores[f.fact_id] >= max(MIN_TOPIC, top_row - TOPIC_MARGIN)]
    rows.sort(key=lambda f: (-scores[f.fact_id], own.index(f)))
    found, cells = next((d for d in (_direction(f, claim, index) for f in rows[:20]) if d[0]), ("", []))
    if not found:
        return CheckResult(claim.text, claim.language, "not_found", None, None, "no_series")
    verdict: Verdict = "supported" if found == claim.direction else "contradicted"
    evidence = [_fact_citation(n, f, index, settings) for n, f in enumerate(cells, 1)]
    return CheckResult(claim.text, claim.language, verdict, None, cells[-1].value, found, evidence)


def _checked_value(claim: Claim, ranked: list[Fact], index: LoadedIndex, settings: Settings) -> CheckResult:
    """A figure claimed: supported by the facts about its subject that agree with it, else contradicted by the
    best of them."""
    matching = [f for f in ranked if _agrees(claim, f.value)]
    if matching:
        evidence = [_fact_citation(n, f, index, settings) for n, f in enumerate(_one_per_document(matching), 1)]
        others = [f for f in ranked[:3] if f.doc_id != matching[0].doc_id and not _agrees(claim, f.value)]
        reason, other = "stated", ""
        if others:
            reason, other = "stated_elsewhere_differently", others[0].text
            evidence.append(_fact_citation(len(evidence) + 1, others[0], index, settings))
        value = matching[0].value
        return CheckResult(claim.text, claim.language, "supported", claim.value, value, reason, evidence, other)
    best = ranked[0]
    evidence = [_fact_citation(1, best, index, settings)]
    return CheckResult(claim.text, claim.language, "contradicted", claim.value, best.value, "other_figure", evidence)


def _one_per_document(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.doc_id, fact)
    return list(seen.values())[:3]
