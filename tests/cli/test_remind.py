"""``extrel remind`` against a real SMTP server on 127.0.0.1 (aiosmtpd), and as .eml files.

The region: ``alpha`` up to date in every subsection and language, ``beta`` with only one
news item, ``delta`` and ``gamma`` with nothing yet; all committed on 10 November and
checked on 23 November. Alpha must get nothing, the three others one Russian message each.
"""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from regions import MUNICIPALITY, commit_all, make_region, write

from extrel.cli import cli

TODAY = "2026-11-23"
BEHIND = ["beta@example.org", "delta@example.org", "gamma@example.org"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = make_region(tmp_path_factory.mktemp("remind") / "r")
    root = config.parent
    # alpha: every subsection in every language, nothing untranslated
    (root / "content/alpha/news/2026-11-10-only-russian.ru.md").unlink()
    for mid, ru, en in (("gamma", "Гаммовский район", "Gamma District"),
                        ("delta", "Дельтинский район", "Delta District")):
        write(root, f"municipalities/{mid}.yml", MUNICIPALITY.format(id=mid, ru=ru, en=en))
        (root / f"municipalities/{mid}.png").write_bytes(
            (root / "municipalities/beta.png").read_bytes())
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Тестовый регион",
                                   "site_name: Тестовый регион\nsite_url: https://vs.example/"),
                      encoding="utf-8")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    return config


@dataclass
class Handler:
    """Keeps what arrives; refuses ``refuse`` at RCPT; drops the connection at ``drop``."""

    refuse: set[str] = field(default_factory=set)
    drop: set[str] = field(default_factory=set)
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        if address in self.drop:
            session.loop.call_soon(server.transport.close)
            return "451 4.3.0 Going away"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Handler, str]]:
    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, f"127.0.0.1:{controller.port}"
    finally:
        controller.stop()


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_every_coordinator_behind_gets_one_russian_message(
        region: Path, smtp: tuple[Handler, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTREL_SMTP_PASSWORD", raising=False)
    handler, server = smtp
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vneshsvyazi@region.example", "--lang", "ru")
    assert code == 0, output
    assert sorted(rcpt[0] for rcpt, _ in handler.received) == BEHIND  # alpha gets nothing
    assert all(len(rcpt) == 1 for rcpt, _ in handler.received)
    assert "Писем отправлено: 3" in output
    messages = {rcpt[0]: parse(raw) for rcpt, raw in handler.received}
    beta = messages["beta@example.org"]
    assert beta["From"] == "vneshsvyazi@region.example"
    assert beta["To"] == "beta@example.org"
    assert beta["Subject"] == ("Внешние связи: Бетинский район — раздел нужно обновить "
                               "(проверка на 23 ноября 2026\u202fг.)")
    body = beta.get_content()
    assert body.startswith("Здравствуйте, Иванова Анна Петровна!")
    attention = body.split("Требует внимания:")[1].split("В порядке:")[0]
    # the plan is missing in both languages; the news is fine, with its date and due_by
    assert "План развития внешних связей на календарный год, русский: нет материалов" in attention
    assert "английский: нет материалов" in attention
    fine = body.split("В порядке:")[1]
    assert ("Новости в области развития внешних связей, русский: обновлено вовремя; "
            "последнее обновление 10 ноября 2026\u202fг.; "
            "обновить до 11 декабря 2026\u202fг. включительно") in fine
    assert "Сводная таблица по всем муниципалитетам: https://vs.example/freshness/" in body


def test_a_refused_recipient_is_named_and_the_others_still_get_theirs(
        region: Path, smtp: tuple[Handler, str]) -> None:
    handler, server = smtp
    handler.refuse = {"gamma@example.org"}
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 2, output
    assert sorted(rcpt[0] for rcpt, _ in handler.received) == [
        "beta@example.org", "delta@example.org"]
    assert "Sent to: beta@example.org, delta@example.org" in output
    assert "Not sent to: gamma@example.org (550 5.1.1 No such mailbox here)" in output
    assert "Messages sent: 2, not sent: 1" in output


def test_a_dropped_connection_names_who_was_and_was_not_reached(
        region: Path, smtp: tuple[Handler, str]) -> None:
    handler, server = smtp
    handler.drop = {"delta@example.org"}
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 2, output
    assert [rcpt for rcpt, _ in handler.received] == [["beta@example.org"]]
    assert "Sent to: beta@example.org" in output
    assert "Not sent to: delta@example.org" in output
    assert "Not sent to: gamma@example.org" in output
    assert "Messages sent: 1, not sent: 2" in output


def test_no_server_listening_reaches_nobody(region: Path) -> None:
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp",
                       f"127.0.0.1:{free_port()}", "--from", "vs@region.example", "--lang", "en")
    assert code == 2
    assert "Sent to" not in output
    assert all(f"Not sent to: {to}" in output for to in BEHIND)


def test_a_password_is_never_sent_without_starttls(
        region: Path, smtp: tuple[Handler, str], monkeypatch: pytest.MonkeyPatch) -> None:
    handler, server = smtp
    monkeypatch.setenv("EXTREL_SMTP_PASSWORD", "secret")
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 2
    assert handler.received == []
    assert "no STARTTLS" in output


def test_settings_from_mkdocs_yml(region: Path, smtp: tuple[Handler, str],
                                  tmp_path: Path) -> None:
    handler, server = smtp
    text = region.read_text(encoding="utf-8")
    region.write_text(text + f"      remind:\n        smtp: {server}\n"
                      "        from: vs@region.example\n", encoding="utf-8")
    try:
        code, output = run("remind", "-f", str(region), "--today", TODAY)
    finally:
        region.write_text(text, encoding="utf-8")
    assert code == 0, output
    assert len(handler.received) == 3
    assert all(parse(raw)["From"] == "vs@region.example" for _, raw in handler.received)


def test_dry_run_writes_parseable_eml_files(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--dry-run", str(out),
                       "--from", "vs@region.example")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == ["beta.eml", "delta.eml", "gamma.eml"]
    msg = parse((out / "gamma.eml").read_bytes())
    assert msg["To"] == "gamma@example.org"
    assert msg.get_content_charset() == "utf-8"
    body = msg.get_content()
    assert "Гаммовский район" in body
    assert body.count("нет материалов") == 14  # seven subsections, two languages


def test_a_bad_server_value_is_a_usage_error(region: Path) -> None:
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", "mail",
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 2
    assert "expected HOST:PORT" in output


def test_help_and_a_bad_date() -> None:
    code, output = run("remind", "--help")
    assert code == 0 and "--dry-run" in output and "EXTREL_SMTP_PASSWORD" in output
    code, output = run("remind", "--today", "2026-13-01")
    assert code == 2 and "YYYY-MM-DD" in output


@pytest.fixture
def tls_smtp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Handler, str,
                                                                                 list[Any]]]:
    """A server that requires STARTTLS and a login, with a certificate made for 127.0.0.1 by
    openssl and trusted through SSL_CERT_FILE (OpenSSL's own variable)."""
    import ssl
    import subprocess

    from aiosmtpd.smtp import AuthResult

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins: list[Any] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                      data: Any) -> AuthResult:
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"secret", handled=False)

    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            tls_context=context, require_starttls=True, auth_required=True,
                            authenticator=authenticator)
    controller.start()
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    try:
        yield handler, f"127.0.0.1:{controller.port}", logins
    finally:
        controller.stop()


def test_starttls_and_login_from_the_environment(
        region: Path, tls_smtp: tuple[Handler, str, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    handler, server, logins = tls_smtp
    monkeypatch.setenv("EXTREL_SMTP_PASSWORD", "secret")
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 0, output
    assert logins == [(b"vs@region.example", b"secret")]
    assert len(handler.received) == 3


def test_a_wrong_password_reaches_nobody(
        region: Path, tls_smtp: tuple[Handler, str, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    handler, server, _logins = tls_smtp
    monkeypatch.setenv("EXTREL_SMTP_PASSWORD", "wrong")
    code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                       "--from", "vs@region.example", "--lang", "en")
    assert code == 2
    assert handler.received == []
    assert all(f"Not sent to: {to} (" in output for to in BEHIND)
    assert "535" in output


def test_a_coordinator_without_an_address_is_named(region: Path,
                                                   smtp: tuple[Handler, str]) -> None:
    handler, server = smtp
    registry = region.parent / "municipalities/gamma.yml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("  email: gamma@example.org\n", ""), encoding="utf-8")
    try:
        code, output = run("remind", "-f", str(region), "--today", TODAY, "--smtp", server,
                           "--from", "vs@region.example", "--lang", "en")
    finally:
        registry.write_text(text, encoding="utf-8")
    assert code == 2
    assert sorted(rcpt[0] for rcpt, _ in handler.received) == [
        "beta@example.org", "delta@example.org"]
    assert "No coordinator address: gamma (coordinator.email in municipalities/gamma.yml)" \
        in output
    assert "Messages sent: 2, not sent: 1" in output


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_message_in_each_language_of_the_catalogue(
        region: Path, smtp: tuple[Handler, str], lang: str) -> None:
    """The reminder's subject and body are the catalogue's ``remind.*`` in the language asked
    for (the command sends Russian, PRODUCT.md): the region's freshness data from ``extrel
    check --format json``, sent to the real server and read back."""
    import datetime as dt
    import json

    from extrel.core import remind as core
    from extrel.core.labels import long_date
    from extrel.core.messages import t

    handler, server = smtp
    checked_out = CliRunner().invoke(cli, ["check", "-f", str(region), "--today", TODAY,
                                           "--format", "json"], catch_exceptions=False)
    assert checked_out.exit_code == 1, checked_out.output  # behind, as the region is made
    data = json.loads(checked_out.stdout)
    core.fill_due_by(data, dict.fromkeys([s["id"] for s in data["municipalities"][0]
                                          ["sections"]], 31))
    names = {"ru": "Бетинский район", "en": "Beta District"}
    contacts = {"beta": core.Contact(names[lang], "beta@example.org", "Anna")}
    drafts = [r for r in core.reminders(data, contacts, "https://vs.example/", lang=lang)
              if r.municipality == "beta"]
    when = dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC)
    host, port = server.rsplit(":", 1)
    outcome = core.send([(r.to or "", core.email(r, "vs@region.example", when))
                         for r in drafts], host, int(port))
    assert outcome.sent == ["beta@example.org"], outcome
    [(_, raw)] = handler.received
    msg = parse(raw)
    checked = long_date(dt.date(2026, 11, 23), lang)
    assert msg["Subject"] == t("remind.subject", lang, name=names[lang], date=checked)
    body = msg.get_content()
    assert body.startswith(t("remind.greeting.named", lang, person="Anna"))
    assert t("remind.intro", lang, name=names[lang], date=checked) in body
    for key in ("remind.todo", "remind.fine", "remind.rule", "remind.signature"):
        assert t(key, lang) in body, key
    assert t("remind.dashboard", lang, url="https://vs.example/freshness/") in body
    if lang == "en":
        assert msg["Subject"] == ("External relations: Beta District — the section needs "
                                  "updating (checked on 23 November 2026)")
        attention = body.split("Needs attention:")[1].split("In order:")[0]
        assert ", Russian: nothing published" in attention
        assert ", English: nothing published" in attention
        assert "Требует" not in body and "Здравствуйте" not in body
    else:
        assert "Требует внимания:" in body and "Needs attention" not in body
