"""``extrel remind``: e-mail each coordinator whose municipality is behind (core/remind.py).

This module imports nothing of ``extrel.cli`` when it is loaded (``cli`` registers the
command); the helpers it shares with the other commands are imported when it runs.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

PASSWORD_VARIABLE = "EXTREL_SMTP_PASSWORD"
USER_VARIABLE = "EXTREL_SMTP_USER"


def _server(value: str, lang: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        from .commands.common import _t, fail

        fail(_t(lang, f"SMTP-сервер «{value}»: нужен вид ХОСТ:ПОРТ, например "
                      "mail.region.example:587",
                f"SMTP server '{value}': expected HOST:PORT, e.g. mail.region.example:587"))
    return host.strip("[]"), int(port)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    from .cli import parse_date  # the other commands' bilingual message

    return parse_date(ctx, param, value)


@click.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              help="Файл настроек региона / the region's mkdocs.yml.")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help="Дата проверки (по умолчанию сегодня) / check date.")
@click.option("--smtp", metavar="HOST:PORT",
              help="SMTP-сервер (иначе extrel: remind: smtp в mkdocs.yml) / SMTP server.")
@click.option("--from", "sender", metavar="ADDR",
              help="Адрес отправителя (иначе extrel: remind: from) / sender address.")
@click.option("--dry-run", type=click.Path(file_okay=False), metavar="DIR",
              help="Не отправлять, а записать письма в папку как .eml / write .eml files.")
@click.option("--allow-shallow", is_flag=True,
              help="Принять неполную (shallow) копию репозитория / accept a shallow clone.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None,
              help="Язык сообщений команды (письма — по-русски) / language of messages.")
def remind(config_file: str, today: dt.date | None, smtp: str | None, sender: str | None,
           dry_run: str | None, allow_shallow: bool, lang: str | None) -> None:
    """Напомнить координаторам об обновлении разделов / e-mail the coordinators.

    Письмо по-русски получает координатор каждого муниципалитета, у которого что-то
    просрочено, скоро срок, нет материалов, нет перевода или не закончено; пароль SMTP —
    из переменной окружения EXTREL_SMTP_PASSWORD. Код 2, если кому-то письмо не ушло.
    """
    from .commands.common import _t, config_path, default_lang, fail, load_project, load_snapshot
    from .core import remind as core
    from .core.freshness import freshness_to_dict

    lang = lang or default_lang()
    project = load_project(config_path(config_file), lang)
    snapshot = load_snapshot(project, today, (), allow_shallow, lang, entries=False)
    options = snapshot.options
    data = freshness_to_dict(snapshot.today, options.timezone,
                             list(snapshot.freshness.values()), [])
    core.fill_due_by(data, {sid: th.max_age_days for sid, th in options.thresholds().items()})
    contacts = {}
    for mid, m in snapshot.region.municipalities.items():
        person = m.meta.coordinator
        contacts[mid] = core.Contact(m.name("ru"), person.email if person else None,
                                     person.name.ru if person else None)
    site_url = project.raw.get("site_url")
    drafts = core.reminders(data, contacts, site_url if isinstance(site_url, str) else None)
    if not drafts:
        click.echo(_t(lang, "Все разделы в порядке: писем нет.",
                      "Every section is up to date: no messages."))
        return
    sender = sender or options.remind.sender
    if not sender:
        fail(_t(lang, "Укажите адрес отправителя: --from или extrel: remind: from в mkdocs.yml",
                "Give the sender: --from or extrel: remind: from in mkdocs.yml"))
    now = dt.datetime.now(project.zone)  # the messages' Date header
    messages = [(r, core.email(r, sender, now)) for r in drafts]
    unaddressed = [r.municipality for r, _ in messages if not r.to]
    if dry_run:
        folder = Path(dry_run)
        folder.mkdir(parents=True, exist_ok=True)
        for r, msg in messages:
            (folder / f"{r.municipality}.eml").write_bytes(msg.as_bytes())
        click.echo(_t(lang, f"Записано писем: {len(messages)} → {folder}",
                      f"Written {len(messages)} messages → {folder}"))
        _no_address(unaddressed, lang)
        return
    server = smtp or options.remind.smtp
    if not server:
        fail(_t(lang, "Укажите SMTP-сервер: --smtp ХОСТ:ПОРТ или extrel: remind: smtp в "
                      "mkdocs.yml", "Give the SMTP server: --smtp HOST:PORT or extrel: remind: "
                                   "smtp in mkdocs.yml"))
    host, port = _server(server, lang)
    outcome = core.send([(r.to, msg) for r, msg in messages if r.to], host, port,
                        password=os.environ.get(PASSWORD_VARIABLE) or None,
                        user=os.environ.get(USER_VARIABLE) or None)
    if outcome.sent:
        click.echo(_t(lang, "Отправлено: ", "Sent to: ") + ", ".join(outcome.sent))
    for to, reason in outcome.failed.items():
        click.echo(_t(lang, "Не отправлено: ", "Not sent to: ") + f"{to} ({reason})", err=True)
    _no_address(unaddressed, lang)
    if outcome.failed or unaddressed:
        fail(_t(lang, f"Писем отправлено: {len(outcome.sent)}, не отправлено: "
                      f"{len(outcome.failed) + len(unaddressed)}",
                f"Messages sent: {len(outcome.sent)}, not sent: "
                f"{len(outcome.failed) + len(unaddressed)}"))
    click.echo(_t(lang, f"Писем отправлено: {len(outcome.sent)}",
                  f"Messages sent: {len(outcome.sent)}"))


def _no_address(mids: list[str], lang: str) -> None:
    from .commands.common import _t

    for mid in mids:
        click.echo(_t(lang, f"Нет адреса координатора: {mid} (coordinator.email в "
                            f"municipalities/{mid}.yml)",
                      f"No coordinator address: {mid} (coordinator.email in "
                      f"municipalities/{mid}.yml)"), err=True)
