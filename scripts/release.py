"""`make release VERSION=2026.2`: check that a curriculum version is ready, then print the
commands that tag and publish it (see docs/about/maintainers.md).

    python -m scripts.release 2026.2                  # check, then print the commands
    python -m scripts.release 2026.2 --check-only     # check only (the publish workflow)
    python -m scripts.release 2026.2 --check-only --published versions.json
                                                      # also: new on gh-pages and newer than all
    python -m scripts.release 2026.2 --check-only --notes build/release-notes.md \
        --site-url https://OWNER.github.io/REPO/      # also: the GitHub release's text

Nothing is tagged or pushed by this script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

from curriculum.layout import PROJECT_ROOT, page_url
from curriculum.loader import CurriculumError, load_curriculum
from scripts.url_manifest import page_urls, read_manifest

VERSION_FORMAT = re.compile(r"^(?P<year>20\d\d)\.(?P<release>[1-9]\d*)$")
_CONSTANT = re.compile(r'^CURRICULUM_VERSION\s*=\s*"([^"]*)"', re.MULTILINE)
CHANGELOGS = ("docs/about/changelog.md", "docs/about/changelog.sv.md")


def parse_version(text: str) -> tuple[int, int] | None:
    """`2026.2` -> (2026, 2); anything not written YYYY.N -> None."""
    match = VERSION_FORMAT.match(text)
    return (int(match["year"]), int(match["release"])) if match else None


def heading_id(version: str) -> str:
    """The changelog heading id of a version: `2026.2` -> `v2026-2`."""
    return "v" + version.replace(".", "-")


def curriculum_version(root: Path) -> str | None:
    text = (root / "curriculum" / "__init__.py").read_text(encoding="utf-8")
    match = _CONSTANT.search(text)
    return match.group(1) if match else None


def project_version(root: Path) -> str | None:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return None
    return tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("version")


def validate_model(root: Path) -> list[str]:
    """`python -m curriculum`: every content problem, one line each."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-m", "curriculum", str(root)], cwd=root, env=env,
                            capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return []
    return [line for line in result.stdout.splitlines() if line.strip()] or [result.stderr.strip()]


def check_release(root: Path, version: str,
                  validate: Callable[[Path], list[str]] = validate_model) -> list[str]:
    """Everything that stops `version` from being released, each with what to do."""
    if parse_version(version) is None:
        return [f"version '{version}' is not written YYYY.N (for example 2026.2)"]
    problems = []
    constant = curriculum_version(root)
    if constant != version:
        problems.append(
            f"curriculum/__init__.py: CURRICULUM_VERSION is '{constant}', not '{version}': "
            f'bump it to CURRICULUM_VERSION = "{version}" and commit before releasing')
    in_pyproject = project_version(root)
    if in_pyproject is not None and in_pyproject != version:
        problems.append(f"pyproject.toml: version is '{in_pyproject}', not '{version}': set version = \"{version}\"")
    for changelog in CHANGELOGS:
        if changelog_entry(root, changelog, version) is None:
            problems.append(f"{changelog}: no entry for {version}: add '## {version} {{ #{heading_id(version)} }}' "
                            "with what changed")
    problems += stale_counts(root, version)
    manifest = root / "data" / "published-urls.txt"
    missing = sorted(set(page_urls(root)) - set(read_manifest(manifest)))
    if missing:
        problems.append(f"data/published-urls.txt: {len(missing)} page URL(s) not listed "
                        f"(first: {missing[0]}): run `python -m scripts.url_manifest add`")
    problems += [f"content: {line}" for line in validate(root)]
    return problems


_LOCAL_LINK = re.compile(r"\]\((?P<target>(?!\w+:)[^)#\s]+\.md)(?P<anchor>#[^)\s]*)?\)")


# What a changelog entry may count, as each language writes it; the first mention is the total
# ("22 modules in three programs, Kickstart (5 modules)").
_COUNTED = {
    "modules": {"en": r"(\d+) modules", "sv": r"(\d+) moduler"},
    "units": {"en": r"(\d+) units", "sv": r"(\d+) enheter"},
    "checklists": {"en": r"(\d+) checklists", "sv": r"(\d+) checklistor"},
    "worksheets": {"en": r"(\d+) worksheets", "sv": r"(\d+) arbetsblad"},
    "glossary": {"en": r"glossary of (\d+) terms", "sv": r"ordlista med (\d+) begrepp"},
    "sources": {"en": r"bibliography of (\d+) sources", "sv": r"källförteckning med (\d+) källor"},
    "films": {"en": r"(\w+) short films", "sv": r"(\w+) korta filmer"},
}
# Small counts are written as words ("five short films"); Swedish one is "en" or "ett".
_NUMBER_WORDS = {
    "en": {word: number for number, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1)},
    "sv": {word: number for number, word in enumerate(
        ["en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"], 1)} | {"ett": 1},
}


def _stated_number(written: str, language: str) -> int | None:
    """The number a count is written as, in figures or as a word; None if it is not one."""
    return int(written) if written.isdigit() else _NUMBER_WORDS[language].get(written.lower())


def _entry_span(text: str, version: str) -> tuple[int, int] | None:
    """Where `version`'s entry stands in a changelog's text, below its heading; None if it has none."""
    start = re.search(r"^## .*\{\s*#" + re.escape(heading_id(version)) + r"\s*\}\s*$", text, re.MULTILINE)
    if start is None:
        return None
    following = re.search(r"^## ", text[start.end():], re.MULTILINE)
    return start.end(), start.end() + following.start() if following else len(text)


def _read(root: Path, changelog: str) -> str:
    return (root / changelog).read_text(encoding="utf-8") if (root / changelog).is_file() else ""


def changelog_entry(root: Path, changelog: str, version: str) -> str | None:
    """The text of `version`'s entry in a changelog, without its heading; None if it has none."""
    text = _read(root, changelog)
    span = _entry_span(text, version)
    return text[span[0]:span[1]].strip() if span else None


def stale_counts(root: Path, version: str) -> list[str]:
    """Each count that `version`'s changelog entries state and the content no longer has, at its
    line: an entry is history once published, so it must be right when it is."""
    stated = []
    for changelog, language in zip(CHANGELOGS, ("en", "sv"), strict=True):
        text = _read(root, changelog)
        span = _entry_span(text, version) or (0, 0)
        for what, patterns in _COUNTED.items():
            found = re.compile(patterns[language]).search(text, *span)
            number = _stated_number(found[1], language) if found else None
            if found and number is not None:
                line = text.count("\n", 0, found.start()) + 1
                stated.append((f"{changelog}:{line}", what, found[0], number))
    if not stated:
        return []
    try:
        curriculum = load_curriculum(root)
    except CurriculumError:
        return []  # the content check (validate_model) reports what is wrong with it
    actual = {"modules": len(curriculum.modules), "units": len(curriculum.units),
              "checklists": len(curriculum.checklists), "worksheets": len(curriculum.worksheets),
              "glossary": len(curriculum.glossary), "sources": len(curriculum.sources),
              "films": len(curriculum.films)}
    return [f"{where}: the {version} entry says \"{words}\"; the content has {actual[what]} {what}: "
            "correct the count" for where, what, words, number in stated if number != actual[what]]


def release_notes(root: Path, version: str, site_url: str) -> str:
    """The English changelog entry of `version` as the GitHub release's text: its links point at
    the version's pages on the site, and the Swedish entry is one link away."""
    changelog = root / CHANGELOGS[0]
    entry = changelog_entry(root, CHANGELOGS[0], version)
    if entry is None:
        raise SystemExit(f"{CHANGELOGS[0]}: no entry for {version}")
    base = f"{site_url.rstrip('/')}/{version}/"

    def absolute(match: re.Match[str]) -> str:
        src = (changelog.parent / match["target"]).resolve().relative_to(root / "docs").as_posix()
        return f"]({base}{page_url(src, 'en')}{match['anchor'] or ''})"

    changelog_url = base + page_url(CHANGELOGS[0].removeprefix("docs/"), "en")
    swedish = base + page_url(CHANGELOGS[1].removeprefix("docs/"), "sv")
    return (f"{_LOCAL_LINK.sub(absolute, entry)}\n\n"
            f"Read it on the site: [{version}]({changelog_url}) · [på svenska]({swedish}).\n"
            "The PDFs (coach handbook, module guides), a facilitator kit per module and the offline copy "
            "are attached below.\n")


def check_published(version: str, versions_json: str) -> list[str]:
    """A release must be new on gh-pages and newer than every published release."""
    published = json.loads(versions_json or "[]")
    names = {entry["version"] for entry in published} | {alias for entry in published for alias in entry.get("aliases", [])}
    if version in names:
        return [f"{version} is already published: a published version is never changed. "
                "Release the next number instead"]
    wanted = parse_version(version)
    releases = sorted(parsed for parsed in (parse_version(entry["version"]) for entry in published) if parsed)
    if wanted and releases and wanted < releases[-1]:
        newest = ".".join(map(str, releases[-1]))
        return [f"{version} is older than the newest release {newest}: `latest` only moves forward"]
    return []


def tag_exists(root: Path, tag: str) -> bool:
    result = subprocess.run(["git", "tag", "--list", tag], cwd=root, capture_output=True, text=True, check=False)
    return bool(result.stdout.strip())


def uncommitted_changes(root: Path) -> bool:
    result = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=False)
    return bool(result.stdout.strip())


def commands(version: str) -> list[str]:
    tag = f"v{version}"
    return [f'git tag --annotate {tag} --message "Curriculum version {version}"', f"git push origin {tag}"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", help="the curriculum version, YYYY.N")
    parser.add_argument("--check-only", action="store_true", help="check, print no commands")
    parser.add_argument("--published", type=Path, help="versions.json of gh-pages, to check against")
    parser.add_argument("--notes", type=Path, help="write the GitHub release's text to this file")
    parser.add_argument("--site-url", default="", help="the site's address, for --notes")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.notes and not args.site_url:
        parser.error("--notes needs --site-url")

    problems = check_release(args.root, args.version)
    if args.published:
        problems += check_published(args.version, args.published.read_text(encoding="utf-8"))
    if not args.check_only and not problems and tag_exists(args.root, f"v{args.version}"):
        problems.append(f"the tag v{args.version} exists already: release the next number")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{args.version} is not ready to release ({len(problems)} problem"
              f"{'s' if len(problems) != 1 else ''})", file=sys.stderr)
        return 1
    print(f"{args.version} is ready to release.")
    if args.notes:
        args.notes.parent.mkdir(parents=True, exist_ok=True)
        args.notes.write_text(release_notes(args.root, args.version, args.site_url), encoding="utf-8")
    if not args.check_only:
        if uncommitted_changes(args.root):
            print("Note: there are uncommitted changes. The tag takes the last commit: commit first.")
        print("Tag and push; the publish workflow tests the tagged commit and deploys it:")
        for command in commands(args.version):
            print(f"  {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
