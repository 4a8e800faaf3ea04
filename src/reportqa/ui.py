"""The Gradio chat: streamed answers with numbered citations, a sources panel, the loaded documents."""

import html
import json
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import gradio as gr
import pandas as pd

from reportqa import inputs
from reportqa.analytics import Feedback
from reportqa.answer import Answer
from reportqa.citations import Citation, document_url
from reportqa.claims import CheckResult
from reportqa.deployment import Deployment, deployment_for, official_help
from reportqa.errors import ReportQAError
from reportqa.figures import Fact
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
#source-table { overflow-x: auto; }  /* a wide table scrolls in its own box, never under the chart */
@media (max-width: 640px) {
  /* the rebuilt table, then its chart below it, each the full width */
  #figure-detail { flex-wrap: wrap !important; }
  #figure-detail > * { min-width: 100% !important; }
  #chat { height: 28vh !important; min-height: 28vh !important; }
  #title h1, #title * { font-size: 19px !important; line-height: 1.25 !important; margin: 0 !important; }
  #disclosure *, #documents * { font-size: 12px !important; line-height: 1.3 !important; }
}
"""


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
    },
    "nl": {
        "Copy conversation": "Gesprek kopiëren",
        "Copied conversation": "Gesprek gekopieerd",
        "More tabs": "Meer tabbladen",
        "chatbot conversation": "Gesprek",
        "Gradio footer navigation": "Voettekstlinks",
        "bot's message: ": "Antwoord: ",
        "user's message: ": "Vraag: ",
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
    " const relabel = (element) => { for (const name of ['aria-label', 'title']) {"
    "   const value = element.getAttribute(name); if (!value) continue;"
    "   for (const [english, own] of Object.entries(labels)) {"
    "     if (value === english) { element.setAttribute(name, own); break; }"
    "     if (english.endsWith(': ') && value.startsWith(english)) {"  # a message: its text, without link syntax
    "       const text = value.slice(english.length).replace(/\\[(\\[\\d+\\])\\]\\([^)]*\\)/g, '$1')"
    "         .replace(/\\[([^\\]]+)\\]\\([^)]*\\)/g, '$1');"
    "       element.setAttribute(name, own + text); break; } } } };"
    " const sweep = () => document.querySelectorAll('[aria-label], [title]').forEach(relabel);"
    " sweep(); new MutationObserver(sweep).observe(document.body,"
    " {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'title']}); }"
)


def link_text(citation: Citation, language: str) -> str:
    """What a citation link opens: "Rapport d'activité 2023, section 8.2, p. 14"."""
    section = f"{SECTION_WORD.get(language, 'section')} {citation.section}, " if citation.section else ""
    return f"{_text(citation.document)}, {section}p. {citation.page}"


def footnotes(citations: list[Citation], language: str = "en") -> str:
    """One line per citation: its number, a link to the PDF page named for what it opens, and the cell."""
    lines = []
    for c in citations:
        lines.append(f"[{c.n}] [{link_text(c, language)}]({c.url}) ({c.edition.upper()}){_cell(c)}")
    return "\n".join(lines)


def _linked_markers(body: str, citations: list[Citation]) -> str:
    """[1] in the answer becomes a link to the cited PDF page."""
    urls = {c.n: c.url for c in citations}
    return re.sub(
        r"\[(\d+)\]",
        lambda m: f"[[{m.group(1)}]]({urls[int(m.group(1))]})" if int(m.group(1)) in urls else m.group(0),
        body,
    )


def answer_markdown(answer: Answer) -> str:
    """The answer as shown in the chat; document and model text is escaped so it can never inject markup."""
    body = _linked_markers(_text(answer.answer), answer.citations)
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
        f"**[{c.n}]** [{link_text(c, answer.language)}]({c.url}){_cell(c)}\n\n> {_text(c.quote)}{_other_edition(c)}"
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


def format_number(value: float | None, language: PageLanguage, percent: bool = False) -> str:
    """'2 800', '2.800' or '2,800'; '5,5 %' or '5.5%': as a reader of the page writes numbers."""
    if value is None:
        return "—"
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
        f"[{c.n}] {_text(c.quote)} — [{link_text(c, language)}]({c.url}) ({c.edition.upper()})" for c in result.evidence
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


def figures_table(
    facts: list[Fact], service: ReportService, language: PageLanguage = "en", base_url: str = ""
) -> pd.DataFrame:
    """Facts as rows, each with its citation: a short value, row, column, the table (or the sentence it stands
    in), edition, section, page, and a link to the PDF page."""
    rows = []
    for fact in distinct_facts(facts):
        chunk = service.chunk(fact.chunk_id)
        link = document_url(chunk, service.settings) if chunk else ""
        rows.append(
            [
                int(fact.value) if float(fact.value).is_integer() else fact.value,  # 3994, not 3994.0
                fact.row,
                fact.column,
                fact.table if fact.kind == "cell" else fact.text,
                fact.edition.upper(),
                f"{fact.section} {fact.section_title}".strip(),
                fact.page,
                f"{base_url}{link}" if link.startswith("/") else link,
            ]
        )
    words = PAGE_TEXT[language]
    return pd.DataFrame(rows, columns=[words[key] for key in FIGURE_KEYS])


def shown_figures(table: pd.DataFrame, facts: list[Fact], language: PageLanguage) -> pd.DataFrame:
    """The table as the page shows it: values written as the reader writes numbers, the source a link."""
    shown = table.copy()
    kept = distinct_facts(facts)
    value, source = PAGE_TEXT[language]["value"], PAGE_TEXT[language]["source"]
    shown[value] = [format_number(f.value, language, f.unit == "%") for f in kept]
    shown[source] = [f"[p. {f.page}]({url})" if url else "" for f, url in zip(kept, table[source], strict=True)]
    return shown


def table_html(facts: list[Fact], highlight: Fact) -> str:
    """The source table rebuilt from its cells, the selected cell highlighted, with its citation above it."""
    if highlight.kind != "cell":
        return f"<p>{_text(highlight.text)}</p><p><small>{_text(highlight.label)}</small></p>"
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
        f"p. {_text(highlight.page)}</p><table><tr><th></th>{header}</tr>{body}</table>"
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
    """The opened table as it is printed: one row per row label, one column per column, numbers as numbers."""
    columns = {f.column_index: f.column for f in facts}
    labels = {f.row_index: f.row for f in facts}
    values = {(f.row_index, f.column_index): int(f.value) if float(f.value).is_integer() else f.value for f in facts}
    rows = [[labels[r], *(values.get((r, c)) for c in sorted(columns))] for r in sorted(labels)]
    caption = facts[0].table if facts else ""
    return pd.DataFrame(rows, columns=[caption, *(columns[c] for c in sorted(columns))])


def export_csv(table: pd.DataFrame, name: str = "figures") -> str:
    """A CSV a French or Dutch spreadsheet opens as it is: semicolons, a byte-order mark, decimal commas,
    numbers as numbers, absolute links."""
    path = Path(tempfile.mkdtemp(prefix="reportqa-figures-")) / f"{name}.csv"
    table.to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
    return str(path)


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
                chat = gr.Chatbot(height=480, show_label=False, elem_id="chat")
                with gr.Row(elem_id="ask-row"):
                    question = gr.Textbox(
                        label=I18N("question"),  # type: ignore[arg-type]
                        placeholder=I18N("placeholder"),  # type: ignore[arg-type]
                        max_length=service.settings.max_question_chars,
                        scale=4,
                        min_width=280,  # on a phone the box takes the whole width, the choice of language below
                        elem_id="question",
                    )
                    language = gr.Radio(LANGUAGE_CHOICES, value="auto", label=I18N("language"), scale=1)  # type: ignore[arg-type]
                send = gr.Button(I18N("send"), variant="primary", elem_id="send")  # type: ignore[arg-type]
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
            return shown_figures(table, facts, language), facts, in_cache(export, export_csv(table))

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
            return table_html(siblings, fact), plot, grid

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
