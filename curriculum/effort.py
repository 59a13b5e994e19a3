"""The time a company puts into a program, computed from the module model: the session time of
every module the program runs, so a program page never states a sum the guides do not add up to."""

from __future__ import annotations

from typing import Protocol

from curriculum.model import Curriculum


class _Timing(Protocol):
    def duration(self, minutes: int) -> str: ...

    def label(self, key: str, **values: object) -> str: ...


def program_time(curriculum: Curriculum, renderer: _Timing, program_id: str) -> str:
    """One sentence: the program's session time, its module count and the longest module span."""
    if program_id not in curriculum.vocabularies["programs"]:
        raise LookupError(f"unknown program '{program_id}'")
    modules = [m for m in curriculum.modules.values() if m.programs and m.programs[0] == program_id]
    if not modules:
        raise LookupError(f"program '{program_id}' has no modules")
    minutes = sum(m.duration_minutes for m in modules)
    weeks = max((m.span_weeks or 0) for m in modules)
    text = renderer.label("program_time", time=renderer.duration(minutes), modules=len(modules))
    if weeks:
        text += " " + renderer.label("program_time_span", weeks=weeks)
    return text + " " + renderer.label("program_time_between")
