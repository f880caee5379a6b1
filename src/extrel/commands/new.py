"""``extrel new``: a page of a subsection in every language of the region, from a scaffold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core.messages import t
from ..core.scaffold import DRAFT_MARK, new_page
from ..core.sections import SLUG
from .common import fail, load_project, unknown_message


def new(config_file: Path, type_: str, municipality: str, title: str, title_en: str | None,
        when: dt.date | None, slug: str | None, lang: str) -> None:
    project = load_project(config_file, lang)
    root = project.root
    if not (project.registry / f"{municipality}.yml").is_file():
        fail(unknown_message(project.registry, [municipality], lang))
    if slug is not None and not SLUG.match(slug):
        fail(t("cli.new.bad_slug", lang, slug=slug))
    page = new_page(type_, title, title_en, project.today(when), slug, project.languages.codes)
    folder = project.municipality_dir(municipality) / type_
    targets = {code: folder / f"{page.stem}.{code}.md" for code in project.languages}
    existing = [t for t in targets.values() if t.exists()]
    if existing:
        fail(t("cli.new.exists", lang)
             + ", ".join(str(t.relative_to(root)) for t in existing))
    folder.mkdir(parents=True, exist_ok=True)
    for code, target in targets.items():
        target.write_text(page.files[code], encoding="utf-8")
        click.echo(t("cli.new.created", lang) + str(target.relative_to(root)))
    click.echo(t("cli.new.next_steps", lang, mark=DRAFT_MARK, municipality=municipality))

