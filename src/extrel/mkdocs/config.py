"""Options of the ``extrel`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ExtrelConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn extrel off without removing its options."""
    timezone = c.Type(str, default="Europe/Moscow")
    """IANA time zone in which update dates are counted."""
    freshness = c.Type(dict, default={})
    """max_age_days, warn_days, plan_grace_days and per-subsection overrides under
    ``sections``."""
    stale_log_level = c.Choice(("info", "warning"), default="info")
    """Level of the one-line freshness summary; ``warning`` makes --strict fail on staleness."""
    fail_on_stale = c.Type(bool, default=False)
    """Make ``extrel build`` exit 1 when something is stale or missing."""
    allowed_iframe_hosts = c.Optional(c.ListOfItems(c.Type(str)))
    """Video hosts whose iframes pages may embed (default: Russian and common video hosts)."""
    workers = c.Optional(c.Type(int))
    """Processes building sections in parallel (default: one per core)."""
    remind = c.Type(dict, default={})
    """``smtp`` (host:port) and ``from`` (address) for ``extrel remind``."""

    # Set by extrel itself for each sub-build; users leave them out.
    role = c.Choice(("none", "portal", "section"), default="none")
    """Which kind of site this build is: the region's portal or one municipality's section."""
    municipality = c.Optional(c.Type(str))
    """The municipality of a section build."""
    language = c.Type(str, default="ru")
    """The language this build renders."""
    today = c.Optional(c.Type(str))
    """The check date (YYYY-MM-DD) for freshness and upcoming events."""
