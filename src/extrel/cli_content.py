"""``extrel new`` and ``extrel report``: commands about content rather than the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from .cli import _config_file, _t, config_option, default_lang, fail, parse_date
from .core.loader import SLUG
from .core.options import parse_options
from .core.scaffold import new_page
from .core.sections import LANGUAGES, SUBSECTION_IDS


@click.command()
@click.argument("type_", metavar="TYPE", type=click.Choice(SUBSECTION_IDS))
@click.option("-m", "--municipality", required=True, metavar="ID",
              help="Код муниципалитета (имя папки) / municipality id.")
@click.option("-t", "--title", required=True, help="Заголовок на русском / Russian title.")
@click.option("--title-en", help="Заголовок на английском / English title.")
@click.option("--date", "when", callback=parse_date, metavar="YYYY-MM-DD",
              help="Дата (по умолчанию сегодня) / date (default: today).")
@click.option("--slug", help="Часть имени файла латиницей / file name part (a-z, 0-9, -).")
@config_option
def new(type_: str, municipality: str, title: str, title_en: str | None,
        when: dt.date | None, slug: str | None, config_file: str) -> None:
    """Создать страницу на двух языках по образцу / create a page in both languages.

    TYPE — подраздел: news, partners, plan, announcements, organizations, participation,
    presentation.
    """
    from .mkdocs import siteconfig

    lang = default_lang()
    path = _config_file(config_file)
    root = path.parent
    if not (root / "municipalities" / f"{municipality}.yml").is_file():
        fail(_t(lang, f"Нет муниципалитета «{municipality}»: сначала создайте "
                      f"municipalities/{municipality}.yml",
                f"No municipality '{municipality}': create municipalities/{municipality}.yml "
                "first"))
    if slug is not None and not SLUG.match(slug):
        fail(_t(lang, f"--slug «{slug}»: только строчные латинские буквы, цифры и дефис",
                f"--slug '{slug}': lowercase latin letters, digits and hyphens only"))
    options, _ = parse_options(siteconfig.extrel_options(siteconfig.read_raw(path)))
    when = when or dt.datetime.now(ZoneInfo(options.timezone)).date()
    page = new_page(type_, title, title_en, when, slug)
    folder = root / "content" / municipality / type_
    targets = {code: folder / f"{page.stem}.{code}.md" for code in LANGUAGES}
    existing = [t for t in targets.values() if t.exists()]
    if existing:
        fail(_t(lang, "Файл уже есть, ничего не записано: ", "File exists, nothing written: ")
             + ", ".join(str(t.relative_to(root)) for t in existing))
    folder.mkdir(parents=True, exist_ok=True)
    for code, target in targets.items():
        target.write_text(page.files[code], encoding="utf-8")
        click.echo(_t(lang, "Создан ", "Created ") + str(target.relative_to(root)))
    click.echo(_t(lang,
                  f"Заполните оба файла, затем проверьте: extrel check --only {municipality}; "
                  f"просмотр: extrel serve {municipality}",
                  f"Fill in both files, then run: extrel check --only {municipality}; "
                  f"preview: extrel serve {municipality}"))


def register(group: click.Group) -> None:
    group.add_command(new)


__all__ = ["register", "new"]
