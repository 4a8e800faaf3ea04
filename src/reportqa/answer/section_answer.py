"""Answers to "which part of the report covers X?": the section, its title and printed page, with its citation.
Quoting sentences would answer a question that was not asked, and the framing words ("welk deel van het verslag
gaat over") would count as subject words the passage lacks, so the refusal rule refused them."""

import re
from dataclasses import dataclass

from reportqa.answer.evidence import Evidence, Thresholds, coverage
from reportqa.answer.retrieve import Hit
from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.index import LoadedIndex
from reportqa.language.detect import edition_for
from reportqa.language.glossary import alias_terms, translate_terms
from reportqa.language.terms import content_terms

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
    """The best section that covers the question's subject, or the evidence that fell short."""
    subject = _FRAMING.sub(" ", question)
    best = Evidence(hits[0].score if hits else 0.0, 0.0, True, 0.0)
    found: list[tuple[float, int, Chunk, Evidence]] = []
    for position, hit in enumerate(hits):
        chunk, edition = hit.chunk, hit.chunk.edition
        if not chunk.section_number or not hit.preferred:
            continue
        idf = index.idf.get(edition, {})
        terms = content_terms(translate_terms(subject, edition), edition)
        if edition_for(language) is None:  # English or German words the edition never uses are not missing evidence
            terms = {term for term in terms if term in idf}
        # No subject word the report uses: nothing to say which section covers it.
        share = coverage(terms, alias_terms(f"{chunk.section_label} {chunk.text}", edition), idf) if terms else 0.0
        evidence = Evidence(hit.score, share, True, hit.score)
        if hit.score >= thresholds.min_score and share >= thresholds.min_coverage:
            # The section whose title names the subject, before one that only mentions it.
            titled = coverage(terms, alias_terms(chunk.section_label, edition), idf)
            found.append((titled, -position, chunk, evidence))
        best = max(best, evidence, key=lambda e: (e.coverage, e.passage_score))
    if not found:
        return best
    _, _, chunk, evidence = max(found, key=lambda f: (f[0], f[1]))
    title = chunk.section_title or chunk.section_label
    return SectionAnswer(
        TEMPLATES[language].format(number=chunk.section_number, title=title, page=chunk.page), chunk, evidence
    )
