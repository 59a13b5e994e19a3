"""The EcoLeap Production curriculum: content model, validation and renderers.

The build (macros, hooks), the tests and the scripts all use this one model, so a
content rule lives in exactly one place.
"""

LANGUAGES: tuple[str, ...] = ("en", "sv")
DEFAULT_LANGUAGE = "en"
CURRICULUM_VERSION = "2026.1"
