"""requirements.txt locks every Python package the project installs, transitive ones included."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

from tests.site_pages import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s=;#]+)$")
NOT_LOCKED = {"pip", "setuptools", "wheel"}  # the installer itself, whatever the venv came with
# This project, which make installs editable from the checkout (pyproject.toml).
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(file: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for number, line in enumerate((ROOT / file).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = PIN.match(line.strip())
        assert match, f"{file}:{number}: '{line}' is not pinned as name==version"
        pins[_normal(match["name"])] = match["version"]
    return pins


def test_every_direct_dependency_is_locked_at_its_own_pin() -> None:
    direct, lock = _pins("requirements.in"), _pins("requirements.txt")
    wrong = {name: (version, lock.get(name)) for name, version in direct.items() if lock.get(name) != version}
    assert wrong == {}, f"requirements.in and requirements.txt disagree (run `make lock`): {wrong}"


def test_the_environment_running_the_tests_is_exactly_the_lock() -> None:
    lock = _pins("requirements.txt")
    installed = {_normal(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed = {name: version for name, version in installed.items() if name not in NOT_LOCKED | {PROJECT}}
    unlocked = sorted(set(installed) - set(lock))
    assert unlocked == [], f"installed but not in requirements.txt (run `make lock`): {unlocked}"
    differs = {name: (lock[name], installed.get(name)) for name in lock if installed.get(name) != lock[name]}
    assert differs == {}, f"installed versions differ from requirements.txt (lock, installed): {differs}"
