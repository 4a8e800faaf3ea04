"""The check tab: a claim ("En 2023, près de 4 000 …") checked against the report's figures, with the evidence."""

import gradio as gr

from reportqa import inputs
from reportqa.answer.claim import CheckResult
from reportqa.errors import ReportQAError
from reportqa.messages.page import PAGE_TEXT, PageLanguage
from reportqa.service import ReportService
from reportqa.web.gate import Admission
from reportqa.web.ui.page import I18N
from reportqa.web.ui.render import escaped, format_number, link_text, page_language, pdf_link, said_in, seen_at


def check_markdown(result: CheckResult, language: PageLanguage = "en") -> str:
    words = PAGE_TEXT[language]
    lines = [f"### {words[result.verdict]}", escaped(result.explain(language))]
    if result.claim_value is not None or result.report_value is not None:
        claim = format_number(result.claim_value, language, result.percent)
        report = format_number(result.report_value, language, result.percent)
        lines.append(
            f"{words['claim']} : **{claim}** · {words['report']} : **{report}**".replace(
                " :", ":" if language != "fr" else " :"
            )
        )
    lines += [
        f"[{c.n}] {escaped(c.quote)} — [{link_text(c, language)}]({seen_at(c, language, [c])}) ({c.edition.upper()})"
        f"{pdf_link(c)}"
        for c in result.evidence
    ]
    return "\n\n".join(lines)


def check_tab(service: ReportService, gate: Admission) -> None:
    """The tab and its event: a claim, the verdict below it."""
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
            return f"⚠️ {escaped(said_in(error, page))}"
        try:
            return check_markdown(work.step(lambda: service.check(claim, check=work.check)), page)
        except ReportQAError as error:
            return f"⚠️ {escaped(said_in(error, page))}"
        finally:
            work.close()

    for trigger in (check_button.click, claim.submit):
        trigger(on_check, [claim], [verdict], api_visibility="private")
