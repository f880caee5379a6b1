"""The ``extrel`` command: a thin click front end over ``extrel.core`` and the builder.

Messages are in Russian by default (the editors' language); ``--lang en`` or an English
locale switches them to English. Exit codes follow PRODUCT.md: 0 all good, 1 valid but
something stale or missing, 2 invalid content or configuration, or a usage error, 3 a
failure of extrel itself (one line, the traceback in a file; ``extrel --debug`` prints it).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import errno
import io
import logging
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
import orjson

from .core.freshness import freshness_to_dict
from .core.gitdates import GitError
from .core.labels import word
from .core.languages import DEFAULT_LANGUAGE
from .core.problems import Problem
from .core.sections import SUBSECTIONS

if TYPE_CHECKING:
    from .core.project import Project
    from .core.snapshot import Snapshot

EXIT_OK, EXIT_BEHIND, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3
STATUS_COLOURS = {"fresh": "green", "due": "yellow", "stale": "red", "missing": "magenta"}


def default_lang() -> str:
    for var in ("EXTREL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "ru"
    return "ru"


def _t(lang: str, ru: str, en: str) -> str:
    return en if lang == "en" else ru


def fail(message: str, code: int = EXIT_INVALID) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


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


def unregistered(root: Path, only: tuple[str, ...], snapshot: Snapshot) -> list[str]:
    """Ids of ``--only`` with no registry file at all. One whose file is invalid is not
    unknown: the check reports that file and its line (exit 2)."""
    return sorted(mid for mid in set(only) - set(snapshot.region.municipalities)
                  if not any((root / "municipalities" / f"{mid}{suffix}").is_file()
                             for suffix in (".yml", ".yaml")))


def _config_file(path: str) -> Path:
    config_file = Path(path)
    if not config_file.is_file():
        fail(
            f"Не найден файл настроек {config_file}: запустите команду в корне репозитория "
            f"сайта или укажите путь через -f.\n"
            f"Config file {config_file} not found: run in the site repository's root or pass -f."
        )
    return config_file.resolve()


def load_project(config_file: Path, lang: str) -> Project:
    """The front door: the region's ``Project`` from its mkdocs.yml; exits 2 when the file
    cannot be read at all (what is wrong inside is in ``Project.problems``)."""
    from .mkdocs import siteconfig  # MkDocs' YAML loader understands mkdocs.yml's tags

    try:
        return siteconfig.project(config_file)
    except Exception as exc:  # YAML errors of mkdocs.yml
        fail(f"{config_file.name}: " + _t(lang, "ошибка в записи YAML: ", "invalid YAML: ")
             + str(exc))


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
        fail(_t(lang, "Неизвестный муниципалитет: ", "Unknown municipality: ")
             + ", ".join(unknown) + _t(lang, " (нет файла municipalities/<id>.yml)",
                                         " (no municipalities/<id>.yml)"))
    return snapshot


def print_problems(problems: list[Problem], lang: str) -> None:
    for p in problems:
        label = {"error": _t(lang, "ошибка", "error"),
                 "warning": _t(lang, "предупреждение", "warning")}[p.severity]
        colour = "red" if p.severity == "error" else "yellow"
        click.echo(f"{p.format(lang)} [{click.style(label, fg=colour)}]", err=True)


# --- the command group ---------------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
lang_option = click.option("--lang", type=click.Choice(["ru", "en"]), default=None,
                           help="Язык сообщений / language of messages.")


@cli.command()
@config_option
@today_option
@only_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True)
@shallow_option
@click.option("--no-freshness", is_flag=True,
              help="Только проверка содержания: код 0 или 2, без учёта сроков (для pre-commit) "
                   "/ validate only: exit 0 or 2, never 1 for staleness.")
@lang_option
def check(config_file: str, today: dt.date | None, only: tuple[str, ...], fmt: str,
          allow_shallow: bool, no_freshness: bool, lang: str | None) -> None:
    """Проверить содержание и своевременность обновления / validate and report freshness."""
    lang = lang or default_lang()
    # a check reports problems and freshness: the entries' front matter is not needed
    project = load_project(_config_file(config_file), lang)
    snapshot = load_snapshot(project, today, only, allow_shallow, lang, entries=False)
    rated = [f for mid, f in snapshot.freshness.items() if not only or mid in only]
    if fmt == "json":
        data = freshness_to_dict(snapshot.today, snapshot.options.timezone, rated,
                                 [p.to_dict(lang) for p in snapshot.problems])
        # orjson: the same bytes as json.dumps(indent=2, ensure_ascii=False), and a national
        # check's report (17,500 municipalities, ~60 MB) in a fraction of a second
        click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    elif fmt == "csv":
        click.echo(freshness_csv(rated), nl=False)
        print_problems(snapshot.problems, lang)
    else:
        print_problems(snapshot.problems, lang)
        click.echo(freshness_table(snapshot, rated, lang))
    if not snapshot.ok():
        sys.exit(EXIT_INVALID)
    if not no_freshness and any(f.status in ("stale", "missing") for f in rated):
        sys.exit(EXIT_BEHIND)


def freshness_csv(rated: list[Any]) -> str:
    from .core.spreadsheet import csv_writer  # formula-like cells neutralized (OWASP)

    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    names = list(rated[0].name) if rated else []
    writer.writerow(["municipality", "section", "language", "status", "last_updated",
                     "age_days", "pages", "due_by", "untranslated", "unfinished",
                     *(f"name_{code}" for code in names)])
    for f in rated:
        for s in f.sections:
            for code, lf in s.languages.items():
                writer.writerow([f.id, s.id, code, lf.status,
                                 lf.last_updated.isoformat() if lf.last_updated else "",
                                 "" if lf.age_days is None else lf.age_days, lf.pages,
                                 lf.due_by.isoformat() if lf.due_by else "",
                                 "" if lf.untranslated is None else lf.untranslated,
                                 lf.unfinished, *(f.name.get(code, "") for code in names)])
    return out.getvalue()


def freshness_table(snapshot: Snapshot, rated: list[Any], lang: str) -> str:
    lines = [
        _t(lang, "Своевременность обновления на ", "Freshness as of ")
        + f"{snapshot.today.isoformat()} ({snapshot.options.timezone})",
        "",
    ]
    width = max(len(s.id) for s in SUBSECTIONS) + 2
    for f in rated:
        name = snapshot.region.municipalities[f.id].name(lang)
        lines.append(f"{name} [{f.id}]: " + _status(f.status, lang))
        for s in f.sections:
            cells = []
            for code in snapshot.region.languages:
                lf = s.languages[code]
                when = (f"{lf.last_updated.isoformat()}, {lf.age_days} "
                        + _t(lang, "дн.", "days")) if lf.last_updated else "—"
                when += _coverage_note(lf, lang)
                cells.append(f"{code}: {_status(lf.status, lang)} ({when})")
            lines.append(f"  {s.id:<{width}}" + "   ".join(cells))
        lines.append("")
    counts = {k: 0 for k in ("fresh", "due", "stale", "missing")}
    for f in rated:
        counts[f.status] += 1
    lines.append(_t(lang, "Итого муниципалитетов: ", "Municipalities: ")
                 + ", ".join(f"{word('status.' + k, lang)} — {v}" for k, v in counts.items()))
    return "\n".join(lines)


def _coverage_note(lf: Any, lang: str) -> str:
    """The due date, items without a translation and drafts of one table cell."""
    notes = [_t(lang, "срок ", "due by ") + lf.due_by.isoformat()] if lf.due_by else []
    if lf.age_days is not None and lf.age_days < 0:
        notes.append(_t(lang, "дата позже даты проверки!", "dated after the check date!"))
    if lf.untranslated:
        notes.append(_t(lang, "без перевода: ", "untranslated: ") + str(lf.untranslated))
    if lf.unfinished:
        notes.append(_t(lang, "черновиков: ", "drafts: ") + str(lf.unfinished))
    return "".join("; " + n for n in notes)


def _status(status: str, lang: str) -> str:
    return click.style(word(f"status.{status}", lang), fg=STATUS_COLOURS[status], bold=True)


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
    from .mkdocs import builder
    from .mkdocs.builder import BuildError, build_region

    started = time.monotonic()
    lang = lang or default_lang()
    shard_pair = _parse_shard(shard, lang) if shard else None
    path = _config_file(config_file)
    _quiet_mkdocs()
    out = Path(site_dir) if site_dir else path.parent / "site"
    quick = None
    if not (only or shard_pair or portal_only):
        # nothing changed since the last full build: say what it said, without reading a page
        quick = _quick_key(path, today, out, allow_shallow)
        last = builder.unchanged_since(out.resolve(), quick) if quick else None
        if last is not None:
            print_problems([Problem(**p) for p in last["problems"]], lang)
            counts = last["counts"]
            _build_summary(lang, last["sections"], 0, time.monotonic() - started, out, counts)
            strict = fail_on_stale if fail_on_stale is not None else last["fail_on_stale"]
            if strict and (counts["stale"] or counts["missing"]):
                sys.exit(EXIT_BEHIND)
            return
    snapshot = load_snapshot(load_project(path, lang), today, (), allow_shallow, lang)
    unknown = unregistered(path.parent, only, snapshot)
    if unknown:
        fail(_t(lang, "Неизвестный муниципалитет: ", "Unknown municipality: ") + ", ".join(unknown))
    print_problems(snapshot.problems, lang)
    if not snapshot.ok():
        n = sum(1 for p in snapshot.problems if p.severity == "error")
        fail(_t(lang, f"Сборка остановлена: ошибок — {n}. Исправьте их; прежняя сборка в {out} "
                      "не изменена.",
                f"Build stopped: {n} error(s). Fix them; the previous build in {out} is "
                "unchanged."))
    show = progress if progress is not None else (sys.stderr.isatty() and not os.environ.get("CI"))
    counts = {k: 0 for k in ("fresh", "due", "stale", "missing")}
    for f in snapshot.freshness.values():
        counts[f.status] += 1
    remember = {builder.QUICK_KEY: quick, builder.SUMMARY_KEY: {
        "problems": [dataclasses.asdict(p) for p in snapshot.problems],
        "counts": counts, "sections": len(snapshot.region.municipalities),
        "fail_on_stale": snapshot.options.fail_on_stale}} if quick else None

    def report(result: Any, done: int, total: int) -> None:
        if show:
            click.echo(f"[{done}/{total}] {result.municipality}: {result.seconds:.1f} s "
                       f"({_t(lang, 'прошло', 'elapsed')} {time.monotonic() - started:.0f} s)",
                       err=True)

    try:
        result = build_region(path, snapshot, out, only=only or None, shard=shard_pair,
                              workers=workers, progress=report, portal_only=portal_only,
                              remember=remember)
    except BuildError as exc:
        fail(_t(lang, "Сборка не удалась, прежняя сборка не изменена:\n",
                "The build failed; the previous build is unchanged:\n") + str(exc))
    for section in result.sections:
        for message in section.warnings:
            click.echo(f"{section.municipality}: {message}", err=True)
    for message in result.portal_warnings:
        click.echo(f"portal: {message}", err=True)
    slowest = max(result.sections, key=lambda r: r.seconds, default=None)
    reused = sum(1 for r in result.sections if r.reused)
    _build_summary(lang, len(result.sections), len(result.sections) - reused, result.seconds,
                   out, counts,
                   (f" ({_t(lang, 'дольше всех', 'slowest')}: {slowest.municipality}, "
                    f"{slowest.seconds:.1f} s)" if slowest and show else ""))
    strict = fail_on_stale if fail_on_stale is not None else snapshot.options.fail_on_stale
    if strict and (counts["stale"] or counts["missing"]):
        sys.exit(EXIT_BEHIND)


def _build_summary(lang: str, total: int, built: int, seconds: float, out: Path,
                   counts: dict[str, int], extra: str = "") -> None:
    reused = total - built
    click.echo(
        _t(lang, f"Разделов: {total} (собрано {built}, без изменений {reused}) "
                 f"за {seconds:.1f} с → {out}",
           f"Sections: {total} ({built} built, {reused} unchanged) in {seconds:.1f} s → {out}")
        + extra)
    click.echo(_t(lang, "Своевременность: ", "Freshness: ")
               + ", ".join(f"{word('status.' + k, lang)} — {counts.get(k, 0)}"
                           for k in ("fresh", "due", "stale", "missing")))


def _quick_key(config_file: Path, today: dt.date | None, out: Path,
               allow_shallow: bool) -> str | None:
    """``builder.quick_key`` for this build, or None when it cannot be taken cheaply (an
    unreadable mkdocs.yml or time zone: the full path reports those)."""
    from .mkdocs import builder, siteconfig

    try:
        when = siteconfig.project(config_file).today(today)
        return builder.quick_key(config_file, when, out, allow_shallow=allow_shallow)
    except Exception:  # noqa: BLE001 - any doubt means: build as usual
        return None


def _parse_shard(value: str, lang: str) -> tuple[int, int]:
    shown = value if len(value) <= 30 else value[:29] + "…"
    try:
        if len(value) > 20:
            raise ValueError(value)
        k, n = (int(x) for x in value.split("/"))
        if not 1 <= k <= n <= MAX_SHARES:
            raise ValueError(value)
    except ValueError:
        fail(_t(lang, f"--shard {shown}: нужен формат K/N, 1 ≤ K ≤ N ≤ {MAX_SHARES}, например "
                      "2/4",
                f"--shard {shown}: expected K/N with 1 ≤ K ≤ N ≤ {MAX_SHARES}, e.g. 2/4"))
    return k, n


def _quiet_mkdocs() -> None:
    """MkDocs' own INFO lines are noise here; its warnings are collected per build and shown."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.propagate = False


@cli.command()
@click.argument("municipality")
@config_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              metavar="IP:PORT")
@today_option
@click.option("--open", "open_in_browser", is_flag=True, help="Открыть в браузере / open it.")
def serve(municipality: str, config_file: str, dev_addr: str, today: dt.date | None,
          open_in_browser: bool) -> None:
    """Просмотр раздела муниципалитета с обновлением на лету / live preview of one section."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .mkdocs import siteconfig

    lang = default_lang()
    project = load_project(_config_file(config_file), lang)
    snapshot = load_snapshot(project, today, (municipality,), True, lang)
    print_problems(snapshot.problems, lang)
    if municipality not in snapshot.region.municipalities:  # its registry entry is invalid
        fail(_t(lang, f"Исправьте municipalities/{municipality}.yml (ошибки выше).",
                f"Fix municipalities/{municipality}.yml (errors above)."))
    m = snapshot.region.municipalities[municipality]
    # without --today, each rebuild rates freshness as of its own day in the region's zone
    overrides = siteconfig.overrides(
        project.root, dict(project.raw), role="section", lang=DEFAULT_LANGUAGE,
        site_name=m.name(DEFAULT_LANGUAGE), municipality=municipality,
        today=today.isoformat() if today else None)
    # MkDocs' serve reloads the configuration with these overrides on every change, and its
    # validation consumes the plugin dicts: hand it a fresh copy each time
    overrides["plugins"] = _FreshList(overrides["plugins"])
    click.echo(_t(lang, f"Просмотр: http://{dev_addr}/ (Ctrl+C — остановить)",
                  f"Preview: http://{dev_addr}/ (Ctrl+C to stop)"), err=True)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    mkdocs_serve(config_file=str(project.config_file), livereload=True,
                 open_in_browser=open_in_browser, dev_addr=dev_addr, **overrides)


class _FreshList(list):  # type: ignore[type-arg]
    """A list whose iteration yields deep copies of its items."""

    def __iter__(self) -> Any:
        return iter(copy.deepcopy(list(super().__iter__())))


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
        fail(_t(default_lang(), "Нет доступа к файлу или нет места на диске: ",
                "No access to a file, or no space left: ")
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
        where = _t(lang, "не записаны (запустите с --debug)", "not written (run with --debug)")
    fail(_t(lang, f"Внутренняя ошибка extrel (не ошибка в содержании): {type(exc).__name__}; "
                  f"подробности: {where}",
            f"Internal error of extrel (not a problem in the content): {type(exc).__name__}; "
            f"details: {where}"), EXIT_INTERNAL)


from . import cli_content  # noqa: E402  (commands about content live there)
from .cli_remind import remind  # noqa: E402  (imports nothing of this module at load)

cli_content.register(cli)
cli.add_command(remind)
