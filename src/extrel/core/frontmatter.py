"""Reading a Markdown page: YAML front matter with the line of every field, and the body."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml

_FENCE = re.compile(r"^---[ \t]*$")


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as strings: an impossible date becomes a message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FAST: Any = None
if getattr(yaml, "CSafeLoader", None) is not None:  # PyYAML built with libyaml: ~10× faster

    class _CLoader(yaml.CSafeLoader):
        """The same loader on libyaml."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FAST = _CLoader

_FAST_MAX_BRACKETS = 100
"""libyaml composes nested ``[[[...]]]`` recursively in C and crashes on deep enough
nesting; text with more brackets than this goes to the pure Python loader, which stops at
Python's recursion limit instead."""


class FrontMatterError(Exception):
    def __init__(self, line: int | None, ru: str, en: str) -> None:
        super().__init__(en)
        self.line = line
        self.ru = ru
        self.en = en


@dataclass
class Document:
    meta: dict[str, object]
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    """Line (1-based, in the file) of each top-level field, and of list items as ``field.N``."""
    body_line: int = 1


class AliasError(yaml.YAMLError):
    """Anchors and aliases (``&x``, ``*x``): never needed in front matter, and a way to make a
    few lines expand into millions of values."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__("aliases")
        self.problem_mark = mark
        self.problem = "anchors and aliases ('&…', '*…') are not supported; write the value out"
        self.problem_ru = "ссылки «&…» и «*…» не поддерживаются; запишите значение полностью"


def load_yaml(text: str) -> tuple[object, dict[str, int]]:
    """Parse YAML, returning the data and the 1-based line of each top-level key (offset 0).

    Raises ``yaml.YAMLError`` (``AliasError`` for anchors and aliases) and ``RecursionError``
    for absurdly deep nesting."""
    few = text.count("[") + text.count("{") <= _FAST_MAX_BRACKETS
    loader = _FAST(text) if _FAST is not None and few else _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        _no_aliases(node, set())
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            # the same few field names on every page: one string each (a national check
            # holds the line numbers of hundreds of thousands of pages)
            key = sys.intern(str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    lines[sys.intern(f"{key}.{i}")] = item.start_mark.line + 1
                    if isinstance(item, yaml.MappingNode):
                        for sub_key, _ in item.value:
                            name = sys.intern(f"{key}.{i}.{sub_key.value}")
                            lines[name] = sub_key.start_mark.line + 1
            elif isinstance(value_node, yaml.MappingNode):
                for sub_key, _ in value_node.value:
                    lines[sys.intern(f"{key}.{sub_key.value}")] = sub_key.start_mark.line + 1
    return data, lines


def _no_aliases(node: yaml.Node, seen: set[int], where: yaml.Mark | None = None) -> None:
    """A node reached twice was written once with ``&`` and repeated with ``*`` (``where``: the
    key the repetition stands under, for its line)."""
    if id(node) in seen:
        raise AliasError(where or node.start_mark)
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _no_aliases(item, seen, where)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _no_aliases(key, seen, key.start_mark)
            _no_aliases(value, seen, key.start_mark)


def error_line(exc: BaseException, text: str) -> int | None:
    """The 1-based line of ``text`` to show for a YAML error: where an unclosed bracket or
    quote began, else where the parser stopped, never past the text's last line."""
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    return min(mark.line, text.count("\n")) + 1


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse(text: str) -> Document:
    """Split front matter from the body. Raises FrontMatterError for what an editor must fix."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # only the line breaks editors' editors count (not form feeds or U+2028)
    all_lines = _LINE_BREAK.split(text)
    if all_lines and all_lines[-1] == "":
        all_lines.pop()
    if not all_lines or not _FENCE.match(all_lines[0]):
        raise FrontMatterError(
            1,
            "нет блока свойств страницы: первая строка файла должна быть «---», "
            "затем поля (title: ...), затем снова «---»",
            "no front matter: the first line must be '---', then the fields "
            "(title: ...), then '---' again",
        )
    end = next((i for i, line in enumerate(all_lines) if i and _FENCE.match(line)), None)
    if end is None:
        raise FrontMatterError(
            1,
            "блок свойств не закрыт: после полей добавьте строку «---»",
            "the front matter is not closed: add a line '---' after the fields",
        )
    yaml_text = "\n".join(all_lines[1:end])
    try:
        data, lines = load_yaml(yaml_text)
    except RecursionError:
        raise FrontMatterError(
            2,
            "слишком глубокая вложенность в блоке свойств; запишите поля проще",
            "the front matter is nested too deeply; write the fields more simply",
        ) from None
    except yaml.YAMLError as exc:
        found = error_line(exc, yaml_text)
        line = found + 1 if found is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        if isinstance(exc, AliasError):
            raise FrontMatterError(
                line,
                f"ошибка в записи свойств (YAML): {exc.problem_ru}",
                f"invalid YAML in the front matter: {problem}",
            ) from None
        raise FrontMatterError(
            line,
            f"ошибка в записи свойств (YAML): {problem}; проверьте двоеточия, отступы и "
            "кавычки (текст с двоеточием заключите в кавычки)",
            f"invalid YAML in the front matter: {problem}; check colons, indentation and quotes "
            "(quote a text that contains a colon)",
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            2,
            "свойства страницы должны быть записаны как «поле: значение», по одному на строке",
            "the front matter must be 'field: value' pairs, one per line",
        )
    body = "\n".join(all_lines[end + 1 :])
    return Document(
        meta={str(k): v for k, v in data.items()},
        body=body,
        lines={k: v + 1 for k, v in lines.items()},
        body_line=end + 2,
    )
