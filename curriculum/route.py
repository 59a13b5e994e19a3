"""The "doing it yourselves" route on where-to-start: a sequence of modules, each with whether a
company's own change leader can run it (the module's `self_service` field) and its session time."""

from __future__ import annotations

from typing import Protocol

from curriculum.model import Curriculum


class _Linking(Protocol):
    lang: str

    def module_link(self, module_id: str) -> str: ...

    def term(self, vocabulary: str, term_id: str) -> str: ...

    def duration(self, minutes: int) -> str: ...

    def label(self, key: str, **values: object) -> str: ...


def self_service_route(curriculum: Curriculum, renderer: _Linking, *module_ids: str) -> str:
    """A Markdown list: each module with its time in sessions and who can run it."""
    lines = []
    for module_id in module_ids:
        if module_id not in curriculum.modules:
            raise LookupError(f"unknown module '{module_id}'")
        module = curriculum.modules[module_id]
        lines.append(f"- {renderer.module_link(module_id)} ({renderer.duration(module.duration_minutes)}): "
                     f"{renderer.term('self_service', module.self_service)}")
    alone = sum(curriculum.modules[m].self_service == "alone" for m in module_ids)
    lines.append("")
    lines.append(renderer.label("route_alone_count", alone=alone, total=len(module_ids)))
    return "\n".join(lines)
