"""`python -m curriculum [ROOT]`: validate the content and print every problem.

`python -m curriculum render --out DIR [ROOT]`: write every page as finished Markdown, one
project per language (curriculum/export.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from curriculum.export import render_site
from curriculum.loader import collect
from curriculum.problems import CurriculumError


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "render":
        return render(argv[2:])
    root = Path(argv[1] if len(argv) > 1 else ".").resolve()
    curriculum, problems = collect(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return 1
    print(f"ok: {len(curriculum.modules)} modules, {len(curriculum.units)} units, "
          f"{len(curriculum.checklists)} checklists, {len(curriculum.worksheets)} worksheets, "
          f"{len(curriculum.factors)} factors, {len(curriculum.films)} films, "
          f"{len({s.key for s in curriculum.sources.values()})} sources, {len(curriculum.glossary)} glossary terms")
    return 0


def render(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m curriculum render",
                                     description="Write every page as finished Markdown, one project per language.")
    parser.add_argument("--out", required=True, type=Path, help="folder to write (each language's folder is replaced)")
    parser.add_argument("root", nargs="?", default=".", type=Path, help="the project (default: .)")
    options = parser.parse_args(arguments)
    try:
        counts = render_site(options.root.resolve(), options.out.resolve())
    except CurriculumError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for language, count in counts.items():
        print(f"{options.out / language}: {count} pages; build with `mkdocs build -f {options.out / language / 'mkdocs.yml'}`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
