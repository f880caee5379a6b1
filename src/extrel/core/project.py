"""The front door: one region's project, as its mkdocs.yml describes it.

Every command (check, build, serve, report, new, schema) and the MkDocs plugin enter
through a ``Project``: where the content is (``docs_dir``), where the registry is, extrel's
validated options (``options.Options``, the one configuration schema), the languages (the
``i18n`` block), the region's time zone and "today". Plain Python: the mkdocs.yml is read by
``extrel.mkdocs.siteconfig`` (it needs MkDocs' YAML tags, such as ``!ENV``) and handed over
as a dict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .languages import Languages, from_i18n
from .options import DEFAULT_TIMEZONE
from .problems import Problem

if TYPE_CHECKING:
    from .options import Options
    from .snapshot import Snapshot

PLUGIN = "extrel"
I18N = "i18n"
DEFAULT_DOCS_DIR = "content"
"""Where the content is when mkdocs.yml names no ``docs_dir`` (extrel's layout)."""
REGISTRY_DIR = "municipalities"


def plugin_entries(raw: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The ``plugins:`` list of a mkdocs.yml as (name, options) pairs, in order."""
    result: list[tuple[str, dict[str, Any]]] = []
    for item in raw.get("plugins") or []:
        if isinstance(item, str):
            result.append((item, {}))
        elif isinstance(item, Mapping):
            for name, opts in item.items():
                result.append((str(name), dict(opts) if isinstance(opts, Mapping) else {}))
    return result


def plugin_options(raw: Mapping[str, Any], name: str) -> dict[str, Any]:
    for found, opts in plugin_entries(raw):
        if found == name:
            return opts
    return {}


@dataclass(frozen=True)
class Project:
    root: Path
    """The site repository's root: the folder of mkdocs.yml."""
    config_file: Path
    raw: Mapping[str, Any] = field(repr=False)
    """mkdocs.yml as read, for the per-site configurations derived from it."""
    languages: Languages
    docs_dir: str = DEFAULT_DOCS_DIR
    """The content folder, relative to ``root`` (mkdocs.yml's ``docs_dir``)."""
    layout_problems: tuple[Problem, ...] = ()
    """What is wrong with the languages or ``docs_dir``."""

    @classmethod
    def from_raw(cls, config_file: Path, raw: Mapping[str, Any]) -> Project:
        config_file = config_file.resolve()
        source = config_file.name
        languages, problems = from_i18n(plugin_options(raw, I18N), source=source)
        docs_dir, more = _docs_dir(config_file.parent, raw.get("docs_dir"), source)
        return cls(config_file.parent, config_file, raw, languages, docs_dir,
                   (*problems, *more))

    # -- options --------------------------------------------------------------------------------

    @cached_property
    def _checked(self) -> tuple[Options, tuple[Problem, ...]]:
        # validated when first asked for: a build with nothing changed needs only the date
        from .options import parse_options

        options, problems = parse_options(plugin_options(self.raw, PLUGIN),
                                          source=self.config_file.name)
        return options, tuple(problems)

    @property
    def options(self) -> Options:
        """extrel's options, validated (the defaults where they are invalid)."""
        return self._checked[0]

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What is wrong with the configuration (reported by ``check``, stops ``build``)."""
        return (*self._checked[1], *self.layout_problems)

    # -- layout -------------------------------------------------------------------------------

    @property
    def content(self) -> Path:
        return self.root / self.docs_dir

    @property
    def registry(self) -> Path:
        return self.root / REGISTRY_DIR

    def municipality_dir(self, mid: str) -> Path:
        return self.content / mid

    # -- names and time ---------------------------------------------------------------------

    def site_name(self, lang: str) -> str:
        """The portal's name in ``lang``: the i18n block's ``site_name``, else mkdocs.yml's."""
        return self.languages.site_name(lang, str(self.raw.get("site_name") or ""))

    @property
    def timezone(self) -> str:
        """The option ``timezone``, else the default; a name that is not a time zone counts
        as left out (``problems`` reports it)."""
        name = plugin_options(self.raw, PLUGIN).get("timezone")
        if isinstance(name, str):
            try:
                ZoneInfo(name)
                return name
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return DEFAULT_TIMEZONE

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self, override: dt.date | None = None, *, now: dt.datetime | None = None
              ) -> dt.date:
        """The check date: ``override`` where given, else the calendar date in the region's
        time zone at the instant ``now`` (default: this moment). The one place where extrel
        asks the clock."""
        if override is not None:
            return override
        instant = now if now is not None else dt.datetime.now(dt.UTC)
        if instant.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        return instant.astimezone(self.zone).date()

    # -- the content --------------------------------------------------------------------------

    def analyse(self, today: dt.date, *, only: Iterable[str] | None = None,
                **kwargs: Any) -> Snapshot:
        """``snapshot.analyse`` of this project's content as of ``today``."""
        from .snapshot import analyse

        return analyse(self.root, self.options, today, only=only, content_dir=self.docs_dir,
                       languages=self.languages, config_problems=self.problems, **kwargs)


def _docs_dir(root: Path, value: Any, source: str) -> tuple[str, list[Problem]]:
    if value is None:
        return DEFAULT_DOCS_DIR, []
    text = str(value)
    path = (root / text).resolve()
    if not isinstance(value, str) or not text or not path.is_relative_to(root.resolve()) \
            or path == root.resolve():
        return DEFAULT_DOCS_DIR, [Problem(source, None, "problem.project.docs_dir",
                                          {"value": str(value)})]
    return path.relative_to(root.resolve()).as_posix(), []
