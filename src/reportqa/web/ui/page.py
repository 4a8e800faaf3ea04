"""The page around the tabs: its words with the deployment's (gr.I18n), its style, and what it runs once loaded."""

import json

import gradio as gr

from reportqa.deployment import Deployment, official_help
from reportqa.messages.page import EXAMPLES, GRADIO_LABELS, PAGE_LABELS, TAB_TITLE

I18N = gr.I18n(**PAGE_LABELS)

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
