"""Each word of a reader's query without its inflection ending, before search looks for it.

Search finds each word of a query as the start of a word (Material's search, with lunr's stemmer
off), so a query finds every form that begins with what the reader typed, and no shorter one:
"improvements" missed each section that says "improvement", "reduced" each "reduce" and
"reduction", and in Swedish "värdeflödet" each "värdeflöde", "checklistor" each "checklista".
So the page's search worker stand-in (docs/assets/javascripts/search-stand-in.js) takes a common
ending off each word of the query first ("improvements" is searched as "improvement", "energin"
as "energi"). A shorter start only ever finds more: everything the whole word found, and the
word's other forms.

The endings are the index's setting (`QUERY_ENDINGS`, written by curriculum/searchindex.py): a
list of rules, each a pattern at the end of a word and what it becomes, the first that matches
deciding. A word keeps its ending if what would be left is shorter than `SHORTEST` letters
("uses", "målen"). The patterns are written so that JavaScript and Python read them alike
(groups and character classes, no lookbehind); `shortened` is what the stand-in does, and
tests/test_searchquery.py runs both on the same words.
"""

from __future__ import annotations

import re
from functools import cache

QUERY_ENDINGS = "query_endings"  # the index configuration's key for them
SHORTEST = 4
ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("ies", ""),  # companies: compan, as company
        ("(s|x|z|ch|sh)es", "$1"),  # processes, approaches
        ("([^siu'])s", "$1"),  # tools; not process, status, analysis, company's
        ("ing", ""),  # training: train, as trainer
        ("ed", ""),  # reduced: reduc, as reduce and reduction
    ),
    # Plural and definite endings of nouns, and the genitive and linking s ("företags").
    "sv": (
        ("(arnas|ernas|ornas|arna|erna|orna|ande|ende|ar|er|or|en|et|na|s)", ""),
        ("([aeiouyåäö])n", "$1"),  # energin: energi
    ),
}
# A query that uses lunr's own syntax (quotes, + - ~ ^ * and field:) is searched as typed, as
# the stand-in leaves its stop words too.
_SYNTAX = re.compile(r"[\"~^*:]|(^|\s)[+-]")


def query_endings(language: str) -> dict[str, object]:
    """The index setting for `language`: the shortest start a word keeps, and the rules."""
    return {"shortest": SHORTEST, "rules": [list(rule) for rule in ENDINGS[language]]}


def shortened(query: str, language: str) -> str:
    """The query with each word's ending off, as the stand-in sends it to the search worker."""
    if _SYNTAX.search(query):
        return query
    return " ".join(_word(word.lower(), language) for word in query.split())


def _word(word: str, language: str) -> str:
    for pattern, replacement in _rules(language):
        shorter, found = pattern.subn(replacement, word, count=1)
        if found:
            return shorter if len(shorter) >= SHORTEST else word
    return word


@cache
def _rules(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(f"(?:{pattern})$"), re.sub(r"\$(\d)", r"\\\1", replacement))
                 for pattern, replacement in ENDINGS[language])
