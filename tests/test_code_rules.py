"""Rules for the code itself, which the next person reads: small files, one import style."""

from __future__ import annotations

from tests.site_pages import ROOT

FOLDERS = ("curriculum", "scripts", "tests")
MAX_LINES = 300


def _python_files() -> list:
    return sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.py"))


def test_no_python_file_is_over_300_lines() -> None:
    long = [f"{path.relative_to(ROOT)}: {count} lines" for path in _python_files()
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert len(_python_files()) > 100
    assert long == [], f"split these by job (at most {MAX_LINES} lines a file)"


def test_no_file_edits_sys_path() -> None:
    """The package is installed (`pip install -e .`): every file imports it as `curriculum`."""
    edit = tuple("sys.path." + verb for verb in ("insert", "append"))  # spelled so this file has neither
    edits = [str(path.relative_to(ROOT)) for path in _python_files()
             if any(word in path.read_text(encoding="utf-8") for word in edit)]
    assert edits == []
