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

from .messages import t, worded
from .problems import Finding, Problem, Verdict

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
    """What the strict reading refuses, with its mark: a key of the message catalogue and its
    parameters (PyYAML's own ``problem`` is its English text)."""

    def __init__(self, mark: Any, key: str, /, **params: Any) -> None:
        super().__init__(problem=t(key, "en", **params), problem_mark=mark)
        self.verdict = Verdict(key, params)


class AliasError(StrictError):
    """Anchors and aliases (``&x``, ``*x``): never needed in front matter, and a way to make a
    few lines expand into millions of values."""

    def __init__(self, mark: Any) -> None:
        super().__init__(mark, "problem.yaml.alias")


class DuplicateKeyError(StrictError):
    """A field written twice: YAML readers keep the last one silently, and the editor's
    first value vanishes."""

    def __init__(self, mark: Any, key: str, first: int) -> None:
        super().__init__(mark, "problem.yaml.duplicate", field=key, first=first)


class DateError(StrictError):
    """A plain ``2026-02-30``: MkDocs' YAML reader fails on it, so it is refused here."""

    def __init__(self, mark: Any, key: str, value: str) -> None:
        super().__init__(mark, "problem.yaml.date", field=key, value=value,
                         example="2026-11-17")


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
            raise StrictError(start.start_mark, "problem.yaml.document_marker")
        node = self.compose_node(None, None)
        if self.anchor is not None:
            raise AliasError(self.anchor)
        end = self.get_event()
        if end.explicit:
            raise StrictError(end.start_mark, "problem.yaml.end_marker")
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
            raise StrictError(event.start_mark, "problem.yaml.tag", tag=tag)
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise StrictError(event.start_mark, "problem.yaml.too_deep", depth=MAX_DEPTH)
            node = super().compose_node(parent, index)
            self.depth -= 1
            return node
        return super().compose_node(parent, index)

    def compose_mapping_node(self, anchor: Any) -> MappingNode:
        start = self.get_event()
        node = MappingNode(self.resolve(MappingNode, None, start.implicit), [],
                           start.start_mark, None, flow_style=start.flow_style)
        outer = self.key
        seen: dict[str, int] = {}
        while not self.check_event(MappingEndEvent):
            key = self.compose_node(node, None)
            name = str(key.value) if isinstance(key, ScalarNode) else "?"
            self.key = f"{outer}.{name}" if outer else name
            if isinstance(key, ScalarNode):
                if name in seen:  # the line in the page: after the opening '---'
                    raise DuplicateKeyError(key.start_mark, self.key, seen[name])
                seen[name] = key.start_mark.line + 2
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
            raise StrictError(event.start_mark, "problem.safety.control_char", code=found)
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
                raise StrictError(event.start_mark, "problem.yaml.not_a_number",
                                  value=value[:30]) from None
        return node


# dates stay strings: an impossible date becomes a message about its field, not a crash
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for key, resolvers in Resolver.yaml_implicit_resolvers.items()
}


class FrontMatterError(Exception):
    """A page whose front matter cannot be read: the line, a key of the message catalogue
    and its parameters."""

    def __init__(self, line: int | None, key: str, /, **params: Any) -> None:
        self.line = line
        self.verdict = Verdict(key, params)
        super().__init__(self.en)

    @property
    def ru(self) -> str:
        return self.verdict.message("ru")

    @property
    def en(self) -> str:
        return self.verdict.message("en")

    def problem(self, file: str) -> Problem:
        return self.verdict.problem(file, self.line)


@dataclass
class Document:
    meta: dict[str, object]
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    """Line (1-based, in the file) of each top-level field, and of list items as ``field.N``."""
    refusals: list[Finding] = field(default_factory=list)
    """What the page must still be refused for, found beside its readable fields (impossible
    dates MkDocs' YAML reader would fail on)."""
    body_line: int = 1

    @property
    def problems(self) -> list[tuple[Any, ...]]:
        """The refusals as ``(line, Russian, English)``, for people reading them."""
        return [tuple(found) for found in self.refusals]


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


_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    # (a piece of PyYAML's / libyaml's problem, the key of what the editor did)
    ("mapping values are not allowed", "problem.yaml.colon_in_value"),
    ("unexpected end of stream", "problem.yaml.unclosed_quote"),
    ("expected ',' or ']'", "problem.yaml.unclosed_bracket"),
    ("expected ',' or '}'", "problem.yaml.unclosed_brace"),
    ("expected '-' indicator", "problem.yaml.list_indent"),
    ("did not find expected key", "problem.yaml.uneven_indent"),
    ("could not find expected ':'", "problem.yaml.no_colon"),
    ("unknown escape character", "problem.yaml.backslash"),
    ("another document", "problem.yaml.another_document"),
)


def _mark(exc: BaseException) -> Any:
    """Where to point: where an unclosed bracket or quote began, else where the parser
    stopped; a tab is shown where it stands."""
    problem = getattr(exc, "problem_mark", None)
    if "tab character" in str(getattr(exc, "problem", "")):
        return problem
    return getattr(exc, "context_mark", None) or problem


def yaml_messages(exc: yaml.YAMLError, text: str | None = None) -> Verdict:
    """What is wrong in a YAML text in the editor's terms: what they did and how to fix it,
    with the column. PyYAML's own words are a parameter (``said``) only the English message
    shows."""
    en = str(getattr(exc, "problem", None) or exc)
    if isinstance(exc, StrictError):
        return exc.verdict
    if "nesting depth" in en:  # libyaml's own limit, met before ours in a single flow line
        return Verdict("problem.yaml.too_deep", {"depth": MAX_DEPTH})
    mark = _mark(exc)  # the same place as ``error_line``
    column = mark.column + 1 if mark is not None else None
    where = worded("problem.yaml.column", column=column) if column else ""
    if "tab character" in en:
        return Verdict("problem.yaml.tab_indent", {"where": where})
    if "cannot start any token" in en:
        char = _char_at(text, getattr(exc, "problem_mark", None))
        if char == "\t":
            return Verdict("problem.yaml.tab_start", {"where": where})
        if not char:
            return Verdict("problem.yaml.cannot_start_unknown", {"where": where})
        return Verdict("problem.yaml.cannot_start", {"char": char, "where": where})
    for piece, key in _YAML_PROBLEMS:
        if piece in en:
            return Verdict(key, {"where": where, "said": {"ru": "", "en": f" [{en}]"}})
    return Verdict("problem.yaml.other", {"where": where, "said": {"ru": "", "en": en}})


def _char_at(text: str | None, mark: Any) -> str:
    if text is None or mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def split(text: str) -> tuple[str, str, int]:
    """Front matter text, body and the body's first line, split exactly as MkDocs splits a
    page (after its reading: BOM dropped, line breaks made ``\\n``). Raises FrontMatterError
    when MkDocs would not see front matter, or would end it elsewhere than at a '---'."""
    lines = text.split("\n")
    if not re.match(r"-{3}[ \t]*$", lines[0]):
        raise FrontMatterError(1, "problem.frontmatter.missing")
    found = MKDOCS_YAML_RE.match(text)
    if found is None:
        closing = next((i for i, line in enumerate(lines) if i and re.match(
            r"(?:\.{3}|-{3})[ \t]*$", line)), None)
        if closing is None:
            raise FrontMatterError(1, "problem.frontmatter.not_closed")
        if closing == 1:
            raise FrontMatterError(2, "problem.frontmatter.empty")
        raise FrontMatterError(closing + 1, "problem.frontmatter.no_line_break")
    end_line = text.count("\n", 0, found.end())
    if not found.group(0).rstrip().endswith("---"):
        raise FrontMatterError(end_line, "problem.frontmatter.end_marker")
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
        explained = yaml_messages(exc, yaml_text)
        raise FrontMatterError(line, "problem.frontmatter.yaml",
                               detail=worded(explained.key, **explained.params)) from None
    if data is None or data == {}:  # MkDocs then renders the front matter as text
        raise FrontMatterError(2, "problem.frontmatter.empty")
    if not isinstance(data, dict):
        raise FrontMatterError(2, "problem.frontmatter.not_mapping")
    return Document(
        meta={str(k): v for k, v in data.items()},
        body=body,
        lines={k: v + 1 for k, v in lines.items()},
        body_line=body_line,
        refusals=[d.verdict.at(d.problem_mark.line + 2 if d.problem_mark else 1)
                  for d in dates],
    )


def starts_with_fence(text: str) -> bool:
    """Whether MkDocs would look for YAML front matter in this page (its first line '---')."""
    return bool(re.match(r"-{3}[ \t]*(?:\n|$)", normalize(text)))
