"""Editor-written HTML made safe on output: an allow-list of tags, attributes and addresses.

The page body (Markdown's output, raw HTML included) goes through ammonia (the Rust
sanitizer, by its binding ``nh3``): what is not listed here is dropped, whatever the source
scanner of ``extrel check`` made of it. Addresses are judged as a browser reads them:
pictures, sources and media only from the site itself (relative addresses), links to
``https``, ``http``, ``mailto`` and ``tel``, frames only from the allowed video hosts, and a
frame never loads with the page: it becomes the placeholder that loads it on the visitor's
click (``assets/extrel/extrel.js``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

import nh3
from ada_url import URL

from .messages import t

TAGS = frozenset({
    "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
    "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp", "section",
    "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
"""What Markdown, its extensions (tables, footnotes, admonitions, details, attribute lists)
and extrel's pictures produce, and the plain inline HTML editors use. No SVG, MathML,
forms, ``<link>``, ``<meta>``, ``<base>``, ``<style>``, ``<object>``, ``<embed>``."""

DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "title",
                                  "textarea", "xmp", "noembed", "noframes", "svg", "math"})

GENERIC = frozenset({"id", "class", "lang", "dir", "title"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": set(GENERIC),
    "a": {"href", "hreflang", "rel", "download"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel"})
EMBEDDED = frozenset({"src", "srcset"})
"""Attributes that make the browser load something with the page: relative only."""
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_ALIGN = re.compile(r'<(t[hd])( [^>]*?)? style="text-align: ?(left|center|right);?"')
_FRAME = re.compile(r"<iframe\b([^>]*)>(.*?)</iframe>", re.S)
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')


def clean(fragment: str, frame_hosts: Iterable[str] = (), *, language: str = "ru") -> str:
    """``fragment`` with only what the allow-list keeps; frames become click-to-load links."""
    # Python-Markdown's tables align columns with a style attribute, which the policy (and
    # the allow-list) refuse: the same alignment by class (extrel.css)
    fragment = _ALIGN.sub(r'<\1\2 class="x-align-\3"', fragment)
    cleaner = _cleaner(tuple(sorted(frame_hosts)))
    return _placeholders(cleaner.clean(fragment), language)


@lru_cache(maxsize=8)
def _cleaner(frame_hosts: tuple[str, ...]) -> nh3.Cleaner:
    hosts = frozenset(h.lower() for h in frame_hosts)

    def keep(tag: str, name: str, value: str) -> str | None:
        return _attribute(tag, name, value, hosts)

    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=keep,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(LINK_SCHEMES),
    )


def _attribute(tag: str, name: str, value: str, hosts: frozenset[str]) -> str | None:
    if name in ("id", "class") and any(part.startswith("__") for part in value.split()):
        return None  # Material's own elements (__config, __search, ...): no clobbering
    if name == "rel":
        kept = [r for r in value.lower().split() if r in {"nofollow", "noopener", "noreferrer",
                                                          "external", "tag", "license"}]
        return " ".join(kept) or None
    if tag == "iframe" and name == "src":
        return value if frame_address(value, hosts) else None
    if name == "srcset":
        return value if _local_srcset(value) else None
    if name in EMBEDDED:
        return value if local_address(value) else None
    if name in ("href", "cite"):
        return value if link_address(value) else None
    return value


_DESCRIPTOR = re.compile(r"^\d+(\.\d+)?[wx]$")


def _local_srcset(value: str) -> bool:
    """Image candidates as HTML defines them, each a relative address with at most one width
    or density (``a.jpg 480w, b.jpg 2x``): anything else a browser would read in its own way
    (``jav ascript:…`` is the address ``jav`` and a broken descriptor), so it is not kept."""
    parts = [part for part in (p.split() for p in value.split(",")) if part]
    return bool(parts) and all(
        len(part) <= 2 and local_address(part[0])
        and (len(part) == 1 or _DESCRIPTOR.match(part[1])) for part in parts)


def local_address(value: str) -> bool:
    """A relative address on this site: no scheme, no other host (``//host``, ``\\\\host``)."""
    text = _CONTROL.sub("", html.unescape(value))
    if text.startswith(("//", "\\", "/\\")) or "\\" in text:
        return False
    head = re.split(r"[/?#]", text, maxsplit=1)[0]
    return ":" not in head


def link_address(value: str) -> bool:
    """A link: relative, or to one of :data:`LINK_SCHEMES` (never ``javascript:``, ``data:``)."""
    text = _CONTROL.sub("", html.unescape(value))
    if "\\" in text:
        return False
    if text.startswith("//"):
        return link_address("https:" + text)
    head = re.split(r"[/?#]", text, maxsplit=1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0].lower() in LINK_SCHEMES


def frame_address(value: str, hosts: Iterable[str]) -> bool:
    """An ``https`` address whose host, as a browser parses it, is an allowed video host."""
    text = value.strip()
    if "\\" in text or _CONTROL.search(text):
        return False
    try:
        url = URL(text)
    except ValueError:
        return False
    return (url.protocol == "https:" and not url.username and not url.password
            and not url.port and url.hostname.lower() in {h.lower() for h in hosts})


def _placeholders(fragment: str, language: str) -> str:
    """Each surviving frame as the placeholder that loads it when the visitor asks."""

    def replace(match: re.Match[str]) -> str:
        attrs = dict(_ATTR.findall(match.group(1)))
        src = attrs.get("src")
        if not src:
            return ""
        title = attrs.get("title", "")
        host = html.escape(URL(html.unescape(src)).hostname)
        text = t("ui.presentation.watch_video", language, host=host)
        return (f'<div class="x-embed" data-src="{src}" data-title="{title}">'
                f'<a href="{src}" rel="noopener" class="x-embed__open">{text}</a></div>')

    return _FRAME.sub(replace, fragment)
