"""What an answer says besides the report's own words: the refusal, "see also", the notices on the edition and
on written answers, and why a claim got its verdict."""

from reportqa.config import Edition, Language

REFUSAL: dict[Language, str] = {
    "fr": "Le rapport ne contient pas d'information à ce sujet.",
    "nl": "Het verslag bevat daar geen informatie over.",
    "en": "The report does not contain information on this.",
    "de": "Der Bericht enthält dazu keine Informationen.",
}
# After a refusal: what the report has nearest to the question, so the asker knows what it does measure.
NEAREST: dict[Language, str] = {
    "fr": "Le passage le plus proche porte sur « {what} » (p. {page}).",
    "nl": "De passage die er het dichtst bij komt, gaat over ‘{what}’ (p. {page}).",
    "en": "The nearest passage is about “{what}” (p. {page}).",
    "de": "Die nächstliegende Stelle behandelt „{what}“ (S. {page}).",
}
SEE_ALSO: dict[Language, str] = {
    "fr": "Ces passages du rapport sont proches du sujet, sans répondre à la question :",
    "nl": "Deze passages van het verslag liggen dicht bij het onderwerp, zonder de vraag te beantwoorden:",
    "en": "These passages of the report are close to the subject without answering the question:",
    "de": "Diese Passagen des Berichts liegen nahe am Thema, ohne die Frage zu beantworten:",
}
# {help}: who to contact, from the deployment (`deployment.official_help`).
PERSONAL_CASE: dict[Language, str] = {
    "fr": "Je ne peux pas donner d'avis sur une situation personnelle. Pour votre dossier, contactez {help} ou un "
    "avocat.",
    "nl": "Ik kan geen advies geven over een persoonlijke situatie. Neem voor uw dossier contact op met {help} of een "
    "advocaat.",
    "en": "I cannot advise on a personal situation. For your case, contact {help} or a lawyer.",
    "de": "Ich kann keine Beratung zu einer persönlichen Situation geben. Wenden Sie sich für Ihren Fall an {help} "
    "oder an einen Anwalt.",
}
EDITION_NOTICE: dict[Language, str] = {
    "en": "The report exists only in Dutch and French; the answer below comes from the {edition} edition.",
    "de": "Der Bericht liegt nur auf Niederländisch und Französisch vor; die Antwort stammt aus der {edition} Ausgabe.",
}
GENERATED_EDITION_NOTICE: dict[Language, str] = {
    "en": "The report exists only in Dutch and French; this answer is drawn from the {edition} edition.",
    "de": "Der Bericht liegt nur auf Niederländisch und Französisch vor; diese Antwort stützt sich auf die "
    "{edition} Ausgabe.",
}
GENERATED_NOTICE: dict[Language, str] = {
    "fr": "Réponse rédigée par un modèle de langue à partir des passages cités ; ses chiffres ont été vérifiés.",
    "nl": "Antwoord opgesteld door een taalmodel op basis van de geciteerde passages; de cijfers zijn gecontroleerd.",
    "en": "Answer written by a language model from the cited passages; its figures were checked against them.",
    "de": "Antwort von einem Sprachmodell aus den zitierten Passagen verfasst; die Zahlen wurden geprüft.",
}
LLM_FALLBACK: dict[Language, str] = {
    "fr": "Le modèle de langue n'a pas pu fournir de réponse vérifiée : voici les passages du rapport.",
    "nl": "Het taalmodel kon geen gecontroleerd antwoord geven: dit zijn de passages uit het verslag.",
    "en": "The language model could not give a checked answer: here are the report's passages instead.",
    "de": "Das Sprachmodell konnte keine geprüfte Antwort geben: hier die Passagen aus dem Bericht.",
}
EDITION_NAMES: dict[Language, dict[Edition, str]] = {
    "en": {"fr": "French", "nl": "Dutch"},
    "de": {"fr": "französischen", "nl": "niederländischen"},
    "fr": {"fr": "française", "nl": "néerlandaise"},
    "nl": {"fr": "Franstalige", "nl": "Nederlandstalige"},
}
# Why a claim got its verdict, by reason code; "{other}" is another document's wording of the figure.
CLAIM_REASONS: dict[str, dict[Language, str]] = {
    "no_figure": {
        "fr": "L'affirmation ne contient aucun chiffre à vérifier.",
        "nl": "De bewering bevat geen cijfer om te controleren.",
        "en": "The claim states no figure to check.",
        "de": "Die Aussage enthält keine Zahl, die sich prüfen ließe.",
    },
    "no_fact": {
        "fr": "Le rapport ne donne aucun chiffre à ce sujet.",
        "nl": "Het verslag geeft hierover geen cijfer.",
        "en": "The report has no figure on this.",
        "de": "Der Bericht nennt dazu keine Zahl.",
    },
    "no_subject": {
        "fr": "Le rapport ne donne aucun chiffre sur ce sujet.",
        "nl": "Het verslag geeft over dit onderwerp geen cijfer.",
        "en": "The report has no figure on this subject.",
        "de": "Der Bericht nennt zu diesem Thema keine Zahl.",
    },
    "no_series": {
        "fr": "Le rapport ne donne pas de série de chiffres sur ce sujet.",
        "nl": "Het verslag geeft over dit onderwerp geen reeks cijfers.",
        "en": "The report has no series on this.",
        "de": "Der Bericht nennt dazu keine Zahlenreihe.",
    },
    "rise": {
        "fr": "Les chiffres du rapport montrent une hausse.",
        "nl": "De cijfers van het verslag tonen een stijging.",
        "en": "The report's figures show a rise.",
        "de": "Die Zahlen des Berichts zeigen einen Anstieg.",
    },
    "fall": {
        "fr": "Les chiffres du rapport montrent une baisse.",
        "nl": "De cijfers van het verslag tonen een daling.",
        "en": "The report's figures show a fall.",
        "de": "Die Zahlen des Berichts zeigen einen Rückgang.",
    },
    "stated": {
        "fr": "Le rapport donne ce chiffre.",
        "nl": "Het verslag vermeldt dit cijfer.",
        "en": "The report states this figure.",
        "de": "Der Bericht nennt diese Zahl.",
    },
    "stated_elsewhere_differently": {
        "fr": "Le rapport donne ce chiffre. Un autre document sur le même sujet dit « {other} ».",
        "nl": "Het verslag vermeldt dit cijfer. Een ander document over hetzelfde onderwerp zegt ‘{other}’.",
        "en": "The report states this figure. Another document on the same topic says “{other}”.",
        "de": "Der Bericht nennt diese Zahl. Ein anderes Dokument zum selben Thema sagt „{other}“.",
    },
    "other_figure": {
        "fr": "Le rapport donne un autre chiffre.",
        "nl": "Het verslag vermeldt een ander cijfer.",
        "en": "The report states another figure.",
        "de": "Der Bericht nennt eine andere Zahl.",
    },
}
# "Which part of the report covers …": the section, its title and printed page.
SECTION_ANSWER: dict[Language, str] = {
    "fr": "La section {number} « {title} » (p. {page}) en traite.",
    "nl": "Sectie {number} ‘{title}’ (p. {page}) gaat hierover.",
    "en": "Section {number} (“{title}”, p. {page}) covers this.",
    "de": "Abschnitt {number} („{title}“, S. {page}) behandelt das.",
}
# Who helps with a personal case when the deployment does not say.
ANY_HELP_DESK: dict[Language, str] = {
    "fr": "l'organisme qui publie le rapport",
    "nl": "de organisatie die het verslag uitgeeft",
    "en": "the body that publishes the report",
    "de": "die Stelle, die den Bericht herausgibt",
}
