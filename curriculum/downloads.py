"""The files readers download: the PDFs and the offline copy (their names and folders are in
curriculum/layout.py).

`make downloads` makes them into the staging folder (scripts/pdfs.py, scripts/offline_copy.py).
Every build copies the staged files of the current curriculum version into the site (`copy_staged`, run by curriculum/hooks/downloads.py),
and the downloads page links exactly those, so no build links to a file it does not have.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from curriculum import CURRICULUM_VERSION
from curriculum.layout import DOWNLOADS_FOLDER, DOWNLOADS_STAGING

BOOKS = ("coach-handbook", "modules")


def staged(root: Path) -> dict[str, int]:
    """The staged downloads of this curriculum version: path below the staging folder -> bytes.

    The offline copy takes none of them: it would grow fivefold, and a reader without internet
    prints a checklist or a page from the copy itself.
    """
    folder = root / DOWNLOADS_STAGING
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.stat().st_size
        for path in sorted(folder.rglob("*"))
        if path.is_file() and f"-{CURRICULUM_VERSION}" in path.name
    }


def human_size(size: int, language: str) -> str:
    """'2.2 MB' ('2,2 MB' in Swedish), '48 kB': decimal units, as file managers show them."""
    if size >= 1_000_000:
        text = f"{size / 1_000_000:.1f} MB"
        return text.replace(".", ",") if language == "sv" else text
    return f"{max(1, round(size / 1000))} kB"


def copy_staged(root: Path, site: Path) -> list[Path]:
    """The PDFs and the offline zip that `make downloads` made, into the built site."""
    copied = []
    for path in staged(root):
        target = site / DOWNLOADS_FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / DOWNLOADS_STAGING / path, target)
        copied.append(target)
    return copied
