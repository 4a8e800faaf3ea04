"""What the language side reads from one report's words: the terms of its section headings, its words (a misspelt
question word may be one of them), the words a Dutch compound's parts may be. Built from the index's passages
and word weights, each part once, on first use, and kept as long as the index is."""

import re
from collections.abc import Mapping

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.language.glossary import alias_terms, compound_terms, glossary_terms, name_words


class ReportVocabulary:
    """Read lazily: a one-shot question needs only some of it. Safe across worker threads: two threads that miss
    at once build the same value, and one of them is kept."""

    def __init__(self, chunks: Mapping[str, Chunk], idf: Mapping[str, Mapping[str, float]]) -> None:
        self._chunks = chunks
        self._idf = idf
        self._heading_terms: dict[str, frozenset[str]] = {}
        self._compounds: dict[str, frozenset[str]] = {}
        self._compound_vocabularies: dict[str, frozenset[str]] = {}
        self._report_words: frozenset[str] | None = None
        self._known_words: frozenset[str] | None = None

    def heading_terms(self, edition: Edition) -> frozenset[str]:
        """The words of the edition's section headings and their other names ("CPAS" for "Centre public d'action
        sociale"): what the report's sections are about."""
        terms = self._heading_terms.get(edition)
        if terms is None:
            labels = {c.section_label for c in self._chunks.values() if c.edition == edition}
            terms = frozenset(t for label in labels for t in alias_terms(label, edition) if not t.isdigit())
            self._heading_terms[edition] = terms
        return terms

    def report_words(self) -> frozenset[str]:
        """The lowercase words of both editions: what a misspelt word of a question may be (`spelling.corrected`)."""
        if self._report_words is None:
            texts = (c.embedding_text().lower() for c in self._chunks.values())
            self._report_words = frozenset(w for text in texts for w in re.findall(r"\w+", text))
        return self._report_words

    def known_words(self) -> frozenset[str]:
        """The report's words and the glossary's: a question's other words may be misspelt."""
        if self._known_words is None:
            self._known_words = self.report_words() | name_words()
        return self._known_words

    def compound_vocabulary(self, edition: Edition) -> frozenset[str]:
        """The words a Dutch compound's parts may be: the edition's own and the glossary's."""
        vocabulary = self._compound_vocabularies.get(edition)
        if vocabulary is None:
            vocabulary = frozenset(self._idf.get(edition, {})) | glossary_terms(edition)
            self._compound_vocabularies[edition] = vocabulary
        return vocabulary

    def caption_compounds(self, caption: str, edition: Edition) -> frozenset[str]:
        """The parts of a caption's Dutch compounds that are words of the edition ("Subsidieaanvragen": subsidie,
        aanvraag): a question's separate words name what a caption says in one. Kept per caption (the report's
        captions are few; a question's words are not kept)."""
        if edition != "nl":
            return frozenset()
        terms = self._compounds.get(caption)
        if terms is None:
            terms = compound_terms(caption, self.compound_vocabulary(edition))
            self._compounds[caption] = terms
        return terms
