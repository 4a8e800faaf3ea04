"""The Gradio chat: streamed answers with numbered citations, a sources panel, the loaded documents."""

import html
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import gradio as gr
import pandas as pd

from reportqa import inputs
from reportqa.analytics import Feedback
from reportqa.answer import Answer
from reportqa.citations import Citation, document_url, marks_for, page_view_url, view_url
from reportqa.claims import CheckResult
from reportqa.deployment import Deployment, deployment_for, official_help
from reportqa.errors import ReportQAError
from reportqa.export import EXPORT_KEYS, csv_number, export_row, write_csv
from reportqa.figures import Fact, printed_decimals
from reportqa.gate import Admission
from reportqa.generate import Reset, Token, final_answer
from reportqa.lang import accepted_language
from reportqa.limits import Work
from reportqa.service import ReportService

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
STREAM_STEP = 6  # words per streamed update
STREAM_PAUSE = 0.04  # seconds between two steps of a quoted answer
SEARCHING: dict[str, str] = {
    "fr": "Recherche dans le rapport…",
    "nl": "Zoeken in het verslag…",
    "en": "Searching the report…",
}
# On a phone the question box must be on the first screen: a shorter chat, a smaller introduction.
PAGE_CSS = """
/* Gradio's "scroll down" button floats over the last message: an answer is read from its first line instead. */
#chat button[aria-label="Scroll down"] { display: none !important; }
#source-table { overflow-x: auto; }  /* a wide table scrolls in its own box, never under the chart */
/* The chat's own buttons (clear, copy) on a line of their own above the messages, never over an answer's text. */
#chat .top-panel { position: static !important; display: flex; justify-content: flex-end; padding: 2px 4px; }
#ask-row { align-items: flex-end; }
/* Contrast (WCAG 2.2 AA, 4.5:1): Gradio's orange on white is 2.8:1 for the selected tab, 3.5:1 for buttons. */
.gradio-container { --button-primary-background-fill: #c2410c; --button-primary-background-fill-hover: #9a3412;
                    --button-primary-border-color: #c2410c; --color-accent: #c2410c; }
.gradio-container button[role="tab"][aria-selected="true"] { color: #c2410c !important; }
.gradio-container { --link-text-color: #1e40af; --link-text-color-visited: #5b21b6; --link-text-color-hover: #1e3a8a; }
.gradio-container .prose a, .gradio-container .prose a:visited { color: #1e40af !important; }
footer .show-api, footer a, footer button { color: #374151 !important; }
#send { align-self: stretch; }
/* A focus ring that shows on every control (WCAG 2.2 AA: 3:1 against the page and the control). */
:focus-visible { outline: 3px solid #1a1a1a !important; outline-offset: 2px !important;
                 box-shadow: 0 0 0 5px #ffffff !important; }
@media (max-width: 640px) {
  /* the rebuilt table, then its chart below it, each the full width */
  #figure-detail { flex-wrap: wrap !important; }
  #figure-detail > * { min-width: 100% !important; }
  #chat { height: 34vh !important; min-height: 34vh !important; }
  #title h1, #title * { font-size: 16px !important; line-height: 1.2 !important; margin: 0 !important; }
  #disclosure *, #documents * { font-size: 11px !important; line-height: 1.25 !important; margin: 0 !important; }
  #ask-row { flex-wrap: nowrap !important; gap: 6px !important; }
  #ask-row > * { min-width: 0 !important; }
  #language .wrap { gap: 4px !important; }
  #language label { padding: 4px 8px !important; }
}
"""
# A new answer is shown from its first line: when it appears, the chat scrolls to put its question at the top of
# the chat's box (Gradio's own scrolling to the end is off), and leaves the reader's scrolling alone afterwards.
ANSWER_FIRST_JS = (
    "() => { let seen = 0; const pin = () => { const chat = document.querySelector('#chat'); if (!chat) return;"
    " const users = chat.querySelectorAll('.user-row'); const bots = chat.querySelectorAll('.bot-row');"
    " if (users.length === seen || bots.length < users.length) return; seen = users.length;"
    " const question = users[users.length - 1]; let box = question.parentElement;"
    " while (box && box !== chat && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;"
    " if (!box || box === chat) return;"
    " box.scrollTop += question.getBoundingClientRect().top - box.getBoundingClientRect().top; };"
    " new MutationObserver(pin).observe(document.body, {subtree: true, childList: true}); }"
)


def _text(value: str) -> str:
    """Document and model text made inert for Markdown/HTML (<, >, &); quotes stay quotes, so screen readers
    hear "qu'en", not "qu&#x27;en"."""
    return html.escape(value, quote=False)


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


def page_i18n(deployment: Deployment) -> gr.I18n:
    """The interface's words with the deployment's: its title, placeholders and help desk."""
    own = {
        language: {
            **texts,
            "title": f"# {deployment.title[language]}" if language in deployment.title else texts["title"],
            "placeholder": deployment.question_placeholder.get(language, texts["placeholder"]),  # type: ignore[call-overload]
            "claim_placeholder": deployment.claim_placeholder.get(language, texts["claim_placeholder"]),  # type: ignore[call-overload]
            "disclosure": texts["disclosure"].format(help=official_help(deployment, language)),  # type: ignore[arg-type]
        }
        for language, texts in I18N.translations.items()
    }
    return gr.I18n(**own)


def examples_for(deployment: Deployment, language: str) -> list[str]:
    return deployment.examples.get(language) or EXAMPLES[language]  # type: ignore[call-overload]


# On load, in the page's language (the browser's, as Gradio's own catalogue): the tab's title (Gradio's is one
# string for every visitor), and Gradio's English labels, now and as the chat adds messages.
def tab_title_js(deployment: Deployment) -> str:
    titles = {language: deployment.title.get(language, title) for language, title in TAB_TITLE.items()}  # type: ignore[call-overload]
    return TAB_TITLE_JS.replace("TITLES", json.dumps(titles, ensure_ascii=False))


TAB_TITLE_JS = (
    "() => { const lang = (navigator.language || 'en').slice(0, 2);"
    " const titles = TITLES;"
    " document.title = titles[lang] || titles.en;"
    " const labels = (" + json.dumps(GRADIO_LABELS, ensure_ascii=False) + ")[lang];"
    " if (!labels) return;"
    " const relabel = (element) => { for (const name of ['aria-label', 'title', 'alt']) {"
    "   const value = element.getAttribute(name); if (!value) continue;"
    "   for (const [english, own] of Object.entries(labels)) {"
    "     if (value === english) { element.setAttribute(name, own); break; }"
    "     if (english.endsWith(': ') && value.startsWith(english)) {"  # a message: its text, without link syntax
    "       const text = value.slice(english.length).replace(/\\[(\\[\\d+\\])\\]\\([^)]*\\)/g, '$1')"
    "         .replace(/\\[([^\\]]+)\\]\\([^)]*\\)/g, '$1');"
    "       element.setAttribute(name, own + text); break; } } } };"
    " const sweep = () => document.querySelectorAll('[aria-label], [title], img[alt]').forEach(relabel);"
    " sweep(); new MutationObserver(sweep).observe(document.body,"
    " {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'title', 'alt']}); }"
)
# Gradio draws the language choice as radios with a name each (three groups: arrow keys do nothing); one name and
# one named group make it one radio group.
RADIO_GROUP_JS = (
    "() => { const group = () => { const choice = document.querySelector('#language'); if (!choice) return;"
    " const radios = choice.querySelectorAll('input[type=radio]');"
    " radios.forEach((radio) => { if (radio.name !== 'answer-language') radio.name = 'answer-language'; });"
    " const box = radios.length ? radios[0].closest('.wrap') : null; if (!box) return;"
    " const label = choice.querySelector('[data-testid=block-info], .block-title, span');"
    " box.setAttribute('role', 'radiogroup');"
    " if (label) { label.id = label.id || 'answer-language-label'; box.setAttribute('aria-labelledby', label.id); } };"
    " group(); new MutationObserver(group).observe(document.body, {subtree: true, childList: true}); }"
)
def page_js(deployment: Deployment) -> str:
    """What the page runs once loaded: its title and Gradio's labels in its language, the answer-first scrolling,
    and the language choice as one radio group."""
    return "() => { (" + tab_title_js(deployment) + ")(); (" + ANSWER_FIRST_JS + ")(); (" + RADIO_GROUP_JS + ")(); }"


def link_text(citation: Citation, language: str) -> str:
    """What a citation link opens: "Rapport d'activité 2023, section 8.2, p. 14"."""
    section = f"{SECTION_WORD.get(language, 'section')} {citation.section}, " if citation.section else ""
    return f"{_text(citation.document)}, {section}p. {citation.page}"


def seen_at(citation: Citation, language: str, cited: list[Citation]) -> str:
    """Where a citation opens: its page with the passage highlighted (the viewer), else the document."""
    return view_url(citation, language, cited) or citation.url


def _pdf(citation: Citation) -> str:
    """The whole PDF at the cited page, beside the viewer's link."""
    return f" · [PDF]({citation.url})" if citation.kind != "announcement" else ""


def footnotes(citations: list[Citation], language: str = "en") -> str:
    """One line per citation: its number, a link to the cited page (the passage highlighted) named for what it
    opens, the whole PDF at that page, and the cell."""
    lines = []
    for c in citations:
        where = seen_at(c, language, citations)
        lines.append(f"[{c.n}] [{link_text(c, language)}]({where}) ({c.edition.upper()}){_pdf(c)}{_cell(c)}")
    return "\n".join(lines)


def _linked_markers(body: str, citations: list[Citation], language: str = "en") -> str:
    """[1] in the answer becomes a link to the cited page, the passage highlighted."""
    urls = {c.n: seen_at(c, language, citations) for c in citations}
    return re.sub(
        r"\[(\d+)\]",
        lambda m: f"[[{m.group(1)}]]({urls[int(m.group(1))]})" if int(m.group(1)) in urls else m.group(0),
        body,
    )


def answer_markdown(answer: Answer) -> str:
    """The answer as shown in the chat; document and model text is escaped so it can never inject markup."""
    body = _linked_markers(_text(answer.answer), answer.citations, answer.language)
    if answer.notice:
        body = f"{body}\n\n_{_text(answer.notice)}_"
    if answer.refused and answer.see_also:
        from reportqa.lang import SEE_ALSO

        return f"{body}\n\n{SEE_ALSO[answer.language]}\n" + footnotes(answer.see_also, answer.language)
    return f"{body}\n\n{footnotes(answer.citations, answer.language)}" if answer.citations else body


def _cell(citation: Citation) -> str:
    return f" — {_text(citation.table_cell)}" if citation.table_cell else ""


def _other_edition(citation: Citation) -> str:
    other = citation.other_edition
    if other is None or not other.quote:  # no sentence or row of the other edition states the same figures
        return ""
    return f"\n\n[{other.edition.upper()}, p. {other.page}]({other.url}): {_text(other.quote)}"


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


def answered_by(answer: Answer) -> str:
    """Which path answered, and why the model was set aside when it was (for the curious and for operators); the
    reason itself is an operator's message, in English."""
    written, retry, set_aside = ANSWERED_BY.get(answer.language, ANSWERED_BY["en"])
    if answer.mode == "llm":
        return written.format(model=_text(answer.model), retried=retry if answer.guard_failures else "")
    if answer.model:
        return set_aside.format(model=_text(answer.model), reason=_text(answer.fallback_reason))
    return ""


def sources_markdown(answer: Answer) -> str:
    shown = answer.citations or answer.see_also
    parts = [
        f"**[{c.n}]** [{link_text(c, answer.language)}]({seen_at(c, answer.language, shown)}){_pdf(c)}{_cell(c)}"
        f"\n\n> {_text(c.quote)}{_other_edition(c)}"
        for c in shown
    ]
    return "\n\n".join([*parts, answered_by(answer)]).strip()


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


def documents_banner(service: ReportService, language: str = "en") -> str:
    """What the app answers from, in the page's language; a sample report says so."""
    words = BANNER_TEXT.get(language, BANNER_TEXT["en"])
    status = service.status
    manifest = service.manifest
    lines = []
    if not status.ready or manifest is None:
        lines.append(f"**{words['index']}:** {_text(status.message)} ({status.fraction:.0%})")
    if manifest is not None:
        names = ", ".join(
            f"{_text(d.title)} ({d.edition.upper()}{', ' + str(d.pages) + ' p.' if d.kind == 'report' else ''})"
            for d in manifest.documents
        )
        lines.append(f"**{words['documents']}:** {names or '—'}")
        notes = [(d.file, note) for d in manifest.documents for note in d.notes]
        lines += [f"**{words['note']}:** {_text(file)}: {_text(note)}" for file, note in notes]
        if any(d.is_sample for d in manifest.documents):
            lines.append(words["sample"])
        if not manifest.has_report():
            lines.append(f"**{words['note']}:** {words['no_report']}")
    return "  \n".join(lines)


def _plain_text(content: object) -> str:
    """A chat turn's text: Gradio gives a string, or a list of parts such as {"type": "text", "text": ...}."""
    if isinstance(content, list):
        return " ".join(_plain_text(part) for part in content)
    if isinstance(content, dict):
        return str(content.get("text", ""))
    return html.unescape(str(content or ""))


def respond(
    service: ReportService,
    message: str,
    history: list[dict],  # type: ignore[type-arg]
    language: str,
    session: str = "",
    answer_ids: list[str] | None = None,
    page: PageLanguage = "en",
    work: Work | None = None,
) -> Iterator[tuple[list[dict[str, str]], str, str]]:
    """The chat's reply, streamed: the question stays on screen with "searching the report…" (in the page's
    language) until the first words come. `answer_ids` gets one entry per assistant message (the answer's id, or
    "" for a notice), so that a thumbs up or down can name the answer it is about. `history` is the conversation
    as the server kept it (never as a browser sends it); `work`, the question's slot and time limit."""
    ids = answer_ids if answer_ids is not None else []
    earlier = [_plain_text(turn.get("content")) for turn in history if turn.get("role") == "user"]
    history = [*history, {"role": "user", "content": _text(inputs.printable(str(message)))}]
    question = str(message).strip()
    if not question:
        yield history[:-1], "", ""
        return
    chosen = None if language == "auto" else language
    try:
        question = inputs.question(question, service.settings)
        inputs.history([("user", turn) for turn in earlier], service.settings)
    except inputs.Refused as error:
        ids.append("")
        yield [*history, {"role": "assistant", "content": f"⚠️ {_text(error.message(page))}"}], "", ""
        return
    yield [*history, {"role": "assistant", "content": f"_{SEARCHING[page]}_"}], "", ""
    try:
        check = work.check if work else lambda: None
        events = service.ask_stream(question, chosen, earlier, session, check)  # type: ignore[arg-type]
        draft = ""
        for event in work.steps(events) if work else events:
            if isinstance(event, Token):
                draft += event.text
                yield [*history, {"role": "assistant", "content": _text(draft) + " …"}], "", ""
            elif isinstance(event, Reset):
                draft = ""
                yield [*history, {"role": "assistant", "content": "…"}], "", ""
            elif isinstance(event, Answer):
                answer = event
    except ReportQAError as error:
        ids.append("")
        yield [*history, {"role": "assistant", "content": f"⚠️ {_text(_said_in(error, page))}"}], "", ""
        return
    if not draft:  # quotes arrive whole: show them a few words at a time
        words = _text(answer.answer).split(" ")
        for end in range(STREAM_STEP, len(words), STREAM_STEP):
            yield [*history, {"role": "assistant", "content": " ".join(words[:end]) + " …"}], "", ""
            time.sleep(STREAM_PAUSE)  # the browser gets each step: the answer is seen being written
    ids.append(answer.answer_id)
    yield [*history, {"role": "assistant", "content": answer_markdown(answer)}], sources_markdown(answer), ""


def record_like(
    service: ReportService, data: gr.LikeData, history: list[dict], answer_ids: list[str], session: str
) -> None:  # type: ignore[type-arg]
    """A thumbs up or down in the chat, stored with the answer's id (analytics on only)."""
    index = data.index[0] if isinstance(data.index, list | tuple) else data.index
    position = sum(1 for turn in history[: index + 1] if turn.get("role") == "assistant") - 1
    if 0 <= position < len(answer_ids) and answer_ids[position]:
        rating = 1 if data.liked else -1
        service.feedback(session, Feedback(answer_ids[position], rating))


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


def _said_in(error: ReportQAError, language: PageLanguage) -> str:
    """The error in the page's language when it has one (the index being built, the time limit, a refusal)."""
    message = getattr(error, "message", None)
    return str(message(language)) if callable(message) else str(error)


def _shown(error: ReportQAError, language: PageLanguage) -> gr.Error:
    """A pop-up in the page's language; a refusal is expected, so no traceback is written."""
    return gr.Error(_said_in(error, language), title=ERROR_TITLE[language], print_exception=False)


def page_language(request: gr.Request | None) -> PageLanguage:
    """The page's language as the browser states it (what gr.I18n shows); English for any other."""
    header = request.headers.get("accept-language", "") if request is not None else ""
    return accepted_language(str(header), ("fr", "nl", "en"))  # type: ignore[return-value]


def format_number(
    value: float | None, language: PageLanguage, percent: bool = False, decimals: int | None = None
) -> str:
    """'2 800', '2.800' or '2,800'; '5,5 %' or '5.5%': as a reader of the page writes numbers; `decimals`: the
    report's own precision ("22,0 %" stays "22,0 %")."""
    if value is None:
        return "—"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"  # 2,800.5
    if language == "fr":
        text = text.replace(",", "\u00a0").replace(".", ",")
    elif language == "nl":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    if percent:
        text += " %" if language == "fr" else "%"
    return text


def check_markdown(result: CheckResult, language: PageLanguage = "en") -> str:
    words = PAGE_TEXT[language]
    lines = [f"### {words[result.verdict]}", _text(result.explain(language))]
    if result.claim_value is not None or result.report_value is not None:
        claim = format_number(result.claim_value, language, result.percent)
        report = format_number(result.report_value, language, result.percent)
        lines.append(
            f"{words['claim']} : **{claim}** · {words['report']} : **{report}**".replace(
                " :", ":" if language != "fr" else " :"
            )
        )
    lines += [
        f"[{c.n}] {_text(c.quote)} — [{link_text(c, language)}]({seen_at(c, language, [c])}) ({c.edition.upper()})"
        f"{_pdf(c)}"
        for c in result.evidence
    ]
    return "\n\n".join(lines)


def _base_url(service: ReportService, request: gr.Request | None) -> str:
    """Where links point from outside the page (a CSV opened in Excel): REPORTQA_PUBLIC_URL, else this host."""
    if service.settings.public_url or request is None:
        return service.settings.public_url
    scheme = request.headers.get("x-forwarded-proto", "http")
    return f"{scheme}://{request.headers.get('host', '127.0.0.1')}"


def distinct_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per figure: a sentence repeated in two passages, or a cell read twice, is shown once."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = (fact.edition, fact.kind, fact.table, fact.row, fact.column, fact.text, fact.value, fact.year)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def _fact_link(fact: Fact, service: ReportService, base_url: str) -> str:
    chunk = service.chunk(fact.chunk_id)
    link = document_url(chunk, service.settings) if chunk else ""
    return f"{base_url}{link}" if link.startswith("/") else link


def figures_table(
    facts: list[Fact], service: ReportService, language: PageLanguage = "en", base_url: str = ""
) -> pd.DataFrame:
    """Facts as the export's rows (EXPORT_KEYS), each with its citation: the value as a spreadsheet reads it, its
    unit and year, row, column, the table (or the sentence it stands in), edition, section, page, and a link to
    the PDF page."""
    rows = [export_row(fact, _fact_link(fact, service, base_url)) for fact in distinct_facts(facts)]
    words = PAGE_TEXT[language]
    return pd.DataFrame(rows, columns=[words[key] for key in EXPORT_KEYS], dtype=str)


def fact_view(fact: Fact, service: ReportService, language: str) -> str:
    """The viewer of a fact's page, its cell or sentence highlighted ("" when its passage is not loaded)."""
    chunk = service.chunk(fact.chunk_id)
    if chunk is None or chunk.kind == "announcement":
        return ""
    cell = (fact.row_index, fact.column_index) if fact.kind == "cell" else None
    marks = marks_for(chunk, fact.text, cell)
    root = service.settings.public_url
    return page_view_url(root, chunk.doc_id, chunk.physical_page, chunk.doc_version, chunk.chunk_id, marks, language)


def shown_figures(
    table: pd.DataFrame, facts: list[Fact], language: PageLanguage, views: list[str] | None = None
) -> pd.DataFrame:
    """The table as the page shows it (FIGURE_KEYS): values written as the reader writes numbers, at the report's
    precision ("22,0 %"); the source opens the page with the figure highlighted, then the whole PDF."""
    words = PAGE_TEXT[language]
    shown = table[[words[key] for key in FIGURE_KEYS]].copy()
    kept = distinct_facts(facts)
    shown[words["value"]] = [format_number(f.value, language, f.unit == "%", printed_decimals(f.text)) for f in kept]
    seen = views or [""] * len(kept)
    shown[words["source"]] = [
        (f"[p. {f.page}]({view}) · [PDF]({url})" if view else f"[p. {f.page}]({url})") if url else ""
        for f, url, view in zip(kept, table[words["source"]], seen, strict=True)
    ]
    return shown


def table_html(facts: list[Fact], highlight: Fact, view: str = "", see_page: str = "") -> str:
    """The source table rebuilt from its cells, the selected cell highlighted, with its citation above it and a
    link to the page with the cell highlighted."""
    seen = f' — <a href="{html.escape(view)}" target="_blank" rel="noopener">{_text(see_page)}</a>' if view else ""
    if highlight.kind != "cell":
        return f"<p>{_text(highlight.text)}</p><p><small>{_text(highlight.label)}</small>{seen}</p>"
    rows: dict[int, dict[int, Fact]] = {}
    for fact in facts:
        rows.setdefault(fact.row_index, {})[fact.column_index] = fact
    titles = {f.column_index: f.column for f in facts}
    columns = sorted(titles)
    header = "".join(f"<th>{_text(titles[c])}</th>" for c in columns)
    body = ""
    for index in sorted(rows):
        cells = rows[index]
        label = _text(next(iter(cells.values())).row)
        tds = "".join(
            f'<td style="{"background:#ffe58a;font-weight:bold" if cells.get(c) == highlight else ""}">'
            f"{_text(cells[c].text) if c in cells else ''}</td>"
            for c in columns
        )
        body += f'<tr><th style="text-align:left">{label}</th>{tds}</tr>'
    return (
        f"<p><b>{_text(highlight.table)}</b> — {_text(highlight.row)}, {_text(highlight.column)}, "
        f"p. {_text(highlight.page)}{seen}</p><table><tr><th></th>{header}</tr>{body}</table>"
    )


def row_series(facts: list[Fact], highlight: Fact, language: PageLanguage = "en") -> pd.DataFrame:
    """The selected row across the years, for the chart."""
    points = [(str(f.year), f.value) for f in facts if f.row_index == highlight.row_index and f.year is not None]
    words = PAGE_TEXT[language]
    return pd.DataFrame(sorted(points), columns=[words["year"], words["value"]])


def row_chart(series: pd.DataFrame) -> gr.LinePlot:
    """The row across the years. The axis starts at zero: a rise from 2 800 to 3 000 must not look like a
    tripling. Counts are labelled without a thousands separator: the chart's only one is the English comma, and
    "2,800" reads as 2.8 in French and Dutch."""
    year, value = series.columns
    top = float(series[value].max()) if len(series) else 1.0
    counts = bool(len(series)) and all(float(v).is_integer() for v in series[value])
    return gr.LinePlot(value=series, x=year, y=value, y_lim=[0, top * 1.1], y_axis_format="d" if counts else None)


def table_frame(facts: list[Fact]) -> pd.DataFrame:
    """The opened table as it is printed: one row per row label, one column per column, numbers as a spreadsheet
    reads them, at the report's precision."""
    columns = {f.column_index: f.column for f in facts}
    labels = {f.row_index: f.row for f in facts}
    values = {(f.row_index, f.column_index): csv_number(f.value, printed_decimals(f.text)) for f in facts}
    rows = [[labels[r], *(values.get((r, c), "") for c in sorted(columns))] for r in sorted(labels)]
    caption = facts[0].table if facts else ""
    return pd.DataFrame(rows, columns=[caption, *(columns[c] for c in sorted(columns))], dtype=str)


def export_csv(table: pd.DataFrame, name: str = "figures") -> str:
    """A CSV a French or Dutch spreadsheet opens as it is (see export.write_csv)."""
    return write_csv([str(c) for c in table.columns], table.fillna("").astype(str).values.tolist(), name)


def in_cache(button: gr.DownloadButton, path: str) -> str:
    """An export handed to Gradio's cache, which serves the download and deletes it after an hour (`delete_cache`);
    its own temporary folder (reportqa-figures-*) is removed at once, so no visitor ever learns its path."""
    try:
        return str(button.move_resource_to_block_cache(path))
    finally:
        shutil.rmtree(Path(path).parent, ignore_errors=True)


EXPORT_LIFETIME = (600, 3600)  # seconds: how often Gradio's cache is swept, and how old an export may get


def _entered(gate: Admission, request: gr.Request) -> Work:
    """The gate every question passes (the API's own: one rate limit, one set of slots, one time limit); a refusal
    is a pop-up in the page's language, one log line and no traceback."""
    try:
        return gate.enter(request.request)  # type: ignore[arg-type]
    except inputs.Refused as error:
        raise _shown(error, page_language(request)) from None


def build_ui(service: ReportService, gate: Admission | None = None) -> gr.Blocks:
    """The chat, the check and the figures tabs. `gate`: shared with the JSON API (one per process)."""
    gate = gate or Admission(service.settings)
    deployment = deployment_for(service.settings)
    # Gradio's own usage statistics are off: the page calls no one but this server.
    with gr.Blocks(title="reportqa", analytics_enabled=False, delete_cache=EXPORT_LIFETIME) as ui:
        gr.Markdown(I18N("title"), elem_id="title")  # type: ignore[arg-type]
        gr.Markdown(I18N("disclosure"), elem_id="disclosure")  # type: ignore[arg-type]
        banner = gr.Markdown(documents_banner(service), elem_id="documents")
        with gr.Tab(I18N("tab_chat")), gr.Row():  # type: ignore[arg-type]
            with gr.Column(scale=3, min_width=320):
                # Copy per message only: no share button (no name, nowhere to share to) and no toolbar over answers.
                chat = gr.Chatbot(height=480, show_label=False, elem_id="chat", buttons=["copy"], autoscroll=False)
                with gr.Row(elem_id="ask-row"):  # the box and its button side by side, on a phone too
                    question = gr.Textbox(
                        label=I18N("question"),  # type: ignore[arg-type]
                        placeholder=I18N("placeholder"),  # type: ignore[arg-type]
                        max_length=service.settings.max_question_chars,
                        scale=4,
                        min_width=180,
                        elem_id="question",
                    )
                    send = gr.Button(I18N("send"), variant="primary", scale=1, min_width=110, elem_id="send")  # type: ignore[arg-type]
                language = gr.Radio(LANGUAGE_CHOICES, value="auto", label=I18N("language"), elem_id="language")  # type: ignore[arg-type]
            with gr.Column(scale=2, min_width=320):
                # The sources come right after the answer (on a phone, below it), the examples after them.
                gr.Markdown(I18N("sources"))  # type: ignore[arg-type]
                sources = gr.Markdown(elem_id="sources")
                examples = gr.Examples(examples_for(deployment, "fr"), inputs=question, label=I18N("examples"))  # type: ignore[arg-type]

        answer_ids = gr.State([])
        # The conversation as the server wrote it: the chat shows it, the browser never sends it back, so no
        # made-up turn can be shown as the assistant's words nor read as an earlier question.
        conversation = gr.State([])

        def on_ask(message: str, lang: str, history: list[dict[str, str]], ids: list[str], request: gr.Request):  # type: ignore[no-untyped-def]
            page = page_language(request)
            try:
                work = gate.enter(request.request)  # type: ignore[arg-type]
            except inputs.Refused as error:
                notice = {"role": "assistant", "content": f"⚠️ {_text(error.message(page))}"}
                shown = [*history, {"role": "user", "content": _text(inputs.printable(str(message)))}, notice]
                yield shown, "", "", ids, history
                return
            try:
                for reply in respond(service, message, history, lang, request.session_hash or "", ids, page, work):
                    yield (*reply, ids, reply[0])
            finally:
                work.close()

        for trigger in (send.click, question.submit):
            trigger(
                on_ask,
                [question, language, conversation, answer_ids],
                [chat, sources, question, answer_ids, conversation],
                api_visibility="private",
            )
        if service.analytics.enabled:

            def on_like(data: gr.LikeData, history: list[dict[str, str]], ids: list[str], request: gr.Request) -> None:
                record_like(service, data, history, ids, request.session_hash or "")

            chat.like(on_like, [conversation, answer_ids], None, api_visibility="private")

        with gr.Tab(I18N("tab_check")):  # type: ignore[arg-type]
            claim = gr.Textbox(
                label=I18N("claim"),
                placeholder=I18N("claim_placeholder"),  # type: ignore[arg-type]
                max_length=service.settings.max_question_chars,
                elem_id="claim",
            )
            check_button = gr.Button(I18N("check"), variant="primary", elem_id="check")  # type: ignore[arg-type]
            verdict = gr.Markdown(elem_id="verdict")

        def on_check(text: str, request: gr.Request) -> str:
            if not text.strip():
                return ""
            page = page_language(request)
            try:
                claim = inputs.question(text, service.settings)
                work = gate.enter(request.request)  # type: ignore[arg-type]
            except ReportQAError as error:
                return f"⚠️ {_text(_said_in(error, page))}"
            try:
                return check_markdown(work.step(lambda: service.check(claim, check=work.check)), page)
            except ReportQAError as error:
                return f"⚠️ {_text(_said_in(error, page))}"
            finally:
                work.close()

        for trigger in (check_button.click, claim.submit):
            trigger(on_check, [claim], [verdict], api_visibility="private")

        with gr.Tab(I18N("tab_figures")):  # type: ignore[arg-type]
            with gr.Row():
                words = gr.Textbox(label=I18N("search"), scale=4, elem_id="figure-search")  # type: ignore[arg-type]
                find = gr.Button(I18N("find"), scale=1, elem_id="figure-find")  # type: ignore[arg-type]
            found = gr.Dataframe(
                headers=[I18N(f"column_{key}") for key in FIGURE_KEYS],  # type: ignore[misc]
                datatype=[*(["str"] * (len(FIGURE_KEYS) - 1)), "markdown"],  # type: ignore[list-item]
                interactive=False,
                wrap=True,
                # The whole table within 1366 px, its page and source columns included: long text wraps.
                column_widths=["10%", "16%", "8%", "26%", "6%", "18%", "6%", "10%"],
                elem_id="figures",
            )
            with gr.Row(elem_id="figure-detail"):
                source_table = gr.HTML(elem_id="source-table")
                chart = gr.LinePlot(height=260, elem_id="figure-chart")
            with gr.Row():
                export = gr.DownloadButton(I18N("export"), elem_id="figure-export")  # type: ignore[arg-type]
                export_table = gr.DownloadButton(I18N("export_table"), elem_id="table-export")  # type: ignore[arg-type]
            shown = gr.State([])

        def on_search(text: str, request: gr.Request):  # type: ignore[no-untyped-def]
            work = _entered(gate, request)
            try:
                words = inputs.question(text, service.settings)
                facts = distinct_facts(work.step(lambda: service.search_facts(words))) if words.strip() else []
            except ReportQAError as error:  # the index is still being built, the words are refused
                raise _shown(error, page_language(request)) from None
            finally:
                work.close()
            language = page_language(request)
            table = figures_table(facts, service, language, _base_url(service, request))
            views = [fact_view(fact, service, language) for fact in distinct_facts(facts)]
            return shown_figures(table, facts, language, views), facts, in_cache(export, export_csv(table))

        def on_select(facts: list[Fact], event: gr.SelectData, request: gr.Request):  # type: ignore[no-untyped-def]
            row = event.index[0] if isinstance(event.index, list | tuple) and event.index else event.index
            if not isinstance(row, int) or not 0 <= row < len(facts):  # a row this visitor was never shown
                return gr.skip(), gr.skip(), gr.skip()
            fact = facts[row]
            try:
                siblings = service.table_facts(fact.chunk_id) if fact.kind == "cell" else [fact]
            except ReportQAError as error:
                raise _shown(error, page_language(request)) from None
            language = page_language(request)
            plot = row_chart(row_series(siblings, fact, language))
            grid = in_cache(export_table, export_csv(table_frame(siblings), "table")) if fact.kind == "cell" else None
            view = fact_view(fact, service, language)
            return table_html(siblings, fact, view, PAGE_TEXT[language]["see_page"]), plot, grid

        for trigger in (find.click, words.submit):
            trigger(on_search, [words], [found, shown, export], api_visibility="private")
        found.select(on_select, [shown], [source_table, chart, export_table], api_visibility="private")

        def ask_api(question: str, language: str = "auto", request: gr.Request | None = None) -> dict:
            """The same answer as the chat, as the `ask --json` object (for gradio_client)."""
            if request is None:
                raise gr.Error("No request", print_exception=False)
            work = _entered(gate, request)
            try:
                asked = inputs.question(question, service.settings)
                chosen = language if language in ("fr", "nl", "en", "de") else None
                events = service.ask_stream(asked, chosen, check=work.check)  # type: ignore[arg-type]
                return final_answer(work.steps(events)).to_dict()
            except ReportQAError as error:
                raise _shown(error, page_language(request)) from None
            finally:
                work.close()

        gr.api(ask_api, api_name="ask")

        def banner_for(request: gr.Request) -> str:
            return documents_banner(service, page_language(request))

        def refresh_banner(request: gr.Request):  # type: ignore[no-untyped-def]
            return banner_for(request), gr.Timer(active=not service.status.ready)

        def on_load(request: gr.Request):  # type: ignore[no-untyped-def]
            language = page_language(request)
            samples = [[question] for question in examples_for(deployment, language)]
            return documents_banner(service, language), gr.Dataset(samples=samples)

        ui.load(on_load, outputs=[banner, examples.dataset], api_visibility="private")
        timer = gr.Timer(2.0, active=not service.status.ready)
        timer.tick(
            refresh_banner,
            outputs=[banner, timer],
            api_visibility="private",
        )
    return ui
