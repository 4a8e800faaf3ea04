"""Answers to "which part of the report covers X?": the section, its title and printed page, with its citation.
Quoting sentences would answer a question that was not asked, and the framing words ("welk deel van het verslag
gaat over") would count as subject words the passage lacks, so the refusal rule refused them."""

import re
from dataclasses import dataclass

from reportqa.answer.evidence import NO_EVIDENCE, Evidence
from reportqa.answer.retrieve import cosines
from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.index import LoadedIndex
from reportqa.language.detect import edition_for
from reportqa.language.glossary import translate_terms
from reportqa.language.terms import content_terms
from reportqa.messages.answers import SECTION_ANSWER

# "Which part covers …", "where can I find …": not "where do most refusals of entry take place" (a place).
SECTION_QUESTION = re.compile(
    r"\b(?:(?:dans |en )?quel(?:le)?s? (?:partie|section|chapitre)|o[uù] (?:le rapport|trouver|puis-je|peut-on)"
    r"|(?:in )?welke? (?:deel|hoofdstuk|afdeling|sectie|onderdeel)"
    r"|waar (?:behandelt|bespreekt|beschrijft|vermeldt) het (?:verslag|rapport)"
    r"|waar gaat het (?:verslag|rapport) (?:in )?op"
    r"|waar (?:vind|lees) ik|waar (?:kan|kun) (?:ik|je)"
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
SECTION_PASSAGES = 3
# A subject none of whose words the report uses is covered only this close in meaning: on the calibration reports'
# "which section" questions, no subject the report does not treat came closer than 0.828 (docs/benchmarks.md).
SECTION_MIN_SIMILARITY = 0.83


@dataclass(frozen=True)
class SectionAnswer:
    text: str
    chunk: Chunk
    evidence: Evidence


def is_section_question(question: str) -> bool:
    return bool(SECTION_QUESTION.search(question))


def section_answer(question: str, language: Language, index: LoadedIndex) -> SectionAnswer | Evidence:
    """The section whose passages are closest in meaning to the question's subject, or the evidence that fell
    short. A section is as close as the mean of its SECTION_PASSAGES closest passages: one passage that mentions
    the subject in passing (a foreword, a summary) counts for less than a section about it. The report covers the
    subject when it uses one of its words, or when the section is very close in meaning (a paraphrase, another
    language); a subject none of whose words the report uses ("le football") is refused."""
    subject = _FRAMING.sub(" ", question)
    vector = list(map(float, index.query_vector(subject)))
    asked = edition_for(language)
    editions = [asked] if asked else sorted({chunk.edition for chunk in index.chunks.values()})
    found: tuple[float, bool, Chunk] | None = None
    for edition in editions:
        chunks = [c for c in index.chunks.values() if c.edition == edition and c.section_number]
        similarity = cosines(index, vector, [c.chunk_id for c in chunks])
        idf = index.idf.get(edition, {})
        named = any(term in idf for term in content_terms(translate_terms(subject, edition), edition))
        by_section: dict[str, list[Chunk]] = {}
        for chunk in sorted(chunks, key=lambda c: -similarity.get(c.chunk_id, 0.0)):
            by_section.setdefault(chunk.section_number, []).append(chunk)
        for passages in by_section.values():
            closest = [similarity.get(c.chunk_id, 0.0) for c in passages[:SECTION_PASSAGES]]
            score = sum(closest) / len(closest)
            if found is None or score > found[0]:
                found = (score, named, passages[0])
    if found is None:
        return NO_EVIDENCE
    score, named, chunk = found
    evidence = Evidence(score, 1.0 if named else 0.0, True, score)
    if not named and score < SECTION_MIN_SIMILARITY:
        return evidence
    title = chunk.section_title or chunk.section_label
    return SectionAnswer(
        SECTION_ANSWER[language].format(number=chunk.section_number, title=title, page=chunk.page), chunk, evidence
    )
