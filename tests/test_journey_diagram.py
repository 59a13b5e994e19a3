"""The journey diagrams on the methodology page are drawn by scripts/journey_diagram.py: a file
edited by hand, or a script changed without redrawing, fails here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import journey_diagram


def test_committed_diagrams_are_what_the_script_draws(capsys: pytest.CaptureFixture[str]) -> None:
    assert journey_diagram.main(["--check"]) == 0, capsys.readouterr().err


def test_a_stale_diagram_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for language in journey_diagram.LABELS:
        name = journey_diagram.file_name(language)
        shutil.copy(journey_diagram.IMAGES / name, tmp_path / name)
    swedish = tmp_path / "company-journey.sv.svg"
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("Inte än", "Inte ännu"), encoding="utf-8")
    assert journey_diagram.main(["--check"], images=tmp_path) == 1
    assert capsys.readouterr().err == (
        f"{swedish}: differs from what scripts/journey_diagram.py draws "
        "(run `python -m scripts.journey_diagram` and commit the result)\n")
    journey_diagram.main([], images=tmp_path)
    assert journey_diagram.main(["--check"], images=tmp_path) == 0
