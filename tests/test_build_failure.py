"""End to end: content problems stop `make build`, `mkdocs build` and `make serve` with the list
of problems alone (no Python traceback) and leave no site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from curriculum.core import core
from curriculum.serve import free_port
from tests.site_pages import copy_project

pytestmark = pytest.mark.build

COPY = ("curriculum", "data", "docs", "overrides", "mkdocs.yml", "Makefile", "requirements.txt", "pyproject.toml")
# The venv and core running this test (`make test CORE=properdocs` runs it in .venv-properdocs).
MAKE = ["make", f"VENV={sys.prefix}", f"CORE={core()}"]


def _replace(page: Path, old: str, new: str) -> int:
    """Replace text once; the line it is on."""
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _run(command: list[str], project: Path) -> tuple[int, str]:
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, timeout=300)
    return result.returncode, result.stdout + result.stderr


def test_broken_reference_fails_the_build_and_leaves_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", COPY)
    page = project / "docs/modules/green-waste-walk.sv.md"
    line = _replace(page, '{{ checklist("green-waste-walk") }}', '{{ checklist("green-waste-wlak") }}')
    code, output = _run([*MAKE, "build"], project)
    assert code != 0
    assert f"docs/modules/green-waste-walk.sv.md:{line}: macro: checklist('green-waste-wlak'): unknown checklist (did you mean 'green-waste-walk'?)" in output
    assert "Traceback" not in output
    assert not (project / "site").exists()
    assert not (project / ".site-tmp").exists()


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The real project with two content problems, one of them a byte that is not UTF-8."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project", COPY)
    module = project / "docs/modules/green-5s.md"
    duration = _replace(module, "duration_minutes: 525", "duration_minutes: an hour")
    unit = project / "docs/coach-training/units/green-toolkit.sv.md"
    data = unit.read_bytes()
    unit.write_bytes(data.replace("ä".encode(), b"\xe4", 1))
    latin1 = data[: data.index("ä".encode())].count(b"\n") + 1
    return project, [
        "2 content problems:",
        f"docs/coach-training/units/green-toolkit.sv.md:{latin1}: file: not UTF-8 (save the file as UTF-8)",
        f"docs/modules/green-5s.md:{duration}: duration_minutes: expected a positive whole number, found 'an hour'",
    ]


@pytest.mark.parametrize("command", [
    [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"],
    [*MAKE, "build"],
    [*MAKE, "serve", "SERVE_ADDRESS=127.0.0.1:{port}"],
], ids=["mkdocs-build", "make-build", "make-serve"])
def test_content_problems_are_listed_alone_without_a_traceback(broken_project: tuple[Path, list[str]], command: list[str]) -> None:
    project, report = broken_project
    code, output = _run([part.format(port=free_port()) for part in command], project)
    assert code != 0
    assert "Traceback" not in output and 'File "' not in output, output
    lines = output.splitlines()
    head = next(i for i, text in enumerate(lines) if text.endswith(report[0]))
    assert lines[head + 1: head + len(report)] == report[1:], output


def test_a_name_undefined_while_rendering_is_reported_at_the_pages_own_line(tmp_path: Path) -> None:
    """What the content rules cannot see before the build (an attribute the page object lacks)
    still names the page's file and line, not `<template>, line N` below the front matter."""
    project = copy_project(tmp_path / "project", COPY)
    line = _replace(project / "docs/index.md", "\n## ", "\nVersion {{ page.no_such_field }}.\n\n## ") + 1
    code, output = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"], project)
    assert code != 0
    assert f"docs/index.md:{line}: macro: 'mkdocs.structure.pages.Page object' has no attribute 'no_such_field'" in output, output
    assert "Traceback" not in output and "<template>" not in output, output


def test_a_link_to_a_missing_anchor_is_reported_at_the_pages_own_line_with_a_hint(tmp_path: Path) -> None:
    """MkDocs checks anchors once every page is rendered and names no line; the build says where
    the link is and which anchor it most likely meant (curriculum/linkwarnings.py), and stops."""
    project = copy_project(tmp_path / "project", COPY)
    own = _replace(project / "docs/modules/green-5s.sv.md", "(#baseline-audit)", "(#baseline-audti)")
    other = _replace(project / "docs/modules/pilot-area-transformation.md", "lean-foundations-green.md#flow-game", "lean-foundations-green.md#flow-gaem")
    code, output = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"], project)
    assert code != 0
    assert (f"docs/modules/green-5s.sv.md:{own}: link '#baseline-audti': no such anchor on this page "
            "(did you mean '#baseline-audit'?)") in output, output
    assert (f"docs/modules/pilot-area-transformation.md:{other}: link 'lean-foundations-green.md#flow-gaem': "
            "docs/modules/lean-foundations-green.md has no anchor '#flow-gaem' (did you mean '#flow-game'?)") in output, output
    assert "Doc file" not in output and "Traceback" not in output, output
