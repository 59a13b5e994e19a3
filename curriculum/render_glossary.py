"""The glossary as Markdown abbreviations for Material's tooltips, made once per model and language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum.model import GlossaryTerm

if TYPE_CHECKING:
    from curriculum.model import Curriculum


class GlossaryRenderers:
    """Mixed into Renderer."""

    curriculum: Curriculum
    lang: str

    def glossary_abbreviations(self, text: str | None = None) -> str:
        """Markdown abbreviation definitions (`*[VSM]: …`) for Material's tooltips.

        Given the page text, only terms that occur in it: every definition costs the abbr
        extension a pass over the page, and most pages use few of the terms.
        """
        definitions = _abbreviations(self.curriculum.glossary, self.lang)
        return "\n".join(sorted(line for name, line in definitions if text is None or name in text))


# The glossary's definitions per language, made once per model rather than once per page: the
# language's last glossary (compared by identity) and its [(name, definition line)].
_abbreviation_cache: dict[str, tuple[dict[str, GlossaryTerm], list[tuple[str, str]]]] = {}


def _abbreviations(glossary: dict[str, GlossaryTerm], language: str) -> list[tuple[str, str]]:
    cached = _abbreviation_cache.get(language)
    if cached and cached[0] is glossary:
        return cached[1]
    definitions = []
    for term in (term for term in glossary.values() if term.tooltip):
        definition = " ".join(term.definition[language].split())
        for name in {term.abbr.get(language), term.term[language]} - {None}:
            definitions.append((name, f"*[{name}]: {definition}"))
    _abbreviation_cache[language] = (glossary, definitions)
    return definitions
