"""Reading a Markdown page: YAML front matter with the line of every field, and the body.

One reading for everyone: the front matter is split from the body with MkDocs' own pattern
(``MKDOCS_YAML_RE``, a copy of ``mkdocs.utils.meta.YAML_RE``: core never imports MkDocs), and
the YAML is read strictly (``load_yaml``): whatever two YAML readers could read differently —
tags, anchors, document markers, impossible numbers and dates, control characters, deep
nesting — is refused with its line, so that what MkDocs renders is what extrel validated.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import Resolver

MKDOCS_YAML_RE = re.compile(
    r'^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n', re.UNICODE | re.DOTALL
)
"""MkDocs' split of front matter from the body (``mkdocs.utils.meta.YAML_RE``, 1.6); a test
asserts it is still MkDocs' own."""

MAX_DEPTH = 8
"""Nesting of lists and mappings in front matter or a registry entry (the schemas need 3)."""

MAX_NUMBER_CHARS = 40
"""A number written with more characters than this is refused (Python's int() stops at
4,300 digits with an error; nothing in the schemas needs more than a year)."""

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters no text may hold: C0 controls except tab and line feed, DEL, C1 controls and
the bidirectional overrides and isolates, which make a text read differently than it is."""

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TIMESTAMP_RE = next(rx for tag, rx in Resolver.yaml_implicit_resolvers["2"]
                     if tag == _TIMESTAMP)


def control_char(text: str) -> str | None:
    """The first forbidden control character of ``text``, as ``U+XXXX``, or None."""
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


class StrictError(yaml.MarkedYAMLError):
    """What the strict reading refuses, with its mark and both languages' texts."""

    def __init__(self, mark: Any, en: str, ru: str) -> None:
        super().__init__(problem=en, problem_mark=mark)
        self.problem_ru = ru


class AliasError(StrictError):
    """Anchors and aliases (``&x``, ``*x``): never needed in front matter, and a way to make a
    few lines expand into millions of values."""

    def __init__(self, mark: Any) -> None:
        super().__init__(
            mark, "anchors and aliases ('&…', '*…') are not supported; write the value out",
            "ссылки «&…» и «*…» не поддерживаются; запишите значение полностью")


class DateError(StrictError):
    """A plain ``2026-02-30``: MkDocs' YAML reader fails on it, so it is refused here."""

    def __init__(self, mark: Any, key: str, value: str) -> None:
        super().__init__(
            mark, f"field '{key}': «{value}» is not a real date; use YYYY-MM-DD, for example "
            "2026-11-17",
            f"поле «{key}»: дата «{value}» не существует или записана неверно; формат "
            "ГГГГ-ММ-ДД, например 2026-11-17")


_C: Any
try:  # PyYAML built with libyaml: its parser is ~10× faster
    from yaml._yaml import CParser as _C
except ImportError:  # pragma: no cover
    _C = None
_PARSING: tuple[Any, ...] = (_C,) if _C is not None else (
    yaml.parser.Parser, yaml.reader.Reader, yaml.scanner.Scanner)


class _StrictLoader(Composer, *_PARSING, SafeConstructor, Resolver):  # type: ignore[misc]
    """libyaml's parser (when PyYAML has it), composed in Python with every refusal checked
    as the events come: nothing deep is ever composed, nothing tagged ever constructed."""

    def __init__(self, text: str) -> None:
        if _C is not None:
            _C.__init__(self, text)
        else:
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.depth = 0
        self.key = ""
        self.anchor: Any = None
        self.dates: list[DateError] | None = None
        """Where impossible dates are collected (a page goes on to its other fields); None:
        the first one is raised."""

    def bad_date(self, error: DateError) -> None:
        if self.dates is None:
            raise error
        self.dates.append(error)

    def compose_document(self) -> Node | None:
        start = self.get_event()
        if start.explicit or getattr(start, "version", None) or getattr(start, "tags", None):
            raise StrictError(start.start_mark,
                              "a '---' or '%' line inside the front matter starts another "
                              "YAML document; remove it",
                              "строка «---» или «%…» внутри блока свойств начинает новый "
                              "документ YAML; удалите её")
        node = self.compose_node(None, None)
        if self.anchor is not None:
            raise AliasError(self.anchor)
        end = self.get_event()
        if end.explicit:
            raise StrictError(end.start_mark,
                              "the end marker '...' is not allowed; close the front matter "
                              "with '---'",
                              "знак конца документа «...» не допускается; закройте блок "
                              "свойств строкой «---»")
        return node

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise AliasError(event.start_mark)
        if getattr(event, "anchor", None) is not None and self.anchor is None:
            self.anchor = event.start_mark  # refused at the end, or at its first repetition
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!")[:40]
            raise StrictError(event.start_mark,
                              f"the YAML tag '{tag}' is not allowed; write the value as plain "
                              "text",
                              f"пометка типа YAML «{tag}» не допускается; запишите значение "
                              "обычным текстом")
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise StrictError(event.start_mark,
                                  f"nested too deeply (more than {MAX_DEPTH} levels)",
                                  f"слишком глубокая вложенность (больше {MAX_DEPTH} уровней)")
            node = super().compose_node(parent, index)
            self.depth -= 1
            return node
        return super().compose_node(parent, index)

    def compose_mapping_node(self, anchor: Any) -> MappingNode:
        start = self.get_event()
        node = MappingNode(self.resolve(MappingNode, None, start.implicit), [],
                           start.start_mark, None, flow_style=start.flow_style)
        outer = self.key
        while not self.check_event(MappingEndEvent):
            key = self.compose_node(node, None)
            name = str(key.value) if isinstance(key, ScalarNode) else "?"
            self.key = f"{outer}.{name}" if outer else name
            value = self.compose_node(node, key)
            node.value.append((key, value))
        self.key = outer
        node.end_mark = self.get_event().end_mark
        return node

    def compose_scalar_node(self, anchor: Any) -> ScalarNode:
        event = self.get_event()
        value = event.value
        found = control_char(value)
        if found:
            raise StrictError(event.start_mark,
                              f"the text holds the invisible control character {found}; "
                              "retype the text without it",
                              f"в тексте невидимый управляющий символ {found}; наберите текст "
                              "заново без него")
        plain = event.implicit[0]  # unquoted (tags are refused before)
        node = ScalarNode(self.resolve(ScalarNode, value, event.implicit), value,
                          event.start_mark, event.end_mark, style=event.style)
        if not plain:
            return node
        if node.tag == "tag:yaml.org,2002:str":
            if _TIMESTAMP_RE.match(value):
                try:
                    self.construct_yaml_timestamp(node)
                except (ValueError, OverflowError, AttributeError):  # AttributeError: no match
                    self.bad_date(DateError(event.start_mark, self.key, value))
            return node
        if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            try:
                if len(value) > MAX_NUMBER_CHARS:
                    raise ValueError(value)
                self.yaml_constructors[node.tag](self, node)
            except (ValueError, OverflowError):
                raise StrictError(event.start_mark,
                                  f"'{value[:30]}' is not a number YAML can read; write the "
                                  "number plainly, or put the text in quotes",
                                  f"«{value[:30]}» — не число, которое может прочитать YAML; "
                                  "запишите число обычными цифрами или возьмите текст в "
                                  "кавычки") from None
        return node


# dates stay strings: an impossible date becomes a message about its field, not a crash
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for key, resolvers in Resolver.yaml_implicit_resolvers.items()
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
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    """What the page must still be refused for, found beside its readable fields (impossible
    dates MkDocs' YAML reader would fail on): line, Russian, English."""
    """Line (1-based, in the file) of each top-level field, and of list items as ``field.N``."""
    body_line: int = 1


def load_yaml(text: str, dates: list[DateError] | None = None
              ) -> tuple[object, dict[str, int]]:
    """Parse YAML strictly, returning the data and the 1-based line of each top-level key
    (offset 0). Raises ``yaml.YAMLError`` only (``StrictError`` for what is refused);
    impossible dates go to ``dates`` when it is given."""
    loader = _StrictLoader(text)
    loader.dates = dates
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
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


def error_line(exc: BaseException, text: str) -> int | None:
    """The 1-based line of ``text`` to show for a YAML error: where an unclosed bracket or
    quote began, else where the parser stopped, never past the text's last line."""
    mark = _mark(exc)
    if mark is None:
        return None
    return min(mark.line, text.count("\n")) + 1


_YAML_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    # (a piece of PyYAML's / libyaml's problem, Russian, English): what the editor did
    ("mapping values are not allowed",
     "двоеточие внутри значения: заключите значение в кавычки (title: \"Текст: с двоеточием\") "
     "или проверьте отступ строки — поле не может начинаться с пробела",
     "a colon inside a value: put the value in quotes (title: \"Text: with a colon\"), or "
     "check the line's indentation — a field must not start with a space"),
    ("unexpected end of stream",
     "не закрыта кавычка: поставьте такую же кавычку в конце значения",
     "a quote is not closed: put the same quote at the end of the value"),
    ("expected ',' or ']'",
     "не закрыта квадратная скобка списка: допишите «]» в конце или заключите значение в кавычки",
     "a list's square bracket is not closed: add ']' at the end, or quote the value"),
    ("expected ',' or '}'",
     "не закрыта фигурная скобка: допишите «}» в конце или заключите значение в кавычки",
     "a curly bracket is not closed: add '}' at the end, or quote the value"),
    ("expected '-' indicator",
     "после списка («- …») идёт строка с другим отступом: выровняйте строки списка или "
     "начните новое поле с начала строки",
     "a line after a list ('- …') has another indentation: align the list's lines, or start "
     "the next field at the beginning of the line"),
    ("did not find expected key",
     "неровный отступ: строки одного уровня должны начинаться с одинакового числа пробелов",
     "uneven indentation: lines of one level must start with the same number of spaces"),
    ("could not find expected ':'",
     "строка без двоеточия: запишите её как «поле: значение» или продолжите предыдущее "
     "значение с отступом",
     "a line without a colon: write it as 'field: value', or indent it to continue the "
     "previous value"),
    ("unknown escape character",
     "обратная косая черта «\\» в кавычках \"…\": удвойте её («\\\\») или используйте "
     "одинарные кавычки",
     "a backslash '\\' inside \"…\" quotes: double it ('\\\\') or use single quotes"),
    ("another document",
     "лишняя строка «---» внутри свойств: уберите её (блок свойств — между первыми двумя «---»)",
     "an extra '---' line inside the front matter: remove it (the front matter lies between "
     "the first two '---')"),
)


def _mark(exc: BaseException) -> Any:
    """Where to point: where an unclosed bracket or quote began, else where the parser
    stopped; a tab is shown where it stands."""
    problem = getattr(exc, "problem_mark", None)
    if "tab character" in str(getattr(exc, "problem", "")):
        return problem
    return getattr(exc, "context_mark", None) or problem


def yaml_messages(exc: yaml.YAMLError, text: str | None = None) -> tuple[str, str]:
    """The Russian and English words for what is wrong in a YAML text: what the editor did
    and how to fix it, with the column (PyYAML's own words stay in the English one)."""
    en = str(getattr(exc, "problem", None) or exc)
    if isinstance(exc, StrictError):
        return exc.problem_ru, en
    if "nesting depth" in en:  # libyaml's own limit, met before ours in a single flow line
        return (f"слишком глубокая вложенность (больше {MAX_DEPTH} уровней)",
                f"nested too deeply (more than {MAX_DEPTH} levels)")
    mark = _mark(exc)  # the same place as ``error_line``
    column = mark.column + 1 if mark is not None else None
    where_ru = f" (столбец {column})" if column else ""
    where_en = f" (column {column})" if column else ""
    if "tab character" in en:
        return ("знак табуляции в отступе" + where_ru + ": делайте отступы пробелами",
                "a tab character in the indentation" + where_en + ": indent with spaces")
    if "cannot start any token" in en:
        char = _char_at(text, getattr(exc, "problem_mark", None))
        if char == "\t":
            return ("знак табуляции в начале строки" + where_ru + ": делайте отступы пробелами",
                    "a tab character" + where_en + ": indent with spaces")
        shown = f"«{char}»" if char else "этого знака"
        return (f"значение не может начинаться с {shown}{where_ru}: заключите значение в "
                "кавычки", f"a value cannot start with '{char or '?'}'{where_en}: put it in "
                "quotes")
    for piece, ru, en_words in _YAML_PROBLEMS:
        if piece in en:
            return ru + where_ru, f"{en_words}{where_en} [{en}]"
    return (f"неверная запись{where_ru}; проверьте двоеточия, отступы и кавычки (текст с "
            "двоеточием заключите в кавычки)",
            f"{en}{where_en}; check colons, indentation and quotes (quote a text that contains "
            "a colon)")


def _char_at(text: str | None, mark: Any) -> str:
    if text is None or mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


_NO_FRONT_MATTER = (
    "нет блока свойств страницы: первая строка файла должна быть «---», затем поля "
    "(title: ...), затем снова «---»",
    "no front matter: the first line must be '---', then the fields (title: ...), then "
    "'---' again",
)


def split(text: str) -> tuple[str, str, int]:
    """Front matter text, body and the body's first line, split exactly as MkDocs splits a
    page (after its reading: BOM dropped, line breaks made ``\\n``). Raises FrontMatterError
    when MkDocs would not see front matter, or would end it elsewhere than at a '---'."""
    lines = text.split("\n")
    if not re.match(r"-{3}[ \t]*$", lines[0]):
        raise FrontMatterError(1, *_NO_FRONT_MATTER)
    found = MKDOCS_YAML_RE.match(text)
    if found is None:
        closing = next((i for i, line in enumerate(lines) if i and re.match(
            r"(?:\.{3}|-{3})[ \t]*$", line)), None)
        if closing is None:
            raise FrontMatterError(
                1,
                "блок свойств не закрыт: после полей добавьте строку «---»",
                "the front matter is not closed: add a line '---' after the fields",
            )
        if closing == 1:
            raise FrontMatterError(
                2,
                "блок свойств пуст: между строками «---» запишите поля (title: ...)",
                "the front matter is empty: write the fields (title: ...) between the '---' "
                "lines",
            )
        raise FrontMatterError(
            closing + 1,
            "после закрывающей строки «---» нужен перевод строки: добавьте пустую строку в "
            "конец файла",
            "the closing '---' must end with a line break: add an empty line at the end of "
            "the file",
        )
    end_line = text.count("\n", 0, found.end())
    if not found.group(0).rstrip().endswith("---"):
        raise FrontMatterError(
            end_line,
            "знак конца документа «...» не закрывает блок свойств; закройте его строкой «---»",
            "the end marker '...' does not close the front matter; close it with '---'",
        )
    return found.group(1), text[found.end():], end_line + 1


def normalize(text: str) -> str:
    """The text as MkDocs reads a page: no BOM, every line break a ``\\n``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str) -> Document:
    """Split front matter from the body. Raises FrontMatterError for what an editor must fix."""
    yaml_text, body, body_line = split(normalize(text))
    dates: list[DateError] = []
    try:
        data, lines = load_yaml(yaml_text, dates)
    except yaml.YAMLError as exc:
        found = error_line(exc, yaml_text)
        line = found + 1 if found is not None else 1
        ru, en = yaml_messages(exc, yaml_text)
        raise FrontMatterError(
            line,
            f"ошибка в записи свойств (YAML): {ru}",
            f"invalid YAML in the front matter: {en}",
        ) from None
    if data is None or data == {}:  # MkDocs then renders the front matter as text
        raise FrontMatterError(
            2,
            "блок свойств пуст: между строками «---» запишите поля (title: ...)",
            "the front matter is empty: write the fields (title: ...) between the '---' "
            "lines",
        )
    if not isinstance(data, dict):
        raise FrontMatterError(
            2,
            "свойства страницы должны быть записаны как «поле: значение», по одному на строке",
            "the front matter must be 'field: value' pairs, one per line",
        )
    return Document(
        meta={str(k): v for k, v in data.items()},
        body=body,
        lines={k: v + 1 for k, v in lines.items()},
        body_line=body_line,
        problems=[(d.problem_mark.line + 2 if d.problem_mark else 1, d.problem_ru,
                   str(d.problem)) for d in dates],
    )


def starts_with_fence(text: str) -> bool:
    """Whether MkDocs would look for YAML front matter in this page (its first line '---')."""
    return bool(re.match(r"-{3}[ \t]*(?:\n|$)", normalize(text)))
