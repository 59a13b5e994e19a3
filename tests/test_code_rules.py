"""Rules for the code itself, which the next person reads: small files, one import style, every
imported package a direct dependency."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from importlib import metadata

from curriculum.lockfile import normal, read_pins
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
    """The package is installed (`pip install -e .`): every file imports it as `curriculum`,
    and the Makefile runs a module as a script, not through a path it adds."""
    edit = tuple("sys.path." + verb for verb in ("insert", "append"))  # spelled so this file has neither
    edits = [str(path.relative_to(ROOT)) for path in [*_python_files(), ROOT / "Makefile"]
             if any(word in path.read_text(encoding="utf-8") for word in edit)]
    assert edits == []


OWN_PACKAGES = {"__future__", *FOLDERS}


def _imports() -> dict[str, str]:
    """Each top-level module the Python files import, outside the standard library and this
    project, with the first place that imports it (`path:line`)."""
    found: dict[str, str] = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in OWN_PACKAGES:
                    found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_package_the_code_imports_is_a_direct_dependency() -> None:
    """A package the code imports only because another one pulls it in (bs4 through
    linkchecker) would vanish with the next lock that no longer needs it."""
    pins, bad = read_pins((ROOT / "requirements.in").read_text(encoding="utf-8"), "requirements.in")
    assert bad == []
    direct = {pin.name for pin in pins}
    providers = metadata.packages_distributions()
    wrong = [f"{where}: imports {module}, from {', '.join(providers.get(module, ['no installed package']))}, "
             "which requirements.in does not name (add it at its locked version, then run `make lock`)"
             for module, where in _imports().items()
             if not {normal(name) for name in providers.get(module, [])} & direct]
    assert wrong == []


def test_every_label_the_code_names_is_in_the_labels_file() -> None:
    """A word a template or renderer asks for by name (`label("format")`) exists in
    data/labels.yml; a name built from a prefix (`"group_" ~ group`) has labels with that prefix.
    A label renamed in the data is reported by the build itself (model.MissingLabel)."""
    import re

    import yaml

    labels = set(yaml.safe_load((ROOT / "data/labels.yml").read_text(encoding="utf-8")))
    code = [*_python_files(), *sorted((ROOT / "curriculum/templates").glob("*.j2"))]
    named = {key for path in code for key in re.findall(r"label\(\s*[\"']([a-z0-9_]+)[\"']", path.read_text(encoding="utf-8"))}
    assert len(named) > 150
    assert sorted(key for key in named if not key.endswith("_") and key not in labels) == []
    assert sorted(prefix for prefix in named if prefix.endswith("_") and not any(label.startswith(prefix) for label in labels)) == []


def test_every_label_the_theme_templates_use_is_handed_to_them() -> None:
    """The theme's templates (overrides/) read labels from `config.extra.theme_labels`, which
    holds only the names in THEME_LABELS: a word used there and not listed would stop the build
    on every page, and a listed one no template uses is dead weight."""
    import re

    from curriculum.hooks.site_config import THEME_LABELS

    templates = sorted((ROOT / "overrides").rglob("*.html"))
    used = {key for path in templates for key in re.findall(r"\blabels\.([a-z0-9_]+)\[", path.read_text(encoding="utf-8"))}
    assert {"last_reviewed", "footer_licence"} <= used
    assert sorted(used) == sorted(THEME_LABELS)


def test_make_browser_installs_the_chromium_programs_the_code_launches() -> None:
    """`make browser` installs by package name and checks by path; both must match what the tests,
    the PDFs and the bench launch (curriculum/chromium.py), or a fresh machine fails late."""
    from curriculum.chromium import BROWSER, CHROMIUM

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nbrowser:"):].split("\n\n", 1)[0]
    installed = re.search(r"apt-get install -y -qq ([\w -]+?) >", recipe)
    assert installed, "`make browser` has no apt-get install line"
    for program in (CHROMIUM, BROWSER):
        assert f":= {program}\n" in makefile, f"the Makefile does not name {program}"
        assert program.rsplit("/", 1)[1] in installed[1].split(), f"`make browser` does not install {program}"


def test_make_test_runs_two_workers_a_core_and_at_most_eight() -> None:
    """The suite is CPU-bound; a worker often waits on its browser (the Makefile's measurements)."""
    # Without what a calling `make test TEST_WORKERS=N` passes down to every make below it.
    plain = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MFLAGS", "TEST_WORKERS")}
    workers = {}
    for cores in (1, 2, 4, 16):
        shown = subprocess.run(["make", "--dry-run", "--always-make", "test", f"CPUS={cores}"], cwd=ROOT,
                               capture_output=True, text=True, check=True, env=plain).stdout
        workers[cores] = int(re.search(r"-m pytest -n (\d+) ", shown)[1])
    assert workers == {1: 2, 2: 4, 4: 8, 16: 8}
