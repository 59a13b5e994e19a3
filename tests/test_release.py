"""The release script (`make release`), its release notes, and the publish configuration and
workflow."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from curriculum import CURRICULUM_VERSION
from curriculum.loader import load_curriculum
from scripts import release
from scripts.url_manifest import (
    page_urls,
    write_manifest,
)
from tests.site_pages import ROOT


def test_release_notes_are_the_changelog_entry_with_links_to_the_versions_pages() -> None:
    notes = release.release_notes(ROOT, CURRICULUM_VERSION, "https://owner.github.io/repo/")
    base = f"https://owner.github.io/repo/{CURRICULUM_VERSION}/"
    assert notes.startswith("The first version") or CURRICULUM_VERSION != "2026.1"
    assert f"]({base}modules/)" in notes and f"]({base}about/downloads/)" in notes
    assert ".md)" not in notes, "a link still points at a Markdown file"
    assert f"({base}sv/about/changelog/)" in notes
    assert "\n## " not in notes, "the notes run into the next version's entry"


def test_release_notes_fail_for_a_version_without_an_entry() -> None:
    with pytest.raises(SystemExit, match=r"no entry for 2099\.1"):
        release.release_notes(ROOT, "2099.1", "https://owner.github.io/repo/")


# --- the release script ---------------------------------------------------------------------


def _release_root(root: Path, constant: str = "2026.2", entry: str = "2026.2") -> Path:
    (root / "curriculum").mkdir(parents=True)
    (root / "curriculum" / "__init__.py").write_text(f'CURRICULUM_VERSION = "{constant}"\n', encoding="utf-8")
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{constant}"\n', encoding="utf-8")
    (root / "docs" / "about").mkdir(parents=True)
    ident = release.heading_id(entry)
    (root / "docs" / "about" / "changelog.md").write_text(f"# Changelog\n\n## {entry} {{ #{ident} }}\n", encoding="utf-8")
    (root / "docs" / "about" / "changelog.sv.md").write_text(f"# Ändringslogg\n\n## {entry} {{ #{ident} }}\n", encoding="utf-8")
    (root / "data").mkdir()
    write_manifest(page_urls(root), root / "data" / "published-urls.txt")
    return root


def _valid(_root: Path) -> list[str]:
    return []


def test_release_accepts_a_ready_version(tmp_path: Path) -> None:
    assert release.check_release(_release_root(tmp_path), "2026.2", validate=_valid) == []
    assert release.commands("2026.2") == [
        'git tag --annotate v2026.2 --message "Curriculum version 2026.2"', "git push origin v2026.2"]


def test_release_refuses_a_version_not_written_yyyy_n(tmp_path: Path) -> None:
    root = _release_root(tmp_path)
    for wrong in ("2026.02", "26.2", "2026-2", "v2026.2", "2026.0", "2026"):
        assert release.check_release(root, wrong, validate=_valid) == [
            f"version '{wrong}' is not written YYYY.N (for example 2026.2)"]


def test_release_names_everything_that_is_missing(tmp_path: Path) -> None:
    root = _release_root(tmp_path, constant="2026.1", entry="2026.1")
    (root / "docs" / "modules").mkdir()
    (root / "docs" / "modules" / "new.md").write_text("# New\n", encoding="utf-8")
    problems = release.check_release(root, "2026.2", validate=lambda _root: ["docs/x.md:3: kind: missing"])
    assert problems[0].startswith("curriculum/__init__.py: CURRICULUM_VERSION is '2026.1', not '2026.2': bump it")
    assert problems[1].startswith("pyproject.toml: version is '2026.1'")
    assert problems[2].startswith("docs/about/changelog.md: no entry for 2026.2: add '## 2026.2 { #v2026-2 }'")
    assert problems[3].startswith("docs/about/changelog.sv.md: no entry for 2026.2")
    assert problems[4] == ("data/published-urls.txt: 1 page URL(s) not listed (first: modules/new/): "
                           "run `python -m scripts.url_manifest add`")
    assert problems[5] == "content: docs/x.md:3: kind: missing"


def test_release_refuses_a_changelog_entry_whose_counts_the_content_no_longer_has(project: Path) -> None:
    """An entry is history once published: a count that drifted (155 sources where there were
    159) must be right before, and is named with its file."""
    about = project / "docs" / "about"
    about.mkdir()
    front = "---\nkind: page\ntitle: {}\nsummary: What changed.\nowner: curriculum-team\nlast_reviewed: 2026-11-23\n---\n\n# {}\n\n"
    (about / "changelog.md").write_text(
        front.format("Changelog", "Changelog") + "## 2026.2 { #v2026-2 }\n\n- 2 modules in one program, Kickstart"
        " (1 modules); a glossary of 1 terms and a bibliography of 5 sources.\n\n## 2026.1 { #v2026-1 }\n\n"
        "- 9 modules.\n", encoding="utf-8")
    (about / "changelog.sv.md").write_text(
        front.format("Ändringslogg", "Ändringslogg") + "## 2026.2 { #v2026-2 }\n\n- 2 moduler och 3 checklistor."
        "\n- Tolv korta filmer.\n\n## 2026.1 { #v2026-1 }\n\n- 9 moduler.\n", encoding="utf-8")
    films = len(load_curriculum(project).films)
    assert release.stale_counts(project, "2026.2") == [
        'docs/about/changelog.md:13: the 2026.2 entry says "bibliography of 5 sources"; the content has 1 sources: '
        "correct the count",
        'docs/about/changelog.sv.md:13: the 2026.2 entry says "3 checklistor"; the content has 1 checklists: '
        "correct the count",
        f'docs/about/changelog.sv.md:14: the 2026.2 entry says "Tolv korta filmer"; the content has {films} films: '
        "correct the count",
    ]
    # Words that are no number state no count.
    english = about / "changelog.md"
    english.write_text(english.read_text(encoding="utf-8").replace("1 terms", "1 terms; new short films", 1), encoding="utf-8")
    assert len(release.stale_counts(project, "2026.2")) == 3
    assert release.stale_counts(project, "2026.3") == []  # no entry, no count


@pytest.mark.parametrize(("written", "language", "number"), [
    ("five", "en", 5), ("Twelve", "en", 12), ("155", "en", 155), ("fem", "sv", 5), ("ett", "sv", 1),
    ("en", "sv", 1), ("Tolv", "sv", 12), ("new", "en", None), ("nya", "sv", None), ("five", "sv", None),
])
def test_a_changelog_count_is_read_in_figures_or_as_a_word(written: str, language: str, number: int | None) -> None:
    assert release._stated_number(written, language) == number


def test_a_published_version_is_never_deployed_again_and_latest_only_moves_forward() -> None:
    published = json.dumps([{"version": "2026.2", "title": "2026.2", "aliases": ["latest"]},
                            {"version": "2026.1", "title": "2026.1", "aliases": []},
                            {"version": "dev", "title": "dev", "aliases": []}])
    assert release.check_published("2026.3", published) == []
    assert release.check_published("2027.1", "[]") == []
    assert "already published" in release.check_published("2026.1", published)[0]
    assert "older than the newest release 2026.2" in release.check_published("2025.4", published)[0]


def test_this_repository_has_a_changelog_entry_for_its_version() -> None:
    problems = [p for p in release.check_release(ROOT, CURRICULUM_VERSION, validate=_valid)
                if not p.startswith("data/published-urls.txt")]
    assert problems == []


# --- the publish configuration ----------------------------------------------------------------


def test_publish_config_is_the_site_config_plus_the_version_selector() -> None:
    from mkdocs.config import load_config

    plain = load_config(str(ROOT / "mkdocs.yml"))
    publish = load_config(str(ROOT / "mkdocs.publish.yml"))
    assert "version" not in plain.extra, "the plain build must not fetch ../versions.json"
    assert publish.extra["version"]["provider"] == "mike"
    assert publish.strict is True
    assert list(publish.plugins) == list(plain.plugins)
    assert publish.plugins["mike"].config["alias_type"] == "redirect"  # GitHub Pages rejects symlinks
    assert publish.plugins["mike"].config["canonical_version"] == ""
    assert publish.nav == plain.nav


def test_publish_workflow_deploys_only_after_every_test() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    push = workflow[True]["push"]  # YAML reads the key `on` as true
    assert push["branches"] == ["main"] and push["tags"] == ["v[0-9][0-9][0-9][0-9].[0-9]+"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    jobs = workflow["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["deploy"]["needs"] == "test"
    assert jobs["deploy"]["permissions"] == {"contents": "write"}
    for job in jobs.values():
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0
        assert any(step.get("uses", "").startswith("actions/cache@") for step in job["steps"])
    scripts = "\n".join(step.get("run", "") for step in jobs["deploy"]["steps"])
    assert 'git config --global user.name' in scripts
    # The books and the offline copy go with the GitHub release, after `make downloads` made them.
    steps = jobs["deploy"]["steps"]
    made = next(i for i, step in enumerate(steps) if step.get("run") == "make downloads")
    attach = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("softprops/action-gh-release@"))
    assert made < attach and steps[attach]["if"] == steps[made]["if"] == "github.ref_type == 'tag'"
    files = steps[attach]["with"]["files"].split()
    assert {"build/downloads/ecoleap-*.pdf", "build/downloads/ecoleap-offline-*.zip"} <= set(files)
    assert steps[attach]["with"]["fail_on_unmatched_files"] is True
    assert "--notes " + steps[attach]["with"]["body_path"] in scripts
    deploys = [line for line in scripts.splitlines() if "mike deploy" in line]
    assert len(deploys) == 2
    assert all(line.strip().startswith("SITE_URL=") and "--config-file mkdocs.publish.yml" in line for line in deploys)


def test_this_repositorys_release_notes_link_only_pages_of_its_version() -> None:
    notes = release.release_notes(ROOT, CURRICULUM_VERSION, "https://owner.github.io/repo/")
    links = re.findall(r"\]\(([^)]+)\)", notes)
    assert links, "the changelog entry links nothing, not even the changelog itself"
    assert [link for link in links if not link.startswith(f"https://owner.github.io/repo/{CURRICULUM_VERSION}/")] == []
    assert ".md" not in notes, "a link still points at a Markdown file"
