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
        fail(unknown_message(project.registry, unknown, lang))
    return snapshot


def unknown_message(registry: Path, unknown: list[str], lang: str) -> str:
    """«Неизвестный муниципалитет: inzza; может быть, inza?» — the ids that have no registry
    file, each with the registered id closest to it."""
    import difflib

    known = sorted({p.stem for p in registry.glob("*.y*ml")} if registry.is_dir() else set())
    told = []
    for mid in unknown:
        guess = difflib.get_close_matches(mid, known, n=1, cutoff=0.6)
        told.append(mid + (t("cli.did_you_mean", lang, guess=guess[0])
                           if guess else ""))
    return (t("cli.unknown_municipality", lang) + ", ".join(told)
            + t("cli.no_registry_entry", lang))


def print_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        label = {"error": t("cli.severity.error", lang),
                 "warning": t("cli.severity.warning", lang)}[p.severity]
        colour = "red" if p.severity == "error" else "yellow"
        click.echo(f"{p.format(lang)} [{click.style(label, fg=colour)}]", err=True)


def concerning(problems: list[Problem], only: tuple[str, ...], project: Project
               ) -> list[Problem]:
    """The problems ``--only`` asks about: those of the named municipalities (their folder,
    their registry entry) and the region-wide ones (mkdocs.yml, the portal's pages)."""
    if not only:
        return list(problems)
    registry = project.registry
    ids = {p.stem for p in registry.glob("*.y*ml")} if registry.is_dir() else set()
    content = project.docs_dir.strip("/") + "/"

    def owner(file: str) -> str | None:
        if file.startswith("municipalities/"):
            name = file[len("municipalities/"):].split("/", 1)[0]
            stem = name.split(".", 1)[0]
            return stem if stem in ids else None
        if file.startswith(content):
            first = file[len(content):].split("/", 1)[0]
            return first if first in ids else None
        return None

    return [p for p in problems if owner(p.file) in (None, *only)]
