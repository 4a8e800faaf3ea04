"""Answers to "which part of the report covers X?": the section, its title and printed page, with its citation.
Quoting sentences would answer a question that was not asked, and the framing words ("welk deel van het verslag
gaat over") would count as subject words the passage lacks, so the refusal rule refused them."""

import re
from dataclasses import dataclass

from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.evidence import Evidence, Thresholds, coverage
from reportqa.glossary import alias_terms, translate_terms
from reportqa.index import LoadedIndex
from reportqa.retrieve import Hit
from reportqa.text import content_terms

# "Which part covers …", "where can I find …": not "where do most refusals of entry take place" (a place).
SECTION_QUESTION = re.compile(
    r"\b(?:(?:dans |en )?quel(?:le)?s? (?:partie|section|chapitre)|où (?:le rapport|trouver|puis-je|peut-on)"
    r"|(?:in )?welke? (?:deel|hoofdstuk|afdeling|sectie|onderdeel)"
    r"|waar (?:behandelt|bespreekt|beschrijft|vermeldt) het verslag|waar (?:vind|lees) ik|waar (?:kan|kun) (?:ik|je)"
    r"|(?:which|what) (?:section|part|chapter)|where (?:does|in) the report|where (?:can|do) i find"
    r"|(?:in )?welche[mnrs]? (?:abschnitt|teil|kapitel)|wo (?:behandelt|steht) (?:der|im) bericht"
    r"|wo (?:finde|kann) ich)\b",
    re.IGNORECASE,
)
# The question's framing, not its subject: never asked of the passage.
_FRAMING = re.compile(
    r"\b(partie|section|chapitre|rapport|traite|parle|décrit|décrite|aborde|trouver|trouve|deel|hoofdstuk|afdeling"
    r"|sectie|onderdeel|verslag|behandelt|bespreekt|beschrijft|beschreven|vermeldt|staat|vind|gaat|part|chapter"
    r"|report|cover|covers|find|discuss|discusses|abschnitt|teil|kapitel|bericht|steht|finde"
    r"|tableau|chiffres|tabel|cijfers|table|figures|tabelle|zahlen|puis|peut|kan|kun|lees|lezen|vinden|kann|geht)\b",
    re.IGNORECASE,
)
TEMPLATES: dict[Language, str] = {
    "fr": "La section {number} « {title} » (p. {page}) en traite.",
    "nl": "Sectie {number} ‘{title}’ (p. {page}) gaat hierover.",
    "en": "Section {number} (“{title}”, p. {page}) covers this.",
    "de": "Abschnitt {number} („{title}“, S. {page}) behandelt das.",
}


@dataclass(frozen=True)
class SectionAnswer:
    text: str
    chunk: Chunk
    evidence: Evidence


def is_section_question(question: str) -> bool:
    return bool(SECTION_QUESTION.search(question))


def section_answer(
    question: str, language: Language, hits: list[Hit], index: LoadedIndex, thresholds: Thresholds
) -> SectionAnswer | Evidence:
    """The section that covers the question's subject, or the evidence that fell short. The subject is weighed by
    the words of it that the report uses ("dites-moi", "hallo" and other words around the subject never count as
    missing), against the whole section, not one passage: a section covers "personnel" when its table of staff
    does, whatever its title."""
    subject = _FRAMING.sub(" ", question)
    best = Evidence(hits[0].score if hits else 0.0, 0.0, True, 0.0)
    sections: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        if hit.chunk.section_number and hit.preferred:
            sections.setdefault((hit.chunk.edition, hit.chunk.section_number), []).append(hit)
    found: list[tuple[float, float, Chunk, Evidence]] = []
    for section_hits in sections.values():
        edition = section_hits[0].chunk.edition
        idf = index.idf.get(edition, {})
        terms = content_terms(translate_terms(subject, edition), edition) & idf.keys()
        if not terms:  # no word of the subject is one the report uses: nothing says which section covers it
            continue
        words = _section_words(index, section_hits[0].chunk)
        share = coverage(terms, words, idf)
        closest = max(hit.score for hit in section_hits)
        evidence = Evidence(closest, share, True, closest)
        if closest >= thresholds.min_score and share >= thresholds.min_coverage:
            # The section whose title names the subject, then the one most of the closest passages are in.
            titled = coverage(terms, alias_terms(section_hits[0].chunk.section_label, edition), idf)
            found.append((titled, sum(hit.rank_score for hit in section_hits), section_hits[0].chunk, evidence))
        best = max(best, evidence, key=lambda e: (e.coverage, e.passage_score))
    if not found:
        return best
    _, _, chunk, evidence = max(found, key=lambda f: (f[0], f[1]))
    title = chunk.section_title or chunk.section_label
    return SectionAnswer(
        TEMPLATES[language].format(number=chunk.section_number, title=title, page=chunk.page), chunk, evidence
    )


def _section_words(index: LoadedIndex, chunk: Chunk) -> frozenset[str]:
    """The words of a section's title and of every passage in it (its subsections too), official terms included."""
    inside = (
        c.text
        for c in index.chunks.values()
        if c.edition == chunk.edition and f"{c.section_number}.".startswith(f"{chunk.section_number}.")
    )
    own = alias_terms(chunk.section_label, chunk.edition)
    return own.union(*(alias_terms(text, chunk.edition) for text in inside))
