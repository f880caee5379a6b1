"""``extrel remind``: e-mail each coordinator whose municipality is behind (core/remind.py).

This module imports nothing of ``extrel.cli`` when it is loaded (``cli`` registers the
command); the helpers it shares with the other commands are imported when it runs.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from .cli_errors import Command, option, parse_date
from .core.messages import CATALOGUES, t

PASSWORD_VARIABLE = "EXTREL_SMTP_PASSWORD"
USER_VARIABLE = "EXTREL_SMTP_USER"


def _server(value: str, lang: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        from .commands.common import fail

        fail(t("cli.remind.bad_smtp", lang, value=value))
    return host.strip("[]"), int(port)




@click.command(cls=Command, help_key="help.remind",
               help_params={"variable": PASSWORD_VARIABLE})
@option("-f", "--config-file", key="help.config_file", default="mkdocs.yml",
        show_default=True)
@option("--today", key="help.today", callback=parse_date, metavar="YYYY-MM-DD")
@option("--smtp", key="help.remind.smtp", metavar="HOST:PORT")
@option("--from", "sender", key="help.remind.from", metavar="ADDR")
@option("--dry-run", key="help.remind.dry_run", type=click.Path(file_okay=False),
        metavar="DIR")
@option("--allow-shallow", key="help.allow_shallow", is_flag=True)
@option("--lang", key="help.remind.lang", type=click.Choice(list(CATALOGUES)), default=None)
def remind(config_file: str, today: dt.date | None, smtp: str | None, sender: str | None,
           dry_run: str | None, allow_shallow: bool, lang: str | None) -> None:
    """E-mail the coordinators whose sections are behind (core/remind.py)."""
    from .commands.common import config_path, default_lang, fail, load_project, load_snapshot
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
        contacts[mid] = core.Contact(m.name(core.LANGUAGE), person.email if person else None,
                                     person.name.ru if person else None)
    site_url = project.raw.get("site_url")
    drafts = core.reminders(data, contacts, site_url if isinstance(site_url, str) else None)
    if not drafts:
        click.echo(t("cli.remind.all_fresh", lang))
        return
    sender = sender or options.remind.sender
    if not sender:
        fail(t("cli.remind.no_sender", lang))
    now = dt.datetime.now(project.zone)  # the messages' Date header
    messages = [(r, core.email(r, sender, now)) for r in drafts]
    unaddressed = [r.municipality for r, _ in messages if not r.to]
    if dry_run:
        folder = Path(dry_run)
        folder.mkdir(parents=True, exist_ok=True)
        for r, msg in messages:
            (folder / f"{r.municipality}.eml").write_bytes(msg.as_bytes())
        click.echo(t("cli.remind.written", lang, count=len(messages), folder=folder))
        _no_address(unaddressed, lang)
        return
    server = smtp or options.remind.smtp
    if not server:
        fail(t("cli.remind.no_smtp", lang))
    host, port = _server(server, lang)
    outcome = core.send([(r.to, msg) for r, msg in messages if r.to], host, port,
                        password=os.environ.get(PASSWORD_VARIABLE) or None,
                        user=os.environ.get(USER_VARIABLE) or None)
    if outcome.sent:
        click.echo(t("cli.remind.sent_to", lang) + ", ".join(outcome.sent))
    for to, reason in outcome.failed.items():
        click.echo(t("cli.remind.not_sent_to", lang) + f"{to} ({reason})", err=True)
    _no_address(unaddressed, lang)
    if outcome.failed or unaddressed:
        fail(t("cli.remind.partly_sent", lang, sent=len(outcome.sent),
               not_sent=len(outcome.failed) + len(unaddressed)))
    click.echo(t("cli.remind.sent_count", lang, sent=len(outcome.sent)))


def _no_address(mids: list[str], lang: str) -> None:
    for mid in mids:
        click.echo(t("cli.remind.no_address", lang, mid=mid), err=True)
