"""A trial build of the rendered curriculum with Zensical, run by hand (docs/about/platform.md).

    python -m scripts.zensical_trial [--version 0.1.4] [--keep DIR]

It renders every page as finished Markdown (`python -m curriculum render`), installs Zensical in
a temporary venv (never in the project's own), builds each language's project with it and
prints, per language, how many pages it built and how many carry the same article text as a
plain MkDocs build of the same Markdown. Record what it prints under "Trial findings" on the
platform page. It changes nothing in the project.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from curriculum.core import build_command
from curriculum.export import render_site
from curriculum.layout import PROJECT_ROOT

DEFAULT_VERSION = "0.1.4"


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def _pages(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("index.html")}


def _article(path: Path) -> str:
    from bs4 import BeautifulSoup

    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
    return " ".join((article.get_text(" ") if article else "").split())


def trial(version: str, work: Path) -> int:
    rendered = work / "rendered"
    counts = render_site(PROJECT_ROOT, rendered)
    print(f"rendered: {counts}")
    environment = work / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    install = _run([str(python), "-m", "pip", "install", "--quiet", f"zensical=={version}"], work)
    if install.returncode:
        print(f"zensical {version} did not install:\n{install.stdout}{install.stderr}", file=sys.stderr)
        return 1
    failed = False
    for language in counts:
        project = rendered / language
        plain = _run(build_command("--site-dir", str(project / "site-mkdocs")), project)
        built = _run([str(environment / "bin" / "zensical"), "build", "--config-file", "mkdocs.yml"], project)
        if built.returncode or plain.returncode:
            print(f"{language}: build failed\n{built.stdout}{built.stderr}{plain.stderr}", file=sys.stderr)
            failed = True
            continue
        ours, theirs = _pages(project / "site-mkdocs"), _pages(project / "site")
        same = sum(1 for name in ours if name in theirs and _article(ours[name]) == _article(theirs[name]))
        print(f"{language}: zensical built {len(theirs)} pages, MkDocs {len(ours)}; same text on {same}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help="the Zensical release to try")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    options = parser.parse_args(argv)
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
        return trial(options.version, options.keep.resolve())
    with tempfile.TemporaryDirectory(prefix="zensical-trial-") as folder:
        return trial(options.version, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
