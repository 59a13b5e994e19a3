"""Which site generator core builds the site: MkDocs (the default) or ProperDocs.

ProperDocs is a drop-in continuation of MkDocs 1.x. Both build this site to the same pages
(tests/test_core.py); `make test CORE=properdocs` runs every test on ProperDocs. Choosing the core
in one place keeps the tests, the scripts and the Makefile building with the same one.
"""

from __future__ import annotations

import os
import sys

CORES = ("mkdocs", "properdocs")
CORE_VARIABLE = "ECOLEAP_CORE"


def core(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """The core named by ECOLEAP_CORE (mkdocs when unset); an unknown name is an error."""
    name = environ.get(CORE_VARIABLE, "").strip() or "mkdocs"
    if name not in CORES:
        raise ValueError(f"{CORE_VARIABLE}={name!r}: unknown site generator core (use one of: {', '.join(CORES)})")
    return name


def build_command(*arguments: str, name: str | None = None) -> list[str]:
    """`python -m <core> build …` with this interpreter, so the venv's packages are used."""
    return [sys.executable, "-m", name or core(), "build", *arguments]
