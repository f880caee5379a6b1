"""The ``extrel`` command: a thin click front end. Each command parses its options and calls
its module in ``extrel.commands``, which enters through the region's ``Project``.

Messages are in Russian by default (the editors' language); ``--lang en`` or an English
locale switches them to English. Exit codes follow PRODUCT.md: 0 all good, 1 valid but
something stale or missing, 2 invalid content or configuration, or a usage error, 3 a
failure of extrel itself (one line, the traceback in a file; ``extrel --debug`` prints it).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import tempfile
import traceback
from typing import NoReturn

import click

from .cli_errors import Choice, Group
from .commands.common import (  # noqa: F401  (the front end's vocabulary, for main())
    EXIT_BEHIND,
    EXIT_INVALID,
    config_path,
    default_lang,
    fail,
)
from .core.messages import t
from .core.sections import SUBSECTION_IDS

EXIT_INTERNAL = 3

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
"""The check dates extrel accepts: the date arithmetic of freshness and feeds stays far from
the calendar's ends (``--today 9999-12-31`` would overflow it)."""

MAX_SHARES = 10_000
"""``--shard K/N``: at most this many shares (a region has fewer municipalities)."""



def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"«{value}» — не дата; нужен формат ГГГГ-ММ-ДД / not a date; use YYYY-MM-DD"
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise click.BadParameter(
            f"«{value}»: дата должна быть между {FIRST_DAY} и {LAST_DAY} / the date must lie "
            f"between {FIRST_DAY} and {LAST_DAY}"
        )
    return day



# --- the command group ---------------------------------------------------------------------

@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extrel")
@click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
              help="Показать подробности внутренней ошибки extrel / show the traceback of an "
                   "internal error.")
def cli() -> None:
    """extrel: разделы «Развитие внешних связей муниципального образования» на русском и
    английском — сборка, проверка своевременности, отчёты.

    extrel: bilingual external-relations sections of municipal websites."""


config_option = click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
                             help="Файл настроек региона / the region's mkdocs.yml.")
today_option = click.option("--today", callback=parse_date, metavar="YYYY-MM-DD",
                            help="Дата проверки (по умолчанию сегодня) / check date.")
only_option = click.option("--only", multiple=True, metavar="ID",
                           help="Только этот муниципалитет (можно повторять) / only this one.")
shallow_option = click.option("--allow-shallow", is_flag=True,
                              help="Принять неполную (shallow) копию репозитория: даты будут "
                                   "неверны / accept a shallow clone (dates will be wrong).")
lang_option = click.option("--lang", type=Choice(["ru", "en"]), default=None,
                           help="Язык сообщений / language of messages.")



@cli.command()
@config_option
@today_option
@only_option
@click.option("--format", "fmt", type=Choice(["text", "json", "csv"]), default="text",
              show_default=True)
@shallow_option
@click.option("--no-freshness", is_flag=True,
              help="Только проверка содержания: код 0 или 2, без учёта сроков (для pre-commit) "
                   "/ validate only: exit 0 or 2, never 1 for staleness.")
@lang_option
def check(config_file: str, today: dt.date | None, only: tuple[str, ...], fmt: str,
          allow_shallow: bool, no_freshness: bool, lang: str | None) -> None:
    """Проверить содержание и своевременность обновления / validate and report freshness."""
    from .commands.check import check as run

    run(config_path(config_file), today, only, fmt, allow_shallow, no_freshness,
        lang or default_lang())


@cli.command()
@config_option
@only_option
@click.option("--shard", metavar="K/N", help="Собрать K-ю из N долей / build share K of N.")
@click.option("--portal-only", is_flag=True,
              help="Только портал и мониторинг, разделы остаются как есть (после сборки долями) "
                   "/ only the portal and dashboard, keeping the sections in place.")
@click.option("--site-dir", type=click.Path(file_okay=False), default=None,
              help="Куда собирать (по умолчанию site/) / output folder.")
@today_option
@shallow_option
@click.option("--fail-on-stale", is_flag=True, default=None,
              help="Код 1, если что-то просрочено / exit 1 when something is stale or missing.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Число процессов (по умолчанию по числу ядер) / parallel processes.")
@click.option("--progress/--no-progress", default=None,
              help="Показывать ход сборки (по умолчанию — в терминале) / show progress.")
@lang_option
def build(config_file: str, only: tuple[str, ...], shard: str | None, portal_only: bool,
          site_dir: str | None,
          today: dt.date | None, allow_shallow: bool, fail_on_stale: bool | None,
          workers: int | None, progress: bool | None, lang: str | None) -> None:
    """Собрать портал и разделы всех муниципалитетов в site/ / build the site."""
    from .commands.build import build as run

    lang = lang or default_lang()
    shard_pair = _parse_shard(shard, lang) if shard else None
    run(config_path(config_file), only, shard_pair, portal_only, site_dir, today, allow_shallow,
        fail_on_stale, workers, progress, lang)


def _parse_shard(value: str, lang: str) -> tuple[int, int]:
    shown = value if len(value) <= 30 else value[:29] + "…"
    try:
        if len(value) > 20:
            raise ValueError(value)
        k, n = (int(x) for x in value.split("/"))
        if not 1 <= k <= n <= MAX_SHARES:
            raise ValueError(value)
    except ValueError:
        fail(t("cli.bad_shard", lang, shown=shown, max=MAX_SHARES))
    return k, n



@cli.command()
@click.argument("municipality")
@config_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              metavar="IP:PORT")
@today_option
@click.option("--open", "open_in_browser", is_flag=True, help="Открыть в браузере / open it.")
@lang_option
def serve(municipality: str, config_file: str, dev_addr: str, today: dt.date | None,
          open_in_browser: bool, lang: str | None) -> None:
    """Просмотр раздела муниципалитета с обновлением на лету / live preview of one section."""
    from .commands.serve import serve as run

    run(config_path(config_file), municipality, dev_addr, today, open_in_browser,
        lang or default_lang())


@cli.command()
@click.argument("type_", metavar="TYPE", type=Choice(SUBSECTION_IDS))
@click.option("-m", "--municipality", required=True, metavar="ID",
              help="Код муниципалитета (имя папки) / municipality id.")
@click.option("-t", "--title", required=True, help="Заголовок на русском / Russian title.")
@click.option("--title-en", help="Заголовок на английском / English title.")
@click.option("--date", "when", callback=parse_date, metavar="YYYY-MM-DD",
              help="Дата (по умолчанию сегодня) / date (default: today).")
@click.option("--slug", help="Часть имени файла латиницей / file name part (a-z, 0-9, -).")
@config_option
@lang_option
def new(type_: str, municipality: str, title: str, title_en: str | None,
        when: dt.date | None, slug: str | None, config_file: str, lang: str | None) -> None:
    """Создать страницу на всех языках сайта по образцу / create a page in every language.

    TYPE — подраздел: news, partners, plan, announcements, organizations, participation,
    presentation.
    """
    from .commands.new import new as run

    run(config_path(config_file), type_, municipality, title, title_en, when, slug,
        lang or default_lang())


@cli.command()
@click.option("--year", type=click.IntRange(2000, 2100), metavar="YYYY",
              help="Годовой отчёт: число мероприятий по видам / the year's activity counts.")
@click.option("--month", metavar="YYYY-MM",
              help="Что опубликовано за месяц / what was published in that month.")
@click.option("--format", "fmt", type=Choice(["text", "json", "csv", "xlsx"]),
              default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Файл для отчёта (для xlsx обязателен) / output file (required for xlsx).")
@click.option("--lang", type=Choice(["ru", "en"]), default=None)
@today_option
@config_option
def report(year: int | None, month: str | None, fmt: str, output: str | None,
           lang: str | None, today: dt.date | None, config_file: str) -> None:
    """Отчёт для рейтинга: мероприятия за год или публикации за месяц / yearly report.

    Годовой отчёт составляется на дату --today (по умолчанию сегодня): событие идёт в счёт,
    когда оно уже произошло / the yearly report counts what has happened by --today."""
    from .commands.report import report as run

    run(config_file, year, month, fmt, output, today, lang or default_lang())


@cli.command()
@click.option("-o", "--output", type=click.Path(file_okay=False), default="schemas",
              show_default=True, help="Папка для схем / output folder.")
@click.option("--check", "check_only", is_flag=True,
              help="Ничего не записывать, код 1, если схемы в папке устарели / write nothing, "
                   "exit 1 when the folder's schemas are out of date.")
@click.option("--lang", type=Choice(["ru", "en"]), default=None)
@config_option
def schema(output: str, check_only: bool, lang: str | None, config_file: str) -> None:
    """Записать JSON Schema свойств страниц каждого подраздела / write the front matter's
    JSON Schemas.

    По ним редакторы (VS Code и др.) подсказывают и проверяют поля при наборе: news.schema.json
    для русских файлов новостей, news.en.schema.json для английских, …,
    municipality.schema.json для municipalities/<код>.yml; переводы — по каждому языку блока
    i18n в mkdocs.yml (без него — русский и английский).
    """
    from .commands.schema import schema as run

    run(output, check_only, lang or default_lang(), config_file)


_ENVIRONMENT_ERRORS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC,
                                 errno.EDQUOT})
"""Failures of the machine, not of extrel: a file that may not be read or written, a full
disk. Told in one line with the file's name, exit 2."""


def main(argv: list[str] | None = None) -> None:
    """The ``extrel`` command. Whatever extrel itself fails at ends here: exit 3, one line
    saying so and where the traceback was written (``--debug``: the traceback itself)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("EXTREL_DEBUG", "") not in ("", "0")
    try:
        cli.main(args=args, prog_name="extrel")
    except OSError as exc:
        if exc.errno not in _ENVIRONMENT_ERRORS or debug:
            _crash(exc, debug)
        where = f"{exc.filename}: " if exc.filename else ""
        fail(t("cli.no_access", default_lang())
             + f"{where}{os.strerror(exc.errno or 0)}")
    except Exception as exc:  # noqa: BLE001 - a bug of extrel: exit 3, never a content error
        _crash(exc, debug)


def _crash(exc: BaseException, debug: bool) -> NoReturn:
    lang = default_lang()
    details = "".join(traceback.format_exception(exc))
    if debug:
        click.echo(details, err=True, nl=False)
        sys.exit(EXIT_INTERNAL)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        fd, name = tempfile.mkstemp(prefix=f"extrel-crash-{stamp}-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(f"extrel {sys.argv!r}\n{details}")
        where = name
    except OSError:
        where = t("cli.internal_error_not_written", lang)
    fail(t("cli.internal_error", lang, error=type(exc).__name__, where=where), EXIT_INTERNAL)


from .cli_remind import remind  # noqa: E402  (imports nothing of this module at load)
from .commands.edit import edit  # noqa: E402  (the same)

cli.add_command(remind)
cli.add_command(edit)
