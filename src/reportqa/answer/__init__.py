"""The answer stage: a question's frame, retrieval, the answerers (a table cell, a figure sentence, a section, quoted
sentences) tried in order by `extractive`, citations, the optional chat model (`generate`, `prompts`, `llm`) and its
`guard`, and claim checking (`claims`)."""
