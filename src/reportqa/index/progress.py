"""How a build reports what it is doing: a message and the fraction done (0 to 1)."""

from collections.abc import Callable

Progress = Callable[[str, float], None]
