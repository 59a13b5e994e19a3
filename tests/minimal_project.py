"""A small, valid project written into a temporary folder; tests break one thing at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from curriculum.layout import PROJECT_ROOT

ROOT = PROJECT_ROOT

MODULE_EN = """---
kind: module
id: waste-walk
title: Waste walk
summary: Find green waste on the shop floor.
programs: [kickstart]
topics: [waste]
format: gemba-walk
duration_minutes: 60
audience: [operators]
level: introductory
prerequisites: [basics]
outcomes:
  - List five wastes you saw.
  - Name an owner for each action.
  - Agree a follow-up date.
checklists: [walk]
self_service: alone
sources: [epa-2006]
owner: curriculum-team
last_reviewed: 2026-01-15
---

# Waste walk

What you get from this page.

{{ module_facts() }}

## Why it matters

Waste costs money {{ cite("epa-2006") }}. See [the catalogue](index.md).

## Outcomes

Outcomes.

## Before the session

Prepare.

## How to run it

1. Open the session (10 min)
2. Walk the line (40 min)
3. Agree actions (10 min)

## Exercises

One exercise.

## Checklist

{{ checklist("walk") }}

## Follow-up and metrics { #follow-up }

Follow up.

## Facilitator notes

Notes.

## Sources

{{ page_sources() }}
"""

MODULE_SV = (
    MODULE_EN.replace("title: Waste walk", "title: Slöserivandring")
    .replace("summary: Find green waste on the shop floor.", "summary: Hitta grönt slöseri.")
    .replace("# Waste walk", "# Slöserivandring")
    .replace("## Why it matters", "## Varför det spelar roll { #why-it-matters }")
    .replace("## Outcomes", "## Resultat { #outcomes }")
    .replace("## Before the session", "## Förberedelser { #before-the-session }")
    .replace("## How to run it", "## Så genomför du den { #how-to-run-it }")
    .replace("## Exercises", "## Övningar { #exercises }")
    .replace("## Checklist", "## Checklista { #checklist }")
    .replace("## Follow-up and metrics { #follow-up }", "## Uppföljning { #follow-up }")
    .replace("## Facilitator notes", "## Tips till processledaren { #facilitator-notes }")
    .replace("## Sources", "## Källor { #sources }")
    .replace("[the catalogue]", "[modulkatalogen]")
)

BASICS_EN = MODULE_EN.replace("id: waste-walk", "id: basics").replace("prerequisites: [basics]", "prerequisites: []")
BASICS_SV = MODULE_SV.replace("id: waste-walk", "id: basics").replace("prerequisites: [basics]", "prerequisites: []")

INDEX_EN = """---
kind: page
title: Modules
summary: All modules.
---

# Modules

{{ module_catalogue() }}
"""
INDEX_SV = INDEX_EN.replace("title: Modules", "title: Moduler").replace("# Modules", "# Moduler")

CHECKLIST = """id: walk
title: {en: Walk, sv: Vandring}
purpose: {en: What to look for., sv: Vad du letar efter.}
groups:
  - id: look
    title: {en: Look, sv: Titta}
    items:
      - id: leaks
        text: {en: Listen for air leaks., sv: Lyssna efter luftläckor.}
      - id: idle
        text: {en: Note idle machines., sv: Notera maskiner som står på i onödan.}
"""

SOURCES = """sources:
  - key: epa-2006
    type: official
    language: en
    group: green-methods
    authors: US EPA
    year: 2006
    title: Lean and Environment Toolkit
    venue: US Environmental Protection Agency
"""

GLOSSARY = """terms:
  - id: gemba
    term: {en: gemba, sv: gemba}
    definition: {en: Where the work is done., sv: Där arbetet görs.}
"""

FILES = {
    "docs/modules/waste-walk.md": MODULE_EN,
    "docs/modules/waste-walk.sv.md": MODULE_SV,
    "docs/modules/basics.md": BASICS_EN,
    "docs/modules/basics.sv.md": BASICS_SV,
    "docs/modules/index.md": INDEX_EN,
    "docs/modules/index.sv.md": INDEX_SV,
    "data/checklists/walk.yml": CHECKLIST,
    "data/sources.yml": SOURCES,
    "data/glossary.yml": GLOSSARY,
    "data/films.yml": "films: []\n",
    "data/certification.yml": "steps: []\n",
    "data/support.yml": "support: []\n",
    "data/cases.yml": "cases: []\n",
}


def write_minimal_project(target: Path) -> Path:
    for relative, text in FILES.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for shared in ("data/vocabularies.yml", "data/labels.yml"):
        shutil.copy(ROOT / shared, target / shared)
    return target


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace text once in a file of a test project; the text must be there."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(project: Path) -> list[str]:
    """Every problem the content model finds in a test project, as its message."""
    from curriculum.loader import collect

    return [str(p) for p in collect(project)[1]]
