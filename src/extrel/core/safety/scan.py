"""Reading a page's text for what it refers to and for what would run script. No files.

``scan_body`` reads a page's Markdown (links, images, ``{: attr=...}`` lists) and its raw HTML
(with libxml2's HTML5 tokenizer through lxml: linear on any input, attributes read as a
browser reads them) and
returns every reference to a file or address, plus every construct that would run script,
each with its line in the file.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from ..frontmatter import CONTROL
from ..messages import worded
from ..problems import Finding, finding
from .limits import body_limits
from .urls import leads_elsewhere, web_address

_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
_SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp|avif)[;,]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_DRIVE = re.compile(r"^[a-zA-Z]:[\\/]")
_FORBIDDEN_TAGS = frozenset(
    {"script", "object", "embed", "applet", "form", "base", "frame", "frameset"}
)
_URL_ATTRS = frozenset(
    {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster",
     "codebase", "cite", "lowsrc", "dynsrc", "ping", "srcset", "to", "from", "values"}
)
_LOADING = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
            "audio": ("src",), "track": ("src",), "input": ("src",), "link": ("href",),
            "image": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
            "use": ("href", "xlink:href"), "table": ("background",), "td": ("background",),
            "th": ("background",), "tr": ("background",), "body": ("background",),
            "embed": ("src",), "object": ("data",)}
_LINKING = {"a": "href", "area": "href"}


@dataclass(frozen=True)
class Ref:
    """A file or address a page refers to."""

    line: int
    url: str
    image: bool
    """Shown as an image (must open with Pillow when local)."""
    loads: bool
    """Loaded by the browser with the page (an image, a video), not followed by the reader."""


@dataclass
class Scan:
    refs: list[Ref] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def _compact(url: str) -> str:
    """The URL as a browser reads its scheme: entities decoded, spaces and controls removed."""
    return "".join(ch for ch in html.unescape(url) if ch > " ").lower()


def url_kind(url: str) -> str:
    """``empty``, ``anchor``, ``script``, ``data``, ``external``, ``file``, ``absolute`` or
    ``local``."""
    text = url.strip()
    compact = _compact(text)
    if not compact:
        return "empty"
    if compact.startswith("#"):
        return "anchor"
    if _DRIVE.match(text):
        return "absolute"
    scheme = _SCHEME.match(compact)
    if scheme:
        name = scheme.group(1)
        if name in _SCRIPT_SCHEMES:
            return "script"
        if name == "data":
            return "data" if _SAFE_DATA.match(compact) else "script"
        return "file" if name == "file" else "external"
    if compact.startswith("//") or compact.startswith("\\\\"):
        return "external"
    if leads_elsewhere(html.unescape(text)):
        return "external"  # '/\\host', '/<tab>/host': a browser reads another site
    if text.startswith(("/", "\\")):
        return "absolute"
    return "local"


def local_path(url: str) -> str:
    """The file part of a relative URL: no query or fragment, percent-escapes decoded."""
    text = html.unescape(url.strip())
    for mark in ("#", "?"):
        text = text.split(mark, 1)[0]
    return unquote(text).replace("\\", "/")


def short(value: str, limit: int = 80) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _script_url(line: int, url: str) -> Finding:
    return finding(line, "problem.safety.script_address", url=short(url.strip(), 40))


# --- raw HTML ------------------------------------------------------------------------------


_RAW_TEXT = frozenset({"style", "script", "textarea", "title", "xmp", "noembed", "noframes",
                       "iframe", "noscript", "plaintext"})
"""Elements whose content a browser may read as text or as markup depending on context (or
that Markdown may cut apart): their content is read again as HTML."""
_NESTED_READS = 2
"""How deep content and attribute values holding ``<`` are read again as HTML."""


class _HtmlScanner:
    """Every start tag of a fragment with its attributes, read by libxml2's HTML5 tokenizer
    (lxml): linear on any input, and duplicate attributes resolved as browsers do (the first
    one counts)."""

    def __init__(self, scan: Scan, hosts: frozenset[str]) -> None:
        self.scan = scan
        self.hosts = hosts

    def read(self, text: str, first_line: int, depth: int = 0) -> None:
        from lxml import etree  # imported here: a check served from the cache never needs it

        parser = etree.HTMLPullParser(events=("start",), no_network=True)
        parser.feed(text)
        root = parser.close()
        seen: set[int] = set()
        for _, element in parser.read_events():
            seen.add(id(element))
            self._element(element, first_line, depth)
        # attributes of a later <html>/<body> tag land on the implied elements
        for element in (root, *(root.findall("body") if root is not None else ())):
            if element is not None and element.attrib and id(element) not in seen:
                self._element(element, first_line, depth)

    def _element(self, element: Any, first_line: int, depth: int) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction
        tag = tag.lower()
        line = first_line - 1 + (element.sourceline or 1)
        attrs = [(str(k).lower(), str(v)) for k, v in element.attrib.items()]
        self.start(tag, attrs, line)
        if tag == "style" and element.text:
            self.scan.refs.extend(Ref(line, url, image=False, loads=True)
                                  for url in css_urls(element.text))
        if depth < _NESTED_READS:
            if tag in _RAW_TEXT and element.text and "<" in element.text:
                self.read(element.text, line, depth + 1)
            for _, value in attrs:
                if "<" in value:
                    self.read(value, line, depth + 1)

    def start(self, tag: str, attrs: list[tuple[str, str]], line: int) -> None:
        found = self.scan.problems
        values = dict(reversed(attrs))  # the first of duplicates, as a browser reads them
        if tag in _FORBIDDEN_TAGS:
            found.append(finding(line, "problem.safety.tag", tag=tag))
        elif tag == "iframe":
            self._iframe(line, values)
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            found.append(finding(line, "problem.safety.meta_refresh"))
        for name, value in attrs:  # every one, duplicates included
            if name.startswith("on"):
                found.append(finding(line, "problem.safety.event_attribute",
                                     name=short(name, 30), tag=tag))
            elif name in _URL_ATTRS and any(
                url_kind(v) == "script" for v in (value.split(";") if name == "values"
                                                  else (value,))
            ):
                found.append(_script_url(line, value))
        if tag == "img" and not values.get("alt", "").strip():
            src = short(values.get("src", ""), 60)
            found.append(finding(line, "problem.safety.img_alt", src=src))
        for name in _LOADING.get(tag, ()):
            for url in _urls(values.get(name), name == "srcset"):
                image = tag == "img" or name == "poster" or (tag == "input")
                self.scan.refs.append(Ref(line, url, image=image, loads=True))
        for _, css in [a for a in attrs if a[0] == "style"]:
            self.scan.refs.extend(Ref(line, url, image=False, loads=True)
                                  for url in css_urls(css))
        if tag in _LINKING and values.get(_LINKING[tag]):
            self.scan.refs.append(Ref(line, values[_LINKING[tag]], image=False, loads=False))

    def _iframe(self, line: int, values: dict[str, str]) -> None:
        src = values.get("src", "").strip()
        # a scheme-relative '//host/…' is https on the published (https) site
        host = None if "srcdoc" in values else web_address(
            "https:" + src if src.startswith("//") else src)
        if host is not None and host in self.hosts:
            return
        allowed = ", ".join(sorted(self.hosts)) or "—"
        shown = host or short(src, 40) or worded("problem.safety.no_address")
        self.scan.problems.append(finding(line, "problem.safety.iframe", host=shown,
                                          allowed=allowed))


def _urls(value: str | None, srcset: bool) -> list[str]:
    if not value:
        return []
    if not srcset:
        return [value]
    return [c.split()[0] for c in value.split(",") if c.split()]


def scan_html(text: str, first_line: int, hosts: Iterable[str], scan: Scan | None = None) -> Scan:
    scan = scan or Scan()
    if "<" not in text:
        return scan
    # comments and declarations must not hide tags: a browser or Markdown may end them sooner
    _HtmlScanner(scan, frozenset(h.lower() for h in hosts)).read(
        text.replace("<!", "&lt;!"), first_line)
    return scan


# --- Markdown ------------------------------------------------------------------------------

_TEXT = r"(?:[^\[\]\n\\]|\\.|\[(?:[^\[\]\n\\]|\\.)*\])*"
_DEST = r"(?:[^()\n\\]|\\.|\((?:[^()\n\\]|\\.)*\))*"
_LINK = re.compile(
    rf"(?P<bang>!?)\[(?P<text>{_TEXT})\]"
    rf"(?:\((?P<dest>{_DEST})\)|\[(?P<ref>[^\[\]\n]*)\])"
)
_DEFINITION = re.compile(r"^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.M)
_TITLE = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^()]*\))\s*$""")
_CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"\n]*)"|'([^'\n]*)')""",
    re.I)
_ATTR_LOADS = frozenset({"src", "srcset", "poster", "background", "data"})


def css_urls(css: str) -> list[str]:
    """The addresses a style loads (``url(…)``, ``@import "…"``)."""
    return [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]


def _attr_lists(text: str) -> Iterable[tuple[int, str]]:
    """Offset and content of every ``{: …}`` attribute list, read as Python-Markdown's
    attr_list reads them (``\\{\\:?[ ]*([^\\}\\n ][^\\n]*)\\}``: to the line's last ``}``, so a
    ``}`` inside a quoted value does not end it). One pass over each line: linear."""
    offset = 0
    for line in text.split("\n"):
        first, last = line.find("{"), line.rfind("}")
        if first != -1 and last > first:
            inner = line[first + 1:last]
            inner = inner[1:] if inner.startswith(":") else inner
            if inner.strip():
                yield offset + first, inner.strip()
        offset += len(line) + 1


def _destination(dest: str) -> str:
    dest = dest.strip()
    if dest.startswith("<"):
        return dest[1:].split(">", 1)[0]
    return _TITLE.sub("", dest)


def _line_of(pos: int, first_line: int, starts: list[int]) -> int:
    return first_line + bisect.bisect_right(starts, pos) - 1


def _markdown(text: str, first_line: int, scan: Scan) -> None:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    image_labels: dict[str, list[int]] = {}

    def visit(chunk: str, offset: int) -> None:
        for m in _LINK.finditer(chunk):
            pos = offset + m.start()
            line = _line_of(pos, first_line, starts)
            image = bool(m.group("bang"))
            alt = m.group("text")
            if image and not alt.strip():
                found_alt(line, m.group(0))
            if m.group("dest") is not None:
                url = _destination(m.group("dest"))
                scan.refs.append(Ref(line, url, image=image, loads=image))
            else:
                label = (m.group("ref") or alt).strip().lower()
                if image:
                    image_labels.setdefault(label, []).append(line)
            if not image and "![" in alt:
                visit(alt, offset + m.start("text"))

    def found_alt(line: int, written: str) -> None:
        shown = short(written, 60)
        scan.problems.append(finding(line, "problem.safety.markdown_alt", image=shown))

    visit(text, 0)
    for m in _DEFINITION.finditer(text):
        label = m.group("label").strip().lower()
        url = m.group("url").strip("<>")
        line = _line_of(m.start(), first_line, starts)
        image = label in image_labels
        scan.refs.append(Ref(line, url, image=image, loads=image))
    for pos, attrs in _attr_lists(text):
        # imported here: a check served from the cache never needs Python-Markdown
        from markdown.extensions.attr_list import get_attrs  # type: ignore[import-untyped]

        line = _line_of(pos, first_line, starts)
        for pair in get_attrs(attrs):
            name, value = pair[0].lower(), pair[1]
            if value is None:
                continue
            if name.startswith("on"):
                scan.problems.append(finding(line, "problem.safety.attr_list_event",
                                             name=short(name, 30), braces="{…}"))
            elif name in _URL_ATTRS and url_kind(value) == "script":
                scan.problems.append(_script_url(line, value))
            elif name in _ATTR_LOADS:
                for url in _urls(value, name == "srcset"):
                    scan.refs.append(Ref(line, url, image=name in ("src", "srcset"), loads=True))
            elif name == "style":
                scan.refs.extend(Ref(line, url, image=False, loads=True)
                                 for url in css_urls(value))


def scan_body(body: str, first_line: int, hosts: Iterable[str]) -> Scan:
    """References and script-running constructs of a page body starting at ``first_line``.
    A body beyond ``limits`` is refused as it is, before anything reads it further."""
    scan = Scan()
    scan.problems = body_limits(body, first_line) + control_chars(body, first_line)
    if scan.problems:
        return scan
    _markdown(body, first_line, scan)
    for ref in scan.refs:
        if url_kind(ref.url) == "script":
            scan.problems.append(_script_url(ref.line, ref.url))
    scan_html(body, first_line, hosts, scan)  # reports script addresses of its own tags
    scan.problems.sort(key=lambda p: p.line or 0)
    return scan


def control_chars(body: str, first_line: int) -> list[Finding]:
    """The first invisible control character of a body (tab and line feed are fine)."""
    found = CONTROL.search(body)
    if not found:
        return []
    code = f"U+{ord(found.group()):04X}"
    return [finding(first_line + body.count("\n", 0, found.start()),
                    "problem.safety.control_char", code=code)]
