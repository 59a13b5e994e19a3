"""A search index entry split in two: what a result shows, and every word search finds it by.

Material's search worker shows an entry's whole `text` in the result list unless the match is in
a paragraph of its own, and our entries are plain text (`searchindex.plain_text`): a result for a
long section was that section's every word, a wall of text on a phone. And lunr, in the reader's
browser, matches an entry by the set of its terms: the text split at Material's separator,
lower-cased, stop words dropped (Material's `pipeline`), each followed by a wildcard.

So an entry keeps the start of its text as `text`, which the result shows: its first sentence
(up to the first sentence end past `SENTENCE_AT_LEAST` characters, at most `TEASER_CHARACTERS`),
else the words that fit in `CUT_CHARACTERS`. The rest of its terms go once each, in a field of
their own, `words`, which the index configuration adds to lunr's fields and the result list never
shows. The terms an entry is found by are the same; a term's repeats no longer raise the entry's
score (lunr weighs them by BM25's term frequency, so at most 2.2 times a single mention). `words`
loses each word that starts a longer term of the entry (`without_prefixes`). In Swedish, the
page's search worker stand-in adds to it the last parts of compound words, which lunr's
start-of-term match missed (`with_compound_parts`, which it mirrors): they follow from the index,
so the index need not carry them (about 4 kB gzip of the Swedish one).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

# Languages that write compound words as one word: an entry there is also found by the last part
# of a compound ("vandring" finds "slöserivandring"), as a reader of a spaced language would find it.
COMPOUNDING = frozenset({"sv"})
# The index setting that tells the stand-in to add the parts: the shortest part that counts
# ("mitten" is not found in "committen").
COMPOUND_PART = "compound_part"
SHORTEST_PART = 4
# A teaser that ends where a sentence does reads as one, not as a broken-off line: the first
# sentence end past SENTENCE_AT_LEAST characters and by TEASER_CHARACTERS (four lines of a result on
# a phone 390 pixels wide, two on a computer: test_interactions.py). Where no sentence ends there,
# the words that fit in CUT_CHARACTERS (about three lines on the phone). Measured on the built
# site (2026-12-07): teasers average 130 characters, three in four end a sentence, and each
# index is 7 kB gzip smaller than with the last sentence end by 200 and a cut at 200 (156).
TEASER_CHARACTERS = 200
CUT_CHARACTERS = 160
SENTENCE_AT_LEAST = 60
# A sentence's end: ., ! or ? after a word of three letters or more, a word of two that is no
# common abbreviation ("varje år.", not "et al." or "ca."), a number of two digits or more, a digit
# after a word ("phase 1.") or a bracket, then a capital, a digit or an opening bracket (a citation
# after the sentence: "… och lager. (Kurdve et al. 2011; …)"). Not "e.g. Almi", "t.ex. Almi" or
# "ca. 40", which abbreviate, nor "[part no.] 1. Which", a numbered line.
_ABBREVIATED = "al|ca|dr|ed|ex|fl|jr|kl|mr|ms|no|nr|pp|st|vs"
_SENTENCE_END = re.compile(
    r"(?:(?<=[^\W\d_]{3}[.!?])|(?<=\d\d[.!?])|(?<=[^\W\d_]{2} \d[.!?])|(?<=\)[.!?])"
    rf"|(?<=\W[^\W\d_]{{2}}[.!?])(?<!(?i:{_ABBREVIATED})\.))"
    r"\s+(?=[^\W_a-zåäö]|\()")
WORDS_FIELD = "words"
ELLIPSIS = " …"
# Where lunr's stop word lists are, in the installed Material: English in the search worker (lunr
# itself), the other languages in lunr-languages' files.
_WORKER = "templates/assets/javascripts/workers"
_LANGUAGES = "templates/assets/javascripts/lunr/min"
_ENGLISH_STOP_WORDS = re.compile(r"generateStopWordFilter\(\[([^\]]*)\]\)")
_OTHER_STOP_WORDS = re.compile(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)')


def searchable(doc: dict[str, Any], separator: re.Pattern[str], stop_words: frozenset[str]) -> dict[str, Any]:
    """`doc` (its text already plain) with a teaser for `text` and its other terms in `words`."""
    text = doc["text"]
    if len(text) <= CUT_CHARACTERS:
        return doc
    # Up to the character after a space at TEASER_CHARACTERS, which tells if a sentence ends there.
    sentence = _SENTENCE_END.search(text, SENTENCE_AT_LEAST, TEASER_CHARACTERS + 2)
    cut = sentence.start() if sentence else text.rfind(" ", 0, CUT_CHARACTERS + 1)
    if cut <= 0:
        return doc  # one long word, which a cut would split into two other terms
    teaser = text[:cut]
    seen = set(terms(teaser, separator))
    words = []
    for term in terms(text[cut:], separator):
        if term not in seen and term not in stop_words:
            seen.add(term)
            words.append(term)
    return {**doc, "text": teaser + ELLIPSIS, WORDS_FIELD: " ".join(words)}


def with_compound_parts(docs: list[dict[str, Any]], separator: re.Pattern[str],
                        stop_words: frozenset[str], shortest: int = SHORTEST_PART) -> int:
    """Add to each entry's `words` the last parts of its compound words, in place; parts added.

    A compound splits where both sides are words of the index itself (the first side may end in
    the linking "s": "tryckluft-s-system"), all letters, neither a stop word and each of at least
    `shortest` letters. Lunr matches the start of a term, so the first part is found
    already; the others were not. The stand-in does the same (`withCompoundParts`)."""
    held = [entry_terms(doc, separator) for doc in docs]
    vocabulary = {term for found in held for term in found if term.isalpha()} - stop_words

    def word(part: str) -> bool:
        return part in vocabulary or (part.endswith("s") and part[:-1] in vocabulary)

    added = 0
    for doc, found in zip(docs, held, strict=True):
        parts = dict.fromkeys(
            term[cut:] for term in sorted(found) if term.isalpha()
            for cut in range(shortest, len(term) - shortest + 1)
            if term[cut:] in vocabulary and term[cut:] not in found and word(term[:cut]))
        if parts:
            doc[WORDS_FIELD] = " ".join(filter(None, (doc.get(WORDS_FIELD, ""), *parts)))
            added += len(parts)
    return added


def without_prefixes(docs: list[dict[str, Any]], separator: re.Pattern[str], stop_words: frozenset[str]) -> int:
    """Drop from each entry's `words`, in place, each word that is the start of another of its
    terms; words dropped. Search matches a query word as the start of a term, so the longer term
    finds the entry by every query the shorter one did ("tool" goes where "tools" stays). A stop
    word is no such term: lunr leaves it out of the index."""
    dropped = 0
    for doc in docs:
        if not doc.get(WORDS_FIELD):
            continue
        held = sorted(indexed_terms(doc, separator, stop_words))
        starts = {term for term, after in pairwise(held) if after.startswith(term)}
        words = doc[WORDS_FIELD].split()
        kept = [word for word in words if word not in starts]
        doc[WORDS_FIELD] = " ".join(kept)
        dropped += len(words) - len(kept)
    return dropped


def indexed_terms(doc: dict[str, Any], separator: re.Pattern[str], stop_words: frozenset[str]) -> set[str]:
    """The terms lunr indexes an entry by: its title's, text's and words', stop words aside."""
    return (entry_terms(doc, separator) | set(terms(doc["title"], separator))) - stop_words


def finds(held: set[str], word: str) -> bool:
    """Whether search finds an entry indexed by `held` by a query word: lunr matches it as the
    start of a term."""
    return any(term.startswith(word) for term in held)


def entry_terms(doc: dict[str, Any], separator: re.Pattern[str]) -> set[str]:
    """The terms an index entry is found by, before the stop words go: its text's and its words'."""
    return set(terms(doc["text"] + " " + doc.get(WORDS_FIELD, ""), separator))


def terms(text: str, separator: re.Pattern[str]) -> list[str]:
    """The text's tokens as Material's tokenizer makes them (before the pipeline)."""
    return [token.lower() for token in separator.split(text) if token]


@cache
def stop_words(language: str) -> frozenset[str]:
    """The words lunr's stop word filter drops in `language`, read from the installed Material,
    so the index leaves out exactly the words the reader's browser would drop."""
    folder = files("material")
    if language == "en":
        sources = [path for path in (folder / _WORKER).iterdir() if path.name.endswith(".min.js")]
        pattern = _ENGLISH_STOP_WORDS
    else:
        sources, pattern = [folder / _LANGUAGES / f"lunr.{language}.min.js"], _OTHER_STOP_WORDS
    for source in sources:
        found = pattern.search(source.read_text(encoding="utf-8")) if source.is_file() else None
        if found:
            quoted = found.group(1)
            return frozenset(re.findall(r'"([^"]*)"', quoted) if language == "en" else quoted.split(" "))
    raise LookupError(
        f"no lunr stop word list for {language!r} in {folder / (_WORKER if language == 'en' else _LANGUAGES)}: "
        "has Material's search changed? curriculum/searchentry.py reads it there")
