"""Draw the company-journey diagram as SVG, one per language: company-journey.svg and its i18n twin company-journey.sv.svg."""
from html import escape
from pathlib import Path

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"

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
DECISIONS = {2, 7}
W, BX, BW, BH, STEP, TOP = 720, 20, 380, 38, 56, 20

for lang, t in LABELS.items():
    h = TOP + STEP * len(t["steps"]) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" width="{W}" height="{h}" role="img" '
           f'aria-labelledby="t"><title id="t">{escape(t["title"])}</title>',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
           '<path d="M0,0L10,5L0,10z" fill="#1b5e20"/></marker></defs>',
           '<g font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="15" fill="#1a1a1a">']
    cx = BX + BW / 2
    for i, label in enumerate(t["steps"]):
        y = TOP + i * STEP
        fill, stroke, dash = ("#fff8e1", "#8d6e00", ' stroke-dasharray="6 3"') if i in DECISIONS else ("#e8f5e9", "#1b5e20", "")
        out.append(f'<rect x="{BX}" y="{y}" width="{BW}" height="{BH}" rx="8" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>')
        out.append(f'<text x="{cx}" y="{y + BH / 2 + 5}" text-anchor="middle">{escape(label)}</text>')
        if i < len(t["steps"]) - 1:
            out.append(f'<line x1="{cx}" y1="{y + BH}" x2="{cx}" y2="{y + STEP - 2}" stroke="#1b5e20" stroke-width="1.5" marker-end="url(#a)"/>')
            if i in DECISIONS:
                out.append(f'<text x="{cx + 8}" y="{y + BH + 14}" font-size="13">{escape(t["yes"])}</text>')
    # The side exit: from both decisions to "keep improving with the network".
    sx, sw = 460, 240
    y1, y2 = TOP + 2 * STEP, TOP + 7 * STEP
    sy = (y1 + y2) / 2
    out.append(f'<rect x="{sx}" y="{sy - 10}" width="{sw}" height="58" rx="8" fill="#e3f2fd" stroke="#0d47a1" stroke-width="1.5"/>')
    out.append(f'<text x="{sx + sw / 2}" y="{sy + 14}" text-anchor="middle">{escape(t["side"])}</text>')
    out.append(f'<text x="{sx + sw / 2}" y="{sy + 34}" text-anchor="middle">{escape(t["side2"])}</text>')
    for yd, label, ty in ((y1, t["no1"], sy - 10), (y2, t["no2"], sy + 48)):
        ym = yd + BH / 2
        out.append(f'<path d="M{BX + BW},{ym} H{sx + sw / 2} V{ty}" fill="none" stroke="#0d47a1" stroke-width="1.5" marker-end="url(#a)"/>')
        out.append(f'<text x="{BX + BW + 8}" y="{ym - 6}" font-size="13">{escape(label)}</text>')
    out.append("</g></svg>\n")
    name = "company-journey.svg" if lang == "en" else f"company-journey.{lang}.svg"
    (IMAGES / name).write_text("\n".join(out), encoding="utf-8")
