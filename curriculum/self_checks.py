"""Self-checks for coaches (`data/self-checks/<unit id>.yml`): three to six questions at the end
of each coach-training unit, with the right answer set, an explanation and the section to reread.

Each question is single choice (one right option), multiple choice (one or more right options) or
order (the options are written in the right order; the page shows them shuffled). The browser
checks the answers; a finished self-check is kept in the progress store as `selfcheck:<unit id>`.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from curriculum import LANGUAGES
from curriculum.model import Text
from curriculum.pagesource import PageSource
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader, open_data_file
from curriculum.yamlload import LineMapping

SELF_CHECK_FOLDER = "data/self-checks"
KINDS = ("single", "multiple", "order")
MIN_QUESTIONS, MAX_QUESTIONS = 3, 6
_QUESTION_FIELDS = {"id", "kind", "question", "options", "explanation", "reread"}


@dataclass(frozen=True)
class Option:
    id: str  # a, b, c … by position in the file
    text: Text
    right: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # single | multiple | order
    question: Text
    options: tuple[Option, ...]  # for order: in the right order
    explanation: Text
    reread: str  # H2 id of a section of the unit
    reread_title: Text = field(default_factory=dict)

    @property
    def answer(self) -> tuple[str, ...]:
        """The right option ids: the right ones, or for order all of them in order."""
        if self.kind == "order":
            return tuple(option.id for option in self.options)
        return tuple(option.id for option in self.options if option.right)

    def shown(self) -> tuple[Option, ...]:
        """The options as the page shows them: an order question never in its right order."""
        if self.kind != "order":
            return self.options
        options = list(self.options)
        shuffle = random.Random(self.id)
        while [option.id for option in options] == list(self.answer):
            shuffle.shuffle(options)
        return tuple(options)


@dataclass(frozen=True)
class SelfCheck:
    unit: str
    questions: tuple[Question, ...]

    def digest(self) -> str:
        """Changes when a question or its answer changes: stored with the record in the progress store."""
        content = [[question.id, question.kind, question.question["en"], list(question.answer)] for question in self.questions]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def load_self_checks(root: Path, units: set[str], pages: list[PageSource], problems: list[Problem]) -> dict[str, SelfCheck]:
    """Every self-check, checked against the units and their section ids."""
    folder = root / SELF_CHECK_FOLDER
    if not folder.is_dir():
        return {}
    titles = _section_titles(pages)
    result: dict[str, SelfCheck] = {}
    for path in sorted(folder.glob("*.y*ml")):
        relative = f"{SELF_CHECK_FOLDER}/{path.name}"
        made = _self_check(root, relative, units, titles, problems)
        if made:
            result[made.unit] = made
    return result


def check_self_check_use(self_checks: dict[str, SelfCheck], units: set[str], pages: list[PageSource], problems: list[Problem],
                         files: Collection[str] = ()) -> None:
    """Every unit has a self-check, and every unit page shows it with self_check(). A unit whose
    file is there (`files`: the names in data/self-checks/) but failed to load has its problem
    reported in that file, not here."""
    unit_pages = {page.meta.get("id"): page for page in pages
                  if page.meta and page.meta.get("kind") == "unit" and page.language == "en"}
    for unit_id in sorted(units):
        page = unit_pages.get(unit_id)
        if unit_id not in self_checks and unit_id not in files:
            FieldReader(page.path if page else SELF_CHECK_FOLDER, problems).fail(
                1, "self-check", f"unit '{unit_id}' has no self-check (add {SELF_CHECK_FOLDER}/{unit_id}.yml with 3 to 6 questions)")
    for page in pages:
        shows = any(call.name == "self_check" for call in page.macro_calls)
        if page.meta and page.meta.get("kind") == "unit" and page.meta.get("id") in self_checks and not shows:
            line = next((heading.line for heading in page.headings if heading.id == "key-points"), 1)
            FieldReader(page.path, problems).fail(
                line, "self-check", "the unit has a self-check but the page never shows it (add '## Self-check { #self-check }' with {{ self_check() }} after the key points)")


def _section_titles(pages: list[PageSource]) -> dict[tuple[str, str], dict[str, str]]:
    """(unit id, language) -> H2 id -> heading text."""
    titles: dict[tuple[str, str], dict[str, str]] = {}
    for page in pages:
        if page.meta and page.meta.get("kind") == "unit" and isinstance(page.meta.get("id"), str):
            titles[(page.meta["id"], page.language)] = {heading.id: heading.text for heading in page.headings if heading.level == 2}
    return titles


def _self_check(root: Path, relative: str, units: set[str], titles: dict[tuple[str, str], dict[str, str]],
                problems: list[Problem]) -> SelfCheck | None:
    opened = open_data_file(root, relative, {"unit", "questions"}, problems)
    if opened is None:
        return None
    reader, data = opened
    unit = reader.identifier(data, "unit", "unit")
    if unit and unit not in units:
        reader.fail(data.line_of("unit"), "unit", f"unknown unit '{unit}'{did_you_mean(unit, units)}")
        unit = None
    if unit and Path(relative).stem != unit:
        reader.fail(data.line_of("unit"), "unit", f"the file for unit '{unit}' must be named {unit}.yml")
    items = reader.sequence(data, "questions", "questions")
    if items and not MIN_QUESTIONS <= len(items) <= MAX_QUESTIONS:
        reader.fail(data.line_of("questions"), "questions", f"{len(items)} questions; a self-check has {MIN_QUESTIONS} to {MAX_QUESTIONS}")
    sections = {lang: titles.get((unit or "", lang), {}) for lang in LANGUAGES}
    questions = reader.entries(items, "questions", lambda entry: _question(reader, entry, sections), lambda question: question.id)
    if unit and questions and len(questions) == len(items):
        return SelfCheck(unit, tuple(questions))
    return None


def _question(reader: FieldReader, entry: LineMapping, sections: dict[str, dict[str, str]]) -> Question | None:
    reader.unknown_keys(entry, _QUESTION_FIELDS, "questions")
    question_id = reader.identifier(entry, "id", "questions.id")
    kind = reader.string(entry, "kind", "questions.kind")
    if kind and kind not in KINDS:
        reader.fail(entry.line_of("kind"), "questions.kind", f"unknown kind '{kind}'{did_you_mean(kind, KINDS)}; use single, multiple or order")
        kind = None
    text = reader.text(entry, "question", "questions.question")
    explanation = reader.text(entry, "explanation", "questions.explanation")
    options = []
    listed = reader.sequence(entry, "options", "questions.options")
    for index, item in enumerate(listed):
        option = reader.mapping(item, listed.line_of(index), "questions.options")
        if option is None:
            continue
        reader.unknown_keys(option, {"text", "right"}, "questions.options")
        right = option.get("right", False)
        if not isinstance(right, bool):
            reader.fail(option.line_of("right"), "questions.options.right", f"expected true or false, found {right!r}")
            right = False
        if right and kind == "order":
            reader.fail(option.line_of("right"), "questions.options.right", "an order question has no right option: write the options in the right order")
        options.append(Option("abcdefgh"[index] if index < 8 else str(index), reader.text(option, "text", "questions.options.text"), right))
    line = entry.line_of("options")
    if len(options) < (3 if kind == "order" else 2) or len(options) > 8:
        reader.fail(line, "questions.options", f"{len(options)} options; give {'3' if kind == 'order' else '2'} to 8")
    right_count = sum(option.right for option in options)
    if kind == "single" and right_count != 1:
        reader.fail(line, "questions.options", f"a single-choice question needs exactly one option with 'right: true', found {right_count}")
    if kind == "multiple" and not 1 <= right_count < len(options):
        reader.fail(line, "questions.options", f"a multiple-choice question needs at least one right and one wrong option, found {right_count} right of {len(options)}")
    reread = reader.string(entry, "reread", "questions.reread")
    if reread and sections["en"] and reread not in sections["en"]:
        reader.fail(entry.line_of("reread"), "questions.reread", f"the unit has no section '{reread}'{did_you_mean(reread, sections['en'])} (give the id of one of its H2 headings)")
        reread = None
    if question_id and kind and text and explanation and reread and options and not any(not option.text for option in options):
        return Question(question_id, kind, text, tuple(options), explanation, reread,
                        {lang: sections[lang].get(reread, reread) for lang in LANGUAGES})
    return None
