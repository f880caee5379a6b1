"""The message catalogue: every sentence extrel shows editors, visitors and staff, by key.

One YAML file per language (``extrel/messages/<lang>.yml``), read once; a message is a
``str.format`` template with named placeholders (``{field}``, ``{value}``). ``t(key, lang,
**params)`` looks the key up in the requested language, then in English (extrel's words in a
language it has none for), and gives the key itself when no catalogue has it.

A parameter may itself be worded per language: a mapping ``{"ru": ..., "en": ...}`` is
replaced by its entry for the language the message is written in (the same fallback).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from importlib import resources
from typing import Any

import yaml

FALLBACK = "en"
"""The language of extrel's words in a language the catalogue lacks."""
CATALOGUES = ("ru", "en")
"""The languages extrel's own words are written in."""


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one language (empty for a language extrel has no words in)."""
    if lang not in CATALOGUES:
        return {}
    text = resources.files("extrel").joinpath("messages", f"{lang}.yml").read_text("utf-8")
    # read at every command's start: libyaml's safe loader where PyYAML has it (ten times the
    # pure-Python one's speed on this file; the same safe subset of YAML)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader) or {}  # noqa: S506 (a safe loader)
    return {str(k): str(v) for k, v in data.items()}


def has(key: str) -> bool:
    return key in catalogue(FALLBACK)


def language_of(key: str, lang: str) -> str:
    """The language ``key`` is worded in when ``lang`` is asked for."""
    return lang if key in catalogue(lang) else FALLBACK


def pick(value: Any, lang: str) -> Any:
    """A parameter's value in ``lang``: its entry for ``lang`` (else English) when it is
    worded per language, else itself."""
    if isinstance(value, Mapping):
        return value.get(lang, value.get(FALLBACK, ""))
    return value


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (else English, else the key), its placeholders filled."""
    lang = language_of(key, lang)
    template = catalogue(lang).get(key)
    if template is None:
        return key
    return template.format_map({k: pick(v, lang) for k, v in params.items()})


def placeholders(template: str) -> set[str]:
    """The named placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def translator(lang: str) -> Any:
    """``t`` bound to one language, as templates use it: ``t('ui.updated')``."""
    return functools.partial(t_bound, lang)


def t_bound(lang: str, key: str, /, **params: Any) -> str:
    return t(key, lang, **params)


def worded(key: str, /, **params: Any) -> dict[str, str]:
    """The message ``key`` in every language of the catalogue: a parameter of another
    message worded per language (a list of places, an explanation)."""
    return {lang: t(key, lang, **params) for lang in CATALOGUES}

DYNAMIC_PREFIXES = ("label.", "export.section.", "export.item.", "data.")
"""Keys built at run time from an editor's code or a subsection's id (``label.status.stale``,
``export.section.news``), not written out."""


def bilingual(key: str, /, sep: str = " / ", **params: Any) -> str:
    """The message in Russian and English side by side («… / …»): for staff reading a build
    log or an error whatever their ``--lang``."""
    return sep.join(t(key, lang, **params) for lang in CATALOGUES)
