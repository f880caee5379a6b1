"""The command line in the editor's words (issue 15): usage errors in Russian with a guess
at what was meant, English with --lang en; --only tells only of those municipalities; a
failed first build does not speak of a previous one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from regions import commit_all, make_region, page, write

from extrel.cli import cli

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def russian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTREL_LANG", "ru")


@pytest.fixture
def region(tmp_path: Path) -> Path:
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    return config


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="extrel", catch_exceptions=False)
    return result.exit_code, result.output


def test_a_subsection_typed_in_transliteration(region: Path) -> None:
    code, out = run("new", "novosti", "-m", "alpha", "-t", "Визит", "-f", str(region))
    assert code == 2
    assert out.startswith("Вызов: extrel new [OPTIONS] TYPE\nСправка: extrel new --help\n")
    assert ("Ошибка: «novosti» — нет такого значения для TYPE; может быть, news? допустимые: "
            "news, partners, plan, announcements, organizations, participation, presentation"
            in out)
    assert "Invalid value" not in out and "Usage" not in out


def test_a_bad_format() -> None:
    code, out = run("check", "--format", "xlsx")
    assert code == 2
    assert "Ошибка: «xlsx» — нет такого значения для --format; допустимые: text, json, csv" in out


def test_a_missing_option_and_argument() -> None:
    code, out = run("new", "news", "-t", "Визит")
    assert code == 2
    assert "Ошибка: не указан обязательный параметр -m / --municipality" in out
    code, out = run("serve")
    assert code == 2 and "Ошибка: не указан MUNICIPALITY" in out


def test_an_unknown_option_and_command() -> None:
    code, out = run("check", "--bogus")
    assert code == 2 and "Ошибка: нет параметра «--bogus»" in out
    code, out = run("chek")
    assert code == 2 and "Ошибка: нет команды «chek»; может быть, check?" in out


def test_a_bad_date_option() -> None:
    code, out = run("check", "--today", "2026-13-01")
    assert code == 2 and "Ошибка: --today: «2026-13-01» — не дата; нужен формат ГГГГ-ММ-ДД" in out


def test_english_on_request() -> None:
    code, out = run("check", "--format", "xml", "--lang", "en")
    assert code == 2
    assert "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'csv'." in out


def test_did_you_mean_a_municipality(region: Path) -> None:
    code, out = run("new", "news", "-m", "alpa", "-t", "Визит", "-f", str(region))
    assert code == 2
    assert "Неизвестный муниципалитет: alpa; может быть, alpha?" in out
    assert "создайте" not in out
    for args in (["check"], ["build"]):
        code, out = run(*args, "-f", str(region), "--today", TODAY, "--only", "bet")
        assert code == 2 and "Неизвестный муниципалитет: bet; может быть, beta?" in out
    code, out = run("check", "-f", str(region), "--today", TODAY, "--only", "zzz")
    assert "Неизвестный муниципалитет: zzz (нет файла municipalities/<id>.yml)" in out


def break_beta(region: Path) -> str:
    broken = "content/beta/news/2026-08-01-hello.ru.md"
    write(region.parent, broken, page({"title": "Привет", "date": "31.11.2026"}))
    return broken


def test_only_tells_of_those_municipalities(region: Path, tmp_path: Path) -> None:
    broken = break_beta(region)
    write(region.parent, "content/alpha/partners/kutaisi.en.md",
          page({"title": "Kutaisi", "sumary": "x"}))
    code, out = run("check", "-f", str(region), "--today", TODAY, "--only", "alpha")
    assert "content/alpha/partners/kutaisi.en.md" in out
    assert broken not in out
    code, out = run("build", "-f", str(region), "--today", TODAY, "--only", "alpha",
                    "--site-dir", str(tmp_path / "site"))
    assert code == 2
    assert "content/alpha/partners/kutaisi.en.md" in out
    assert broken not in out
    assert "(из них 1 — в других муниципалитетах: запустите без --only, чтобы их увидеть)" in out
    code, out = run("check", "-f", str(region), "--today", TODAY)
    assert broken in out


def test_a_failed_first_build_has_no_previous_build(region: Path, tmp_path: Path) -> None:
    break_beta(region)
    site = tmp_path / "site"
    code, out = run("build", "-f", str(region), "--today", TODAY, "--site-dir", str(site))
    assert code == 2
    assert f"Сборка остановлена: ошибок — 1. Исправьте их; сайт в {site} не собран." in out
    assert "прежняя" not in out
    site.mkdir()
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    code, out = run("build", "-f", str(region), "--today", TODAY, "--site-dir", str(site))
    assert f"прежняя сборка в {site} не изменена" in out


def test_new_and_serve_speak_english_on_request(region: Path) -> None:
    code, out = run("new", "news", "-m", "alpa", "-t", "Visit", "-f", str(region), "--lang", "en")
    assert code == 2 and "Unknown municipality: alpa; did you mean alpha?" in out
    code, out = run("serve", "alpa", "-f", str(region), "--lang", "en")
    assert code == 2 and "Unknown municipality: alpa; did you mean alpha?" in out
    code, out = run("serve", "alpa", "-f", str(region))
    assert code == 2 and "Неизвестный муниципалитет: alpa; может быть, alpha?" in out
