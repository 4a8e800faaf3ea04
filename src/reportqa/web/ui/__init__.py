"""The Gradio chat's page, one module per tab: `chat`, `check`, `figures`; `blocks` puts them on one page, `page`
holds its style, its scripts and its I18N (the words themselves are in `reportqa.messages.page`), `render` the
Markdown an answer is shown as."""
