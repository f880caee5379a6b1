"""``extrel serve``: a live preview of one municipality's section, in every language, that
rebuilds on save and shows the content's problems where the editor looks: on the page that
has them (``extrel.mkdocs.preview``), in a panel on every page, and in the terminal."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import logging
from pathlib import Path
from typing import Any

import click

from ..core.languages import DEFAULT_LANGUAGE
from ..core.messages import t
from ..core.problems import Problem
from .common import fail, load_project, load_snapshot, print_problems


def serve(config_file: Path, municipality: str, dev_addr: str, today: dt.date | None,
          open_in_browser: bool, lang: str) -> None:
    from ..mkdocs import preview, siteconfig

    project = load_project(config_file, lang)
    snapshot = load_snapshot(project, today, (municipality,), True, lang)
    if municipality not in snapshot.region.municipalities:  # its registry entry is invalid
        print_problems(snapshot.problems, lang)
        fail(t("cli.serve.fix_registry", lang, municipality=municipality))
    m = snapshot.region.municipalities[municipality]
    # without --today, each rebuild rates freshness as of its own day in the region's zone
    overrides = siteconfig.overrides(
        project, role="section", lang=DEFAULT_LANGUAGE,
        site_name=m.name(DEFAULT_LANGUAGE), municipality=municipality,
        today=today.isoformat() if today else None)
    # MkDocs' serve reloads the configuration with these overrides on every change, and its
    # validation consumes the plugin dicts: hand it a fresh copy each time
    overrides["plugins"] = _FreshList(overrides["plugins"])
    click.echo(t("cli.serve.preview", lang, dev_addr=dev_addr), err=True)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    preview.SESSION = preview.Session(tell=_Teller(lang))
    try:
        preview.serve(str(project.config_file), open_in_browser=open_in_browser,
                      dev_addr=dev_addr, **overrides)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        fail(t("cli.serve.address_in_use", lang, dev_addr=dev_addr))
    finally:
        preview.SESSION = None


class _Teller:
    """Prints each rebuild's problems in the terminal, and once that they are all fixed."""

    def __init__(self, lang: str) -> None:
        self.lang, self.had = lang, False

    def __call__(self, problems: list[Problem]) -> None:
        n = sum(1 for p in problems if p.severity == "error")
        if problems:
            click.echo(t("cli.serve.counts", self.lang, n=n, w=len(problems) - n), err=True)
            print_problems(problems, self.lang)
        if self.had and not n:
            click.echo(t("cli.serve.no_errors_left", self.lang), err=True)
        self.had = bool(n)


class _FreshList(list[Any]):
    """A list whose iteration yields deep copies of its items."""

    def __iter__(self) -> Any:
        return iter(copy.deepcopy(list(super().__iter__())))
