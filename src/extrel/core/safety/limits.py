"""What a page body may not ask of Python-Markdown: limits checked before it ever runs.

Python-Markdown's inline patterns look for the end of a link (``]``, ``)``) or of an inline
tag (``>``) from every opening; unclosed ones make it quadratic (20,000 ``[`` took 56 s), and
nesting by indentation (lists, admonitions) recurses until Python's limit. These limits are
far beyond what any real page needs, and each is measured in one linear pass.
"""

from __future__ import annotations

import html.parser
import re

from ..problems import Finding, finding

MAX_BODY_CHARS = 500_000
"""Characters of a page's body (a long report is a tenth of this)."""

MAX_SEARCH = 1_000_000
"""Characters Python-Markdown would read looking for the ends of the page's links and HTML
tags, summed over the page (a page of ordinary links and tags reads a few thousand; 20,000
unclosed ``[`` would read 200 million)."""

MAX_INLINE = 500_000_000
"""Inline marks (brackets, tags, emphasis, quotes…) of a paragraph times its length, summed
over the page: Python-Markdown rewrites a paragraph's whole text for each inline element it
finds (30,000 links in one paragraph cost 25 billion and took 6 s; a billion is about a
second). A 10,000-character paragraph with 500 links and tags costs 20 million."""

MAX_INDENT = 64
"""Columns of indentation before a line's text: 16 levels of nested lists or notes."""

MAX_MARKERS = 16
"""List markers opening one line (``- - - x`` nests three lists: Python-Markdown recurses
once per marker, 500 of them pass Python's limit)."""

_MARKERS = re.compile(r"^(?:[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]*))+", re.M)
_RULE = re.compile(r"[-*_ \t]+")
_BLOCKS = re.compile(r"\n[ \t]*\n")
_OPENERS = re.compile(r"\[|\]\(?|\)")
_TAG_START = re.compile(r"<[a-zA-Z]")
_TAG_END: re.Pattern[str] = getattr(html.parser, "locatestarttagend_tolerant", None) or re.compile(
    r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:[\s/]*(?:(?<=['\"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*"
    r"(?:'[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*)\s*)?(?:\s|/(?!>))*)*)?\s*")
"""How far the standard library's HTML parser reads a start tag (Python-Markdown reads a
page's raw HTML with it): from each ``<tag`` up to its end, or to the end of the text when
the tag is never closed outside quotes — quadratic on a run of such tags."""
_INDENT = re.compile(r"^[ \t]*(?=(?:[-*+]|\d+[.)])[ \t]|!!!|\?\?\?|>)", re.M)
"""The indentation of a line that nests: a list item, a note (admonition), a quote."""
_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|>|<))")
"""Where a block's next text of its own starts: a list item, a table row, a heading, a
quote, a line of HTML (Python-Markdown reads each one's inline markup apart, or not at all)."""
_INLINE_MARKS = re.compile(r"[\[\]()<>*_`&\\\"'{}!]")


def _search_cost(block: str) -> int:
    """What the link patterns read in one block: from each ``[`` to its ``]``, from each
    ``](`` to its ``)``; an unclosed one to the end of the block."""
    cost = 0
    brackets: list[int] = []
    parens: list[int] = []
    for m in _OPENERS.finditer(block):
        mark, pos = m.group(), m.start()
        if mark == "[":
            brackets.append(pos)
        elif mark == ")":
            if parens:
                cost += pos - parens.pop()
        else:
            if brackets:
                cost += pos - brackets.pop()
            if mark == "](":
                parens.append(pos)
    end = len(block)
    return cost + sum(end - p for p in (*brackets, *parens))


def _tag_cost(body: str, budget: int) -> int:
    """What the HTML parser reads of the body's start tags, counted until ``budget`` is
    passed (so that counting stays linear too)."""
    cost = 0
    for m in _TAG_START.finditer(body):
        found = _TAG_END.match(body, m.start())
        cost += found.end() - m.start() if found else 1
        if cost > budget:
            break
    return cost


def _grouped(number: int) -> dict[str, str]:
    """A number with its thousands grouped as each language writes them."""
    return {"ru": f"{number:,}".replace(",", "\u00a0"), "en": f"{number:,}"}


def body_limits(body: str, first_line: int) -> list[Finding]:
    """The limits ``body`` breaks (none for any real page), each with its line."""
    if len(body) > MAX_BODY_CHARS:
        return [finding(first_line, "problem.limits.body_chars", size=_grouped(len(body)),
                        limit=_grouped(MAX_BODY_CHARS))]
    for m in _INDENT.finditer(body):
        width = len(m.group().expandtabs(4))
        if width > MAX_INDENT:
            line = first_line + body.count("\n", 0, m.start())
            return [finding(line, "problem.limits.indent", width=width,
                            levels=MAX_INDENT // 4)]
    for m in _MARKERS.finditer(body):
        markers = sum(1 for ch in m.group() if ch in "-*+.)")
        line_end = body.find("\n", m.start())
        whole = body[m.start():line_end if line_end != -1 else len(body)]
        if markers > MAX_MARKERS and not _RULE.fullmatch(whole):
            line = first_line + body.count("\n", 0, m.start())
            return [finding(line, "problem.limits.markers", markers=markers,
                            levels=MAX_MARKERS)]
    cost, inline, start = _tag_cost(body, MAX_SEARCH), 0, 0
    for block in _BLOCKS.split(body):
        cost += _search_cost(block)
        inline += sum(len(_INLINE_MARKS.findall(text)) * len(text)
                      for text in _ITEM.split(block))
        if cost > MAX_SEARCH or inline > MAX_INLINE:
            line = first_line + body.count("\n", 0, body.find(block, start))
            return [finding(line, "problem.limits.too_costly")]
        start += len(block)
    return []
