"""The words the chat's page shows, in the page's language (the browser's, as gr.I18n): its labels, the check and
figures tabs, the banner, and how an answer says which path wrote it."""

from typing import Literal

import gradio as gr

I18N = gr.I18n(
    en={
        "title": "# Questions on the report",
        "disclosure": "You are talking to an AI assistant. It answers only from the published report and "
        "quotes its sources. This is not legal advice; for your own situation contact {help} or a lawyer.",
        "question": "Your question",
        "placeholder": "e.g. How many were there in 2023?",
        "send": "Ask",
        "language": "Answer language",
        "sources": "### Sources",
        "examples": "Examples",
        "tab_chat": "Chat",
        "tab_check": "Check a claim",
        "tab_figures": "Figures",
        "claim": "Claim to check",
        "claim_placeholder": "e.g. In 2023 there were nearly 4,000",
        "check": "Check",
        "search": "Search figures (words in French or Dutch)",
        "export": "Export the results (CSV)",
        "find": "Search",
        "export_table": "Export this table (CSV)",
        "column_value": "value",
        "column_row": "row",
        "column_column": "column",
        "column_where": "table or sentence",
        "column_edition": "edition",
        "column_section": "section",
        "column_page": "page",
        "column_source": "source",
        "chatbot.copy_message": "Copy message",
        "chatbot.copied_message": "Message copied",
        "chatbot.like": "Useful",
        "chatbot.dislike": "Not useful",
    },
    fr={
        "title": "# Questions sur le rapport",
        "disclosure": "Vous parlez à un assistant d'IA. Il répond uniquement à partir du rapport publié et cite "
        "ses sources. Ceci n'est pas un avis juridique ; pour votre situation, contactez {help} ou un avocat.",
        "question": "Votre question",
        "placeholder": "p. ex. Combien y en a-t-il eu en 2023 ?",
        "send": "Demander",
        "language": "Langue de la réponse",
        "sources": "### Sources",
        "examples": "Exemples",
        "tab_chat": "Chat",
        "tab_check": "Vérifier un chiffre",
        "tab_figures": "Chiffres",
        "claim": "Affirmation à vérifier",
        "claim_placeholder": "p. ex. En 2023, il y en a eu près de 4 000",
        "check": "Vérifier",
        "search": "Chercher des chiffres (mots en français ou en néerlandais)",
        "export": "Exporter les résultats (CSV)",
        "find": "Chercher",
        "export_table": "Exporter ce tableau (CSV)",
        "column_value": "valeur",
        "column_row": "ligne",
        "column_column": "colonne",
        "column_where": "tableau ou phrase",
        "column_edition": "édition",
        "column_section": "section",
        "column_page": "page",
        "column_source": "source",
        # Gradio's own chat buttons: its French and Dutch catalogues lack them, so they stayed English.
        "chatbot.copy_message": "Copier le message",
        "chatbot.copied_message": "Message copié",
        "chatbot.like": "Utile",
        "chatbot.dislike": "Pas utile",
    },
    nl={
        "title": "# Vragen over het verslag",
        "disclosure": "U praat met een AI-assistent. Die antwoordt enkel op basis van het gepubliceerde verslag "
        "en vermeldt zijn bronnen. Dit is geen juridisch advies; neem voor uw eigen situatie contact op met {help} "
        "of een advocaat.",
        "question": "Uw vraag",
        "placeholder": "bv. Hoeveel waren er in 2023?",
        "send": "Vragen",
        "language": "Taal van het antwoord",
        "sources": "### Bronnen",
        "examples": "Voorbeelden",
        "tab_chat": "Chat",
        "tab_check": "Een cijfer controleren",
        "tab_figures": "Cijfers",
        "claim": "Te controleren bewering",
        "claim_placeholder": "bv. In 2023 waren er bijna 4000",
        "check": "Controleren",
        "search": "Cijfers zoeken (woorden in het Frans of Nederlands)",
        "export": "De resultaten exporteren (CSV)",
        "find": "Zoeken",
        "export_table": "Deze tabel exporteren (CSV)",
        "column_value": "waarde",
        "column_row": "rij",
        "column_column": "kolom",
        "column_where": "tabel of zin",
        "column_edition": "editie",
        "column_section": "sectie",
        "column_page": "pagina",
        "column_source": "bron",
        "chatbot.copy_message": "Bericht kopiëren",
        "chatbot.copied_message": "Bericht gekopieerd",
        "chatbot.like": "Nuttig",
        "chatbot.dislike": "Niet nuttig",
    },
)
# Example questions in the page's language (set when the page loads), when the deployment gives none.
EXAMPLES: dict[str, list[str]] = {
    "fr": ["Que dit le rapport sur 2023 ?"],
    "nl": ["Wat zegt het verslag over 2023?"],
    "en": ["What does the report say about 2023?"],
}
LANGUAGE_CHOICES = [("Auto", "auto"), ("Français", "fr"), ("Nederlands", "nl")]
PageLanguage = Literal["fr", "nl", "en"]
SEARCHING: dict[str, str] = {
    "fr": "Recherche dans le rapport…",
    "nl": "Zoeken in het verslag…",
    "en": "Searching the report…",
}

SECTION_WORD = {"fr": "section", "nl": "sectie", "en": "section", "de": "Abschnitt"}
TAB_TITLE = {
    "fr": "Questions sur le rapport",
    "nl": "Vragen over het verslag",
    "en": "Questions on the report",
}
# Labels Gradio writes in English whatever the page's language (no catalogue key): what screen readers announce.
GRADIO_LABELS = {
    "fr": {
        "Copy conversation": "Copier la conversation",
        "Copied conversation": "Conversation copiée",
        "More tabs": "Autres onglets",
        "chatbot conversation": "Conversation",
        "Gradio footer navigation": "Liens de pied de page",
        "bot's message: ": "Réponse : ",
        "user's message: ": "Question : ",
        "Copy table data": "Copier les données du tableau",
        "Fullscreen": "Plein écran",
        "Dataframe": "Tableau des chiffres",
        "Empty value": "Valeur vide",
        "Open cell menu": "Ouvrir le menu de la cellule",
        "Table actions": "Actions du tableau",
        "File upload": "Envoi de fichier",
        "Stop Recording": "",
        "Logo": "",
    },
    "nl": {
        "Copy conversation": "Gesprek kopiëren",
        "Copied conversation": "Gesprek gekopieerd",
        "More tabs": "Meer tabbladen",
        "chatbot conversation": "Gesprek",
        "Gradio footer navigation": "Voettekstlinks",
        "bot's message: ": "Antwoord: ",
        "user's message: ": "Vraag: ",
        "Copy table data": "Tabelgegevens kopiëren",
        "Fullscreen": "Volledig scherm",
        "Dataframe": "Cijfertabel",
        "Empty value": "Lege waarde",
        "Open cell menu": "Celmenu openen",
        "Table actions": "Tabelacties",
        "File upload": "Bestand uploaden",
        "Stop Recording": "",
        "Logo": "",
    },
}


ANSWERED_BY: dict[str, tuple[str, str, str]] = {
    # (written by a model, "after one retry", the model set aside)
    "fr": (
        "_Rédigé par {model}, chiffres vérifiés dans les passages{retried}._",
        " après un nouvel essai",
        "_Cité du rapport ; {model} a été écarté : {reason}._",
    ),
    "nl": (
        "_Geschreven door {model}, cijfers gecontroleerd in de passages{retried}._",
        " na een nieuwe poging",
        "_Geciteerd uit het verslag; {model} werd niet gebruikt: {reason}._",
    ),
    "en": (
        "_Written by {model}, figures checked against the passages{retried}._",
        " after one retry",
        "_Quoted from the report; {model} was set aside: {reason}._",
    ),
    "de": (
        "_Geschrieben von {model}, Zahlen an den Passagen geprüft{retried}._",
        " nach einem zweiten Versuch",
        "_Aus dem Bericht zitiert; {model} wurde nicht verwendet: {reason}._",
    ),
}


BANNER_TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "index": "Index",
        "documents": "Documents",
        "note": "Remarque",
        "sample": "**EXEMPLE** : rapport d'exemple, chiffres fictifs",
        "no_report": "Les PDF du rapport ne sont pas chargés : seules les annonces sont consultables.",
    },
    "nl": {
        "index": "Index",
        "documents": "Documenten",
        "note": "Opmerking",
        "sample": "**VOORBEELD**: voorbeeldverslag, fictieve cijfers",
        "no_report": "De pdf's van het verslag zijn niet geladen: enkel de aankondigingen zijn doorzoekbaar.",
    },
    "en": {
        "index": "Index",
        "documents": "Documents",
        "note": "Note",
        "sample": "**SAMPLE** report with fictitious figures",
        "no_report": "The report PDFs are not loaded: only the announcements can be searched.",
    },
}


# Words the server writes into the check and figures tabs, in the page's language (the browser's, as gr.I18n).
PAGE_TEXT: dict[PageLanguage, dict[str, str]] = {
    "fr": {
        "supported": "✔ Confirmé",
        "contradicted": "✘ Contredit",
        "not_found": "○ Absent du rapport",
        "claim": "Affirmation",
        "report": "rapport",
        "value": "valeur",
        "row": "ligne",
        "column": "colonne",
        "where": "tableau ou phrase",
        "edition": "édition",
        "section": "section",
        "page": "page",
        "source": "source",
        "year": "année",
        "unit": "unité",
        "see_page": "voir sur la page",
    },
    "nl": {
        "supported": "✔ Bevestigd",
        "contradicted": "✘ Tegengesproken",
        "not_found": "○ Niet in het verslag",
        "claim": "Bewering",
        "report": "verslag",
        "value": "waarde",
        "row": "rij",
        "column": "kolom",
        "where": "tabel of zin",
        "edition": "editie",
        "section": "sectie",
        "page": "pagina",
        "source": "bron",
        "year": "jaar",
        "unit": "eenheid",
        "see_page": "bekijken op de pagina",
    },
    "en": {
        "supported": "✔ Supported",
        "contradicted": "✘ Contradicted",
        "not_found": "○ Not in the report",
        "claim": "Claim",
        "report": "report",
        "value": "value",
        "row": "row",
        "column": "column",
        "where": "table or sentence",
        "edition": "edition",
        "section": "section",
        "page": "page",
        "source": "source",
        "year": "year",
        "unit": "unit",
        "see_page": "see it on the page",
    },
}
FIGURE_KEYS = ["value", "row", "column", "where", "edition", "section", "page", "source"]


# Gradio titles its error pop-up "Error" whatever the page's language.
ERROR_TITLE: dict[PageLanguage, str] = {"fr": "Erreur", "nl": "Fout", "en": "Error"}
