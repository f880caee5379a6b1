"""Names a municipality id must not take: the portal writes them at the top of the site.

A section is published at ``site/<id>/``, beside the portal's own files and folders and the
other languages' portals (``site/en/``). An id equal to one of these would replace, or be
replaced by, the English portal, the dashboard, the stylesheets or the search index.
``tests/build/test_reserved.py`` checks that every top-level entry of a real build is here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .languages import REQUIRED

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg
li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or
os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
"""Every two-letter language code (ISO 639-1): any of them may become a language of the
site, whose portal is published at ``site/<code>/``."""

PORTAL_NAMES = frozenset({
    # written by every build of the portal (MkDocs, Material, the search plugin, extrel)
    "index", "404", "assets", "search", "sitemap", "freshness", "feed", "events",
    "events-archive",
    # kept free for what the portal or its themes publish or may publish
    "data", "admin", "pagefind", "stylesheets", "javascripts", "static", "media", "robots",
    "api",
})
"""Top-level names of the portal's files and folders, without their extensions."""


def reserved_ids(languages: Iterable[str] = REQUIRED) -> frozenset[str]:
    return ISO_639_1 | PORTAL_NAMES | frozenset(languages)


def is_reserved(mid: str, languages: Iterable[str] = REQUIRED) -> bool:
    """True when no municipality may have this id."""
    return mid in reserved_ids(languages)
