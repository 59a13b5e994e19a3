"""The CSP hashes exactly the inline scripts that run."""

from __future__ import annotations

import base64
import hashlib

from curriculum.csp import add_policy, inline_script_hashes


def test_inline_scripts_are_hashed_and_data_blocks_are_not() -> None:
    html = '<head><script>a()</script><script id="c" type="application/json">{}</script><script src="x.js"></script></head>'
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(b"a()").digest()).decode() + "'"
    assert inline_script_hashes(html) == [expected]
    page = add_policy(html)
    assert page.startswith('<head>\n    <meta http-equiv="Content-Security-Policy"')
    assert f"script-src 'self' {expected};" in page
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in page
