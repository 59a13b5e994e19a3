"""`python -m curriculum [ROOT]`: validate the content and print every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from curriculum.loader import collect


def main(argv: list[str]) -> int:
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
          f"{len(curriculum.sources)} sources, {len(curriculum.glossary)} glossary terms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
