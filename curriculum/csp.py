"""A Content-Security-Policy meta tag per page (GitHub Pages cannot send headers), with a
hash for every inline script so nothing else can run."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
_DATA_TYPES = ("application/json", "application/ld+json")

# Film players load only after the reader clicks, and only from privacy-enhanced hosts.
FRAME_HOSTS = "https://www.youtube-nocookie.com https://player.vimeo.com"


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if any(kind in attributes for kind in _DATA_TYPES):
            continue  # data blocks are not executed, so CSP does not apply to them
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src {FRAME_HOSTS}; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def add_policy(html: str) -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace("<head>", "<head>\n    " + tag, 1)
