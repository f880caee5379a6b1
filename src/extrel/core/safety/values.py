"""Front matter texts: templates show them as they are, so they hold no markup and no quote
that would let them out of an HTML attribute (read as a browser reads HTML, through lxml)."""

from __future__ import annotations

import re

from ..problems import Finding, finding
from .scan import url_kind


def markup_in_value(name: str, value: str, line: int | None) -> Finding | None:
    """A front matter text is shown as is: it must hold no HTML tags and no quote that would
    let it out of an HTML attribute with an ``on…=`` handler or a script address."""
    if "<" not in value and '"' not in value and "'" not in value:
        return None
    if not _TAG_OPEN.search(value):
        for quote in ('"', "'"):
            attrs = _attributes(f"<x a={quote}{value}{quote}>")[1:]
            if any(n.startswith("on") and v for n, v in attrs) or any(
                url_kind(v) == "script" for _, v in attrs
            ):
                break
        else:
            return None
    return finding(line, "problem.safety.markup_in_value", name=name)


_TAG_OPEN = re.compile(r"<[A-Za-z/!?]")
"""Where a browser's tokenizer leaves text: a tag, an end tag, a comment or declaration."""


def _attributes(fragment: str) -> list[tuple[str, str]]:
    """The attributes of the first element of an HTML fragment, as a browser reads them."""
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start",), no_network=True)
    parser.feed(fragment)
    parser.close()
    for _, element in parser.read_events():
        if isinstance(element.tag, str) and element.tag not in ("html", "body"):
            return [(str(k).lower(), str(v)) for k, v in element.attrib.items()]
    return []
