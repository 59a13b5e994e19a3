"""One note on the downloads page when this build has none of the files: where the latest
published files are (the repository's latest release, when the build knows its repository)."""

from __future__ import annotations

from typing import Protocol


class _Labelling(Protocol):
    def label(self, key: str, **values: object) -> str: ...


def downloads_note(renderer: _Labelling, available: dict[str, int], offline: bool, repo_url: str | None) -> str:
    """A Material note admonition, or nothing when the build has files or is the offline copy
    (whose sections say so themselves)."""
    if available or offline:
        return ""
    if repo_url:
        text = renderer.label("downloads_note_release", url=f"{repo_url.rstrip('/')}/releases/latest")
    else:
        text = renderer.label("downloads_note_local")
    return f'!!! note "{renderer.label("downloads_note_title")}"\n\n    {text}'
