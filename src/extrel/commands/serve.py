"""``extrel serve``: a live preview of one municipality's section, in every language, that
rebuilds on save and shows the content's problems on the page."""

from __future__ import annotations

import copy
import datetime as dt
import logging
from pathlib import Path
from typing import Any

import click

from ..core.languages import DEFAULT_LANGUAGE
from ..core.messages import t
from .common import fail, load_project, load_snapshot, print_problems


def serve(config_file: Path, municipality: str, dev_addr: str, today: dt.date | None,
          open_in_browser: bool, lang: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from ..mkdocs import siteconfig

    project = load_project(config_file, lang)
    snapshot = load_snapshot(project, today, (municipality,), True, lang)
    print_problems(snapshot.problems, lang)
    if municipality not in snapshot.region.municipalities:  # its registry entry is invalid
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
    mkdocs_serve(config_file=str(project.config_file), livereload=True,
                 open_in_browser=open_in_browser, dev_addr=dev_addr, **overrides)


class _FreshList(list[Any]):
    """A list whose iteration yields deep copies of its items."""

    def __iter__(self) -> Any:
        return iter(copy.deepcopy(list(super().__iter__())))
