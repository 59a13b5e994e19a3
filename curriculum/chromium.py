"""Debian's Chromium, as the tests, the PDF books and the bench launch it."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"  # `make browser` installs it; Playwright's own download does not work here
# As the machine's own probe found: without these, Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
