"""Build the offline copy of the site and zip it (`make downloads`).

    python -m scripts.offline_copy OUT    # e.g. build/downloads

The copy is its own build with Material's offline plugin (ECOLEAP_OFFLINE=true turns it on in
mkdocs.yml): `.html` files instead of directory URLs and the search index as a script, so it
works when opened from file://, with search, in both languages. The zip holds one folder,
`ecoleap-offline-VERSION/`, with the site's `index.html` at its top.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

from curriculum.core import build_command
from curriculum.layout import PROJECT_ROOT, offline_file

# Already compressed: storing them again saves time and no space.
STORED = (".png", ".jpg", ".jpeg", ".webp", ".gz", ".zip", ".pdf", ".woff2", ".mp4", ".webm")
# Of no use from file://: source maps. (The search indexes are scripts there, one per language:
# curriculum/searchindex.py.)
LEFT_OUT_SUFFIXES = (".map",)


def build_offline(site: Path) -> None:
    """The strict build with the offline plugin into `site`."""
    environment = {**os.environ, "ECOLEAP_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        build_command("--strict", "--site-dir", str(site)),
        cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"the offline build failed:\n{result.stdout}\n{result.stderr}")


def zip_site(site: Path, target: Path) -> None:
    """Every file of `site` below one top folder named after the zip, in a stable order."""
    folder = target.name.removesuffix(".zip")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(file for file in site.rglob("*") if file.is_file()):
            relative = path.relative_to(site).as_posix()
            if path.suffix in LEFT_OUT_SUFFIXES:
                continue
            name = f"{folder}/{relative}"
            stored = path.suffix.lower() in STORED
            archive.write(path, name, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where the zip goes, e.g. build/downloads")
    args = parser.parse_args(argv)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ecoleap-offline-") as scratch:
        site = Path(scratch) / "site"
        build_offline(site)
        target = args.out / offline_file()
        zip_site(site, target)
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
