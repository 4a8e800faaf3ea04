"""The report vocabulary: what the language side reads from the index's passages and word weights."""

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.language.terms import content_terms
from reportqa.language.vocabulary import ReportVocabulary


def _chunk(n: int, edition: Edition, section: str, text: str) -> Chunk:
    return Chunk(f"{edition}-{n}", f"report-{edition}", "Rapport", edition, "prose", "3", section, "5", 7, text)


CHUNKS = {
    c.chunk_id: c
    for c in (
        _chunk(1, "fr", "Retours volontaires", "Le service a organisé 1 284 retours."),
        _chunk(2, "nl", "Vrijwillige terugkeer", "De dienst organiseerde 1.284 terugkeren."),
    )
}


def test_heading_terms_are_the_edition_s_section_words() -> None:
    vocabulary = ReportVocabulary(CHUNKS, {})
    assert content_terms("Retours volontaires", "fr") <= vocabulary.heading_terms("fr")
    assert not vocabulary.heading_terms("fr") & content_terms("Vrijwillige", "nl")


def test_report_words_are_both_editions_lowercase_words() -> None:
    words = ReportVocabulary(CHUNKS, {}).report_words()
    assert {"organisé", "organiseerde", "retours"} <= words
    assert ReportVocabulary(CHUNKS, {}).known_words() >= words


def test_a_dutch_caption_is_read_as_its_parts_that_the_edition_knows() -> None:
    idf = {"nl": {"subsidie": 1.0, "aanvraag": 1.0}}
    vocabulary = ReportVocabulary(CHUNKS, idf)
    assert {"subsidie", "aanvraag"} <= vocabulary.caption_compounds("Subsidieaanvragen", "nl")
    assert vocabulary.caption_compounds("Subsidieaanvragen", "fr") == frozenset()
    assert vocabulary.compound_vocabulary("nl") >= {"subsidie", "aanvraag"}
