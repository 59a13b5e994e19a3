"""Put a 404 page at the root of the gh-pages branch, copied from the version `latest` points at.

GitHub Pages answers every missing address with the branch root's 404.html, and mike writes none
there, so a reader would see GitHub's own page. The version's 404.html has links that start from
the version's address (SITE_URL carries it), so the copy works at the root and at any depth.

    python scripts/root_404.py [--branch gh-pages] [--alias latest] [--push]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

NOT_FOUND = "404.html"


def _git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def target_version(versions_json: str, alias: str) -> str:
    """The version that carries `alias`, or else the newest one listed (mike lists newest first)."""
    versions = json.loads(versions_json)
    if not versions:
        raise SystemExit("versions.json lists no version: deploy one with mike first")
    carrying = [v["version"] for v in versions if alias in v.get("aliases", [])]
    return carrying[0] if carrying else versions[0]["version"]


def put_root_404(branch: str = "gh-pages", alias: str = "latest", push: bool = False) -> str:
    version = target_version(_git("show", f"{branch}:versions.json"), alias)
    page = _git("show", f"{branch}:{version}/{NOT_FOUND}")
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        _git("worktree", "add", "--quiet", str(tree), branch)
        try:
            (tree / NOT_FOUND).write_text(page, encoding="utf-8")
            _git("add", NOT_FOUND, cwd=tree)
            if _git("status", "--porcelain", cwd=tree).strip():
                _git("commit", "--quiet", "--message", f"404.html at the root, from {version}", cwd=tree)
        finally:
            _git("worktree", "remove", "--force", str(tree))
    if push:
        _git("push", "origin", branch)
    return version


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--branch", default="gh-pages")
    parser.add_argument("--alias", default="latest")
    parser.add_argument("--push", action="store_true")
    options = parser.parse_args(argv)
    version = put_root_404(options.branch, options.alias, options.push)
    print(f"{options.branch}: 404.html at the root, from {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
