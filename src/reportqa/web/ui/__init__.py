"""The Gradio chat's page, one module per tab: `chat`, `check`, `figures`; `blocks` puts them on one page, `page`
holds its style and scripts, `texts` its words, `render` the Markdown an answer is shown as."""
