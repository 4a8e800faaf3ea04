"""Every sentence a person sees, in each language, one module per place it is seen: `answers` (what an answer
says besides the report's words), `refusals` (why a request was refused), `prompts` (what the chat model is told),
`page` (the chat's page), `widget`, `viewer` and `documents` (what the index says of a chart)."""
