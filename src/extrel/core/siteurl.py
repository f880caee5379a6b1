"""The warning that mkdocs.yml gives no ``site_url`` (issue 16 item 5).

Without it the links in the feeds (RSS) and calendars (ICS) are relative, which feed readers
and calendar apps do not resolve. ``extrel check`` and ``extrel build`` say so once, as a
warning (the exit code does not change): which file, where to add the line, and an example.

mkdocs.yml is read as text here, not parsed: the value may be any YAML MkDocs accepts
(``!ENV`` included), and the warning needs the line of ``site_name`` to point at.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

_KEY = re.compile(r"^(site_url|site_name)[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$", re.MULTILINE)
_EMPTY = {"", "''", '""', "~", "null", "Null", "NULL"}


def missing(config_file: Path) -> list[Problem]:
    """One warning when ``config_file`` sets no ``site_url`` (or an empty one), else none."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the configuration's own reading reports an unreadable file
    lines: dict[str, int] = {}
    for found in _KEY.finditer(text):
        if found.group(1) == "site_url" and found.group(2) not in _EMPTY:
            return []
        lines.setdefault(found.group(1), text.count("\n", 0, found.start()) + 1)
    line = lines.get("site_url") or lines.get("site_name")
    return [Problem(config_file.name, line, "problem.config.site_url_missing",
                    {"file": config_file.name}, severity="warning")]


def json_keys(config_file: Path, lang: str = "ru") -> dict[str, list[dict[str, object]]]:
    """What the JSON reports (``check --format json``, ``freshness.json``) add for it: a key
    ``warnings`` of their own, so that ``problems`` stays the content's."""
    found = missing(config_file)
    return {"warnings": [p.to_dict(lang) for p in found]} if found else {}
