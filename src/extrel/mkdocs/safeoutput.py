"""Safety as a property of the output (issue 12): the sanitized body, escaped texts, the policy.

MkDocs' templates run with autoescape off, and Material prints ``page.title``,
``page.meta.title`` and ``config.site_name`` as they are: those texts are handed over already
escaped (``Markup``, which Jinja's ``|e`` leaves alone). Called by the plugin's hooks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..core import addresses, csp, sanitize

LIVERELOAD = "assets/extrel/livereload.js"
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def valid_toggles(output: str) -> str:
    """Material's two hidden checkboxes (the drawer and the search toggles) without the
    ``autocomplete`` that HTML allows on text fields only (the Nu HTML Checker's two errors
    on every page). Material sets it outside any template block, hence this fix-up."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", output, count=2)


def page_content(html: str, page: Page, config: MkDocsConfig, hosts: Iterable[str],
                 lang: str) -> str:
    """The page's body through the allow-list; its title and the site's name escaped."""
    if not isinstance(config.site_name, Markup):
        config.site_name = escape(config.site_name)
    title = page.title
    if title is not None and not isinstance(title, Markup):
        page.title = escape(title)  # type: ignore[misc]
    meta_title = page.meta.get("title")
    if isinstance(meta_title, str) and not isinstance(meta_title, Markup):
        page.meta["title"] = escape(meta_title)
    return sanitize.clean(html, hosts, language=lang)


def with_policy(output: str, hosts: Iterable[str], *, preview_of: Page | None = None) -> str:
    """A built HTML page with its Content-Security-Policy. ``preview_of``: the page, in
    ``extrel serve``, whose live reload (MkDocs' is an inline script) is loaded as a file."""
    output = csp.with_policy(output, csp.policy(hosts))
    if preview_of is None:
        return output
    up = addresses.up(addresses.depth(preview_of.url))
    script = f'<script src="{up}{LIVERELOAD}"></script>'
    at = output.rfind("</body>")
    return output + script if at < 0 else output[:at] + script + output[at:]
