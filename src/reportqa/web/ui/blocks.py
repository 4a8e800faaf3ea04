"""The page: its title, the AI disclosure and the loaded documents above three tabs (chat, check, figures), and the
chat's answer for gradio_client."""

import gradio as gr

from reportqa.deployment import deployment_for
from reportqa.service import ReportService
from reportqa.web.gate import Admission
from reportqa.web.ui.chat import answer_for_clients, chat_tab
from reportqa.web.ui.check import check_tab
from reportqa.web.ui.figures import EXPORT_LIFETIME, figures_tab
from reportqa.web.ui.page import I18N, examples_for
from reportqa.web.ui.render import documents_banner, page_language


def build_ui(service: ReportService, gate: Admission | None = None) -> gr.Blocks:
    """The chat, the check and the figures tabs. `gate`: shared with the JSON API (one per process)."""
    gate = gate or Admission(service.settings)
    deployment = deployment_for(service.settings)
    # Gradio's own usage statistics are off: the page calls no one but this server.
    with gr.Blocks(title="reportqa", analytics_enabled=False, delete_cache=EXPORT_LIFETIME) as ui:
        gr.Markdown(I18N("title"), elem_id="title")  # type: ignore[arg-type]
        gr.Markdown(I18N("disclosure"), elem_id="disclosure")  # type: ignore[arg-type]
        banner = gr.Markdown(documents_banner(service), elem_id="documents")
        examples = chat_tab(service, gate, deployment)
        check_tab(service, gate)
        figures_tab(service, gate)
        gr.api(answer_for_clients(service, gate), api_name="ask")

        def refresh_banner(request: gr.Request):  # type: ignore[no-untyped-def]
            return documents_banner(service, page_language(request)), gr.Timer(active=not service.status.ready)

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
