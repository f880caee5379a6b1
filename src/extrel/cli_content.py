"""``extrel new``, ``extrel report`` and ``extrel schema``: commands about content rather than
the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .cli import (
    _config_file,
    _t,
    config_option,
    default_lang,
    fail,
    load_project,
    parse_date,
    today_option,
)
from .core.scaffold import DRAFT_MARK, new_page
from .core.sections import SLUG, SUBSECTION_IDS


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
    """Создать страницу на всех языках сайта по образцу / create a page in every language.

    TYPE — подраздел: news, partners, plan, announcements, organizations, participation,
    presentation.
    """
    lang = default_lang()
    project = load_project(_config_file(config_file), lang)
    root = project.root
    if not (project.registry / f"{municipality}.yml").is_file():
        fail(_t(lang, f"Нет муниципалитета «{municipality}»: сначала создайте "
                      f"municipalities/{municipality}.yml",
                f"No municipality '{municipality}': create municipalities/{municipality}.yml "
                "first"))
    if slug is not None and not SLUG.match(slug):
        fail(_t(lang, f"--slug «{slug}»: только строчные латинские буквы, цифры и дефис",
                f"--slug '{slug}': lowercase latin letters, digits and hyphens only"))
    page = new_page(type_, title, title_en, project.today(when), slug, project.languages.codes)
    folder = project.municipality_dir(municipality) / type_
    targets = {code: folder / f"{page.stem}.{code}.md" for code in project.languages}
    existing = [t for t in targets.values() if t.exists()]
    if existing:
        fail(_t(lang, "Файл уже есть, ничего не записано: ", "File exists, nothing written: ")
             + ", ".join(str(t.relative_to(root)) for t in existing))
    folder.mkdir(parents=True, exist_ok=True)
    for code, target in targets.items():
        target.write_text(page.files[code], encoding="utf-8")
        click.echo(_t(lang, "Создан ", "Created ") + str(target.relative_to(root)))
    click.echo(_t(lang,
                  f"Замените в каждом файле всё, что начинается с «{DRAFT_MARK}»: до тех пор "
                  "страница — черновик, она не публикуется и не считается обновлением. "
                  f"Затем проверьте: extrel check --only {municipality}; "
                  f"просмотр: extrel serve {municipality}",
                  f"Replace in every file whatever starts with '{DRAFT_MARK}': until then the "
                  "page is a draft, neither published nor counted as an update. "
                  f"Then run: extrel check --only {municipality}; "
                  f"preview: extrel serve {municipality}"))


@click.command()
@click.option("--year", type=click.IntRange(2000, 2100), metavar="YYYY",
              help="Годовой отчёт: число мероприятий по видам / the year's activity counts.")
@click.option("--month", metavar="YYYY-MM",
              help="Что опубликовано за месяц / what was published in that month.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "xlsx"]),
              default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Файл для отчёта (для xlsx обязателен) / output file (required for xlsx).")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None)
@today_option
@config_option
def report(year: int | None, month: str | None, fmt: str, output: str | None,
           lang: str | None, today: dt.date | None, config_file: str) -> None:
    """Отчёт для рейтинга: мероприятия за год или публикации за месяц / yearly report.

    Годовой отчёт составляется на дату --today (по умолчанию сегодня): событие идёт в счёт,
    когда оно уже произошло / the yearly report counts what has happened by --today."""
    from .core import export
    from .core.loader import load_region
    from .core.report import monthly_report, yearly_report

    lang = lang or default_lang()
    if (year is None) == (month is None):
        fail(_t(lang, "Укажите ровно одно: --year ГГГГ или --month ГГГГ-ММ",
                "Give exactly one of --year YYYY or --month YYYY-MM"))
    project = load_project(_config_file(config_file), lang)
    region = load_region(project.root, project.docs_dir,
                         allowed_iframe_hosts=project.options.allowed_iframe_hosts,
                         languages=project.languages)
    problems = [*project.problems, *region.problems]
    if any(p.severity == "error" for p in problems):
        from .cli import print_problems

        print_problems(problems, lang)
        fail(_t(lang, "Отчёт не составлен: сначала исправьте ошибки (extrel check)",
                "No report: fix the errors first (extrel check)"))
    if month is not None:
        try:
            when = dt.date.fromisoformat(month + "-01")
        except ValueError:
            fail(_t(lang, f"--month {month}: нужен формат ГГГГ-ММ, например 2026-11",
                    f"--month {month}: expected YYYY-MM, e.g. 2026-11"))
        result: object = monthly_report(region, when.year, when.month)
    else:
        assert year is not None
        result = yearly_report(region, year, project.today(today))
    if fmt == "xlsx":
        if not output:
            fail(_t(lang, "Для --format xlsx укажите файл: -o отчёт.xlsx",
                    "--format xlsx needs an output file: -o report.xlsx"))
        export.as_xlsx(result, lang, Path(output))  # type: ignore[arg-type]
        click.echo(_t(lang, "Записан ", "Written ") + output, err=True)
        return
    text = {
        "text": lambda: export.as_text(result, lang),  # type: ignore[arg-type]
        "json": lambda: export.as_json(result),  # type: ignore[arg-type]
        "csv": lambda: export.as_csv(result, lang),  # type: ignore[arg-type]
    }[fmt]()
    if output:
        Path(output).write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        click.echo(_t(lang, "Записан ", "Written ") + output, err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.command()
@click.option("-o", "--output", type=click.Path(file_okay=False), default="schemas",
              show_default=True, help="Папка для схем / output folder.")
@click.option("--check", "check_only", is_flag=True,
              help="Ничего не записывать, код 1, если схемы в папке устарели / write nothing, "
                   "exit 1 when the folder's schemas are out of date.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None)
@config_option
def schema(output: str, check_only: bool, lang: str | None, config_file: str) -> None:
    """Записать JSON Schema свойств страниц каждого подраздела / write the front matter's
    JSON Schemas.

    По ним редакторы (VS Code и др.) подсказывают и проверяют поля при наборе: news.schema.json
    для русских файлов новостей, news.en.schema.json для английских, …,
    municipality.schema.json для municipalities/<код>.yml; переводы — по каждому языку блока
    i18n в mkdocs.yml (без него — русский и английский).
    """
    from .core.jsonschema import all_schemas, dump
    from .core.languages import STANDARD

    lang = lang or default_lang()
    folder = Path(output)
    # the region's languages where there is a region here; schemas need nothing else of it
    languages = (load_project(_config_file(config_file), lang).languages
                 if Path(config_file).is_file() else STANDARD)
    texts = {name: dump(s) for name, s in all_schemas(languages.codes).items()}
    if check_only:
        stale = [name for name, text in texts.items()
                 if not (folder / name).is_file()
                 or (folder / name).read_text(encoding="utf-8") != text]
        if stale:
            names = ", ".join(stale)
            fail(_t(lang, f"Схемы устарели: {names}; обновите: extrel schema -o {output}",
                    f"Schemas out of date: {names}; update: extrel schema -o {output}"), code=1)
        click.echo(_t(lang, f"Схемы в {output} актуальны", f"The schemas in {output} are current"))
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(_t(lang, f"Не удалось записать схемы в {output}: {exc.strerror}",
                f"Could not write the schemas into {output}: {exc.strerror}"))
    click.echo(_t(lang, f"Записано схем: {len(texts)} → {output}",
                  f"Written {len(texts)} schemas → {output}"))


def register(group: click.Group) -> None:
    group.add_command(new)
    group.add_command(report)
    group.add_command(schema)
