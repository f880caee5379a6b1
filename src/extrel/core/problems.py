"""Problems found in the content: one record per mistake, collected rather than raised."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .messages import t


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

    @classmethod
    def text(cls, file: str, line: int | None, ru: str, en: str,
             severity: str = "error") -> Problem:
        """A problem whose words were composed elsewhere in both languages (a library's
        message explained, a check's finding in the editors' terms)."""
        return cls(file, line, "problem.text", {"text": {"ru": ru, "en": en}}, severity)

    def message(self, lang: str = "ru") -> str:
        return t(self.key, lang, **self.params)

    @property
    def ru(self) -> str:
        return self.message("ru")

    @property
    def en(self) -> str:
        return self.message("en")

    def format(self, lang: str = "ru") -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message(lang)}"

    def to_dict(self, lang: str = "ru") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "message": self.message(lang),
        }


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
