"""Typed values: phone, e-mail, web, video and iframe addresses, each validated as what it is;
every address read as a browser reads it (WHATWG URL) before its host is compared."""

from __future__ import annotations

from pathlib import Path

import pytest
from regions import make_region, page, write

from extrel.core.loader import load_region
from extrel.core.safety import scan_body
from extrel.core.safety.scan import url_kind
from extrel.core.safety.urls import is_phone, leads_elsewhere, web_address
from extrel.core.schema import Coordinator, MunicipalityMeta, OrganizationMeta, validate

HOSTS = ("rutube.ru", "www.youtube.com")


@pytest.mark.parametrize(("phone", "ok"), [
    ("+7 (84241) 2-51-37", True),
    ("8 (84241) 2-51-37", True),
    ("+7(84241)25137", True),
    ("(84241) 2-51-37", True),
    ("+7 800 555-35-35 доб. 123", True),
    ("+7 800 555-35-35, ext. 12", True),
    ('+7 (84241) 2-51-37" onmouseover="alert(1)', False),
    ("+7 (84241) 2-51-37'><script>", False),
    ("tel:+78424125137", False),
    ("javascript:alert(1)", False),
    ("+7 (84241) 2-51-37\u202e", False),
    ("12", False),
    ("+7 ((84241)) 2", False),
    ("1" * 50, False),
])
def test_phone(phone: str, ok: bool) -> None:
    assert is_phone(phone) is ok
    _, errors = validate(Coordinator, {"name": {"ru": "a", "en": "b"}, "phone": phone}, {})
    assert (errors == []) is ok
    if not ok:
        assert "не номер телефона" in errors[0].ru and "phone number" in errors[0].en


@pytest.mark.parametrize(("email", "ok"), [
    ("inza.external@example.org", True),
    ("иван@пример.рф", True),
    ('a@example.org" onclick="x', False),
    ("a b@example.org", False),
    ("a@localhost", False),
    ("mailto:a@example.org", False),
    ("a@[127.0.0.1]", False),
    ("<a@example.org>", False),
])
def test_email(email: str, ok: bool) -> None:
    _, errors = validate(Coordinator, {"name": {"ru": "a", "en": "b"}, "email": email}, {})
    assert (errors == []) is ok, errors
    if not ok:
        assert "не адрес электронной почты" in errors[0].ru


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.youtube.com/embed/x", "www.youtube.com"),
    ("HTTPS://RUTUBE.RU/play/embed/1", "rutube.ru"),
    ("https://evil.example\\@www.youtube.com/embed/x", None),  # urllib: youtube; browser: evil
    ("https://evil.example%5C@www.youtube.com/", None),
    ("https://user@rutube.ru/x", None),
    ("https://user:pw@rutube.ru/x", None),
    ("https://rutube.ru:8443/x", None),
    ("https://rutube.ru:443/x", "rutube.ru"),  # the default port: the same address
    ("http://rutube.ru/x", None),
    ("https://rutube.ru /x", None),
    ("https://rutube.ru\t/x", None),
    ("javascript:alert(1)", None),
    ("//rutube.ru/x", None),
    ("https://localhost/x", None),
])
def test_embedded_addresses_are_read_as_a_browser_reads_them(url: str, host: str | None) -> None:
    assert web_address(url) == host


def test_percent_encoded_credentials_are_credentials() -> None:
    assert web_address("https://evil.example%5C@www.youtube.com/") is None


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a?b#c",
                                 "https://пример.рф/"])
def test_web_addresses_for_links(url: str) -> None:
    _, errors = validate(OrganizationMeta, {"title": "x", "url": url}, {})
    assert errors == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://a\\@example.org",
                                 "https://user@example.org", "https://example.org:8080/",
                                 "ftp://example.org", "example.org", "https://exa mple.org",
                                 'https://example.org/" onclick="x'])
def test_web_addresses_refused(url: str) -> None:
    _, errors = validate(MunicipalityMeta, {"name": {"ru": "a", "en": "b"}, "kind": "district",
                                            "website": url}, {"website": 4})
    assert errors and errors[0][0] == 4 and "не адрес сайта" in errors[0].ru


@pytest.mark.parametrize("src", [
    "https://evil.example\\@www.youtube.com/embed/x",
    "https://evil.example%5C@www.youtube.com/embed/x",
    "https://user@www.youtube.com/embed/x",
    "https://www.youtube.com:8443/embed/x",
    "http://www.youtube.com/embed/x",
    "https://www.youtube.com./embed/x",
    "https://www.youtube.com.evil.example/embed/x",
    "javascript:alert(1)",
])
def test_iframes_whose_host_a_browser_reads_differently_are_refused(src: str) -> None:
    found = scan_body(f'<iframe src="{src}"></iframe>', 5, HOSTS).problems
    assert [(line, ru[:16]) for line, ru, _ in found] == [(5, "вставка <iframe>")] or any(
        "запускает сценарий" in ru for _, ru, _ in found)


@pytest.mark.parametrize("src", ["https://www.youtube.com/embed/x", "//rutube.ru/play/embed/1",
                                 "https://RUTUBE.ru/play/embed/1"])
def test_allowed_iframes_pass(src: str) -> None:
    assert scan_body(f'<iframe src="{src}"></iframe>', 1, HOSTS).problems == []


@pytest.mark.parametrize("url", ["/\\evil.example/x.png", "/\t/evil.example/x.png",
                                 "\\\\evil.example\\x.png", "https:evil.example/x.png"])
def test_relative_looking_addresses_that_lead_elsewhere_are_external(url: str) -> None:
    assert url_kind(url) == "external"
    found = scan_body(f'<img src="{url}" alt="x">', 1, HOSTS)
    assert [r.url for r in found.refs] == [url]


def test_local_paths_stay_local() -> None:
    for url in ("photo.jpg", "../news/", "a/b%20c.pdf", "#top"):
        assert not leads_elsewhere(url)


def test_video_addresses_in_front_matter(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    for name, address in (("ok", "https://rutube.ru/play/embed/1"),
                          ("slash", "https://evil.example\\\\@rutube.ru/play/embed/1"),
                          ("user", "https://evil.example@rutube.ru/play/embed/1"),
                          ("port", "https://rutube.ru:8443/play/embed/1")):
        write(root, "content/beta/presentation/index.ru.md", page(
            {"title": "О районе",
             "files": f'[{{file: "{address}", title: Фильм, kind: video}}]'}))
        found = [p for p in load_region(root).problems
                 if p.file == "content/beta/presentation/index.ru.md"]
        if name == "ok":
            assert found == []
        else:
            assert [(p.line, p.ru[:22]) for p in found] == [(3, "видео с сайта «https:/")], name


def test_a_phone_in_the_registry_is_reported_with_its_line(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    text = (root / "municipalities/alpha.yml").read_text(encoding="utf-8")
    write(root, "municipalities/alpha.yml", text.replace(
        "phone: +7 (84241) 2-00-00", "phone: '+7\" onmouseover=\"alert(1)'"))
    found = [(p.line, p.ru) for p in load_region(root).problems
             if p.file == "municipalities/alpha.yml"]
    assert (7, "поле «coordinator.phone»: «+7\" onmouseover=\"alert(1)» — не номер телефона; "
               "допустимы цифры, пробелы, «+», скобки, дефис и добавочный номер, например "
               "+7 (84241) 2-51-37 доб. 12") in found
