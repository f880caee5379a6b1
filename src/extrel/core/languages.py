"""The languages of a region: those of mkdocs-static-i18n's ``languages:`` list.

Russian is always the default language (its files carry the language-independent fields),
English is always built (the standard asks for it); a region may add any other language
there (a partner's: ``zh``, ``kk``, ``be``, ...), which is built, checked and reported
exactly like English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .messages import t
from .problems import Problem

DEFAULT_LANGUAGE = "ru"
"""The default language: its files carry the language-independent fields."""
UI_FALLBACK = "en"
"""The language of extrel's own words (statuses, labels) in a language it has none for."""
REQUIRED: tuple[str, ...] = (DEFAULT_LANGUAGE, UI_FALLBACK)
"""The languages the standard requires, whatever the i18n block says."""
_NAMES = {"ru": "language.ru", "en": "language.en"}
"""The keys of the required languages' own names (as the switcher shows them)."""


def _name(code: str) -> str:
    """A language's own name when extrel knows it, else its code."""
    return t(_NAMES[code], code) if code in _NAMES else code


def ui_language(lang: str) -> str:
    """The language of extrel's own words shown in ``lang``: itself where extrel has them
    (Russian, English), else English."""
    return lang if lang in REQUIRED else UI_FALLBACK


@dataclass(frozen=True)
class Language:
    code: str
    """The i18n ``locale``: the file suffix (``*.zh.md``) and the URL folder (``zh/``)."""
    name: str
    """The language's own name, as the switcher shows it."""
    site_name: str | None = None
    """The portal's name in this language (the i18n block's per-language ``site_name``)."""


@dataclass(frozen=True)
class Languages:
    """The region's languages, the default (Russian) first."""

    items: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.items)

    @property
    def others(self) -> tuple[str, ...]:
        """Every language but the default: built beside it, under ``<lang>/``."""
        return self.codes[1:]

    def __iter__(self) -> Any:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.items)

    def name(self, code: str) -> str:
        for lang in self.items:
            if lang.code == code:
                return lang.name
        return code

    def site_name(self, code: str, default: str) -> str:
        for lang in self.items:
            if lang.code == code and lang.site_name:
                return lang.site_name
        return default

    @classmethod
    def of(cls, codes: Iterable[str]) -> Languages:
        """Languages by code alone (tests, and regions without an i18n block)."""
        ordered = _ordered(codes)
        return cls(tuple(Language(c, _name(c)) for c in ordered))


def _ordered(codes: Iterable[str]) -> list[str]:
    result = list(REQUIRED)
    for code in codes:
        if code not in result:
            result.append(code)
    return result


STANDARD = Languages.of(REQUIRED)
"""Russian and English: the languages of a region whose mkdocs.yml declares no others."""


def from_i18n(options: Mapping[str, Any] | None, source: str = "mkdocs.yml"
              ) -> tuple[Languages, list[Problem]]:
    """The languages of mkdocs-static-i18n's options (``languages:`` list of ``locale``,
    ``name``, ``default``, ``site_name``). Russian and English are always there; Russian is
    the default."""
    problems: list[Problem] = []
    found: dict[str, Language] = {}
    entries: Sequence[Any] = (options or {}).get("languages") or []
    for item in entries:
        code = item.get("locale") if isinstance(item, Mapping) else None
        if not isinstance(code, str) or not code or not code.replace("_", "").isalnum() \
                or code != code.lower() or code in found:
            problems.append(Problem(source, None, "problem.i18n.locale_invalid",
                                    {"code": str(code)}))
            continue
        if item.get("default") and code != DEFAULT_LANGUAGE:
            problems.append(Problem(source, None, "problem.i18n.default_not_ru",
                                    {"code": code}))
        site_name = item.get("site_name")
        found[code] = Language(code, str(item.get("name") or _name(code)),
                               str(site_name) if site_name else None)
    for code in REQUIRED:
        found.setdefault(code, Language(code, _name(code)))
    return Languages(tuple(found[c] for c in _ordered(found))), problems
