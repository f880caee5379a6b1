"""What every command shares: the language of messages, failing with an exit code, the
front door (the region's ``Project``), its content as of the check date, problems printed."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ..core.gitdates import GitError
from ..core.messages import bilingual, t
from ..core.problems import Problem

if TYPE_CHECKING:
    from ..core.project import Project
    from ..core.snapshot import Snapshot

EXIT_BEHIND, EXIT_INVALID = 1, 2


def default_lang() -> str:
    for var in ("EXTREL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "ru"
    return "ru"


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def config_path(path: str) -> Path:
    config_file = Path(path)
    if not config_file.is_file():
        fail(bilingual("cli.no_config", sep="\n", path=config_file))
    return config_file.resolve()


def load_project(config_file: Path, lang: str) -> Project:
    """The front door: the region's ``Project`` from its mkdocs.yml; exits 2 when the file
    cannot be read at all (what is wrong inside is in ``Project.problems``)."""
    from ..mkdocs import siteconfig  # MkDocs' YAML loader understands mkdocs.yml's tags

    try:
        return siteconfig.project(config_file)
    except Exception as exc:  # YAML errors of mkdocs.yml
        fail(f"{config_file.name}: " + t("cli.config_invalid_yaml", lang)
             + str(exc))


def unregistered(root: Path, only: tuple[str, ...], snapshot: Snapshot) -> list[str]:
    """Ids of ``--only`` with no registry file at all. One whose file is invalid is not
    unknown: the check reports that file and its line (exit 2)."""
    return sorted(mid for mid in set(only) - set(snapshot.region.municipalities)
                  if not any((root / "municipalities" / f"{mid}{suffix}").is_file()
                             for suffix in (".yml", ".yaml")))


def load_snapshot(project: Project, today: dt.date | None, only: tuple[str, ...],
                  allow_shallow: bool, lang: str, *, entries: bool = True) -> Snapshot:
    """Read the content as of ``today`` (default: today in the region's time zone); exits 2
    on what cannot be read at all."""
    try:
        snapshot = project.analyse(project.today(today), only=only or None,
                                   allow_shallow=allow_shallow, entries=entries)
    except GitError as exc:
        fail(str(exc))
    unknown = unregistered(project.root, only, snapshot)
    if unknown:
        fail(t("cli.unknown_municipality", lang)
             + ", ".join(unknown) + t("cli.no_registry_entry", lang))
    return snapshot


def print_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        label = {"error": t("cli.severity.error", lang),
                 "warning": t("cli.severity.warning", lang)}[p.severity]
        colour = "red" if p.severity == "error" else "yellow"
        click.echo(f"{p.format(lang)} [{click.style(label, fg=colour)}]", err=True)
