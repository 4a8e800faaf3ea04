"""Exceptions whose message is meant for the person using reportqa (no traceback needed)."""


class ReportQAError(Exception):
    """Base class: `str(error)` is a complete, user-facing message."""


class ConfigError(ReportQAError):
    pass


class DocumentError(ReportQAError):
    """One source document could not be read; the others are still indexed."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class IndexBuildError(ReportQAError):
    pass


class MissingDependencyError(ReportQAError):
    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f'{what} is not installed. Install it with: pip install "reportqa[{extra}]"')


class TimedOut(ReportQAError):
    """A question's time limit passed: its work stopped at the next check between stages."""

    def __init__(self) -> None:
        super().__init__("The answer is taking too long. Try again in a moment.")

    def message(self, language: str) -> str:
        from reportqa.messages.refusals import TIMED_OUT

        return TIMED_OUT[language]  # type: ignore[index]
