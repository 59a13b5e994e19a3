"""YAML loading that remembers line numbers, so every problem can name its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from curriculum.problems import Problem


class LineMapping(dict):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineSequence(list):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Lines:
    """What both loaders keep: the line offset of the text and the duplicate keys they met."""

    def __init__(self, stream: str, offset: int) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.offset = offset
        self.duplicates: list[tuple[int, str]] = []


class _LineLoader(_Lines, yaml.SafeLoader):
    """Pure Python: slow, but its error messages say what it found ("found '-'")."""


# libyaml's parser (PyYAML's C binding) reads the curriculum about ten times faster and keeps
# the same marks, so line numbers come out right. A file it rejects is read again by the pure
# Python loader for its clearer message.
class _FastLineLoader(_Lines, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Lines, node: yaml.MappingNode) -> LineMapping:
    loader.flatten_mapping(node)
    result = LineMapping()
    result.line = node.start_mark.line + 1 + loader.offset
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1 + loader.offset
        if key in result:
            loader.duplicates.append((key_line, str(key)))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_line
    return result


def _construct_sequence(loader: _Lines, node: yaml.SequenceNode) -> LineSequence:
    result = LineSequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1 + loader.offset
    result.item_lines = [child.start_mark.line + 1 + loader.offset for child in node.value]
    return result


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_yaml(text: str, path: str, offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text; `offset` is added to every line (front matter starts below `---`)."""
    fast = _FastLineLoader(text, offset)
    try:
        data = fast.get_single_data()
    except yaml.MarkedYAMLError as error:
        return _parse_slowly(text, path, offset, error)
    finally:
        fast.dispose()
    return data, _duplicate_problems(fast, path)


def _line(mark: yaml.Mark | None) -> int:
    return mark.line if mark else -1


_FLOW = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}


def _parse_slowly(text: str, path: str, offset: int, fast_error: yaml.MarkedYAMLError) -> tuple[Any, list[Problem]]:
    loader = _LineLoader(text, offset)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        if _line(error.problem_mark) < _line(fast_error.problem_mark):
            # The pure loader stopped on something libyaml reads (YAML 1.1 refuses `?` in an
            # unquoted text inside { }): the author's error is where libyaml stopped.
            error = fast_error
        if error.context == "while scanning a quoted scalar" and error.context_mark:
            # The end of the file is where the parser gave up, not where the author erred.
            line = error.context_mark.line + 1 + offset
            return None, [Problem(path, line, "yaml", "a quoted text starts here and is never closed (add the closing quote)")]
        if error.context in _FLOW and error.context_mark and error.problem_mark:
            # `topics: [a, b` runs on into the next lines; the author erred where the bracket opens.
            line, stopped = (mark.line + 1 + offset for mark in (error.context_mark, error.problem_mark))
            opening, closing = _FLOW[error.context]
            return None, [Problem(path, line, "yaml", f"the {opening} that starts here is not closed before line {stopped} "
                                                      f"(add the closing {closing}, or a comma between items)")]
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        slip = _typing_slip(text, mark.line if mark else 0)
        if slip:
            return None, [Problem(path, slip[0] + 1 + offset, "yaml", slip[1])]
        what = error.problem or "could not parse"
        hint = " (check the indentation, and quote text that contains ': ' or starts with a symbol)"
        return None, [Problem(path, line, "yaml", f"{what}{hint}")]
    finally:
        loader.dispose()
    return data, _duplicate_problems(loader, path)


_NBSP_AFTER_KEY = re.compile(r"^\s*(?:- )?[\w-]+:\u00a0")


def _typing_slip(text: str, stopped: int) -> tuple[int, str] | None:
    """Two slips the parser words obscurely, found on the line where it stopped or the one above
    (it may only notice at the next line): a tab in the indentation, and a non-breaking space
    (Option+Space on a Mac) after a key's colon. Line index 0-based, and the message."""
    lines = text.split("\n")
    for index in (stopped - 1, stopped):
        if not 0 <= index < len(lines):
            continue
        line = lines[index]
        if "\t" in line[: len(line) - len(line.lstrip())]:
            return index, "a tab in the indentation: YAML indents with spaces (replace the tab with spaces)"
        if _NBSP_AFTER_KEY.match(line):
            return index, "a non-breaking space after the colon (type an ordinary space after ':')"
    return None


def _duplicate_problems(loader: _Lines, path: str) -> list[Problem]:
    return [
        Problem(path, line, key, "duplicate key (the later value would silently win; remove one)")
        for line, key in loader.duplicates
    ]


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """A content file's text, or a problem naming the line of its first byte that is not UTF-8.
    A byte order mark (Windows editors write one) is dropped, as MkDocs drops it."""
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(shown_as, line, "file", "not UTF-8 (save the file as UTF-8)")]


def load_yaml_file(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    data, problems = parse_yaml(text, shown_as)
    if data is None and not problems:
        return None, [Problem(shown_as, 1, "file", "the file is empty (write its content, or delete the file)")]
    return data, problems
