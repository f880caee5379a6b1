"""The ``extrel`` command: a thin click front end. Each command parses its options and calls
its module in ``extrel.commands``, which enters through the region's ``Project``.

Messages, and the help of every command and option (catalogue keys ``help.*``), are in
Russian by default (the editors' language); ``--lang en`` or an English locale switches them
to English. Exit codes follow PRODUCT.md: 0 all good, 1 valid but
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

from .cli_errors import Choice, Command, Deferred, Group, LazyChoice, Option, option, parse_date
from .commands.common import (  # noqa: F401  (the front end's vocabulary, for main())
    EXIT_BEHIND,
    EXIT_INVALID,
    config_path,
    default_lang,
    fail,
)
from .core.messages import CATALOGUES, t

EXIT_INTERNAL = 3

MAX_SHARES = 10_000
"""``--shard K/N``: at most this many shares (a region has fewer municipalities)."""



# --- the command group ---------------------------------------------------------------------

@click.group(cls=Group, help_key="help.extrel",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extrel", cls=Option, help_key="help.version")
@option("--debug", key="help.debug", is_flag=True, expose_value=False, is_eager=True)
def cli() -> None:
    """The ``extrel`` group (its help: the catalogue's ``help.extrel``)."""


config_option = option("-f", "--config-file", key="help.config_file", default="mkdocs.yml",
                       show_default=True)
today_option = option("--today", key="help.today", callback=parse_date, metavar="YYYY-MM-DD")
only_option = option("--only", key="help.only", multiple=True, metavar="ID")
shallow_option = option("--allow-shallow", key="help.allow_shallow", is_flag=True)
lang_option = option("--lang", key="help.lang", type=Choice(list(CATALOGUES)), default=None)



@cli.command(cls=Command, help_key="help.check")
@config_option
@today_option
@only_option
@option("--format", "fmt", key="help.format", type=Choice(["text", "json", "csv"]),
        default="text", show_default=True)
@shallow_option
@option("--no-freshness", key="help.check.no_freshness", is_flag=True)
@lang_option
def check(config_file: str, today: dt.date | None, only: tuple[str, ...], fmt: str,
          allow_shallow: bool, no_freshness: bool, lang: str | None) -> None:
    """Validate the content and report its freshness (commands/check.py)."""
    from .commands.check import check as run

    run(config_path(config_file), today, only, fmt, allow_shallow, no_freshness,
        lang or default_lang())


@cli.command(cls=Command, help_key="help.build")
@config_option
@only_option
@option("--shard", key="help.build.shard", metavar="K/N")
@option("--portal-only", key="help.build.portal_only", is_flag=True)
@option("--site-dir", key="help.build.site_dir", type=click.Path(file_okay=False),
        default=None)
@today_option
@shallow_option
@option("--fail-on-stale", key="help.build.fail_on_stale", is_flag=True, default=None)
@option("--workers", key="help.build.workers", type=click.IntRange(1), default=None)
@option("--progress/--no-progress", key="help.build.progress", default=None)
@lang_option
def build(config_file: str, only: tuple[str, ...], shard: str | None, portal_only: bool,
          site_dir: str | None,
          today: dt.date | None, allow_shallow: bool, fail_on_stale: bool | None,
          workers: int | None, progress: bool | None, lang: str | None) -> None:
    """Build the portal and every section into site/ (commands/build.py)."""
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



@cli.command(cls=Command, help_key="help.serve")
@click.argument("municipality")
@config_option
@option("-a", "--dev-addr", key="help.serve.dev_addr", default="127.0.0.1:8000",
        show_default=True, metavar="IP:PORT")
@today_option
@option("--open", "open_in_browser", key="help.serve.open", is_flag=True)
@lang_option
def serve(municipality: str, config_file: str, dev_addr: str, today: dt.date | None,
          open_in_browser: bool, lang: str | None) -> None:
    """Live preview of one municipality's section (commands/serve.py)."""
    from .commands.serve import serve as run

    run(config_path(config_file), municipality, dev_addr, today, open_in_browser,
        lang or default_lang())


def _subsection_ids() -> tuple[str, ...]:
    """The ids ``extrel new`` takes (the subsection registry: not loaded by other commands)."""
    from .core.sections import SUBSECTION_IDS

    return SUBSECTION_IDS


@cli.command(cls=Command, help_key="help.new",
             help_params=Deferred(types=lambda: ", ".join(_subsection_ids())))
@click.argument("type_", metavar="TYPE", type=LazyChoice(_subsection_ids))
@option("-m", "--municipality", key="help.new.municipality", required=True, metavar="ID")
@option("-t", "--title", key="help.new.title", required=True)
@option("--title-en", key="help.new.title_en")
@option("--date", "when", key="help.new.date", callback=parse_date, metavar="YYYY-MM-DD")
@option("--slug", key="help.new.slug")
@config_option
@lang_option
def new(type_: str, municipality: str, title: str, title_en: str | None,
        when: dt.date | None, slug: str | None, config_file: str, lang: str | None) -> None:
    """Create a page in every language of the site from its scaffold (commands/new.py)."""
    from .commands.new import new as run

    run(config_path(config_file), type_, municipality, title, title_en, when, slug,
        lang or default_lang())


@cli.command(cls=Command, help_key="help.report")
@option("--year", key="help.report.year", type=click.IntRange(2000, 2100), metavar="YYYY")
@option("--month", key="help.report.month", metavar="YYYY-MM")
@option("--format", "fmt", key="help.format", type=Choice(["text", "json", "csv", "xlsx"]),
        default="text", show_default=True)
@option("-o", "--output", key="help.report.output", type=click.Path(dir_okay=False))
@lang_option
@today_option
@config_option
def report(year: int | None, month: str | None, fmt: str, output: str | None,
           lang: str | None, today: dt.date | None, config_file: str) -> None:
    """The rating's report: the year's activities or a month's publications
    (commands/report.py)."""
    from .commands.report import report as run

    run(config_file, year, month, fmt, output, today, lang or default_lang())


@cli.command(cls=Command, help_key="help.schema")
@option("-o", "--output", key="help.schema.output", type=click.Path(file_okay=False),
        default="schemas", show_default=True)
@option("--check", "check_only", key="help.schema.check", is_flag=True)
@lang_option
@config_option
def schema(output: str, check_only: bool, lang: str | None, config_file: str) -> None:
    """Write the JSON Schemas of every subsection's front matter (commands/schema.py)."""
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
