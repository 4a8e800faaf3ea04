"""reportqa: cited answers from the Immigration Office's 2023 activity report, in French and Dutch."""

__version__ = "0.1.0"
