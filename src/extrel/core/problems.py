"""Problems found in the content: one record per mistake, collected rather than raised."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in one file, told in Russian (the editors' language) and in English."""

    file: str
    """Path relative to the site repository's root, with forward slashes."""
    line: int | None
    ru: str
    en: str
    severity: str = "error"
    """``error`` stops the build; ``warning`` is reported and the build goes on."""

    def message(self, lang: str = "ru") -> str:
        return self.en if lang == "en" else self.ru

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
