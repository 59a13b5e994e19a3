"""The page's search worker stand-in's functions (docs/assets/javascripts/search-stand-in.js), one
at a time, run in Node: the tests compare what it does with the Python it mirrors."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

from tests.site_pages import ROOT

STAND_IN = ROOT / "docs" / "assets" / "javascripts" / "search-stand-in.js"


def run_stand_in(function: str, call: str, data: Any) -> Any:
    """`call` (JavaScript, with `data` as the JSON given) run after the stand-in's `function` and
    the lines before it that it uses (its constants); what `call` returns, as JSON."""
    source = STAND_IN.read_text(encoding="utf-8")
    found = re.search(rf"^  function {function}\(.*?^  \}}$", source, re.MULTILINE | re.DOTALL)
    assert found, f"{STAND_IN}: no function {function}"
    constants = "\n".join(re.findall(r"^  (var [A-Z_]+ = .*?;)", source, re.MULTILINE))  # without the comments after them
    script = (f"{constants}\n{found[0]}\nconst data = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
              f"process.stdout.write(JSON.stringify({call}));")
    done = subprocess.run(["node", "-e", script], input=json.dumps(data), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
