"""Problems found while loading content, reported as `path:line: field: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class CurriculumError(Exception):
    """Raised when the content has problems; carries every one of them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} content problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def closest(value: str, valid: Iterable[str]) -> str:
    """A hint naming the closest valid value; nothing when none is close (for sets too large to list)."""
    close = difflib.get_close_matches(value, sorted(valid), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def did_you_mean(value: str, valid: Iterable[str]) -> str:
    """A hint naming the closest valid value, or the valid values when few."""
    options = sorted(valid)
    close = closest(value, options)
    if close:
        return close
    if not options:
        return ""
    if len(options) <= 8:
        return f" (valid: {', '.join(options)})"
    return f" (valid: {', '.join(options[:8])}, …)"
