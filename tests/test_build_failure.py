"""End to end: a broken reference fails `make build` with path:line and leaves no site."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.site_pages import ROOT, copy_project

COPY = ("curriculum", "data", "docs", "overrides", "mkdocs.yml", "Makefile", "requirements.txt", "pyproject.toml")


def test_broken_reference_fails_the_build_and_leaves_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", COPY)
    page = project / "docs/modules/green-waste-walk.sv.md"
    text = page.read_text(encoding="utf-8")
    assert '{{ checklist("green-waste-walk") }}' in text
    page.write_text(text.replace('{{ checklist("green-waste-walk") }}', '{{ checklist("green-waste-wlak") }}'), encoding="utf-8")
    line = next(i for i, row in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if "green-waste-wlak" in row)

    result = subprocess.run(
        ["make", f"VENV={ROOT / '.venv'}", "build"], cwd=project, capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/modules/green-waste-walk.sv.md:{line}: macro: checklist('green-waste-wlak'): unknown checklist (did you mean 'green-waste-walk'?)" in output
    assert not (project / "site").exists()
    assert not (project / ".site-tmp").exists()
