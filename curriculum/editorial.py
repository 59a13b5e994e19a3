"""Editorial rules that look across pages: Swedish terms, admonition titles on Swedish pages,
the order of module sequences, and the contributors' guide documenting every macro.

Each check collects `path:line` problems; none raises.
"""

from __future__ import annotations

import re
from pathlib import Path

from curriculum.model import Module, SwedishTerm
from curriculum.pagesource import FENCE, PageSource, split_front_matter
from curriculum.problems import Problem
from curriculum.reader import FieldReader
from curriculum.schema import MACROS
from curriculum.yamlload import LineMapping, LineSequence, load_yaml_file

TERMS_FILE = "data/terms.yml"
GUIDE = "docs/about/contributing"

# -- Swedish terms -------------------------------------------------------------------------


def load_terms(root: Path, problems: list[Problem]) -> list[SwedishTerm]:
    """The term list: chosen Swedish term, the variants it replaces, and why."""
    path = root / TERMS_FILE
    if not path.exists():
        return []
    data, found = load_yaml_file(path, TERMS_FILE)
    problems += found
    reader = FieldReader(TERMS_FILE, problems)
    mapping = reader.mapping(data, 1, "file") if data is not None else None
    if mapping is None:
        return []
    terms: list[SwedishTerm] = []
    items = reader.sequence(mapping, "terms", "terms")
    for index, item in enumerate(items):
        entry = reader.mapping(item, items.line_of(index), f"terms[{index}]")
        if entry is None:
            continue
        reader.unknown_keys(entry, {"english", "chosen", "rejected", "why"}, "terms")
        english = reader.string(entry, "english", "terms.english")
        chosen = reader.string(entry, "chosen", "terms.chosen")
        rejected = reader.sequence(entry, "rejected", "terms.rejected")
        why = reader.text(entry, "why", "terms.why")
        words = tuple(str(word).strip() for word in rejected if str(word).strip())
        if not words and isinstance(entry.get("rejected"), list):  # not a list: reported as such
            reader.fail(entry.line_of("rejected"), "terms.rejected", "list at least one rejected variant")
        if english and chosen and words and why:
            terms.append(SwedishTerm(english, chosen, words, why, line=entry.line))
    return terms


def _pattern(word: str) -> re.Pattern[str]:
    # From the start of a word, with any ending: "kursplan" also finds "kursplanens".
    return re.compile(r"(?<![\w])" + re.escape(word), re.IGNORECASE)


def swedish_data_texts(root: Path) -> list[tuple[str, int, str]]:
    """Every `sv:` text of the data files, with its file and line. Read once for the checks that
    need them: parsing the data again for each check costs the build."""
    found: list[tuple[str, int, str]] = []
    for data_file in sorted((root / "data").rglob("*.y*ml")):
        relative = data_file.relative_to(root).as_posix()
        data, _ = load_yaml_file(data_file, relative)  # parse problems are reported by the loaders
        found += [(relative, line, text) for line, text in swedish_texts(data)]
    return found


def check_swedish_terms(root: Path, terms: list[SwedishTerm], problems: list[Problem],
                        data_texts: list[tuple[str, int, str]]) -> None:
    """A rejected variant in a Swedish page or a Swedish data text fails, naming the chosen term."""
    rules = [(_pattern(word), word, term) for term in terms for word in term.rejected]
    if not rules:
        return
    # A line without any rejected word as a substring (compared case-folded, which is at least as
    # loose as the patterns' IGNORECASE) needs no pattern: most lines are skipped at C speed.
    folded = [word.casefold() for _, word, _ in rules]

    def scan(path: str, line: int, text: str) -> None:
        lowered = text.casefold()
        if not any(word in lowered for word in folded):
            return
        for pattern, word, term in rules:
            if pattern.search(text):
                problems.append(Problem(path, line, "term", f"'{word}' is a rejected Swedish term; write '{term.chosen}' ({term.why['en']})"))

    for page in sorted((root / "docs").rglob("*.sv.md")):
        relative = f"docs/{page.relative_to(root / 'docs').as_posix()}"
        for number, text in enumerate(_lines(page), 1):
            scan(relative, number, text)
    for relative, line, text in data_texts:
        if relative != TERMS_FILE:  # the term list names the rejected variants
            scan(relative, line, text)


def swedish_texts(node: object) -> list[tuple[int, str]]:
    """Every `sv:` text in a data file, with its line."""
    found: list[tuple[int, str]] = []
    if isinstance(node, LineMapping):
        for key, value in node.items():
            if key == "sv" and isinstance(value, str):
                found.append((node.line_of("sv"), value))
            else:
                found += swedish_texts(value)
    elif isinstance(node, LineSequence | list):
        for value in node:
            found += swedish_texts(value)
    return found


# -- admonitions -------------------------------------------------------------------------------

_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)((?:\s+[\w-]+)*)\s*(?:"([^"]*)")?\s*$')
# Material's default title is the type name in English; these are what a Swedish page says instead.
SWEDISH_TITLES = {
    "note": "Obs", "abstract": "Sammanfattning", "info": "Information", "tip": "Tips",
    "success": "Förslag på svar", "question": "Frågor att ställa", "warning": "Varning",
    "failure": "Misslyckat", "danger": "Fara", "bug": "Fel", "example": "Exempel", "quote": "Citat",
}
ENGLISH_TITLES = frozenset(title.title() for title in SWEDISH_TITLES) | {"Example (illustrative)", "Model answer"}


_CONTENT_TAB = re.compile(r'^\s*===[+!]*\s+"[^"]*"\s*$')  # pymdownx.tabbed, which indents the same way


def check_admonitions(root: Path, problems: list[Problem]) -> None:
    """Every admonition (and content tab) has its text indented below it: text that is not shows
    as a paragraph after an empty box, and Markdown says nothing. On a Swedish page, every
    admonition has a title of its own, not Material's English default."""
    for page in sorted((root / "docs").rglob("*.md")):
        relative = f"docs/{page.relative_to(root / 'docs').as_posix()}"
        swedish_page = page.name.endswith(".sv.md")
        lines, in_fence = _lines(page), False
        for number, text in enumerate(lines, 1):
            if FENCE.match(text):
                in_fence = not in_fence
                continue
            admonition = None if in_fence else _ADMONITION.match(text)
            if not admonition and (in_fence or not _CONTENT_TAB.match(text)):
                continue
            marker = text.strip().split()[0]
            indent = len(text) - len(text.lstrip())
            body = next((line for line in lines[number:] if line.strip()), "")
            if len(body) - len(body.lstrip()) <= indent:
                problems.append(Problem(relative, number, "admonition", f"'{marker}' has no text below it (indent its text "
                                                                        f"{indent + 4} spaces, on the lines after it)"))
            if admonition and swedish_page:
                _check_swedish_title(relative, number, marker, admonition, problems)


def _check_swedish_title(relative: str, number: int, marker: str, admonition: re.Match[str], problems: list[Problem]) -> None:
    kind, title = admonition.group(1), admonition.group(3)
    swedish = SWEDISH_TITLES.get(kind, "…")
    if title is None:
        problems.append(Problem(relative, number, "admonition", f"'{marker} {kind}' has no title, so a Swedish reader sees Material's English '{kind.title()}' (give it a Swedish title: {marker} {kind} \"{swedish}\")"))
    elif title.strip() in ENGLISH_TITLES:
        problems.append(Problem(relative, number, "admonition", f"the title '{title}' is English on a Swedish page (write for example \"{swedish}\")"))


# -- sequences -----------------------------------------------------------------------------

_ITEM_START = re.compile(r"^\s*(?:[-*+]|\d+\.)\s|^\s*$|^\s*[#|]")
_NUMBERED = re.compile(r"^\s*\d+\.\s")
_MODULE_LINK = re.compile(r"""module_link\(\s*["']([\w-]+)["']\s*\)""")


def _items(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group a section's lines into list items and paragraphs."""
    items: list[list[tuple[int, str]]] = []
    for number, text in lines:
        if _ITEM_START.match(text) or not items:
            items.append([])
        items[-1].append((number, text))
    return [item for item in items if any(text.strip() for _, text in item)]


def _links(item: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(number, match.group(1)) for number, text in item for match in _MODULE_LINK.finditer(text)]


def sequences(page: PageSource) -> list[tuple[str, list[tuple[int, str]]]]:
    """The module orders a page states: a list item or paragraph of module links joined by '→'
    (a sequence), and on a program page the numbered list of its 'modules' section (a program
    order). Each is a list of (line, module id)."""
    found: list[tuple[str, list[tuple[int, str]]]] = []
    for section_id, lines in page.sections.items():
        items = _items(lines)
        for item in items:
            links = _links(item)
            if len(links) > 1 and any("→" in text for _, text in item):
                found.append(("sequence", links))
        if page.path.startswith("docs/programs/") and section_id == "modules":
            order = [links[0] for item in items if _NUMBERED.match(item[0][1]) and (links := _links(item))]
            if len(order) > 1:
                found.append(("program order", order))
    return found


def check_sequences(pages: list[PageSource], modules: dict[str, Module], problems: list[Problem]) -> None:
    """A sequence or program order that puts a module before one it builds on fails."""

    def builds_on(module_id: str, seen: set[str]) -> set[str]:
        for prerequisite in modules[module_id].prerequisites if module_id in modules else ():
            if prerequisite not in seen:
                seen.add(prerequisite)
                builds_on(prerequisite, seen)
        return seen

    for page in pages:
        for what, order in sequences(page):
            for index, (line, module_id) in enumerate(order):
                earlier = builds_on(module_id, set())
                for _, later in order[index + 1:]:
                    if later in earlier:
                        problems.append(Problem(page.path, line, what, f"'{module_id}' comes before '{later}', which it builds on (put '{later}' first, or correct the prerequisites in docs/modules/{module_id}.md)"))


# -- the contributors' guide ---------------------------------------------------------------


def check_guide_macros(root: Path, problems: list[Problem]) -> None:
    """The contributors' guide, in each language, documents every macro the site offers."""
    for suffix in (".md", ".sv.md"):
        relative = f"{GUIDE}{suffix}"
        path = root / relative
        if not path.exists():
            continue
        text = "\n".join(_lines(path))
        if not text:  # not UTF-8: reported by the page reader
            continue
        _, body, start = split_front_matter(text)
        heading = next((start + i for i, line in enumerate(body) if line.startswith("## ") and "#macros" in line), 1)
        for name in MACROS:
            if not re.search(r"\b" + re.escape(name) + r"\(", text):
                problems.append(Problem(relative, heading, "macros", f"macro '{name}' is not documented (show how to call {name}(…) and what it renders)"))


def _lines(path: Path) -> list[str]:
    """A file's lines; none for a file that is not UTF-8, which the page reader reports itself."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return []
