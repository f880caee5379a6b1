"""The front door: a region's Project from the dict its mkdocs.yml holds (no MkDocs here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extrel.core.languages import STANDARD
from extrel.core.options import Options
from extrel.core.project import Project

I18N = {"i18n": {"docs_structure": "suffix", "languages": [
    {"locale": "ru", "name": "Русский", "default": True},
    {"locale": "en", "name": "English", "site_name": "External relations"},
    {"locale": "zh", "name": "中文", "site_name": "对外关系"},
]}}


def project(tmp_path: Path, **raw: object) -> Project:
    return Project.from_raw(tmp_path / "mkdocs.yml", {"site_name": "Внешние связи", **raw})


def test_languages_come_from_the_i18n_block(tmp_path: Path) -> None:
    p = project(tmp_path, plugins=["search", I18N, {"extrel": {}}])
    assert p.problems == ()
    assert p.languages.codes == ("ru", "en", "zh")
    assert p.languages.others == ("en", "zh")
    assert p.languages.name("zh") == "中文"
    assert [p.site_name(c) for c in p.languages] == ["Внешние связи", "External relations",
                                                     "对外关系"]


def test_russian_and_english_are_always_there_and_russian_first(tmp_path: Path) -> None:
    assert project(tmp_path).languages == STANDARD
    block = {"i18n": {"languages": [{"locale": "kk", "name": "Қазақша"},
                                    {"locale": "ru", "default": True}]}}
    p = project(tmp_path, plugins=[block])
    assert p.languages.codes == ("ru", "en", "kk")
    assert p.problems == ()


def test_a_default_other_than_russian_or_a_bad_locale_is_a_configuration_problem(
        tmp_path: Path) -> None:
    block = {"i18n": {"languages": [{"locale": "en", "default": True}, {"locale": "Zh!"}]}}
    p = project(tmp_path, plugins=[block])
    messages = " ".join(problem.en for problem in p.problems)
    assert "default language is Russian" in messages and "'Zh!'" in messages
    assert all(problem.file == "mkdocs.yml" for problem in p.problems)
    assert p.languages.codes == ("ru", "en")


def test_docs_dir_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    assert project(tmp_path).docs_dir == "content"
    p = project(tmp_path, docs_dir="pages")
    assert p.docs_dir == "pages" and p.content == tmp_path.resolve() / "pages"
    assert p.municipality_dir("inza") == tmp_path.resolve() / "pages/inza"
    for bad in ("..", "/etc", "."):
        wrong = project(tmp_path, docs_dir=bad)
        assert wrong.docs_dir == "content"
        assert "docs_dir" in wrong.problems[0].en


def test_today_is_the_date_in_the_region_s_zone(tmp_path: Path) -> None:
    p = project(tmp_path, plugins=[{"extrel": {"timezone": "Europe/Ulyanovsk"}}])
    # 00:30 in Ulyanovsk (UTC+4) is still the previous day in UTC
    instant = dt.datetime(2026, 11, 23, 20, 30, tzinfo=dt.UTC)
    assert p.today(now=instant) == dt.date(2026, 11, 24)
    assert p.today(now=instant.replace(hour=19, minute=59)) == dt.date(2026, 11, 23)
    assert p.today(dt.date(2026, 1, 5), now=instant) == dt.date(2026, 1, 5)
    with pytest.raises(ValueError):
        p.today(now=dt.datetime(2026, 11, 23, 20, 30))  # noqa: DTZ001 - a naive instant


def test_the_default_zone_is_the_options_default(tmp_path: Path) -> None:
    p = project(tmp_path)
    assert p.options == Options()
    assert str(p.zone) == Options.model_fields["timezone"].default
    instant = dt.datetime(2026, 11, 23, 21, 30, tzinfo=dt.UTC)  # 00:30 in Moscow
    assert p.today(now=instant) == dt.date(2026, 11, 24)


def test_invalid_options_are_problems_of_mkdocs_yml(tmp_path: Path) -> None:
    p = project(tmp_path, plugins=[{"extrel": {"timezone": "Mars/Olympus"}}])
    assert p.options == Options()
    assert "Mars/Olympus" in p.problems[0].ru
    assert p.zone == p.options.zone()  # the default zone, as the options fall back to
