"""requirements.txt locks every Python package the project installs, transitive ones included,
with hashes, final releases only and MkDocs below 2 (curriculum/lockfile.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest

from curriculum.core import core
from curriculum.lockfile import normal, problems, read_pins
from tests.site_pages import ROOT

NOT_LOCKED = {"pip", "setuptools", "wheel"}  # the installer itself, whatever the venv came with
LOCKS = {"mkdocs": "requirements.txt", "properdocs": "requirements-properdocs.txt"}
# This project, which make installs editable from the checkout (pyproject.toml).
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def _pins(file: str) -> dict[str, str]:
    pins, bad = read_pins((ROOT / file).read_text(encoding="utf-8"), file)
    assert bad == []
    return {pin.name: pin.version for pin in pins}


@pytest.mark.parametrize("file", ["requirements.txt", "requirements-properdocs.txt"])
def test_the_lock_has_hashes_final_releases_and_mkdocs_1(file: str) -> None:
    assert problems((ROOT / file).read_text(encoding="utf-8"), file) == []


def test_every_direct_dependency_is_locked_at_its_own_pin() -> None:
    direct, lock = _pins("requirements.in"), _pins("requirements.txt")
    wrong = {name: (version, lock.get(name)) for name, version in direct.items() if lock.get(name) != version}
    assert wrong == {}, f"requirements.in and requirements.txt disagree (run `make lock`): {wrong}"


def test_the_properdocs_lock_is_the_lock_plus_properdocs() -> None:
    default, properdocs = _pins("requirements.txt"), _pins("requirements-properdocs.txt")
    assert properdocs.pop("properdocs") == "1.6.7"
    assert properdocs == default


def test_the_environment_running_the_tests_is_exactly_its_lock() -> None:
    file = LOCKS[core()]
    lock = _pins(file)
    installed = {normal(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed = {name: version for name, version in installed.items() if name not in NOT_LOCKED | {normal(PROJECT)}}
    unlocked = sorted(set(installed) - set(lock))
    assert unlocked == [], f"installed but not in {file} (run `make lock`): {unlocked}"
    differs = {name: (lock[name], installed.get(name)) for name in lock if installed.get(name) != lock[name]}
    assert differs == {}, f"installed versions differ from {file} (lock, installed): {differs}"


GOOD_HASH = "    --hash=sha256:" + "a" * 64


@pytest.mark.parametrize(("lock", "message"), [
    ("mkdocs==1.6.1\n", "requirements.txt:1: mkdocs==1.6.1: no --hash (run `make lock`: pip installs with --require-hashes)"),
    (f"mkdocs==2.0.0.dev3 \\\n{GOOD_HASH}\n", "requirements.txt:1: mkdocs==2.0.0.dev3: a pre-release; the lock takes final releases only"),
    (f"jinja2==3.1.6 \\\n{GOOD_HASH}\nmkdocs==2.0.0 \\\n{GOOD_HASH}\n",
     "requirements.txt:3: mkdocs==2.0.0: must stay below 2 (MkDocs 2 has no plugin system; see the platform plan)"),
    (f"babel==2.19.0rc1 \\\n{GOOD_HASH}\n", "requirements.txt:1: babel==2.19.0rc1: a pre-release; the lock takes final releases only"),
    ("mkdocs>=1.6\n", "requirements.txt:1: 'mkdocs>=1.6' is not pinned as name==version (run `make lock`)"),
    ("    --hash=sha256:abc\n", "requirements.txt:1: a hash line that belongs to no package or is not sha256"),
])
def test_a_bad_lock_is_refused_with_its_line(lock: str, message: str) -> None:
    assert problems(lock) == [message]


GROUPED_TESTS = '''
import os
import pytest

pytestmark = pytest.mark.xdist_group("one")

@pytest.mark.parametrize("number", range(6))
def test_records_its_worker(number):
    with open(os.path.join(os.environ["RAN"], f"ran-{number}"), "w") as record:
        record.write(os.environ["PYTEST_XDIST_WORKER"])
'''


def test_the_locked_pytest_and_xdist_keep_a_group_on_one_worker(tmp_path) -> None:
    """`make test` relies on `--dist loadgroup` to make the PDFs, vnu's report and the mike
    deploys once; pytest 9.2 with pytest-xdist 3.8 silently spreads a group (xdist#1386)."""
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "3", "--dist", "loadgroup", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(tmp_path / "test_grouped.py")],
        cwd=tmp_path, capture_output=True, text=True, check=False, env={**os.environ, "RAN": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    records = list(tmp_path.glob("ran-*"))
    workers = {path.read_text() for path in records}
    assert len(records) == 6
    assert len(workers) == 1, f"one group ran on {sorted(workers)}"
