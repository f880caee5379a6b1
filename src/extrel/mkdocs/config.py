"""Options of the ``extrel`` MkDocs plugin.

The one schema of extrel's options is ``extrel.core.options.Options``: this class only
accepts the user's options and passes them on (an option left out is None here and takes
the default of ``Options``; the values are checked there, with messages for editors).
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.options import Options


class ExtrelConfig(base.Config):
    enabled = c.Type(bool, default=Options.model_fields["enabled"].default)
    """Turn extrel off without removing its options."""
    timezone = c.Optional(c.Type(str))
    """IANA time zone in which update dates and "today" are counted."""
    freshness = c.Optional(c.Type(dict))
    """max_age_days, warn_days, plan_grace_days and per-subsection overrides under
    ``sections``."""
    stale_log_level = c.Optional(c.Type(str))
    """Level of the one-line freshness summary (``info`` or ``warning``); ``warning`` makes
    --strict fail on staleness."""
    fail_on_stale = c.Optional(c.Type(bool))
    """Make ``extrel build`` exit 1 when something is stale or missing."""
    allowed_iframe_hosts = c.Optional(c.ListOfItems(c.Type(str)))
    """Video hosts whose iframes pages may embed (default: Russian and common video hosts)."""
    workers = c.Optional(c.Type(int))
    """Processes building sections in parallel (default: one per core)."""
    remind = c.Optional(c.Type(dict))
    """``smtp`` (host:port) and ``from`` (address) for ``extrel remind``."""

    editor = c.Optional(c.Type(dict))
    """The web editor at site/admin/: ``backend`` (gitlab, forgejo), ``repo``, ``base_url``,
    ``app_id``."""

    # Set by extrel itself for each sub-build; users leave them out.
    role = c.Choice(("none", "portal", "section"), default="none")
    """Which kind of site this build is: the region's portal or one municipality's section."""
    municipality = c.Optional(c.Type(str))
    """The municipality of a section build."""
    language = c.Optional(c.Type(str))
    """The language this build renders (default: the region's default language)."""
    today = c.Optional(c.Type(str))
    """The check date (YYYY-MM-DD) for freshness and upcoming events."""
