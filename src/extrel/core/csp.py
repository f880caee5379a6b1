"""The Content-Security-Policy every built page carries, as a ``<meta http-equiv>``.

The browser then runs and loads only the site's own files, whatever a page's text holds:
scripts only from the site's files (Material's and extrel's inline scripts are files too,
see ``templates/partials/javascripts``), styles, fonts and media only from the site,
pictures from the site and ``data:`` (Material's icons are ``data:`` SVG in its stylesheet),
frames only from the allowed video hosts (opened when the visitor asks), no plugins, no
``<base>`` elsewhere, forms only to the site. ``frame-ancestors`` and ``report-uri`` have no
effect in a ``<meta>``; the header lines in the README add the former.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HOST = re.compile(r"^[a-z0-9.-]+$")
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']?content-security-policy", re.I)


def script_hash(source: str) -> str:
    """The CSP source that allows exactly this inline script (``'sha256-…'``)."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(frame_hosts: Iterable[str] = (), script_hashes: Iterable[str] = ()) -> str:
    """The policy: ``frame_hosts`` are host names (``www.youtube.com``), served over https;
    ``script_hashes`` are :func:`script_hash` values of inline scripts a template must keep."""
    hosts = sorted({h.strip().lower() for h in frame_hosts})
    for host in hosts:
        if not _HOST.match(host):
            raise ValueError(f"not a host name: {host!r}")
    frames = " ".join(f"https://{h}" for h in hosts) or "'none'"
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "media-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        f"frame-src {frames}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def header_policy(frame_hosts: Iterable[str] = ()) -> str:
    """The same policy for an HTTP header, where ``frame-ancestors`` works too."""
    return policy(frame_hosts) + "; frame-ancestors 'self'"


def with_policy(page: str, value: str) -> str:
    """``page`` with the policy as the first element of its head (after ``<meta charset>``):
    before any script, style or link, so it governs all of them."""
    if _EXISTING.search(page):
        raise ValueError("the page already carries a Content-Security-Policy")
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("the page has no <head>")
    at = head.end()
    charset = _CHARSET.match(page, at)
    if charset is not None:
        at = charset.end()
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{value}">'
    return page[:at] + meta + page[at:]
