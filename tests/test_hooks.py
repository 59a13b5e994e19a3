"""The MkDocs hooks, one file per job: every file runs, and the content check runs first."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from curriculum.hooks import language_files
from curriculum.layout import PROJECT_ROOT, search_index_path
from curriculum.nav import mkdocs_config
from curriculum.searchindex import read_index

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


def test_work_on_the_whole_site_waits_for_the_last_post_build_event(tmp_path: Path) -> None:
    """The i18n plugin builds Swedish inside the English build's post-build event, with every hook's
    post-build event of its own; only the English one's, after them all, sees every language."""
    merged = {"config": {"lang": ["en", "sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                         "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
              "docs": [{"location": "", "title": "Home", "text": "start"}, {"location": "sv/", "title": "Start", "text": "börja"}]}
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps(merged), encoding="utf-8")
    i18n = SimpleNamespace(building=True)
    config = SimpleNamespace(site_dir=str(tmp_path), plugins={"i18n": i18n})
    language_files.on_post_build(config)  # Swedish, built inside
    assert json.loads(index.read_text(encoding="utf-8")) == merged
    assert not search_index_path(tmp_path, "sv").exists()
    i18n.building = False
    language_files.on_post_build(config)  # English, the build's last event
    assert [doc["location"] for doc in read_index(tmp_path, "sv")["docs"]] == ["sv/"]
    assert [doc["location"] for doc in read_index(tmp_path, "en")["docs"]] == [""]
