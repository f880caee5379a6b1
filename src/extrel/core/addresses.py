"""Every address extrel derives: site URLs and the paths of the files it generates (in the
manner of Pelican's ``get_url_setting`` and Material blog's ``_format_path_for_*``).

The site's layout::

    site/                       the portal in the default language (Russian)
    site/<lang>/                the portal in another language
    site/<id>/                  a municipality's section in the default language
    site/<id>/<lang>/           the same section in another language
    site/<id>/<sub>/            a subsection's list; ``<sub>/<slug>/`` an entry's page;
                                a single-page subsection (the presentation) is its root
    site/<id>/news/<YYYY>/      a year of the news archive
    site/<id>/assets/coat-of-arms.<ext>, site/<id>/data/   shared by every language

URLs here are relative (to the root named in each function) and end with ``/`` when they
name a page. Nothing else in extrel writes ``../``, a language folder or a subsection's path.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .languages import DEFAULT_LANGUAGE
from .sections import BY_ID

FEED = "feed.xml"
"""The RSS feed, at each language root (of a section and of the portal)."""
CALENDAR = "events.ics"
"""The iCalendar file, at each language root."""
DATA = "data/"
"""The open-data folder, at the default language root of a section only."""
ASSETS = "assets/"
DASHBOARD = "freshness/"
"""The freshness dashboard, at the portal's root."""
FRESHNESS = "freshness"
"""The freshness data at the portal's default language root: ``freshness.json``, and the same
table for spreadsheets, ``freshness.xlsx`` and ``freshness.csv``."""


# --- languages and depth --------------------------------------------------------------------

def lang_root(lang: str) -> str:
    """A language's folder under its site's root: none for the default language, ``en/``."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def up(depth: int) -> str:
    """``../`` ``depth`` times."""
    return "../" * depth


def to_default_root(lang: str) -> str:
    """From a ``lang`` root up to the default language's root (``""`` or ``../``)."""
    return up(0 if lang == DEFAULT_LANGUAGE else 1)


SEARCH_INDEX = "pagefind"
"""The portal's search index (Pagefind's files, ``core/regionsearch.py``) in the region's root."""


def search_index(lang: str) -> str:
    """The portal's search index from the root of the portal in ``lang``."""
    return f"{to_default_root(lang)}{SEARCH_INDEX}/"


def depth(url: str) -> int:
    """How many folders deep a page URL is (``news/x/`` is 2, the root ``""`` 0)."""
    return len([part for part in url.split("/") if part])


# --- inside a section (relative to one language's root) -------------------------------------

def section(sid: str) -> str:
    """A subsection's list page."""
    return f"{sid}/"


def item(sid: str, slug: str) -> str:
    """An entry's page; a single-page subsection's entry is the subsection's root."""
    return section(sid) if BY_ID[sid].single else f"{sid}/{slug}/"


def archive(sid: str, year: int) -> str:
    """A year of a subsection's archive (the news)."""
    return f"{sid}/{year}/"


def asset(sid: str, value: str) -> str:
    """A file named in an entry's front matter (it lies next to the page)."""
    return str(PurePosixPath(sid) / value)


def source(url: str) -> str:
    """The Markdown file (MkDocs' ``src_uri``) that builds the page at ``url``."""
    return f"{url}index.md" if url else "index.md"


def item_source(sid: str, slug: str) -> str:
    """The Markdown file an entry's page is built from: ``news/<slug>.md``, and
    ``presentation/index.md`` for a single-page subsection."""
    return source(section(sid)) if BY_ID[sid].single else f"{sid}/{slug}.md"


def coat_of_arms(filename: str) -> str:
    """The coat of arms, copied under its own extension (``.png``, ``.jpg``, ``.svg``...),
    relative to a section's default language root."""
    return f"{ASSETS}coat-of-arms{PurePosixPath(filename).suffix.lower()}"


def data_dir(lang: str) -> str:
    """The open-data folder, from a section's ``lang`` root."""
    return to_default_root(lang) + DATA


def switch(url: str, current: str, target: str) -> str:
    """The same page (``url``, relative to the ``current`` language root) in ``target``,
    relative to the page itself: the language switcher."""
    back = up(depth(url))
    if target == current:
        return back + url if depth(url) else "./"
    return back + to_default_root(current) + lang_root(target) + url


# --- from the site's root and the portal ----------------------------------------------------

def site_path(mid: str, lang: str, url: str = "") -> str:
    """A section's page under the site's root: ``inza/news/<slug>/``, ``inza/en/...``."""
    return f"{mid}/{lang_root(lang)}{url}"


def portal_to_section(mid: str, lang: str, target: str | None = None, url: str = "") -> str:
    """From the ``lang`` portal root to a page of a municipality's ``target``-language section
    (``lang`` by default)."""
    return to_default_root(lang) + site_path(mid, lang if target is None else target, url)


def portal_to_file(mid: str, lang: str, path: str) -> str:
    """From the ``lang`` portal root to a file of a section's default language root (the
    coat of arms)."""
    return f"{to_default_root(lang)}{mid}/{path}"


def absolute_root(site_url: str | None) -> str:
    """``site_url`` ending with ``/`` (empty without one)."""
    if not site_url:
        return ""
    return site_url if site_url.endswith("/") else f"{site_url}/"


def site_url(base: str, municipality: str | None, lang: str) -> str:
    """The absolute URL of a built site's root: the portal's (``municipality`` None) or a
    section's, in ``lang``."""
    inner = f"{municipality}/" if municipality else ""
    return base.rstrip("/") + "/" + inner + lang_root(lang)


def dashboard(base: str | None) -> str | None:
    """The freshness dashboard's absolute URL (None without a site URL)."""
    return base.rstrip("/") + "/" + DASHBOARD if base else None


def freshness_file(fmt: str) -> str:
    """The freshness data as ``fmt`` (json, csv, xlsx), under the portal's default language
    root."""
    return f"{FRESHNESS}.{fmt}"


def freshness_links(lang: str) -> dict[str, str]:
    """The freshness data's files from the ``lang`` dashboard page: its download links."""
    back = up(depth(DASHBOARD)) + to_default_root(lang)
    return {fmt: back + freshness_file(fmt) for fmt in ("xlsx", "csv", "json")}


# --- the frame of every page: the header's logo, the error pages (issue 16) -----------------

def logo(coat_of_arms_file: str | None) -> str | None:
    """The header's logo on a section's page, relative to its language root (every language
    has its copy of the coat of arms): the municipality's coat of arms, None without one."""
    return coat_of_arms(coat_of_arms_file) if coat_of_arms_file else None


def error_page_root(site_url: str | None, lang: str) -> str:
    """The absolute path of the ``lang`` portal's root, as a 404 page links it (it is served
    at any depth, so nothing on it can be relative): ``site_url``'s path, which the build
    already gives per language, else the server's root and the language's folder."""
    if site_url:
        path = urlsplit(site_url).path or "/"
        return path if path.endswith("/") else f"{path}/"
    return "/" + lang_root(lang)


def error_page_roots(site_url: str | None, lang: str, languages: Iterable[str]
                     ) -> dict[str, str]:
    """The absolute path of every language's portal root, seen from the ``lang`` 404 page."""
    own = error_page_root(site_url, lang)
    region = own[: len(own) - len(lang_root(lang))] if own.endswith(lang_root(lang)) else own
    return {code: region + lang_root(code) for code in languages}
