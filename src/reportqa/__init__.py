"""reportqa: cited answers from a report published in French and Dutch, in the asker's language."""

__version__ = "0.1.0"
