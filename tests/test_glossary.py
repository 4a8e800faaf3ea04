from reportqa.answer.actions import OTHER_ACTION_PENALTY, _actions, other_action
from reportqa.deployment import NO_DEPLOYMENT
from reportqa.language.glossary import (
    alias_terms,
    asked_terms,
    compound_parts,
    countries_named,
    expand,
    names_a_term,
    translate_terms,
    unknown_names,
    use_deployment,
    with_aliases,
)
from reportqa.language.terms import content_terms


def test_a_plural_question_finds_the_official_term() -> None:
    assert "9bis" in expand("Combien de régularisations humanitaires ont été accordées en 2023 ?")
    assert "9bis" in expand("Hoeveel humanitaire regularisaties werden toegekend?")
    assert "refoulements" in translate_terms("À combien de voyageurs a-t-on interdit l'entrée ?", "fr")


def test_an_official_term_with_everyday_words_is_added_once() -> None:
    expanded = expand("Combien de personnes ont rejoint leur famille grâce au regroupement familial ?")
    assert expanded.count("gezinshereniging") == 1


def test_everyday_words_read_as_the_reports_terms() -> None:
    assert content_terms("terugdrijvingen", "nl") <= alias_terms("mensen die aan de grens tegengehouden werden", "nl")
    terms = content_terms(translate_terms("Hoe vaak spraken de coaches met mensen?", "nl"), "nl")
    assert terms & content_terms("gesprekken", "nl")


def test_a_statement_naming_another_action_is_set_back() -> None:
    asked = _actions(content_terms(translate_terms("Combien de régularisations ont été accordées ?", "fr"), "fr"), "fr")
    assert asked == {"granted"}
    lodged = alias_terms("En 2023, 4 751 demandes de régularisation (9bis) ont été introduites.", "fr")
    granted = alias_terms("Autorisations accordées : 1 102 en 2021.", "fr")
    both = alias_terms("4 751 demandes introduites, dont 1 214 accordées.", "fr")
    assert other_action(asked, lodged, "fr") == OTHER_ACTION_PENALTY
    assert other_action(asked, granted, "fr") == 0.0
    assert other_action(asked, both, "fr") == 0.0
    assert other_action(set(), lodged, "fr") == 0.0  # the question names no action
    total = alias_terms("Tableau 8.4 : Retours forcés par mois — Total", "fr")
    assert other_action({"refused"}, total, "fr") == OTHER_ACTION_PENALTY / 2  # names none: a weaker miss
    applications = alias_terms("Tableau 11.1 : Demandes de visa regroupement familial par mois — Total", "fr")
    assert other_action({"refused"}, applications, "fr") == OTHER_ACTION_PENALTY  # applications are lodged


def test_countries_are_named_in_any_language_and_belgium_is_not_one() -> None:
    assert countries_named("des ressortissants japonais") == {"Japon"}
    assert countries_named("Japanse onderdanen") == {"Japon"}
    assert countries_named("Combien de Marocaines et d'Afghans ?") == {"Maroc", "Afghanistan"}
    assert countries_named("Combien de demandes de nationalité belge ?") == frozenset()
    assert countries_named("Is the report in Dutch?") == frozenset()  # a language, not a people


def test_an_english_or_german_question_names_a_term_of_the_report_or_not() -> None:
    for named in ("Wie viele Abschiebungen gab es?", "How many asylum seekers?", "Wie viele Afghanen?"):
        assert names_a_term(named), named
    for unrelated in ("What is the weather going to be like in Brussels tomorrow?", "Who won the World Cup?"):
        assert not names_a_term(unrelated), unrelated


def test_the_subjects_terms_come_from_the_deployment_file_and_the_languages_stay() -> None:
    """Without docs/deployment.json the product knows no subject term, but still its languages' general acts and
    peoples."""
    use_deployment(NO_DEPLOYMENT)
    assert not names_a_term("How many asylum seekers?")
    assert "9bis" not in expand("Combien de régularisations humanitaires ont été accordées en 2023 ?")
    assert names_a_term("How many were refused?") and names_a_term("Wie viele Afghanen?")
    assert "refusés" in translate_terms("Combien ont été rejetées ?", "fr")


def test_the_longest_name_wins_and_a_name_by_negation_is_not_a_statements_words() -> None:
    """ "vroegen geen asiel aan" names the other minors as a whole, not asylum; and the row "Andere NBMV" is not
    credited with the words "asiel" or "aangevraagd", which say what those minors did not do."""
    question = "Hoeveel niet-begeleide minderjarigen vroegen in 2021 geen asiel aan?"
    assert "Andere NBMV" in translate_terms(question, "nl")
    assert "internationale bescherming" in translate_terms("Hoeveel minderjarigen vroegen asiel aan?", "nl")
    row_words = alias_terms("Andere NBMV", "nl")
    assert not content_terms("asiel aangevraagd", "nl") & row_words
    assert "NBMV" in with_aliases("Andere NBMV", "nl")
    # "niet-begeleide" is a name, not a negation
    assert "niet-begeleide minderjarige vreemdelingen" in with_aliases("alleenstaande minderjarigen", "nl")


def test_the_office_and_belgium_are_not_evidence_when_the_question_names_more() -> None:
    """The whole report is about the Office and Belgium: "het jaarbudget van de Dienst Vreemdelingenzaken" is
    weighed on its budget, and a question naming only the Office keeps its words."""
    assert asked_terms("Wat is het jaarbudget van de Dienst Vreemdelingenzaken?", "nl") == content_terms(
        "jaarbudget Dienst", "nl"
    )
    assert asked_terms("Que fait l'Office des étrangers ?", "fr") == content_terms("étrangers", "fr")
    assert asked_terms("Et la Belgique ?", "fr") == content_terms("Belgique", "fr")  # nothing else: kept
    assert content_terms("belge", "fr") <= asked_terms("Combien de demandes de nationalité belge en 2023 ?", "fr")


def test_a_name_the_report_never_uses_is_unknown() -> None:
    """ "Vottem" is in neither edition: a question about that centre is about something the report does not cover;
    the report's own names, peoples, Belgium and the glossary's terms are known."""
    vocabulary = {"fr": dict.fromkeys(content_terms("centre fermé visas Dublin ICAM", "fr"), 1.0), "nl": {}}
    assert unknown_names("Combien de places compte le centre fermé de Vottem ?", vocabulary) == ["Vottem"]
    assert unknown_names("Combien de visas pour les Indiens et les Congolais ?", vocabulary) == []
    assert unknown_names("Combien de transferts Dublin et d'entretiens ICAM ?", vocabulary) == []
    assert unknown_names("Hoeveel Belgische studenten via Zaventem?", vocabulary) == []
    # A sentence's first word is capitalised for that alone.
    assert unknown_names("Je prépare un article. Combien de visas ? Combien exactement ?", vocabulary) == []
    assert unknown_names("Ik schrijf een artikel: Hoeveel visa in Vottem?", vocabulary) == ["Vottem"]


def test_a_name_whose_word_is_a_stop_word_is_known_when_the_report_writes_it() -> None:
    """ "Plus" is a French stop word, so no weighed term: the report's words as written know the plan "Groene
    Mobiliteit Plus"; a report that never writes "plus" does not."""
    vocabulary = {"fr": {}, "nl": dict.fromkeys(content_terms("plan Groene Mobiliteit", "nl"), 1.0)}
    question = "Hoeveel elektrische bussen voor het plan Groene Mobiliteit Plus in 2023?"
    assert unknown_names(question, vocabulary, frozenset({"plan", "groene", "mobiliteit", "plus"})) == []
    assert unknown_names(question, vocabulary, frozenset({"plan", "groene", "mobiliteit"})) == ["Plus"]


def test_a_dutch_compound_of_the_reports_words_is_no_unknown_name() -> None:
    """ "Dublinaanvrager" is Dublin + the one who lodges "aanvragen": both are the report's words. A place name
    made of no two such words stays unknown."""
    vocabulary = {"fr": {}, "nl": dict.fromkeys(content_terms("Dublin aanvragen centrum", "nl"), 1.0)}
    question = "Hoe vaak ging een ander land akkoord om een Dublinaanvrager over te nemen?"
    assert unknown_names(question, vocabulary) == []
    assert unknown_names("Hoeveel plaatsen telt het centrum van Merksplas?", vocabulary) == ["Merksplas"]
    assert unknown_names("Hoeveel Dublinpiloten waren er?", vocabulary) == ["Dublinpiloten"]


def test_a_compound_is_read_as_its_two_words_when_the_report_has_both() -> None:
    """A caption's "Visumaanvragen" answers a question's "visa … aangevraagd", and a question's
    "terugkeergesprekken" is a caption's "terugkeer" and "gesprekken"."""
    vocabulary = set(content_terms("visum aanvragen terugkeer gesprekken", "nl"))
    assert compound_parts("Visumaanvragen", vocabulary) == content_terms("visum aanvragen", "nl")
    assert compound_parts("terugkeergesprekken", vocabulary) == content_terms("terugkeer gesprekken", "nl")
    assert compound_parts("Steenokkerzeel", vocabulary) == frozenset()
    three = vocabulary | content_terms("Schengen dossiers", "nl")
    assert compound_parts("Schengenvisumdossiers", three) == content_terms("Schengen visum dossiers", "nl")
    assert compound_parts("Schengenvisumdossiers", three, words=2) == frozenset()


def test_a_compound_whose_first_part_is_unknown_is_read_as_its_last() -> None:
    """A header's "Zittingszalen" names the "zalen" a question asks about, though the report never writes
    "zitting" alone; nothing is read from a word that ends in no known word."""
    from reportqa.language.glossary import compound_terms

    vocabulary = set(content_terms("zalen", "nl"))
    assert compound_terms("Zittingszalen", vocabulary) == content_terms("zalen", "nl")
    assert compound_parts("Zittingszalen", vocabulary) == frozenset()
    assert compound_terms("Steenokkerzeel", vocabulary) == frozenset()


def test_every_name_is_found_by_its_first_word_in_any_case_and_in_the_plural() -> None:
    """A text is searched only for the groups whose names' first words it has: no name may be missed by that."""
    from reportqa.language.glossary import _groups, _named_in

    for names in _groups():
        for alias in names.aliases:
            for text in (f"Combien de {alias} en 2023 ?", f"Hoeveel {alias}s?", f"({alias.upper()})"):
                found = {id(group) for group, pattern in _named_in(text, _groups()) if pattern.search(text)}
                assert found == {id(other.group) for other in _groups() if other.pattern.search(text)}, text


def test_no_name_is_a_common_word_of_any_language() -> None:
    """Names are looked for in questions of every language: the English "met" (for interviews) was the Dutch "met"
    (with) and turned "keerden met begeleiding terug" into a question about interviews."""
    from reportqa.language.glossary import _groups
    from reportqa.language.terms import STOPWORDS

    assert not [alias for names in _groups() for alias in names.aliases if alias.lower() in STOPWORDS]


def test_an_acronym_the_edition_uses_is_not_replaced_by_a_longer_name() -> None:
    """ "ICAM" is Dutch too: read as "ICAM-coaches", "Hoeveel ICAM-interviews?" would ask for the coaches."""
    assert "coaches" not in translate_terms("Hoeveel ICAM-interviews in 2023?", "nl")
    assert "NBMV" in translate_terms("How many MENA in 2023?", "nl")  # the other edition's acronym still is


def test_a_grant_denied_is_a_refusal() -> None:
    assert "refusés" in translate_terms("Combien de visas n'ont pas été accordés en 2022 ?", "fr")
    assert "geweigerde" in translate_terms("Hoeveel visa werden in 2023 niet toegekend?", "nl")
    assert "délivrés" in translate_terms("Combien de visas ont été accordés en 2022 ?", "fr")
