"""Reading a Markdown page: YAML front matter with the line of every field, and the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

_FENCE = re.compile(r"^---[ \t]*$")


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as strings, so an impossible date becomes a message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def load_yaml(text: str) -> tuple[object, dict[str, int]]:
    """Parse YAML, returning the data and the 1-based line of each top-level key (offset 0)."""
    node = yaml.compose(text, Loader=_Loader)
    data = yaml.load(text, Loader=_Loader) if node is not None else None
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            lines[key] = key_node.start_mark.line + 1
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    lines[f"{key}.{i}"] = item.start_mark.line + 1
            elif isinstance(value_node, yaml.MappingNode):
                for sub_key, _ in value_node.value:
                    lines[f"{key}.{sub_key.value}"] = sub_key.start_mark.line + 1
    return data, lines


def parse(text: str) -> Document:
    """Split front matter from the body. Raises FrontMatterError for what an editor must fix."""
    if text.startswith("\ufeff"):
        text = text[1:]
    all_lines = text.splitlines()
    if not all_lines or not _FENCE.match(all_lines[0]):
        raise FrontMatterError(
            1,
            "нет блока свойств страницы: первая строка файла должна быть «---», "
            "затем поля (title: ...), затем снова «---»",
            "no front matter: the first line must be '---', then the fields "
            "(title: ...), then '---' again",
        )
    for end, line in enumerate(all_lines[1:], start=1):
        if _FENCE.match(line):
            break
    else:
        raise FrontMatterError(
            1,
            "блок свойств не закрыт: после полей добавьте строку «---»",
            "the front matter is not closed: add a line '---' after the fields",
        )
    yaml_text = "\n".join(all_lines[1:end])
    try:
        data, lines = load_yaml(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(
            line,
            f"ошибка в записи свойств (YAML): {problem}; проверьте двоеточия, отступы и кавычки "
            "(текст с двоеточием заключите в кавычки)",
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
