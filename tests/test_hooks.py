"""The MkDocs hooks, one file per job: every file runs, and the content check runs first."""

from __future__ import annotations

from curriculum.layout import PROJECT_ROOT
from curriculum.nav import mkdocs_config

HOOKS = PROJECT_ROOT / "curriculum" / "hooks"


def test_every_hook_file_is_listed_in_mkdocs_yml_and_the_content_check_runs_first() -> None:
    listed = mkdocs_config(PROJECT_ROOT)["hooks"]
    files = sorted(f"curriculum/hooks/{path.name}" for path in HOOKS.glob("*.py") if path.name != "__init__.py")
    assert sorted(listed) == files, "a hook file that mkdocs.yml does not list never runs"
    assert listed[0] == "curriculum/hooks/content_check.py", "invalid content must stop the build before anything else"


def test_each_hook_file_is_small() -> None:
    for path in HOOKS.glob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 80, f"{path.name}: {lines} lines; a hook hands events to the package, its rules live there"
