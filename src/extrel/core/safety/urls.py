"""Addresses read as a browser reads them (WHATWG URL, through ada-url), and typed values.

A browser and Python's ``urllib`` disagree on ``https://evil.example\\@www.youtube.com/``:
for ``urllib`` the host is ``www.youtube.com``, for a browser ``evil.example``. Every host
extrel compares with a list is the host ada-url finds, and anything that reads differently
in different parsers — a backslash, credentials, a port, spaces or controls — is refused.
"""

from __future__ import annotations

import re

from ada_url import join_url, parse_url

_BASE = "https://extrel.invalid/section/page/"
"""A stand-in for the page's own address, to see where a relative address leads."""

_ODD = re.compile(r"[\\\s\x00-\x1f\x7f]")
"""Characters a browser drops or reads as '/' in an address, and ``urllib`` keeps."""

PHONE = re.compile(
    r"^\+?(?:[0-9]+|\([0-9]+\))(?:[ \-]?(?:\([0-9]+\)|[0-9]+))*"
    r"(?:[ ,]*(?:доб\.?|ext\.?|x)[ ]?[0-9]{1,6})?$"
)
"""A telephone number as people write it: digits, spaces, ``+``, ``(…)``, ``-`` and an
optional extension (``доб. 123``, ``ext. 123``)."""


def web_address(value: str, *, https_only: bool = True) -> str | None:
    """The host of an address a browser would open, or None when it is not a plain web
    address: parsed as WHATWG URL, scheme https (or http when allowed), no backslash, space
    or control character, no ``user@``, no port."""
    if _ODD.search(value):
        return None
    try:
        parts = parse_url(value)
    except ValueError:
        return None
    schemes = ("https:",) if https_only else ("https:", "http:")
    if parts["protocol"] not in schemes or parts["username"] or parts["password"]:
        return None
    if parts["port"] or not parts["hostname"] or "." not in parts["hostname"]:
        return None
    return str(parts["hostname"]).lower()


def leads_elsewhere(url: str) -> bool:
    """A relative address that a browser resolves to another site (``/\\evil.example``,
    ``/<tab>/evil.example``…)."""
    try:
        joined = parse_url(join_url(_BASE, url.strip()))
    except ValueError:
        return False
    return bool(joined["protocol"] in ("http:", "https:")
                and joined["hostname"] != "extrel.invalid")


def is_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return 3 <= digits <= 20 and len(value) <= 40 and bool(PHONE.match(value))
