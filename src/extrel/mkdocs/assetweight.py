"""What a visitor downloads on a cold page load (issue 16's budget: 300 KB uncompressed,
images aside): extrel's own stylesheets and scripts published minified, Material's
stylesheets without the rules no extrel page can match.

The sources under templates/assets/extrel/ stay readable (comments, indentation); the copies
MkDocs writes into the site lose comments and whitespace, about a third of their bytes.
rcssmin and rjsmin only drop what the CSS and JavaScript grammars say carries no meaning;
strings, regular expressions and ``/*!`` licence comments are kept. Material's main.css
styles Markdown extensions and features extrel never enables (a third of it) and its
palette.css every colour set but the configured one: tinycss2 parses them and the selectors
that cannot match go (UNUSED_CLASSES); every other rule is written back unchanged."""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin
import tinycss2
from mkdocs.structure.files import Files

FOLDER = "assets/extrel/"
"""Where extrel's own theme assets are published (the theme's custom_dir files)."""

MATERIAL_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css")
"""Material's two stylesheets, as its theme publishes them."""


def minified(name: str, text: str) -> str | None:
    """``text`` minified by its kind (from ``name``), or None for a kind left as it is."""
    if name.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    if name.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    return None


def lighten(files: Files, theme_palette: Any) -> None:
    """Have MkDocs write extrel's own CSS and JavaScript minified (the sources untouched),
    and Material's stylesheets without the rules no extrel page can use."""
    palette = palette_of(theme_palette)
    for file in files:
        if file.is_documentation_page():
            continue
        if file.src_uri.startswith(FOLDER):
            light = minified(file.src_uri, file.content_string)
            if light is not None:
                file.content_string = light
        elif MATERIAL_CSS.fullmatch(file.src_uri):
            file.content_string = pruned(file.content_string, palette)


# -- Material's stylesheets: rules for what extrel's pages cannot contain --------------------

UNUSED_CLASSES = (
    # Markdown extensions extrel does not enable (only tables, attr_list, admonition, toc)
    "tabbed-set", "tabbed-labels", "tabbed-content", "tabbed-block", "tabbed-button",
    "tabbed-control", "tabbed-alternate", "highlight", "highlighttable", "linenos", "linenodiv",
    "filename", "keys", "critic", "arithmatex", "task-list", "task-list-item",
    "task-list-indicator", "task-list-control", "footnote", "footnote-ref", "footnote-backref",
    "mermaid", "emojione",
    # Material features and plugins extrel does not switch on (code annotations and copying,
    # versions, feedback, blog, tags, cookie consent, git dates)
    "md-annotation", "md-annotation-list", "md-code", "md-clipboard", "md-version",
    "md-feedback", "md-post", "md-author", "md-tag", "md-tags", "md-tag-icon", "md-consent",
    "md-source-file", "md-draft", "md-pin",
)
"""Material classes no extrel page carries: a selector naming one (or a BEM element or
modifier of one, ``name__x``/``name--x``) can never match and is dropped from main.css."""

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_COLOUR = re.compile(r"\[data-md-color-(scheme|primary|accent)=[\"']?([\w-]+)[\"']?\]")
_BRACKETS = re.compile(r"\([^()]*\)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
PALETTE_DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}


def _unused_class(name: str) -> bool:
    base = re.split(r"__|--", name, maxsplit=1)[0]
    return base in UNUSED_CLASSES


def palette_of(theme_palette: Any) -> dict[str, str] | None:
    """The one colour set of ``theme.palette`` (Material's defaults filled in), or None when
    there are several (a toggle lets visitors switch: every set's rules are needed)."""
    if isinstance(theme_palette, list):
        if len(theme_palette) != 1:
            return None
        theme_palette = theme_palette[0]
    chosen = dict(theme_palette or {})
    return {key: str(chosen.get(key) or value) for key, value in PALETTE_DEFAULTS.items()}


def _selector_can_match(selector: str, palette: Mapping[str, str] | None) -> bool:
    """False where the selector needs a class no page has, or a colour set not configured.
    What is inside :is()/:not()/:where()/:has() is not judged (a class named there may be
    an alternative or a negation)."""
    while True:
        outer = _BRACKETS.sub("", selector)
        if outer == selector:
            break
        selector = outer
    if any(_unused_class(name) for name in _CLASS.findall(_ATTRIBUTE.sub("", selector))):
        return False
    if palette is not None:
        for key, value in _COLOUR.findall(selector):
            if palette[key] != value:
                return False
    return True


def pruned(css: str, palette: Mapping[str, str] | None) -> str:
    """``css`` without the selectors that cannot match an extrel page (tinycss2 parses it;
    a rule whose every selector goes is dropped; @media/@supports blocks are walked, empty
    ones dropped; everything else is written back as it was)."""
    return _pruned(css, tuple(sorted(palette.items())) if palette is not None else None)


@functools.lru_cache(maxsize=8)
def _pruned(css: str, palette: tuple[tuple[str, str], ...] | None) -> str:
    """``pruned``, once per process for each stylesheet (every section and language of a
    build writes the same Material stylesheets), and once per installation: kept in the
    user's cache folder by a hash of the stylesheet, the palette and this module (parsing one
    took a fifth of a second in every process of every build)."""
    from ..core.cachedir import user_cache_dir

    key = hashlib.sha256(repr((css, palette, _CODE)).encode("utf-8")).hexdigest()
    path = user_cache_dir("css", key[:2], f"{key}.css")
    try:
        kept = path.read_text(encoding="utf-8")
        if 0 < len(kept) <= len(css):  # pruning only removes
            return kept
    except (OSError, UnicodeDecodeError):
        pass
    rules = tinycss2.parse_stylesheet(css, skip_comments=True)
    result = "".join(_prune(rules, dict(palette) if palette is not None else None))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(result, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only home: pruned again next time
    return result


_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
"""This module's own hash: a change to the rules gives new cache entries."""


def _prune(rules: list[Any], palette: Mapping[str, str] | None) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split(tinycss2.serialize(rule.prelude))
            kept = [s for s in selectors if _selector_can_match(s, palette)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif (rule.type == "at-rule" and rule.content is not None
              and rule.lower_at_keyword in ("media", "supports")):
            inner = "".join(_prune(tinycss2.parse_rule_list(rule.content), palette))
            if inner.strip():
                out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude)
                           + "{" + inner + "}")
        elif rule.type != "whitespace":
            out.append(tinycss2.serialize([rule]))
    return out


def _split(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside :is()/:not()/:where() brackets or strings
    stay with their selector)."""
    parts, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(prelude):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return parts
