"""The words of the widget's compact chat (/embed)."""

EMBED_TEXT = {
    "fr": {
        "title": "Rapport d'activité 2023",
        "placeholder": "Votre question sur le rapport d'activité 2023",
        "send": "Envoyer",
        "failed": "Le service ne répond pas, réessayez plus tard.",
        "notice": "Assistant IA : réponses tirées du rapport uniquement, avec leurs sources. "
        "Ce n'est pas un avis juridique (aide officielle : {help}).",
    },
    "nl": {
        "title": "Activiteitenverslag 2023",
        "placeholder": "Uw vraag over het activiteitenverslag 2023",
        "send": "Verzenden",
        "failed": "De dienst antwoordt niet, probeer later opnieuw.",
        "notice": "AI-assistent: antwoorden enkel uit het verslag, met bronnen. "
        "Dit is geen juridisch advies (officiële hulp: {help}).",
    },
    "en": {
        "title": "Activity report 2023",
        "placeholder": "Your question on the 2023 activity report",
        "send": "Send",
        "failed": "The service does not answer, try again later.",
        "notice": "AI assistant: answers from the report only, with sources. "
        "Not legal advice (official help: {help}).",
    },
}
