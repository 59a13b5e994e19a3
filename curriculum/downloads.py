"""The files readers download: the PDFs and the offline copy, what they are called and where.

`make downloads` makes them into the staging folder (scripts/pdfs.py, scripts/offline_copy.py).
Every build copies the staged files of the current curriculum version into the site (hooks.py),
and the downloads page links exactly those, so no build links to a file it does not have.
"""

from __future__ import annotations

from pathlib import Path

from curriculum import CURRICULUM_VERSION

STAGING = "build/downloads"  # below the project root; build/ is not committed
SITE_FOLDER = "assets/downloads"  # below the site root
BOOKS = ("coach-handbook", "modules")


def book_file(book: str, language: str) -> str:
    return f"ecoleap-{book}-{CURRICULUM_VERSION}-{language}.pdf"


def checklist_file(checklist_id: str, language: str) -> str:
    return f"checklists/ecoleap-checklist-{checklist_id}-{CURRICULUM_VERSION}-{language}.pdf"


def offline_file() -> str:
    return f"ecoleap-offline-{CURRICULUM_VERSION}.zip"


def staged(root: Path) -> dict[str, int]:
    """The staged downloads of this curriculum version: path below the staging folder -> bytes.

    The offline copy takes none of them: it would grow fivefold, and a reader without internet
    prints a checklist or a page from the copy itself.
    """
    folder = root / STAGING
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


def worksheet_file(worksheet_id: str, language: str, extension: str) -> str:
    """The printable sheet (pdf) or the workbook (xlsx) of a worksheet."""
    return f"worksheets/ecoleap-worksheet-{worksheet_id}-{CURRICULUM_VERSION}-{language}.{extension}"


def kit_file(module_id: str, language: str, extension: str) -> str:
    """A module's facilitator kit: the guide, checklists and worksheets (pdf), its workbooks (zip)."""
    return f"kits/ecoleap-kit-{module_id}-{CURRICULUM_VERSION}-{language}.{extension}"
