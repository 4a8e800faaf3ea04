from reportqa.language.spelling import corrected

REPORT = frozenset("demande asile retours forcés reste centre fermé visas visum aanvragen".split())


def fix(question: str, edition: str = "fr") -> str:
    return corrected(question, edition, REPORT | {"asyl"}, REPORT)  # type: ignore[arg-type]


def test_a_misspelt_word_is_read_as_the_reports() -> None:
    assert fix("combien de demande d'asyle en 2022") == "combien de demande d'asile en 2022"
    assert fix("Combien de retuors forcés ?") == "Combien de retours forcés ?"
    assert fix("Hoeveel visumaanvargen?", "nl") == "Hoeveel visumaanvargen?"  # two edits from anything


def test_another_form_a_name_or_a_short_word_is_left_alone() -> None:
    assert fix("Combien ont pu rester ?") == "Combien ont pu rester ?"  # "reste": the same stem, no misspelling
    assert fix("Combien de places à Vottem ?") == "Combien de places à Vottem ?"  # a name the report does not use
    assert fix("Combien de vias ?") == "Combien de vias ?"  # four letters: too close to too many words
    assert fix("Combien de centrs fermés ?") == "Combien de centrs fermés ?"  # stems as "centre" does already


def test_a_word_two_report_words_are_one_edit_from_is_left_alone() -> None:
    assert corrected("les retoure", "fr", frozenset(), frozenset({"retours", "retoura"})) == "les retoure"
