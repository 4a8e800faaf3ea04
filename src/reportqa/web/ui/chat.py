"""The chat tab: a question, its answer streamed with numbered citations, the sources beside it."""

import html
import time
from collections.abc import Callable, Iterator

import gradio as gr
from gradio.helpers import Examples

from reportqa import inputs
from reportqa.analytics import Feedback
from reportqa.answer.extractive import Answer
from reportqa.answer.generate import Reset, Token, final_answer
from reportqa.deployment import Deployment
from reportqa.errors import ReportQAError
from reportqa.messages.page import LANGUAGE_CHOICES, SEARCHING, PageLanguage
from reportqa.service import ReportService
from reportqa.web.gate import Admission
from reportqa.web.limits import Work
from reportqa.web.ui.page import I18N, examples_for
from reportqa.web.ui.render import (
    answer_markdown,
    entered,
    escaped,
    page_language,
    said_in,
    shown_error,
    sources_markdown,
)

STREAM_STEP = 6  # words per streamed update
STREAM_PAUSE = 0.04  # seconds between two steps of a quoted answer


def plain_text(content: object) -> str:
    """A chat turn's text: Gradio gives a string, or a list of parts such as {"type": "text", "text": ...}."""
    if isinstance(content, list):
        return " ".join(plain_text(part) for part in content)
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
    earlier = [plain_text(turn.get("content")) for turn in history if turn.get("role") == "user"]
    history = [*history, {"role": "user", "content": escaped(inputs.printable(str(message)))}]
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
        yield [*history, {"role": "assistant", "content": f"⚠️ {escaped(error.message(page))}"}], "", ""
        return
    yield [*history, {"role": "assistant", "content": f"_{SEARCHING[page]}_"}], "", ""
    try:
        check = work.check if work else lambda: None
        events = service.ask_stream(question, chosen, earlier, session, check)  # type: ignore[arg-type]
        draft = ""
        for event in work.steps(events) if work else events:
            if isinstance(event, Token):
                draft += event.text
                yield [*history, {"role": "assistant", "content": escaped(draft) + " …"}], "", ""
            elif isinstance(event, Reset):
                draft = ""
                yield [*history, {"role": "assistant", "content": "…"}], "", ""
            elif isinstance(event, Answer):
                answer = event
    except ReportQAError as error:
        ids.append("")
        yield [*history, {"role": "assistant", "content": f"⚠️ {escaped(said_in(error, page))}"}], "", ""
        return
    if not draft:  # quotes arrive whole: show them a few words at a time
        words = escaped(answer.answer).split(" ")
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



def chat_tab(service: ReportService, gate: Admission, deployment: Deployment) -> Examples:
    """The tab: the conversation, the question box and the answer's language; the sources and examples beside
    them. Returns the examples, which the page sets in its language when it loads."""
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
    _chat_events(service, gate, chat, question, send, language, sources)
    return examples


def _chat_events(
    service: ReportService,
    gate: Admission,
    chat: gr.Chatbot,
    question: gr.Textbox,
    send: gr.Button,
    language: gr.Radio,
    sources: gr.Markdown,
) -> None:
    """A question asked (button or Enter) streams its answer; a thumbs up or down is kept (analytics on only)."""
    answer_ids = gr.State([])
    # The conversation as the server wrote it: the chat shows it, the browser never sends it back, so no made-up
    # turn can be shown as the assistant's words nor read as an earlier question.
    conversation = gr.State([])

    def on_ask(message: str, lang: str, history: list[dict[str, str]], ids: list[str], request: gr.Request):  # type: ignore[no-untyped-def]
        page = page_language(request)
        try:
            work = gate.enter(request.request)  # type: ignore[arg-type]
        except inputs.Refused as error:
            notice = {"role": "assistant", "content": f"⚠️ {escaped(error.message(page))}"}
            shown = [*history, {"role": "user", "content": escaped(inputs.printable(str(message)))}, notice]
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


def answer_for_clients(service: ReportService, gate: Admission) -> Callable[..., dict]:  # type: ignore[type-arg]
    """The chat's answer for gradio_client (`gr.api`, named "ask")."""

    def ask_api(question: str, language: str = "auto", request: gr.Request | None = None) -> dict:
        """The same answer as the chat, as the `ask --json` object (for gradio_client)."""
        if request is None:
            raise gr.Error("No request", print_exception=False)
        work = entered(gate, request)
        try:
            asked = inputs.question(question, service.settings)
            chosen = language if language in ("fr", "nl", "en", "de") else None
            events = service.ask_stream(asked, chosen, check=work.check)  # type: ignore[arg-type]
            return final_answer(work.steps(events)).to_dict()
        except ReportQAError as error:
            raise shown_error(error, page_language(request)) from None
        finally:
            work.close()

    return ask_api
