"""The public register of certified coaches: load and validate `data/register.yml`.

An entry names a curriculum version that exists (a heading in the changelog) and a certificate
that is still valid on the day of the build. `today` is a parameter so tests can fix the date.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from curriculum import CURRICULUM_VERSION
from curriculum.model import RegisterEntry
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import open_data_file

REGISTER_FILE = "data/register.yml"
CHANGELOG = "docs/about/changelog.md"
CERTIFICATE_ID = re.compile(r"^ELP-\d{4}-\d{3}$")  # ELP-<year>-<number>, e.g. ELP-2027-001
_VERSION_HEADING = re.compile(r"^## (\d{4}\.\d+)\b", re.MULTILINE)


def known_versions(root: Path) -> set[str]:
    """The curriculum versions that exist: the current one and every changelog entry."""
    path = root / CHANGELOG
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""  # a bad byte is reported by the page reader
    return {CURRICULUM_VERSION, *_VERSION_HEADING.findall(text)}


def load_register(root: Path, problems: list[Problem], today: datetime.date | None = None) -> tuple[RegisterEntry, ...]:
    """The register's entries; an empty register (`coaches: []`) is valid and expected until
    the first certification."""
    opened = open_data_file(root, REGISTER_FILE, {"coaches"}, problems)
    if opened is None:
        return ()
    reader, top = opened
    today = today or datetime.date.today()
    versions = known_versions(root)
    entries: list[RegisterEntry] = []
    seen: dict[str, int] = {}
    items = reader.sequence(top, "coaches", "coaches")
    for index, item in enumerate(items):
        entry = reader.mapping(item, items.line_of(index), f"coaches[{index}]")
        if entry is None:
            continue
        reader.unknown_keys(entry, {"name", "certificate", "version", "valid_until"}, "coaches")
        name = reader.string(entry, "name", "coaches.name")
        certificate = reader.string(entry, "certificate", "coaches.certificate")
        if certificate and not CERTIFICATE_ID.match(certificate):
            reader.fail(entry.line_of("certificate"), "coaches.certificate", f"'{certificate}' is not a certificate id (use ELP-<year>-<number>, e.g. ELP-2027-001)")
            certificate = None
        version = entry.get("version")
        if not isinstance(version, str):
            found = "nothing" if version is None else f"{version!r}"
            reader.fail(entry.line_of("version"), "coaches.version", f"expected a version in quotes, e.g. '{CURRICULUM_VERSION}', found {found}")
            version = None
        elif version not in versions:
            reader.fail(entry.line_of("version"), "coaches.version", f"unknown curriculum version '{version}'{did_you_mean(version, versions)}")
            version = None
        valid_until = entry.get("valid_until")
        if not isinstance(valid_until, datetime.date) or isinstance(valid_until, datetime.datetime):
            reader.fail(entry.line_of("valid_until"), "coaches.valid_until", f"expected a date as YYYY-MM-DD, found {valid_until!r}")
            valid_until = None
        elif valid_until < today:
            reader.fail(entry.line_of("valid_until"), "coaches.valid_until", f"'{certificate}' expired on {valid_until} (remove the entry, or renew it with a new date)")
            valid_until = None
        if certificate:
            reader.unique(seen, certificate, entry.line_of("certificate"), "coaches.certificate")
        if name and certificate and version and valid_until:
            entries.append(RegisterEntry(name, certificate, version, valid_until, line=entry.line))
    return tuple(entries)
