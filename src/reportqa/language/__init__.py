"""What the product knows of the four languages: which one a text is in (`detect`), how each writes numbers,
years and months (`numbers`, the one place a number is parsed or a year recognised), its words as retrieval and
answering compare them (`terms`: stems, stopwords, sentences), the official and everyday terms of the report's
subject (`glossary`) and a misspelt word read as the report's (`spelling`)."""
