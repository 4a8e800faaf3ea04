"""Answers to "how many": the figure for the year asked, in one sentence with its citation. The report's own
sentence when it states that figure; otherwise one sentence written from the table's words (its number and
caption, the row, the column or year), never a raw table row. The statement that answers is chosen by
`figure_statements`."""

import re
from dataclasses import dataclass, replace

from reportqa.answer.asked import month_rows
from reportqa.answer.citations import Citation, citation, sentences_of
from reportqa.answer.editions import linked_chunk, matching_sentence
from reportqa.answer.evidence import NO_EVIDENCE, Evidence
from reportqa.answer.figure_statements import ROW_SENTENCE, Statement, quantities_in, weighed_statements
from reportqa.answer.retrieve import Hit
from reportqa.chunk import Chunk
from reportqa.config import Edition, Language, Settings
from reportqa.index import LoadedIndex
from reportqa.language.detect import edition_for
from reportqa.language.numbers import is_year, parse_number, years_in
from reportqa.language.terms import caption_title, content_terms, sentences, table_number
from reportqa.messages.figures import BUSIEST_WRITTEN, YEAR_BEFORE_FIRST


def _in_edition(statement: Statement, edition: Edition | None, index: LoadedIndex) -> Statement:
    """The same statement in the asker's edition, when that edition has it."""
    if edition is None or statement.chunk.edition == edition:
        return statement
    other = linked_chunk(statement.chunk, index.chunks.values())
    if other is None:
        return statement
    hit = Hit(other, statement.hit.score, statement.hit.rank_score, True)
    if statement.cell is not None:
        row, column = statement.cell
        assert statement.chunk.table is not None
        table = other.table
        if table is None or len(table.rows) != len(statement.chunk.table.rows) or column >= len(table.rows[row]):
            return statement
        return replace(statement, hit=hit, quote=sentences_of(other)[row])
    sentence = matching_sentence(statement.quote, sentences(other.text))
    return replace(statement, hit=hit, quote=sentence) if sentence else statement


def _report_sentence(statement: Statement, index: LoadedIndex) -> tuple[Chunk, str] | None:
    """A sentence of the same section that states the cell's figure for the same year, about the same thing."""
    chunk = statement.chunk
    assert chunk.table is not None and statement.cell is not None
    row, column = statement.cell
    parsed = parse_number(chunk.table.rows[row][column])
    header = chunk.table.header[column] if column < len(chunk.table.header) else ""
    if parsed is None:
        return None
    year = int(header) if is_year(header.strip()) else None
    subject = content_terms(f"{chunk.table.caption} {chunk.table.rows[row][0]}", chunk.edition)
    return _plainest_sentence(parsed[0], year, subject, chunk, index)


def _plainest_sentence(
    value: float, year: int | None, subject: set[str], chunk: Chunk, index: LoadedIndex
) -> tuple[Chunk, str] | None:
    """The report's plainest sentence of the chunk's section that states the value for the year, about the
    subject ("est passé à 3 994 en 2023"): the fewer figures the better, and never a row written out in words
    ("Total : 2 862 en 2021, 3 327 en 2022 et 3 994 en 2023"), which gives three figures for the one asked."""
    found = []
    for fact in index.facts.stating(value, chunk.edition, chunk.section_number, year):
        source = index.chunks.get(fact.chunk_id)
        if (
            source is not None
            and not ROW_SENTENCE.match(fact.text)
            and content_terms(fact.text, chunk.edition) & subject
        ):
            found.append((len(quantities_in(fact.text)), source, fact.text))
    if not found:
        return None
    _, source, text = min(found, key=lambda f: f[0])
    return source, text


def _year_figure(quote: str, years: set[str]) -> tuple[float, int] | None:
    """The figure a sentence gives for the year asked (else for its latest year)."""
    dated = [(parsed[0], year) for n, year in quantities_in(quote) if year is not None and (parsed := parse_number(n))]
    asked = [(v, y) for v, y in dated if str(y) in years]
    chosen = asked or sorted(dated, key=lambda d: d[1])[-1:]
    return chosen[0] if chosen else None


def _dated(quote: str, years: set[str], language: Language) -> tuple[str, tuple[str, ...]]:
    """The sentence, led by the figure for the year asked when the sentence dates it only by another year ("En
    2024, … 76, contre 73 l'année précédente" asked for 2023): the reader is not left to count back. The year so
    read is returned too: it stands in no cited text."""
    if len(years) != 1 or (year := next(iter(years))) in quote:
        return quote, ()
    dated = [number for number, said in quantities_in(quote) if str(said) == year]
    if len(dated) != 1:
        return quote, ()
    return YEAR_BEFORE_FIRST[language].format(value=dated[0].strip(), year=year, quote=quote), (year,)


# One sentence from the table's own words: its number and caption, the row, the column (a year or a name).
_WRITTEN: dict[Language, tuple[str, str, str, str]] = {
    # (with a table number, without one, "for <row> in <year>", "for <row>, column <name>")
    "fr": (
        "Le tableau {number} (« {title} ») indique {value} {place}.",
        "Le tableau « {title} » indique {value} {place}.",
        "pour « {row} » en {column}",
        "pour « {row} », colonne « {column} »",
    ),
    "nl": (
        "Tabel {number} (‘{title}’) vermeldt {value} {place}.",
        "De tabel ‘{title}’ vermeldt {value} {place}.",
        "voor ‘{row}’ in {column}",
        "voor ‘{row}’, kolom ‘{column}’",
    ),
    "en": (
        "Table {number} (“{title}”) gives {value} {place}.",
        "The table “{title}” gives {value} {place}.",
        "for “{row}” in {column}",
        "for “{row}”, column “{column}”",
    ),
    "de": (
        "Tabelle {number} („{title}“) nennt {value} {place}.",
        "Die Tabelle „{title}“ nennt {value} {place}.",
        "für „{row}“ im Jahr {column}",
        "für „{row}“, Spalte „{column}“",
    ),
}


def written_sentence(chunk: Chunk, cell: tuple[int, int], language: Language) -> str:
    assert chunk.table is not None
    row, column = cell
    table = chunk.table
    with_number, without_number, for_year, for_column = _WRITTEN[language]
    name = table.header[column].strip() if column < len(table.header) else ""
    place = (for_year if is_year(name) else for_column).format(row=table.rows[row][0], column=name)
    if not name:
        place = place.split(",")[0]
    title = caption_title(table.caption) or chunk.section_label
    number = table_number(table.caption)
    template = with_number if number else without_number
    return template.format(number=number, title=title, value=table.rows[row][column].strip(), place=place)


@dataclass(frozen=True)
class FigureAnswer:
    text: str  # one sentence, without its marker
    citation: Citation
    evidence: Evidence = NO_EVIDENCE
    computed: tuple[str, ...] = ()  # a year the sentence gives only as "the year before", said by the answer


def _from_a_row_in_words(
    statement: Statement, language: Language, index: LoadedIndex, settings: Settings, years: set[str]
) -> FigureAnswer | None:
    """A row written out in words ("Total : 2 862 en 2021, 3 327 en 2022 et 3 994 en 2023") gives three figures
    for one asked: the report's plainer sentence for the figure, else one sentence from the table's cell."""
    chunk, labelled = statement.chunk, ROW_SENTENCE.match(statement.quote)
    if labelled is None or (figure := _year_figure(statement.quote, years)) is None:
        return None
    subject = content_terms(labelled.group(1), chunk.edition)
    if plainer := _plainest_sentence(figure[0], figure[1], subject, chunk, index):
        source, sentence = plainer
        return FigureAnswer(sentence, citation(1, source, sentence, settings, index, years))
    for fact in index.facts.stating(figure[0], chunk.edition, chunk.section_number, figure[1], kind="cell"):
        table = index.chunks.get(fact.chunk_id)
        if table is not None and table.table is not None and content_terms(fact.row, chunk.edition) & subject:
            cell = (fact.row_index, fact.column_index)
            quote = sentences_of(table)[fact.row_index]
            cited = citation(1, table, quote, settings, index, years, cell)
            return FigureAnswer(written_sentence(table, cell, language), cited)
    return None


def figure_answer(
    statement: Statement, language: Language, index: LoadedIndex, settings: Settings, years: set[str]
) -> FigureAnswer:
    """The answer sentence for a statement, and its citation (the cited passage states every figure in it)."""
    statement = _in_edition(statement, edition_for(language), index)
    chunk = statement.chunk
    if statement.cell is None:
        plainer = _from_a_row_in_words(statement, language, index, settings, years)
        if plainer is not None:
            return plainer
        text, year = _dated(statement.quote, years, language)
        return FigureAnswer(text, citation(1, chunk, statement.quote, settings, index, years), computed=year)
    own = _report_sentence(statement, index)
    if own is not None:
        source, sentence = own
        return FigureAnswer(sentence, citation(1, source, sentence, settings, index, years))
    text = written_sentence(chunk, statement.cell, language)  # the asker's words around the table's own
    return FigureAnswer(text, citation(1, chunk, statement.quote, settings, index, years, statement.cell))


_BUSIEST = re.compile(
    r"\b(quel mois|welke maand|which month|welcher monat)\b.*\b(plus|meest\w*|most|höchst\w*|meisten)\b"
    r"|\b(busiest|drukste|chargé) (month|maand|mois)\b",
    re.IGNORECASE,
)


def is_busiest_month_question(question: str) -> bool:
    return bool(_BUSIEST.search(question))


def busiest_month(
    question: str, language: Language, hits: list[Hit], index: LoadedIndex, settings: Settings
) -> FigureAnswer | None:
    """ "Quel mois a compté le plus d'interventions en 2023 ?": the month row with the largest figure, for the
    year asked (else the latest), in the monthly table the question names; its cell is cited."""
    statements = weighed_statements(question, hits, index)
    tables = [s for s in statements if s.cell is not None and len(month_rows(s.chunk)) >= 6]
    if not tables or not tables[0].evidence.years_ok:
        return None
    best = _in_edition(tables[0], edition_for(language), index)
    chunk = best.chunk
    assert chunk.table is not None
    column = best.cell[1] if best.cell else 1
    values = [(parse_number(chunk.table.rows[r][column]), r) for r in month_rows(chunk)]
    ranked = sorted(((v[0], r) for v, r in values if v is not None), reverse=True)
    if not ranked:
        return None
    row = ranked[0][1]
    table = chunk.table
    year = table.header[column].strip() if column < len(table.header) else ""
    text = BUSIEST_WRITTEN[language].format(
        number=table_number(table.caption) or "",
        title=caption_title(table.caption) or chunk.section_label,
        year=year,
        month=table.rows[row][0],
        value=table.rows[row][column].strip(),
    )
    quote = sentences_of(chunk)[row]
    cited = citation(1, chunk, quote, settings, index, years_in(question), (row, column))
    return FigureAnswer(text, cited, tables[0].evidence)
