"""extrel's options (the ``extrel`` plugin's block in mkdocs.yml), validated without MkDocs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from .freshness import Thresholds
from .messages import worded
from .problems import Problem
from .sections import SUBSECTION_IDS

DEFAULT_TIMEZONE = "Europe/Moscow"
"""The region's time zone when mkdocs.yml names none (the option ``timezone``)."""


class SectionThresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_age_days: int | None = Field(default=None, ge=1)
    warn_days: int | None = Field(default=None, ge=0)


class FreshnessOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_age_days: int = Field(default=31, ge=1)
    warn_days: int = Field(default=7, ge=0)
    plan_grace_days: int = Field(default=31, ge=0)
    """Days after 1 January a municipality has to publish the year's plan (``coverage``)."""
    sections: dict[str, SectionThresholds] = {}

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, value: dict[str, SectionThresholds]) -> dict[str, SectionThresholds]:
        unknown = sorted(set(value) - set(SUBSECTION_IDS))
        if unknown:
            raise PydanticCustomError("sections_unknown", "unknown subsection(s): {unknown}",
                                      {"unknown": ", ".join(unknown)})
        return value


class RemindOptions(BaseModel):
    """``remind: {smtp: host:port, from: address}`` for ``extrel remind``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    smtp: str | None = None
    sender: str | None = Field(default=None, alias="from")


_HOST_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
"""A video host's name as the policy's frame-src names it: no scheme, port, path or wildcard."""


class EditorOptions(BaseModel):
    """``editor: {backend, repo, base_url, app_id}``: publish the web editor at site/admin/
    for the region's own GitLab or Forgejo (Gitea); README, "Способ 1. В браузере"."""

    model_config = ConfigDict(extra="forbid")
    backend: Literal["gitlab", "forgejo", "gitea"]
    repo: str = Field(min_length=3, pattern=r"^[^/\s]+(/[^/\s]+)+$")
    base_url: str = Field(pattern=r"^https://\S+$")
    app_id: str = Field(min_length=1)
    branch: str = "main"


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    enabled: bool = True
    timezone: str = DEFAULT_TIMEZONE
    freshness: FreshnessOptions = FreshnessOptions()
    stale_log_level: Literal["info", "warning"] = "info"
    fail_on_stale: bool = False
    allowed_iframe_hosts: list[str] = [
        "rutube.ru",
        "vk.com",
        "vkvideo.ru",
        "youtube.com",
        "www.youtube.com",
        "www.youtube-nocookie.com",
    ]
    remind: RemindOptions = RemindOptions()
    workers: int | None = Field(default=None, ge=1)
    """Processes building sections in parallel; None: one per core."""
    editor: EditorOptions | None = None

    @field_validator("allowed_iframe_hosts")
    @classmethod
    def _host_names(cls, value: list[str]) -> list[str]:
        hosts = [host.strip().lower() for host in value]
        if any(len(host) > 253 or not _HOST_NAME.match(host) for host in hosts):
            raise PydanticCustomError("iframe_host_invalid", "not a host name")
        return hosts

    @field_validator("timezone")
    @classmethod
    def _real_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError("timezone_unknown", "unknown time zone") from None
        return value

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def thresholds(self) -> dict[str, Thresholds]:
        base = self.freshness
        result = {}
        for sid in SUBSECTION_IDS:
            override = base.sections.get(sid, SectionThresholds())
            result[sid] = Thresholds(
                max_age_days=override.max_age_days or base.max_age_days,
                warn_days=override.warn_days if override.warn_days is not None else base.warn_days,
            )
        return result


INTERNAL_KEYS = frozenset({"role", "municipality", "language", "today"})
"""Plugin options extrel sets itself for each sub-build; not the user's to validate here."""


def parse_options(
    raw: Mapping[str, Any] | None, source: str = "mkdocs.yml", line: int | None = None
) -> tuple[Options, list[Problem]]:
    # an option left out (None in MkDocs' typed config) takes extrel's default
    data = {k: v for k, v in (raw or {}).items() if k not in INTERNAL_KEYS and v is not None}
    try:
        return Options.model_validate(data), []
    except ValidationError as exc:
        from .schema import explain  # the front matter's models: only to explain a mistake

        problems = []
        for err in exc.errors():
            found = explain(err, Options, {})
            if err["type"] == "timezone_unknown":
                message = worded("problem.options.timezone", value=err.get("input"))
            elif err["type"] == "sections_unknown":
                message = worded("problem.options.sections", name=found.params["name"],
                                 unknown=err["ctx"]["unknown"], allowed=", ".join(SUBSECTION_IDS))
            elif err["type"] == "iframe_host_invalid":
                message = worded("problem.options.iframe_host", value=err.get("input"))
            else:
                message = worded(found.key, **found.params)
            problems.append(Problem(source, line, "problem.options.invalid", {"message": message}))
        return Options(), problems
