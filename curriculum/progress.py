"""What the browser's progress store (docs/assets/javascripts/progress-store.js) needs from the
model: stable keys and a digest of each unit's content, so a tick carries into newer curriculum
versions and a unit that changed since it was ticked can say so."""

from __future__ import annotations

import hashlib
import json

from curriculum.model import Unit

DIGEST_LANGUAGE = "en"  # a Swedish wording fix does not flag the unit as changed for everyone


def unit_key(unit_id: str) -> str:
    return f"unit:{unit_id}"


def step_key(step_id: str) -> str:
    return f"step:{step_id}"


def unit_digest(unit: Unit) -> str:
    """12 hex digits over what a coach studies in the unit: its objectives, evidence, key points
    and section texts. The date it was last reviewed or its sources do not count."""
    content = {
        "objectives": unit.objectives.get(DIGEST_LANGUAGE, []),
        "evidence": unit.evidence.get(DIGEST_LANGUAGE, []),
        "key_points": unit.key_points.get(DIGEST_LANGUAGE, []),
        "sections": unit.sections.get(DIGEST_LANGUAGE, {}),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]
