"""The self-assessment "Where do we stand?" (`data/self-assessment.yml`): areas, questions with
weighted answers, and rules that turn a low area score into modules to start with.

An area's score is the sum of its answers' weights over the most it could get, in percent. A rule
fires when its area scores below its threshold; the modules of the rules that fire, without
repeats and in the recommended reading order, are the first sequence. A rule naming a module
that does not exist fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from curriculum.model import Text
from curriculum.problems import Problem, did_you_mean
from curriculum.reader import FieldReader, open_data_file
from curriculum.yamlload import LineMapping

SELF_ASSESSMENT_FILE = "data/self-assessment.yml"
MIN_QUESTIONS, MAX_QUESTIONS = 12, 15


@dataclass(frozen=True)
class Area:
    id: str
    label: Text


@dataclass(frozen=True)
class Answer:
    text: Text
    weight: int


@dataclass(frozen=True)
class AssessmentQuestion:
    id: str
    area: str
    question: Text
    answers: tuple[Answer, ...]

    @property
    def most(self) -> int:
        return max(answer.weight for answer in self.answers)


@dataclass(frozen=True)
class Rule:
    area: str
    below: int  # percent
    modules: tuple[str, ...]
    because: Text


@dataclass(frozen=True)
class SelfAssessment:
    areas: tuple[Area, ...]
    questions: tuple[AssessmentQuestion, ...]
    rules: tuple[Rule, ...]
    always: tuple[str, ...]  # modules every sequence starts with


def load_self_assessment(root: Path, modules: set[str], problems: list[Problem]) -> SelfAssessment | None:
    opened = open_data_file(root, SELF_ASSESSMENT_FILE, {"areas", "questions", "rules", "always"}, problems)
    if opened is None:
        return None
    reader, data = opened
    areas: list[Area] = []
    seen: dict[str, int] = {}
    listed = reader.sequence(data, "areas", "areas")
    for index, item in enumerate(listed):
        entry = reader.mapping(item, listed.line_of(index), "areas")
        if entry is not None:
            reader.unknown_keys(entry, {"id", "label"}, "areas")
            area_id = reader.identifier(entry, "id", "areas.id")
            label = reader.text(entry, "label", "areas.label")
            if area_id and label:
                reader.unique(seen, area_id, entry.line_of("id"), "areas.id")
                areas.append(Area(area_id, label))
    area_ids = {area.id for area in areas}
    questions = _questions(reader, data, area_ids)
    rules = _rules(reader, data, area_ids, modules)
    always = reader.ids(data, "always", "always", required=False)
    for index, module in enumerate(always):
        if module not in modules:
            reader.fail(data["always"].line_of(index), "always", f"unknown module '{module}'{did_you_mean(module, modules)}")
    used = {question.area for question in questions}
    for area in areas:
        if area.id not in used:
            reader.fail(seen[area.id], "areas", f"area '{area.id}' has no question (add one, or remove the area)")
    return SelfAssessment(tuple(areas), tuple(questions), tuple(rules), always)


def _questions(reader: FieldReader, data: LineMapping, areas: set[str]) -> list[AssessmentQuestion]:
    listed = reader.sequence(data, "questions", "questions")
    if listed and not MIN_QUESTIONS <= len(listed) <= MAX_QUESTIONS:
        reader.fail(data.line_of("questions"), "questions", f"{len(listed)} questions; the self-assessment has {MIN_QUESTIONS} to {MAX_QUESTIONS}")
    questions: list[AssessmentQuestion] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(listed):
        entry = reader.mapping(item, listed.line_of(index), "questions")
        if entry is None:
            continue
        reader.unknown_keys(entry, {"id", "area", "question", "answers"}, "questions")
        question_id = reader.identifier(entry, "id", "questions.id")
        area = reader.string(entry, "area", "questions.area")
        if area and area not in areas:
            reader.fail(entry.line_of("area"), "questions.area", f"unknown area '{area}'{did_you_mean(area, areas)}")
            area = None
        text = reader.text(entry, "question", "questions.question")
        answers: list[Answer] = []
        options = reader.sequence(entry, "answers", "questions.answers")
        for number, option in enumerate(options):
            answer = reader.mapping(option, options.line_of(number), "questions.answers")
            if answer is None:
                continue
            reader.unknown_keys(answer, {"text", "weight"}, "questions.answers")
            weight = answer.get("weight")
            if not isinstance(weight, int) or isinstance(weight, bool) or weight < 0:
                reader.fail(answer.line_of("weight"), "questions.answers.weight", f"expected a whole number of 0 or more, found {weight!r}")
                weight = None
            answer_text = reader.text(answer, "text", "questions.answers.text")
            if weight is not None and answer_text:
                answers.append(Answer(answer_text, weight))
        if len(options) < 2:
            reader.fail(entry.line_of("answers"), "questions.answers", f"{len(options)} answers; give at least 2")
        elif answers and max(answer.weight for answer in answers) == 0:
            reader.fail(entry.line_of("answers"), "questions.answers", "every answer weighs 0; give the best answer a weight above 0")
        if question_id and area and text and len(answers) == len(options) >= 2:
            reader.unique(seen, question_id, entry.line_of("id"), "questions.id")
            questions.append(AssessmentQuestion(question_id, area, text, tuple(answers)))
    return questions


def _rules(reader: FieldReader, data: LineMapping, areas: set[str], modules: set[str]) -> list[Rule]:
    rules: list[Rule] = []
    listed = reader.sequence(data, "rules", "rules")
    for index, item in enumerate(listed):
        entry = reader.mapping(item, listed.line_of(index), "rules")
        if entry is None:
            continue
        reader.unknown_keys(entry, {"area", "below", "modules", "because"}, "rules")
        area = reader.string(entry, "area", "rules.area")
        if area and area not in areas:
            reader.fail(entry.line_of("area"), "rules.area", f"unknown area '{area}'{did_you_mean(area, areas)}")
            area = None
        below = entry.get("below")
        if not isinstance(below, int) or isinstance(below, bool) or not 1 <= below <= 100:
            reader.fail(entry.line_of("below"), "rules.below", f"expected a percentage from 1 to 100, found {below!r}")
            below = None
        named = reader.ids(entry, "modules", "rules.modules")
        for number, module in enumerate(named):
            if module not in modules:
                reader.fail(entry["modules"].line_of(number), "rules.modules",
                            f"unknown module '{module}'{did_you_mean(module, modules)} (name a module of the catalogue)")
        because = reader.text(entry, "because", "rules.because")
        if area and below and named and all(module in modules for module in named) and because:
            rules.append(Rule(area, below, named, because))
    return rules
