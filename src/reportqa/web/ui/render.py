"""An answer, its sources, a claim's verdict and the loaded documents as the page shows them: Markdown with every
document and model text escaped, numbers as the page's reader writes them, errors in the page's language."""

import html
import re

import gradio as gr

from reportqa import inputs
from reportqa.answer.citations import Citation, view_url
from reportqa.answer.extractive import Answer
from reportqa.errors import ReportQAError
from reportqa.language.detect import accepted_language
from reportqa.messages.answers import SEE_ALSO
from reportqa.messages.page import ANSWERED_BY, BANNER_TEXT, ERROR_TITLE, SECTION_WORD, PageLanguage
from reportqa.service import ReportService
from reportqa.web.gate import Admission
from reportqa.web.limits import Work


def escaped(value: str) -> str:
    """Document and model text made inert for Markdown/HTML (<, >, &); quotes stay quotes, so screen readers
    hear "qu'en", not "qu&#x27;en"."""
    return html.escape(value, quote=False)


def link_text(citation: Citation, language: str) -> str:
    """What a citation link opens: "Rapport d'activité 2023, section 8.2, p. 14"."""
    section = f"{SECTION_WORD.get(language, 'section')} {citation.section}, " if citation.section else ""
    return f"{escaped(citation.document)}, {section}p. {citation.page}"


def seen_at(citation: Citation, language: str, cited: list[Citation]) -> str:
    """Where a citation opens: its page with the passage highlighted (the viewer), else the document."""
    return view_url(citation, language, cited) or citation.url


def pdf_link(citation: Citation) -> str:
    """The whole PDF at the cited page, beside the viewer's link."""
    return f" · [PDF]({citation.url})" if citation.kind != "announcement" else ""


def footnotes(citations: list[Citation], language: str = "en") -> str:
    """One line per citation: its number, a link to the cited page (the passage highlighted) named for what it
    opens, the whole PDF at that page, and the cell."""
    lines = []
    for c in citations:
        where = seen_at(c, language, citations)
        lines.append(f"[{c.n}] [{link_text(c, language)}]({where}) ({c.edition.upper()}){pdf_link(c)}{_cell(c)}")
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
    body = _linked_markers(escaped(answer.answer), answer.citations, answer.language)
    if answer.notice:
        body = f"{body}\n\n_{escaped(answer.notice)}_"
    if answer.refused and answer.see_also:
        return f"{body}\n\n{SEE_ALSO[answer.language]}\n" + footnotes(answer.see_also, answer.language)
    return f"{body}\n\n{footnotes(answer.citations, answer.language)}" if answer.citations else body


def _cell(citation: Citation) -> str:
    return f" — {escaped(citation.table_cell)}" if citation.table_cell else ""


def _other_edition(citation: Citation) -> str:
    other = citation.other_edition
    if other is None or not other.quote:  # no sentence or row of the other edition states the same figures
        return ""
    return f"\n\n[{other.edition.upper()}, p. {other.page}]({other.url}): {escaped(other.quote)}"



def answered_by(answer: Answer) -> str:
    """Which path answered, and why the model was set aside when it was (for the curious and for operators); the
    reason itself is an operator's message, in English."""
    written, retry, set_aside = ANSWERED_BY.get(answer.language, ANSWERED_BY["en"])
    if answer.mode == "llm":
        return written.format(model=escaped(answer.model), retried=retry if answer.guard_failures else "")
    if answer.model:
        return set_aside.format(model=escaped(answer.model), reason=escaped(answer.fallback_reason))
    return ""


def sources_markdown(answer: Answer) -> str:
    shown = answer.citations or answer.see_also
    parts = [
        f"**[{c.n}]** [{link_text(c, answer.language)}]({seen_at(c, answer.language, shown)}){pdf_link(c)}{_cell(c)}"
        f"\n\n> {escaped(c.quote)}{_other_edition(c)}"
        for c in shown
    ]
    return "\n\n".join([*parts, answered_by(answer)]).strip()


def documents_banner(service: ReportService, language: str = "en") -> str:
    """What the app answers from, in the page's language; a sample report says so."""
    words = BANNER_TEXT.get(language, BANNER_TEXT["en"])
    status = service.status
    manifest = service.manifest
    lines = []
    if not status.ready or manifest is None:
        lines.append(f"**{words['index']}:** {escaped(status.message)} ({status.fraction:.0%})")
    if manifest is not None:
        names = ", ".join(
            f"{escaped(d.title)} ({d.edition.upper()}{', ' + str(d.pages) + ' p.' if d.kind == 'report' else ''})"
            for d in manifest.documents
        )
        lines.append(f"**{words['documents']}:** {names or '—'}")
        notes = [(d.file, note) for d in manifest.documents for note in d.notes]
        lines += [f"**{words['note']}:** {escaped(file)}: {escaped(note)}" for file, note in notes]
        if any(d.is_sample for d in manifest.documents):
            lines.append(words["sample"])
        if not manifest.has_report():
            lines.append(f"**{words['note']}:** {words['no_report']}")
    return "  \n".join(lines)


def said_in(error: ReportQAError, language: PageLanguage) -> str:
    """The error in the page's language when it has one (the index being built, the time limit, a refusal)."""
    message = getattr(error, "message", None)
    return str(message(language)) if callable(message) else str(error)


def shown_error(error: ReportQAError, language: PageLanguage) -> gr.Error:
    """A pop-up in the page's language; a refusal is expected, so no traceback is written."""
    return gr.Error(said_in(error, language), title=ERROR_TITLE[language], print_exception=False)


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


def entered(gate: Admission, request: gr.Request) -> Work:
    """The gate every question passes (the API's own: one rate limit, one set of slots, one time limit); a refusal
    is a pop-up in the page's language, one log line and no traceback."""
    try:
        return gate.enter(request.request)  # type: ignore[arg-type]
    except inputs.Refused as error:
        raise shown_error(error, page_language(request)) from None
