"""The web surfaces: one ASGI app (`app`) with the JSON API and the widget (`routes`), the citation viewer, the
middleware every request passes (`gate`, `limits`) and the Gradio chat (`ui`, mounted by `deferred_chat`)."""
