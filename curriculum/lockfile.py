"""Rules for the lock (requirements.txt): exact versions, a hash for every package, no
pre-release, and MkDocs 1.x.

MkDocs 2.0 pre-releases drop the plugin system every part of this site uses, so a lock that
let one in would break the build. `make lock` runs these rules after resolving; tests/test_lock.py
runs them on the committed lock.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s=;#\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
# Packages whose next major version would break the site, with the first version not allowed.
CEILINGS = {"mkdocs": Version("2")}


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    line: int
    hashes: int


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text: str, path: str = "requirements.txt") -> tuple[list[Pin], list[str]]:
    """Every `name==version` entry with the hashes on its continuation lines, and the lines
    that are neither (as problems)."""
    pins: list[Pin] = []
    problems: list[str] = []
    current: dict[str, object] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("--hash="):
            if current is None or not HASH.fullmatch(line.rstrip("\\ ").strip()):
                problems.append(f"{path}:{number}: a hash line that belongs to no package or is not sha256")
            else:
                current["hashes"] = int(current["hashes"]) + 1  # type: ignore[call-overload]
            continue
        match = PIN.match(line)
        if not match:
            problems.append(f"{path}:{number}: '{line}' is not pinned as name==version (run `make lock`)")
            current = None
            continue
        if current is not None:
            pins.append(Pin(**current))  # type: ignore[arg-type]
        current = {"name": normal(match["name"]), "version": match["version"], "line": number, "hashes": 0}
    if current is not None:
        pins.append(Pin(**current))  # type: ignore[arg-type]
    return pins, problems


def problems(text: str, path: str = "requirements.txt") -> list[str]:
    """What is wrong with a lock, each as `path:line: message`."""
    pins, found = read_pins(text, path)
    for pin in pins:
        where = f"{path}:{pin.line}: {pin.name}=={pin.version}"
        if pin.hashes == 0:
            found.append(f"{where}: no --hash (run `make lock`: pip installs with --require-hashes)")
        try:
            version = Version(pin.version)
        except InvalidVersion:
            found.append(f"{where}: not a valid version")
            continue
        if version.is_prerelease or version.is_devrelease:
            found.append(f"{where}: a pre-release; the lock takes final releases only")
        ceiling = CEILINGS.get(pin.name)
        if ceiling is not None and version >= ceiling:
            found.append(f"{where}: must stay below {ceiling} (MkDocs 2 has no plugin system; see the platform plan)")
    return found


def main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else "requirements.txt"
    found = problems(Path(path).read_text(encoding="utf-8"), path)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
