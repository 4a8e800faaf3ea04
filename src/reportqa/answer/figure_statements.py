"""The statements that can answer a figure question, weighed: every table cell and every sentence stating a figure
in the passages found, scored by how closely it matches the question in meaning and in words, the year, the unit
and the action asked; the best one answers when its evidence suffices."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportqa.answer.actions import other_action
from reportqa.answer.asked import (
    BREAKDOWN,
    TOTAL,
    FigureQuestion,
    QuestionWords,
    figure_question,
    kind_asked,
    month_rows,
    percent_words,
    question_words,
    states_share,
)
from reportqa.answer.citations import sentences_of
from reportqa.answer.evidence import Evidence, Thresholds, coverage, suffices
from reportqa.answer.retrieve import Hit, cosines
from reportqa.chunk import Chunk
from reportqa.config import Edition, Language
from reportqa.index import LoadedIndex
from reportqa.index.statements import row_key, sentence_key
from reportqa.language.glossary import alias_terms, expand
from reportqa.language.numbers import is_year, numbers_with_years, parse_number, years_in
from reportqa.language.terms import content_terms

LEXICAL_WEIGHT = 0.25
# A row whose own label the question names ("refusés", "Afghanistan") over its neighbours in the same table.
LABEL_WEIGHT = 0.1
# A row whose label says more than the question asks ("Abonnés jeunes de moins de 12 ans" for "combien
# d'abonnés jeunes"): the total answers a general question.
UNASKED_LABEL_WEIGHT = 0.05
# A row whose label names what the question counts ("combien d'entretiens": "Entretiens menés").
COUNTED_WEIGHT = 0.03
PERCENT_BONUS = 0.05
NOT_PERCENT_PENALTY = 0.2
# A passage from the other edition must beat the asker's edition by this much to be quoted.
OTHER_EDITION_PENALTY = 0.02
# Passages holding the rows and sentences closest to the question join the retrieved ones: a table the passage
# search ranked low can still hold the one row asked about.
CLOSEST_STATEMENTS = 8
# A statement that names none of the codes or acronyms the question writes ("MIVB", "art. 12"), in a section about
# none of them, is about something else: it ranks below those that name one.
OFF_SUBJECT_PENALTY = 0.1
# The sentence before a figure joins it only when it adds the subject, not for a word or two.
JOINED_PENALTY = 0.02


@dataclass(frozen=True)
class Statement:
    """A place that states a figure: a table cell (with its row as the quote) or a sentence of the report."""

    hit: Hit
    quote: str
    score: float
    evidence: Evidence
    cell: tuple[int, int] | None = None  # (row, column) of a table cell

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk


def quantities_in(text: str) -> list[tuple[str, int | None]]:
    return [(n, y) for n, y in numbers_with_years(text) if not is_year(n.strip())]


def _year_column(
    chunk: Chunk, row: int, asked: set[str], measure: Callable[[int], float] | None = None
) -> tuple[int, bool] | None:
    """The column to answer from: the year asked, else the latest year; in a table of measures (no year columns:
    "Capacité | Clients | Taux de charge" for each site), the measure the question names (`measure` weighs a
    column's header), and none when it names none of several; and whether it is the year asked."""
    assert chunk.table is not None
    header, cells = chunk.table.header, chunk.table.rows[row]
    filled = [c for c in range(1, len(cells)) if parse_number(cells[c]) is not None]
    if not filled:
        return None
    years = {header[c].strip(): c for c in filled if c < len(header) and is_year(header[c].strip())}
    if not years and measure is not None and len(filled) > 1:
        weights = {c: measure(c) for c in filled}
        named = max(filled, key=weights.__getitem__)
        if weights[named] <= 0:
            return None  # several measures, none named: which one was asked is a guess
        filled = [named]
    if asked:
        chosen = next((years[y] for y in sorted(asked) if y in years), None)
        if chosen is not None:
            return chosen, True
        caption_years = years_in(chunk.table.caption)  # "… par nationalité en 2023": one column, no year header
        return (filled[0], True) if not years and caption_years & asked else (filled[-1], False)
    return (years[max(years)], True) if years else (filled[0], True)


def _header_fit(chunk: Chunk, column: int, terms: frozenset[str], index: LoadedIndex) -> float:
    """How much of the question a column's header names, its Dutch compounds' parts included ("bezetting" in
    "Bezettingsgraad")."""
    assert chunk.table is not None
    header = chunk.table.header[column] if column < len(chunk.table.header) else ""
    words = alias_terms(header, chunk.edition) | index.vocabulary.caption_compounds(header, chunk.edition)
    return coverage(terms, words, index.idf.get(chunk.edition, {}))


def _with_closest_statements(
    hits: list[Hit],
    similarities: dict[str, float],
    vector: list[float],
    index: LoadedIndex,
    of_the_kind_asked: Callable[[str], bool] | None = None,
    months: bool = False,
) -> list[Hit]:
    preferred = {hit.chunk.edition for hit in hits if hit.preferred}
    held = {hit.chunk.chunk_id for hit in hits}
    ranked = sorted(similarities, key=similarities.__getitem__, reverse=True)
    closest = ranked[:CLOSEST_STATEMENTS]
    if of_the_kind_asked is not None:
        # A question for a share, a duration or a cost: the closest statements that state one join too, since the
        # passages found may hold only counts ("Beschermingsgraad" is one word the question does not use).
        kind = (key for key in ranked if of_the_kind_asked(index.statement_text(key)))
        closest += [key for key, _ in zip(kind, range(CLOSEST_STATEMENTS), strict=False)]
    extra = [key.rpartition(":")[0] for key in closest]
    # The tables of a section whose prose was found: the prose explains what its tables count.
    sections = {(hit.chunk.doc_id, hit.chunk.section_number) for hit in hits if hit.chunk.table is None}
    extra += [c.chunk_id for c in index.chunks.values() if c.table and (c.doc_id, c.section_number) in sections]
    if months:
        # A month asked: every table by month joins, for the scoring to choose (an annex of monthly tables is far
        # from the section about what they count).
        extra += [c.chunk_id for c in index.chunks.values() if c.table and c.edition in preferred and month_rows(c)]
    extra = [chunk_id for chunk_id in dict.fromkeys(extra) if chunk_id not in held and chunk_id in index.chunks]
    scores = cosines(index, vector, extra)
    added = [
        Hit(index.chunks[i], scores[i], 0.0, not preferred or index.chunks[i].edition in preferred)
        for i in extra
        if i in scores
    ]
    return hits + added


# A sentence that is a table row in words: "Permis refusés : 31 207 en 2021, 39 114 en 2022 et 45 803 en 2023."
ROW_SENTENCE = re.compile(r"^([^:.\d]{3,60}?)\s?:\s")


def _label_fit(
    label: str,
    context: str,
    terms: set[str],
    asked: set[str],
    counted: set[str],
    edition: Edition,
    idf: dict[str, float],
) -> float:
    """How well a row's label fits the question, against the other rows of its table: the question names it
    ("refusés", "Afghanistan", in the report's words or everyday ones), names what it counts ("entretiens"), and
    the label says no more than was asked ("Abonnés jeunes de moins de 12 ans" for a question on all young
    subscribers: the total answers a general question). A total is named by its table's caption (`context`)."""
    words, around = alias_terms(label, edition), alias_terms(context, edition)
    if TOTAL.search(label):  # a total counts what its table counts
        named = COUNTED_WEIGHT if counted & around else 0.0
    else:
        named = COUNTED_WEIGHT if counted & words else 0.0
    own = content_terms(TOTAL.sub("", label), edition)
    unasked = len(own - asked) / len(own) if own else 0.0
    # A row is credited with what it names together with its table's caption, so every row has the caption's
    # share: "Abonnés jeunes de moins de 12 ans" naming the young of its caption again does not beat the total.
    named_row = coverage(terms, words | around, idf)
    return LABEL_WEIGHT * named_row + named - UNASKED_LABEL_WEIGHT * unasked


def _percent_bonus(text: str, wants_percent: bool, needs_percent: bool, needs_share: bool = False) -> float:
    if needs_share and not states_share(text):
        return -NOT_PERCENT_PENALTY
    if "%" in text:
        return PERCENT_BONUS if wants_percent else 0.0
    return -NOT_PERCENT_PENALTY if needs_percent else 0.0


def _unit_penalty(text: str, measure: Callable[[str], bool] | None) -> float:
    return NOT_PERCENT_PENALTY if measure is not None and not measure(text) else 0.0


def _row_statements(hit: Hit, asked: FigureQuestion, words: QuestionWords, index: LoadedIndex) -> list[Statement]:
    chunk, edition = hit.chunk, hit.chunk.edition
    assert chunk.table is not None
    heading = content_terms(chunk.section_label, edition)
    named_heading = alias_terms(chunk.section_label, edition)  # its acronym too, for `subjects`
    penalty = 0.0 if hit.preferred else OTHER_EDITION_PENALTY
    question = asked.question
    subject = BREAKDOWN.sub(lambda m: m[0] if m[0].lower() in question.lower() else " ", chunk.table.caption)
    header_fit = partial(_header_fit, chunk, terms=frozenset(words.terms), index=index)
    caption_compounds = index.vocabulary.caption_compounds
    found = []
    for row, line in enumerate(sentences_of(chunk)):
        column = _year_column(chunk, row, asked.years, header_fit)
        label = chunk.table.rows[row][0]
        if column is None or not asked.named_by(f"{chunk.section_label} {chunk.table.caption} {label}"):
            continue
        similarity = asked.similarities.get(row_key(chunk.chunk_id, row), hit.score)
        named = alias_terms(f"{subject} {label}", edition) | heading | caption_compounds(subject, edition)
        cell = chunk.table.rows[row][column[0]]
        named |= percent_words(edition) if "%" in cell else frozenset()
        share = coverage(words.terms, named, words.idf)
        bonus = _percent_bonus(cell, asked.wants_percent, asked.needs_percent, asked.needs_share)
        bonus -= _unit_penalty(f"{chunk.table.caption} {label} {cell}", asked.measure)
        score = (hit.score + similarity - asked.closest["r"]) / 2 - penalty + LEXICAL_WEIGHT * share + bonus
        score += _label_fit(label, subject, words.terms, words.asked, words.counted, edition, words.idf)
        score -= other_action(words.actions, named, edition)
        if not column[1]:
            score -= 0.1  # the year asked is not in this table
        # For the refusal rule a row's closeness is put on the sentences' scale (see `FigureQuestion.closest`).
        if asked.countries and not (words.about & named if words.about else share):
            share = 0.0
        off_subject = bool(words.subjects) and not words.subjects & (named | named_heading)
        if off_subject:
            share, score = 0.0, score - OFF_SUBJECT_PENALTY
        on_topic = (share or not asked.countries) and not off_subject
        closeness = similarity - asked.closest["r"] + asked.closest["s"] if on_topic else 0.0
        evidence = Evidence(hit.score, share, column[1], closeness)
        found.append(Statement(hit, line, score, evidence, (row, column[0])))
    return found


def _sentence_statements(hit: Hit, asked: FigureQuestion, words: QuestionWords, index: LoadedIndex) -> list[Statement]:
    chunk, edition = hit.chunk, hit.chunk.edition
    heading = content_terms(chunk.section_label, edition)
    named_heading = alias_terms(chunk.section_label, edition)  # its acronym too, for `subjects`
    penalty = 0.0 if hit.preferred else OTHER_EDITION_PENALTY
    found = []
    lines = sentences_of(chunk)
    for position, line in enumerate(lines):
        text, key, joined = line, sentence_key(chunk.chunk_id, position), False
        if not quantities_in(text) and position + 1 < len(lines):
            # "Les conseillers … . Au total, ils ont mené près de 4 000 entretiens."
            text, key = f"{line} {lines[position + 1]}", sentence_key(chunk.chunk_id, position + 1)
            joined = True
        quantities = quantities_in(text)
        if not quantities or not asked.named_by(f"{chunk.section_label} {text}"):
            continue
        years_ok = not asked.years or any(year is not None and str(year) in asked.years for _, year in quantities)
        own_words = alias_terms(text, edition) | (percent_words(edition) if "%" in text else frozenset())
        # The heading gives every sentence of a section its topic; the sentence's own words tell them apart.
        terms, idf = words.terms, words.idf
        share = (coverage(terms, own_words, idf) + coverage(terms, own_words | heading, idf)) / 2
        similarity = asked.similarities.get(key, hit.score)
        bonus = _percent_bonus(text, asked.wants_percent, asked.needs_percent, asked.needs_share)
        bonus -= _unit_penalty(text, asked.measure)
        score = (hit.score + similarity - asked.closest["s"]) / 2 - penalty + LEXICAL_WEIGHT * share + bonus
        score -= 0.0 if years_ok else 0.1
        score -= JOINED_PENALTY if joined else 0.0
        score -= other_action(words.actions, own_words, edition)
        if (labelled := ROW_SENTENCE.match(line)) is not None:  # "Permis refusés : 31 207 en 2021, …"
            label = labelled.group(1)
            score += _label_fit(label, chunk.section_label, terms, words.asked, words.counted, edition, idf)
        if asked.countries and not (words.about & (own_words | heading) if words.about else share):
            share = 0.0
        off_subject = bool(words.subjects) and not words.subjects & (own_words | named_heading)
        if off_subject:
            share, score = 0.0, score - OFF_SUBJECT_PENALTY
        closeness = similarity if (share or not asked.countries) and not off_subject else 0.0
        found.append(Statement(hit, text, score, Evidence(hit.score, share, years_ok, closeness)))
    return found


def weighed_statements(question: str, hits: list[Hit], index: LoadedIndex) -> list[Statement]:
    """Every table cell and sentence of the passages found (and of those holding the statements closest to the
    question) that states a figure, best first: a statement for the year asked comes first, however close another
    year's is."""
    vector = index.query_vector(expand(question))
    asked = figure_question(question, index.statements.similarities(vector))
    hits = _with_closest_statements(hits, asked.similarities, vector.tolist(), index, asked.kind, bool(asked.months))
    words = {edition: question_words(asked, edition, index) for edition in {hit.chunk.edition for hit in hits}}
    found = []
    for hit in hits:
        weigh = _row_statements if hit.chunk.table is not None else _sentence_statements
        found += weigh(hit, asked, words[hit.chunk.edition], index)
    return sorted(found, key=lambda s: (s.evidence.years_ok, s.score), reverse=True)


def best_statement(
    question: str, language: Language, hits: list[Hit], index: LoadedIndex, thresholds: Thresholds
) -> tuple[Statement | None, Evidence]:
    """The statement that answers, or None with the evidence that fell short."""
    statements = weighed_statements(question, hits, index)
    if not statements:
        return None, Evidence(hits[0].score if hits else 0.0, 0.0, False, 0.0)
    best = statements[0]
    kind = kind_asked(question)
    if kind is not None and not kind(best.quote):
        # Asked for a share, a duration or a cost, the best the report has is a count: it does not say.
        return None, best.evidence._replace(coverage=0.0, sentence_score=0.0)
    return (best if suffices(best.evidence, language, thresholds) else None), best.evidence
