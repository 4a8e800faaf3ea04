"""Which table row and column a question means: the rows closest to it in meaning (each row's section, caption and
label, embedded with the index), ordered again by the counted words they use; the column of the measure it names."""

import re

from reportqa.answer.frame import Frame
from reportqa.answer.table_shape import Shape, is_total, measure_columns, names_nothing, shape
from reportqa.chunk import Chunk
from reportqa.config import Edition, Settings
from reportqa.index import LoadedIndex
from reportqa.index.statements import row_text
from reportqa.language.detect import edition_for
from reportqa.language.glossary import alias_terms, countries_named, translate_terms
from reportqa.language.terms import content_terms

CANDIDATE_ROWS = 12
OTHER_EDITION_PENALTY = 0.02
# Rows are ranked by meaning plus this much for the share of the counted words the row's caption, label and header
# use (calibration reports, docs/benchmarks.md); whether a table is close enough is meaning alone.
WORDS_WEIGHT = 0.05
# A Dutch word this long that starts or ends a compound counts as used ("vergunningen", "leveringsvergunningen").
COMPOUND_PART_MIN = 5


class RowFinder:
    """The rows and columns of the report's tables weighed against one question's frame."""

    def __init__(self, frame: Frame, index: LoadedIndex, settings: Settings) -> None:
        self.frame, self.index, self.settings = frame, index, settings
        self.language = frame.language
        self.vector = index.query_vector(frame.question)
        self._shapes: dict[str, Shape] = {}
        self._terms: dict[Edition, set[str]] = {}
        self._named: dict[Edition, tuple[set[str], frozenset[str]]] = {}

    def shape(self, chunk: Chunk) -> Shape:
        """The table's shape, read once per question however many of its rows are weighed."""
        found = self._shapes.get(chunk.chunk_id)
        if found is None:
            found = self._shapes[chunk.chunk_id] = shape(chunk)
        return found

    def candidates(self) -> list[tuple[float, Chunk, int]]:
        """Table rows by how close they are to the question ("section — caption — label", embedded with the index)."""
        similarities = self.index.statements.similarities(self.vector)
        edition = edition_for(self.language)
        found: list[tuple[float, Chunk, int]] = []
        seen_tables: set[str] = set()
        for key, similarity in similarities.items():
            chunk_id, _, part = key.rpartition(":")
            if not part.startswith("r"):
                continue
            chunk = self.index.chunks.get(chunk_id)
            if chunk is None or chunk.table is None:
                continue
            row = int(part[1:])
            label = chunk.table.rows[row][0] if row < len(chunk.table.rows) else ""
            if is_total(label) and self.frame.operation != "total" and self.shape(chunk).month_rows:
                continue  # a monthly table's "Total" is close to every question about its table: it answers a total
            if names_nothing(label):
                # A row labelled by a year or a month says what it counts only in its table's caption and
                # columns: it is as close to the question as its closest column, once per table.
                if chunk_id in seen_tables:
                    continue
                seen_tables.add(chunk_id)
                columns = self.column_similarities(chunk, measure_columns(chunk, self.shape(chunk)))
                similarity = max(columns.values(), default=0.0)
            penalty = OTHER_EDITION_PENALTY if edition is not None and chunk.edition != edition else 0.0
            found.append((similarity - penalty, chunk, row))
        found.sort(key=lambda item: -item[0])
        close = found[:CANDIDATE_ROWS]  # the closest in meaning, ordered again by the words they use
        close.sort(key=lambda item: -(item[0] + WORDS_WEIGHT * self.words_fit(item[1], item[2])))
        return close

    def _counted_terms(self, edition: Edition) -> set[str]:
        """What is counted, in the report's own terms (a deployment's glossary maps the asker's words to them)."""
        found = self._terms.get(edition)
        if found is None:
            found = self._terms[edition] = content_terms(translate_terms(self.frame.counted, edition), edition)
        return found

    def names_what_is_counted(self, chunk: Chunk, row: int, min_words: float) -> bool:
        """Whether the row's caption, label and header name `min_words` of what is counted, the asker's preamble and
        peoples aside, and every people asked: the row of a country in another subject's table is not a row of what
        is counted for that country, nor a total row an answer for one people."""
        assert chunk.table is not None
        edition = chunk.edition
        if edition not in self._named:  # read once per question and edition, however many rows are weighed
            counted = translate_terms(
                without_preamble(self.frame.counted, self.index.idf.get(edition, {}), edition), edition
            )
            peoples = alias_terms(" ".join(countries_named(counted)), edition)
            self._named[edition] = (content_terms(counted, edition) - peoples, peoples)
        terms, peoples = self._named[edition]
        if peoples and not peoples & alias_terms(row_text(chunk, row), edition):
            return False
        return self.words_fit(chunk, row, terms) >= min_words

    def words_fit(self, chunk: Chunk, row: int, terms: set[str] | None = None) -> float:
        """The share of the counted words (`terms`, by default `_counted_terms`), by their weight in the report, that
        the row's caption, label or header use; 0 for an English or German question (the report's words are French
        and Dutch)."""
        assert chunk.table is not None
        if self.language != chunk.edition:
            return 0.0
        weights = self.index.idf.get(chunk.edition, {})
        if not weights:
            return 0.0
        # A word the report never uses weighs as its rarest: "aantal ritten" is not half answered by "Aantal".
        rarest = max(weights.values())
        asked = self._counted_terms(chunk.edition) if terms is None else terms
        counted = {term: weights.get(term, rarest) for term in asked}
        if not counted:
            return 0.0
        table = chunk.table
        used = content_terms(" ".join([table.caption, table.rows[row][0], *table.header]), chunk.edition)
        compounds = chunk.edition == "nl"
        found = sum(
            weight
            for term, weight in counted.items()
            if term in used or (compounds and any(_in_compound(term, word) for word in used))
        )
        return found / sum(counted.values())

    def column_similarities(self, chunk: Chunk, columns: list[int]) -> dict[int, float]:
        """How close the question is to each column, named by the section, the caption and its header."""
        assert chunk.table is not None
        texts = [f"{chunk.section_label} — {chunk.table.caption} — {chunk.table.header[c]}" for c in columns]
        if not texts:
            return {}
        vectors = self.index.sentence_vectors(texts)
        return dict(zip(columns, (vectors @ self.vector).tolist(), strict=True))

    def best_measure(self, chunk: Chunk, columns: list[int]) -> tuple[int | None, float]:
        """The column that names what is counted, and how close it is; one column is its own answer."""
        if len(columns) == 1:
            return columns[0], 1.0
        similarities = self.column_similarities(chunk, columns)
        if not similarities:
            return None, 0.0
        column = max(similarities, key=lambda c: similarities[c])
        return column, similarities[column]

    def names_the_measure(self, chunk: Chunk, column: int) -> bool:
        """A table of several measures (a site's capacity, load and clients) answers only when the question names
        the column's measure: what is counted beyond the row's own words is used by the header or the caption."""
        assert chunk.table is not None
        if len(measure_columns(chunk, self.shape(chunk))) < 2 or column < 0:
            return True
        table = chunk.table
        label_words = set().union(*(content_terms(row[0], chunk.edition) for row in table.rows))
        asked = content_terms(self.frame.counted, chunk.edition) - label_words
        named = content_terms(f"{table.caption} {table.header[column]}", chunk.edition)
        return all(term in named or any(_in_compound(term, word) for word in named) for term in asked)


def _in_compound(term: str, word: str) -> bool:
    return len(term) >= COMPOUND_PART_MIN and (word.endswith(term) or word.startswith(term))


# A leading clause before ":" or "," ("Snelle vraag:", "Je prépare un article :", "Bonjour,") with no figure in it.
_LEADING_CLAUSE = re.compile(r"^([^:,?\d]+)[:,]\s*(\S.*)$", re.S)


def without_preamble(text: str, known: dict[str, float], edition: Edition) -> str:
    """The question without the asker's preamble: a leading clause that names nothing the report uses (no word of
    it, no country). It is not what is counted; counted, its words the report never uses would weigh the most."""
    found = _LEADING_CLAUSE.match(text)
    if found is None or countries_named(found.group(1)) or content_terms(found.group(1), edition) & known.keys():
        return text
    return found.group(2)
