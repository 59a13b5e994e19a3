"""Debian's Chromium, as the tests, the PDF books and the bench launch it."""

from __future__ import annotations

# The tests, the PDFs and the page-weight bench drive Chromium's headless shell (Debian's
# chromium-headless-shell, the "old headless" that Playwright itself runs headless tests with):
# the same Blink, V8 and PDF printer as the browser, without the browser's own UI and services.
# Measured on the 2-core machine: a clean-clone `make test` took about a fifth less CPU (673 CPU-s
# against 849) than with the full browser in its new headless mode. Lighthouse needs the full
# browser (`BROWSER`).
# `make browser` installs both; Playwright's own download does not work here.
CHROMIUM = "/usr/bin/chromium-headless-shell"
BROWSER = "/usr/bin/chromium"
# As the machine's own probe found: without these, Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
