"""Problems found in the content: one record per mistake, collected rather than raised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .messages import t

_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Characters a reader cannot see or that act on the terminal or the text's direction: those
no text may hold (``frontmatter.CONTROL``, which the content's checks refuse) and, as a
message is one line, tab and line feed too, and a zero-width space, a direction mark, a
byte-order mark."""


def visible(text: str) -> str:
    """``text`` with each character of ``_UNSEEN`` shown: a control character as its picture
    (a tab as ␉, an escape as ␛), any other as ``<U+202E>``. A message quotes what an editor
    (or an attacker) wrote; a terminal must not act on it, and the editor must see it."""
    return _UNSEEN.sub(_shown, text)


def _shown(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


@dataclass(frozen=True)
class Problem:
    """One mistake in one file: a key of the message catalogue and its parameters, told in
    Russian (the editors' language), English or any language through the catalogue."""

    file: str
    """Path relative to the site repository's root, with forward slashes."""
    line: int | None
    key: str
    """The message's key in the catalogue (``problem.…``)."""
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    """The message's placeholders; a value may be worded per language (``{"ru": …}``)."""
    severity: str = "error"
    """``error`` stops the build; ``warning`` is reported and the build goes on."""

    def message(self, lang: str = "ru") -> str:
        return visible(t(self.key, lang, **self.params))

    @property
    def ru(self) -> str:
        return self.message("ru")

    @property
    def en(self) -> str:
        return self.message("en")

    def format(self, lang: str = "ru") -> str:
        where = f"{visible(self.file)}:{self.line}" if self.line else visible(self.file)
        return f"{where}: {self.message(lang)}"

    def to_dict(self, lang: str = "ru") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "message": self.message(lang),
        }


@dataclass(frozen=True)
class Verdict:
    """What a check found wrong, before it knows the file: a key of the catalogue and its
    parameters. Read as a pair it is the message in Russian and English (``ru, en =
    verdict``), for people and tests; code passes the key and parameters on."""

    key: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def message(self, lang: str = "ru") -> str:
        return visible(t(self.key, lang, **self.params))

    def __iter__(self) -> Iterator[str]:
        return iter((self.message("ru"), self.message("en")))

    def __getitem__(self, index: int) -> str:
        return tuple(self)[index]

    def at(self, line: int | None) -> Finding:
        return Finding(line, self)

    def problem(self, file: str, line: int | None, severity: str = "error") -> Problem:
        return Problem(file, line, self.key, self.params, severity)


@dataclass(frozen=True)
class Finding:
    """A verdict at a line of a text whose file the caller knows (a page's body, an SVG).
    Read as a triple it is ``line, ru, en``."""

    line: int | None
    verdict: Verdict

    def __iter__(self) -> Iterator[Any]:
        return iter((self.line, *self.verdict))

    def __getitem__(self, index: int) -> Any:
        return tuple(self)[index]

    def problem(self, file: str, severity: str = "error") -> Problem:
        return self.verdict.problem(file, self.line, severity)


def finding(line: int | None, key: str, /, **params: Any) -> Finding:
    return Finding(line, Verdict(key, params))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
