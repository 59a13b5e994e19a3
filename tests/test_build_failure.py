"""End to end: a broken reference fails `make build` with path:line and leaves no site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.site_pages import ROOT

COPY = ("curriculum", "data", "docs", "overrides", "mkdocs.yml", "Makefile", "requirements.txt")


def test_broken_reference_fails_the_build_and_leaves_no_site(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
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
