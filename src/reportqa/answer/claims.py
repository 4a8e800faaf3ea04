"""Check a claim ("En 2023, le service a mené plus de 5 000 entretiens") against the report's figures: by the words
of the passages about its subject first, then by meaning (`claim_meaning`)."""

import re
from typing import Literal

from reportqa.answer.claim import (
    MIN_TOPIC,
    CheckResult,
    Claim,
    Verdict,
    agrees,
    fact_citation,
    one_per_document,
    parse_claim,
    subject_of,
)
from reportqa.answer.claim_meaning import checked_by_meaning, figure_nearby, stated_as_claimed
from reportqa.answer.extractive import answer_question, report_year
from reportqa.config import Edition, Language, Settings
from reportqa.index import LoadedIndex
from reportqa.index.figures import Fact
from reportqa.language.glossary import alias_terms, translate_terms
from reportqa.language.numbers import years_in
from reportqa.language.terms import content_terms

# Share of the claim's subject words the best passage must hold when no single sentence answers the claim.
PASSAGE_COVERAGE = 0.75
COVERING_PASSAGES = 3  # passages looked at for the claim's subject when no sentence answers it
TOPIC_MARGIN = 0.15


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
    subject = {t for t in content_terms(translate_terms(subject_of(claim), edition), edition) if not t[0].isdigit()}
    passage = alias_terms(text, edition)
    return len(subject) >= 2 and len(subject & passage) / len(subject) >= PASSAGE_COVERAGE


def _topic_score(fact: Fact, claim: Claim, idf: dict[str, float]) -> float:
    """Share of the claim's subject words in the fact's row and table (or sentence), official terms matched in
    any language; in an English or German claim, words the edition never uses do not count (they are English or
    German, not missing evidence). A total row wins a tie."""
    subject = translate_terms(subject_of(claim), fact.edition)
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
    if claim.value is not None and (stated := stated_as_claimed(claim, index, settings)) is not None:
        return stated
    if result.verdict == "not_found" and claim.value is not None:
        return checked_by_meaning(claim, index, settings) or figure_nearby(claim, index, settings) or result
    return result


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
    evidence = [fact_citation(n, f, index, settings) for n, f in enumerate(cells, 1)]
    return CheckResult(claim.text, claim.language, verdict, None, cells[-1].value, found, evidence)


def _checked_value(claim: Claim, ranked: list[Fact], index: LoadedIndex, settings: Settings) -> CheckResult:
    """A figure claimed: supported by the facts about its subject that agree with it, else contradicted by the
    best of them."""
    matching = [f for f in ranked if agrees(claim, f.value)]
    if matching:
        evidence = [fact_citation(n, f, index, settings) for n, f in enumerate(one_per_document(matching), 1)]
        others = [f for f in ranked[:3] if f.doc_id != matching[0].doc_id and not agrees(claim, f.value)]
        reason, other = "stated", ""
        if others:
            reason, other = "stated_elsewhere_differently", others[0].text
            evidence.append(fact_citation(len(evidence) + 1, others[0], index, settings))
        value = matching[0].value
        return CheckResult(claim.text, claim.language, "supported", claim.value, value, reason, evidence, other)
    best = ranked[0]
    evidence = [fact_citation(1, best, index, settings)]
    return CheckResult(claim.text, claim.language, "contradicted", claim.value, best.value, "other_figure", evidence)
