"""A claim in other words than the report's, checked by meaning: the statements (table rows and sentences stating a
figure, embedded with the index) closest to the claim, where the report's own figure for its subject and year is."""

from itertools import islice

from reportqa.answer.claim import (
    MIN_TOPIC,
    CheckResult,
    Claim,
    Verdict,
    agrees,
    fact_citation,
    one_per_document,
    subject_of,
)
from reportqa.answer.evidence import coverage
from reportqa.answer.extractive import report_year
from reportqa.answer.rows import without_preamble
from reportqa.chunk import Chunk
from reportqa.config import Edition, Settings
from reportqa.index import LoadedIndex
from reportqa.index.figures import Fact
from reportqa.index.statements import row_text, statement_text
from reportqa.language.glossary import alias_terms, countries_named, translate_terms
from reportqa.language.terms import content_terms

# A row this close in meaning to a claim in other words is what the claim is about (cosine, e5 scale; calibrated
# on the calibration reports of the bench); the closest few rows are looked at for one with the claim's year.
MEANING_MIN_SIMILARITY = 0.86


MEANING_ROWS = 3


# The claim's own figure for its year is strong evidence: the passage stating it needs less closeness in meaning.
STATED_MIN_SIMILARITY = 0.83

# Rows or sentences that close and naming the subject, where a claim's figure is looked for.
NEARBY_STATEMENTS = 3
SAME_ORDER = 2.0  # a figure more than twice or less than half the claim's measures something else


def stated_as_claimed(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult | None:
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
    similarities = index.statements.similarities(index.query_vector(" ".join([subject_of(claim), *claim.years])))
    closeness: dict[str, float] = {}
    for key, similarity in similarities.items():
        chunk_id = key.rpartition(":")[0]
        closeness[chunk_id] = max(closeness.get(chunk_id, 0.0), similarity)
    close = [f for f in stated if closeness.get(f.chunk_id, 0.0) >= STATED_MIN_SIMILARITY]
    if not close:
        return None
    close.sort(key=lambda f: (f.edition != claim.language, -closeness[f.chunk_id]))
    evidence = [fact_citation(n, f, index, settings) for n, f in enumerate(one_per_document(close), 1)]
    return CheckResult(claim.text, claim.language, "supported", claim.value, close[0].value, "stated", evidence)


def checked_by_meaning(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult | None:
    """A claim in other words than the report's: the table row closest to it in meaning (the row's section,
    caption and label, embedded with the index), when it is close enough and has a cell for the claim's year in
    the claim's unit, is what the claim is about. Rows only: a sentence near in meaning often states another
    figure of the same subject."""
    subject = " ".join([subject_of(claim), *claim.years])
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
        verdict: Verdict = "supported" if agrees(claim, cell.value) else "contradicted"
        reason = "stated" if verdict == "supported" else "other_figure"
        evidence = [fact_citation(1, cell, index, settings)]
        return CheckResult(claim.text, claim.language, verdict, claim.value, cell.value, reason, evidence)
    return None


def _row_names_the_subject(claim: Claim, chunk: Chunk, row: int, index: LoadedIndex) -> bool:
    return _names_the_subject(claim, row_text(chunk, row), chunk.edition, index)


def _names_the_subject(
    claim: Claim, text: str, edition: Edition, index: LoadedIndex, unused_words_count: bool = False
) -> bool:
    """Closeness in meaning is not enough: the text (a row's section, caption and label, or a sentence with its
    section) holds at least `MIN_TOPIC` of the claim's words that the report uses, peoples aside ("12 000 touristes
    chinois" is not the row of permits for China, whose only shared word is the country). `unused_words_count`: the
    claim's words the report never uses count too, as its rarest ("8 500 cartes de membre délivrées" is not answered
    by a row of permits delivered by nationality)."""
    idf = index.idf.get(edition, {})
    subject = translate_terms(without_preamble(subject_of(claim), idf, edition), edition)
    peoples = alias_terms(" ".join(countries_named(subject)), edition)
    terms = {t for t in content_terms(subject, edition) if not t[0].isdigit() and (unused_words_count or t in idf)}
    terms -= peoples
    return bool(terms) and coverage(terms, alias_terms(text, edition), idf) >= MIN_TOPIC


def figure_nearby(claim: Claim, index: LoadedIndex, settings: Settings) -> CheckResult | None:
    """A claim whose figure the report does not state: of the rows and sentences closest to it in meaning (as close
    as a stated figure needs), the first that names its subject and holds one figure for the claim's year in its
    unit, of the same order as the claim's, is the report's figure for it. A figure of another order is another
    measure: nothing is said of it."""
    assert claim.value is not None
    year = int(claim.years[0]) if claim.years else report_year(index)
    similarities = index.statements.similarities(index.query_vector(" ".join([subject_of(claim), *claim.years])))
    ranked = sorted(((v, k) for k, v in similarities.items() if v >= STATED_MIN_SIMILARITY), reverse=True)
    naming = (key for _, key in ranked if _statement_names_the_subject(claim, key, index))
    for key in islice(naming, NEARBY_STATEMENTS):
        figures = [f for f in _statement_facts(key, index) if (f.unit == "%") == claim.percent and f.year == year]
        if len(figures) != 1:
            continue
        figure = figures[0]
        verdict: Verdict
        if agrees(claim, figure.value):
            verdict, reason = "supported", "stated"
        elif claim.value > 0 and 1 / SAME_ORDER <= figure.value / claim.value <= SAME_ORDER:
            verdict, reason = "contradicted", "other_figure"
        else:
            continue
        evidence = [fact_citation(1, figure, index, settings)]
        return CheckResult(claim.text, claim.language, verdict, claim.value, figure.value, reason, evidence)
    return None


def _statement_names_the_subject(claim: Claim, key: str, index: LoadedIndex) -> bool:
    chunk = index.chunks[key.rpartition(":")[0]]
    text = f"{chunk.section_label} {statement_text(chunk, key)}"
    return _names_the_subject(claim, text, chunk.edition, index, unused_words_count=True)


def _statement_facts(key: str, index: LoadedIndex) -> list[Fact]:
    """The figures of one statement: a table row's cells, or a sentence's numbers."""
    chunk_id, _, part = key.rpartition(":")
    if part.startswith("r"):
        return [f for f in index.facts.table(chunk_id) if f.row_index == int(part[1:])]
    return [f for f in index.facts.in_chunks([chunk_id]) if f.fact_id.startswith(f"{key}n")]
