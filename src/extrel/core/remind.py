"""Reminders to the coordinators: one e-mail per municipality that is behind, in Russian
(PRODUCT.md; its words are the catalogue's ``remind.*``, in any language it has).

``reminders`` reads the freshness data in its JSON form (PRODUCT.md, ``extrel check
--format json``) and the registry's coordinators, and drafts a message for each
municipality with anything ``due``, ``stale``, ``missing``, untranslated or unfinished; a
municipality where everything is fresh gets nothing. ``send`` hands the messages to an SMTP
server (standard library: ``smtplib``, ``email``), STARTTLS where the server offers it,
login only with a password, and tells which recipients were reached and which were not.
Nothing here reads the clock: the check date is in the data.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import Any

from . import addresses
from .labels import long_date, word
from .messages import bilingual, t
from .sections import SUBSECTIONS

BEHIND = ("missing", "stale", "due")
LANGUAGE = "ru"
"""The reminders' language (PRODUCT.md: one message in Russian per municipality)."""
SMTPS_PORT = 465


@dataclass(frozen=True)
class Contact:
    """Who answers for a municipality's section."""

    name: str
    """The municipality's name in the reminder's language."""
    email: str | None
    person: str | None = None


@dataclass
class Reminder:
    municipality: str
    to: str | None
    subject: str
    body: str


def _language_name(code: str, lang: str) -> str:
    """«английский» for ``en`` in Russian: Babel's name of any language in ``lang``."""
    from babel import Locale

    return Locale.parse(lang).languages.get(code, code)


def _date(value: str | None, lang: str) -> str:
    return long_date(dt.date.fromisoformat(value), lang) if value else "—"


def needs_attention(entry: Mapping[str, Any]) -> bool:
    return (entry.get("status") in BEHIND or bool(entry.get("untranslated"))
            or bool(entry.get("unfinished")))


def _line(title: str, code: str, entry: Mapping[str, Any], as_of: dt.date, lang: str) -> str:
    status = entry["status"]
    parts = [t("remind.line.status", lang, section=title, language=_language_name(code, lang),
               status=word(f"status.{status}", lang))]
    if entry.get("last_updated"):
        parts.append(t("remind.line.last_updated", lang,
                       date=_date(entry["last_updated"], lang)))
    due_by = entry.get("due_by")
    if due_by:
        late = dt.date.fromisoformat(due_by) < as_of
        parts.append(t("remind.line.was_due" if late else "remind.line.due", lang,
                       date=_date(due_by, lang)))
    if entry.get("untranslated"):
        parts.append(t("remind.line.untranslated", lang, n=entry["untranslated"]))
    if entry.get("unfinished"):
        parts.append(t("remind.line.unfinished", lang, n=entry["unfinished"]))
    return "; ".join(parts)


def message_text(m: Mapping[str, Any], contact: Contact, as_of: dt.date,
                 dashboard: str | None, lang: str = LANGUAGE) -> tuple[str, str]:
    """(subject, body) of the reminder for one municipality of the freshness data, in
    ``lang``."""
    titles = {s.id: s.title_in(lang) for s in SUBSECTIONS}
    todo: list[str] = []
    fine: list[str] = []
    for s in m["sections"]:
        for code, entry in s["languages"].items():
            line = _line(titles.get(s["id"], s["id"]), code, entry, as_of, lang)
            (todo if needs_attention(entry) else fine).append(line)
    checked = long_date(as_of, lang)
    subject = t("remind.subject", lang, name=contact.name, date=checked)
    greeting = (t("remind.greeting.named", lang, person=contact.person) if contact.person
                else t("remind.greeting", lang))
    lines = [
        greeting, "",
        t("remind.intro", lang, name=contact.name, date=checked), "",
        t("remind.todo", lang),
        *(f"  • {line}" for line in todo),
    ]
    if fine:
        lines += ["", t("remind.fine", lang), *(f"  • {line}" for line in fine)]
    lines += ["", t("remind.rule", lang)]
    if dashboard:
        lines += ["", t("remind.dashboard", lang, url=dashboard)]
    lines += ["", t("remind.signature", lang)]
    return subject, "\n".join(lines) + "\n"


def fill_due_by(data: dict[str, Any], max_age_days: Mapping[str, int]) -> None:
    """Give each language entry without ``due_by`` its PRODUCT.md value: last update +
    the subsection's ``max_age_days`` (None where nothing exists)."""
    for m in data["municipalities"]:
        for s in m["sections"]:
            for entry in s["languages"].values():
                if "due_by" not in entry:
                    last = entry.get("last_updated")
                    entry["due_by"] = (dt.date.fromisoformat(last) + dt.timedelta(
                        days=max_age_days[s["id"]])).isoformat() if last else None


def dashboard_url(site_url: str | None) -> str | None:
    return addresses.dashboard(site_url)


def reminders(data: Mapping[str, Any], contacts: Mapping[str, Contact],
              site_url: str | None = None, lang: str = LANGUAGE) -> list[Reminder]:
    """A reminder in ``lang`` for every municipality of ``data`` that needs one, in the
    data's order."""
    as_of = dt.date.fromisoformat(data["as_of"])
    result = []
    for m in data["municipalities"]:
        if not any(needs_attention(e) for s in m["sections"] for e in s["languages"].values()):
            continue
        contact = contacts.get(m["id"]) or Contact(m["id"], None)
        subject, body = message_text(m, contact, as_of, dashboard_url(site_url), lang)
        result.append(Reminder(m["id"], contact.email, subject, body))
    return result


def email(reminder: Reminder, sender: str, when: dt.datetime) -> EmailMessage:
    """The reminder as a MIME message (UTF-8 plain text) from ``sender``."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = formataddr(("", reminder.to or ""))
    msg["Subject"] = reminder.subject
    msg["Date"] = formatdate(when.timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(idstring=f"extrel-remind-{reminder.municipality}")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(reminder.body, charset="utf-8")
    return msg


@dataclass
class Outcome:
    """Who was reached and who was not (address or municipality → the reason)."""

    sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def send(messages: Sequence[tuple[str, EmailMessage]], host: str, port: int,
         password: str | None = None, user: str | None = None,
         timeout: float = 30.0) -> Outcome:
    """Send ``(recipient, message)`` pairs over one SMTP session.

    STARTTLS when the server offers it (TLS from the start on port 465); login (``user``,
    default the sender) only when a ``password`` is given, and never over an unencrypted
    connection. A refused recipient is recorded and the others still go; a dropped
    connection leaves every message not yet accepted as failed.
    """
    outcome = Outcome()
    pending = list(messages)
    if not pending:
        return outcome
    try:
        context = ssl.create_default_context()
        implicit = port == SMTPS_PORT  # TLS from the first byte (RFC 8314), not STARTTLS
        smtp = (smtplib.SMTP_SSL(host, port, timeout=timeout, context=context) if implicit
                else smtplib.SMTP(host, port, timeout=timeout))
        with smtp:
            smtp.ehlo()
            secure = implicit
            if not implicit and smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
                secure = True
            if password:
                if not secure:
                    raise smtplib.SMTPException(bilingual("remind.no_starttls"))
                smtp.login(user or (str(pending[0][1]["From"]) if pending else ""), password)
            while pending:
                to, msg = pending[0]
                try:
                    refused = smtp.send_message(msg, to_addrs=[to])
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError,
                        smtplib.SMTPSenderRefused) as exc:
                    outcome.failed[to] = _reason(exc)
                    smtp.rset()
                else:
                    if refused:
                        outcome.failed[to] = _reason(refused.get(to))
                    else:
                        outcome.sent.append(to)
                pending.pop(0)
    except (smtplib.SMTPException, OSError) as exc:
        for to, _msg in pending:
            outcome.failed[to] = _reason(exc)
    return outcome


def _reason(exc: Any) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
                 for code, text in exc.recipients.values()]
        return "; ".join(codes)
    if isinstance(exc, tuple) and len(exc) == 2:
        code, text = exc
        return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    return str(exc) or type(exc).__name__
