"""The frame around every page that Material draws and extrel words (issue 16): the header's
logo, the portal's search groups, and the portal's 404 page in each language.

The 404 page is one file per language of the portal (``404.html``, ``en/404.html``, ...), as
MkDocs renders its error template in each build. A web server serves one page for every
missing address unless told otherwise (nginx ``error_page 404 /404.html``, Apache
``ErrorDocument``, GitHub Pages and most hosts: ``/404.html`` only). So each 404 page speaks
its own language and then, in each other language, one line with that language's home page:
the Russian ``/404.html`` is of use to an English visitor as it is, and a server configured
per language folder (``location /en/ { error_page 404 /en/404.html; }``) gives English
visitors a page in English. A section has no 404 page of its own: copied into a
municipality's official site, it lives under that site's error page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..core import addresses, regionsearch
from ..core.messages import language_of, t

NOT_FOUND = "404.html"


def logo(snapshot: Any, municipality: str | None) -> str | None:
    """The header's logo of a section's page: its municipality's coat of arms."""
    m = snapshot.region.municipalities.get(municipality or "")
    return addresses.logo(m.meta.coat_of_arms) if m is not None else None


def search_groups(snapshot: Any, lang: str) -> list[dict[str, str]]:
    """The portal's search groups as its pages offer them (none in a region without)."""
    return [{"id": g.id, "name": g.name(lang)} for g in regionsearch.groups(snapshot.region)]


def not_found_context(context: dict[str, Any], config: MkDocsConfig, lang: str,
                      languages: Any, indexed: bool,
                      groups: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The 404 page's context: absolute links (it is served at any depth) to this language's
    home page and search, the language switch to the other languages' home pages, and a line
    in each other language. ``indexed``: the region's search index is built (extrel build)."""
    roots = addresses.error_page_roots(config.site_url or None, lang, list(languages))
    home = roots[lang]
    context["base_url"] = home  # what Material's `url` filter puts before the theme's files
    config.extra["alternate"] = [
        {"name": languages.name(code), "link": roots[code], "lang": code,
         "current": code == lang} for code in languages]
    others = [_other_line(code, roots[code], languages) for code in languages if code != lang]
    context["extrel"] = {
        "lang": lang, "kind": "not-found",
        "pagefind": addresses.search_index(lang) if indexed else None,
        "pagefind_groups": groups if indexed else None,
        "notfound": {"home": home, "others": others},
    }
    return context


def _other_line(code: str, home: str, languages: Any) -> dict[str, str]:
    """The line in another language: its words where the catalogue has that language, else
    only its home page under the language's own name (never English words marked as that
    language)."""
    if language_of("ui.notfound.other", code) != code:
        return {"lang": code, "home": home, "text": "", "link": languages.name(code)}
    return {"lang": code, "home": home, "text": t("ui.notfound.other", code),
            "link": t("ui.notfound.home", code)}
