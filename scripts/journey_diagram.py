"""Draw the company-journey diagram as SVG, one per language: company-journey.svg and its
Swedish twin company-journey.sv.svg (docs/assets/images/).

    python -m scripts.journey_diagram           # write both files
    python -m scripts.journey_diagram --check   # exit 1 if a file differs from what this draws
"""

from __future__ import annotations

import argparse
import sys
from html import escape
from pathlib import Path

from curriculum import DEFAULT_LANGUAGE
from curriculum.layout import DOCS, PROJECT_ROOT

IMAGES = PROJECT_ROOT / DOCS / "assets" / "images"

LABELS = {
    "en": dict(title="A company's journey", steps=[
        "Kickstart network: four meetings", "First actions and follow-up meeting", "Go on as a company?",
        "Start program: kick-off", "Mapping and baseline", "Improvement in the pilot area",
        "Transition A3: plan the way forward", "Take on the in-depth program?", "Foundations and the pilot area",
        "Beyond the factory walls", "Spread, sustain and review", "Sustained improvement"],
        side="Keep improving on your own,", side2="with the network", no1="Not yet", no2="Not now", yes="Yes"),
    "sv": dict(title="Ett företags resa", steps=[
        "Kickstart Hållbarhet: fyra nätverksträffar", "Första åtgärder och uppföljningsträff", "Gå vidare som företag?",
        "Startprogram: uppstart", "Kartläggning och baslinje", "Förbättring i pilotområdet",
        "Omställnings-A3: planera vägen framåt", "Gå vidare med fördjupningsprogrammet?", "Grunder och pilotområdet",
        "Utanför fabriksväggarna", "Sprida, hålla i och följa upp", "Ständiga förbättringar som håller"],
        side="Fortsätt förbättra på egen hand,", side2="med nätverket", no1="Inte än", no2="Inte nu", yes="Ja"),
}
DECISIONS = {2, 7}  # the steps that are a decision (drawn dashed, with a side exit)
WIDTH, BOX_X, BOX_WIDTH, BOX_HEIGHT, STEP, TOP = 720, 20, 380, 38, 56, 20
SIDE_X, SIDE_WIDTH = 460, 240


def file_name(language: str) -> str:
    return "company-journey.svg" if language == DEFAULT_LANGUAGE else f"company-journey.{language}.svg"


def draw(language: str) -> str:
    """The diagram in one language, as SVG text."""
    words = LABELS[language]
    steps = words["steps"]
    height = TOP + STEP * len(steps) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
           f'aria-labelledby="t"><title id="t">{escape(words["title"])}</title>',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
           '<path d="M0,0L10,5L0,10z" fill="#1b5e20"/></marker></defs>',
           '<g font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="15" fill="#1a1a1a">']
    centre = BOX_X + BOX_WIDTH / 2
    for index, label in enumerate(steps):
        y = TOP + index * STEP
        decision = index in DECISIONS
        fill, stroke, dash = ("#fff8e1", "#8d6e00", ' stroke-dasharray="6 3"') if decision else ("#e8f5e9", "#1b5e20", "")
        out.append(f'<rect x="{BOX_X}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>')
        out.append(f'<text x="{centre}" y="{y + BOX_HEIGHT / 2 + 5}" text-anchor="middle">{escape(label)}</text>')
        if index < len(steps) - 1:
            out.append(f'<line x1="{centre}" y1="{y + BOX_HEIGHT}" x2="{centre}" y2="{y + STEP - 2}" stroke="#1b5e20" stroke-width="1.5" marker-end="url(#a)"/>')
            if decision:
                out.append(f'<text x="{centre + 8}" y="{y + BOX_HEIGHT + 14}" font-size="13">{escape(words["yes"])}</text>')
    # The side exit: from both decisions to "keep improving with the network".
    first, second = TOP + 2 * STEP, TOP + 7 * STEP
    side_y = (first + second) / 2
    side_centre = SIDE_X + SIDE_WIDTH / 2
    out.append(f'<rect x="{SIDE_X}" y="{side_y - 10}" width="{SIDE_WIDTH}" height="58" rx="8" fill="#e3f2fd" stroke="#0d47a1" stroke-width="1.5"/>')
    out.append(f'<text x="{side_centre}" y="{side_y + 14}" text-anchor="middle">{escape(words["side"])}</text>')
    out.append(f'<text x="{side_centre}" y="{side_y + 34}" text-anchor="middle">{escape(words["side2"])}</text>')
    for decision_y, label, arrow_end in ((first, words["no1"], side_y - 10), (second, words["no2"], side_y + 48)):
        middle = decision_y + BOX_HEIGHT / 2
        out.append(f'<path d="M{BOX_X + BOX_WIDTH},{middle} H{side_centre} V{arrow_end}" fill="none" stroke="#0d47a1" stroke-width="1.5" marker-end="url(#a)"/>')
        out.append(f'<text x="{BOX_X + BOX_WIDTH + 8}" y="{middle - 6}" font-size="13">{escape(label)}</text>')
    out.append("</g></svg>\n")
    return "\n".join(out)


def stale(images: Path = IMAGES) -> list[str]:
    """The diagram files that differ from what `draw` makes (or are missing)."""
    found = []
    for language in LABELS:
        path = images / file_name(language)
        if not path.is_file() or path.read_text(encoding="utf-8") != draw(language):
            found.append(path.relative_to(PROJECT_ROOT).as_posix() if path.is_relative_to(PROJECT_ROOT) else str(path))
    return found


def write(images: Path = IMAGES) -> None:
    for language in LABELS:
        (images / file_name(language)).write_text(draw(language), encoding="utf-8")


def main(argv: list[str] | None = None, images: Path = IMAGES) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = parser.parse_args(argv)
    if not args.check:
        write(images)
        return 0
    outdated = stale(images)
    for path in outdated:
        print(f"{path}: differs from what scripts/journey_diagram.py draws "
              "(run `python -m scripts.journey_diagram` and commit the result)", file=sys.stderr)
    return 1 if outdated else 0


if __name__ == "__main__":
    raise SystemExit(main())
