"""The message catalogue: every key in Russian and English alike, every key used, every
message formats; and the fallbacks a third language relies on."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from extrel.core import messages
from extrel.core.messages import catalogue, placeholders, t, worded
from extrel.core.problems import Problem

SRC = Path(messages.__file__).resolve().parents[1]


def test_russian_and_english_have_the_same_keys() -> None:
    assert sorted(catalogue("ru")) == sorted(catalogue("en"))


@pytest.mark.parametrize("key", sorted(catalogue("en")))
def test_both_languages_fill_the_same_placeholders(key: str) -> None:
    assert placeholders(catalogue("ru")[key]) == placeholders(catalogue("en")[key])


@pytest.mark.parametrize("key", sorted(catalogue("en")))
def test_every_message_formats_with_its_placeholders(key: str) -> None:
    for lang in messages.CATALOGUES:
        fields = [(name, spec) for _, name, spec, _ in Formatter().parse(catalogue(lang)[key])
                  if name]
        params: dict[str, object] = {
            name: (7 if spec.endswith("d") else 1.25) if spec else f"<{name}>"
            for name, spec in fields}
        text = t(key, lang, **params)
        assert "{" not in text
        assert all(v in text for v in params.values() if isinstance(v, str))


def test_every_key_is_used() -> None:
    sources = "\n".join(p.read_text("utf-8") for p in sorted(SRC.rglob("*"))
                        if p.suffix in (".py", ".html", ".js") and p.is_file())
    used = set(re.findall(r"""["']([a-z_]+(?:\.[a-z0-9_-]+)+)["']""", sources))
    unused = [key for key in catalogue("en")
              if key not in used and not key.startswith(messages.DYNAMIC_PREFIXES)]
    assert unused == []


def test_a_language_without_words_falls_back_to_english_then_to_the_key() -> None:
    assert t("problem.file.empty", "zh") == t("problem.file.empty", "en")
    assert t("no.such.key", "ru") == "no.such.key"


def test_a_parameter_worded_per_language() -> None:
    detail = worded("problem.page.suffix", lang="zh")
    assert t("problem.yaml.invalid", "ru", detail=detail) == "ошибка в записи YAML: «….zh.md»"
    assert t("problem.yaml.invalid", "en", detail=detail) == "invalid YAML: '….zh.md'"
    assert t("problem.yaml.invalid", "kk", detail=detail) == "invalid YAML: '….zh.md'"


def test_a_problem_is_told_through_the_catalogue() -> None:
    problem = Problem("content/a/news/x.ru.md", 3, "problem.page.nested", {"section": "news"})
    assert problem.format("ru") == ("content/a/news/x.ru.md:3: страница во вложенной папке; "
                                    "перенесите её прямо в папку news/")
    assert problem.to_dict("en")["message"] == (
        "the page is in a nested folder; move it directly into news/")
    assert hash(problem) == hash(Problem("content/a/news/x.ru.md", 3, "problem.page.nested",
                                         {"section": "news"}))


def test_keys_built_at_run_time_are_exactly_those_their_codes_build() -> None:
    """``data.<set>.<field>`` for every open-data field, ``export.section.<id>`` for every
    published subsection, and no such key for something that does not exist."""
    from extrel.core.opendata import FIELDS
    from extrel.core.report import PUBLISHED_SECTIONS
    from extrel.core.sections import SUBSECTION_IDS

    keys = set(catalogue("en"))
    data = {f"data.{name}.{field}" for name, fields in FIELDS.items() for field in fields}
    assert {k for k in keys if k.startswith("data.") and k.count(".") == 2} == data
    assert {f"export.section.{s}" for s in PUBLISHED_SECTIONS} <= keys
    assert all(k.rsplit(".", 1)[1] in SUBSECTION_IDS
               for k in keys if k.startswith(("export.section.", "export.item.")))


def test_option_validators_raise_codes_the_catalogue_words() -> None:
    """The options' validators raise ``PydanticCustomError`` codes; the words come from the
    catalogue, never from the exception's text."""
    from extrel.core.options import parse_options

    _, problems = parse_options({"freshness": {"sections": {"nws": {}}}})
    assert [p.key for p in problems] == ["problem.options.invalid"]
    assert problems[0].message("ru") == (
        "extrel: freshness.sections: неизвестные подразделы: nws; допустимы: news, partners, "
        "plan, announcements, organizations, participation, presentation")
    _, problems = parse_options({"timezone": "Mars/Base"})
    assert problems[0].message("en") == (
        "extrel: unknown time zone 'Mars/Base'; use an IANA name such as Europe/Moscow or "
        "Europe/Ulyanovsk")


def test_every_key_written_in_the_sources_is_in_the_catalogue() -> None:
    """A key missing from the catalogue would show itself (``ui.updated``) on a page."""
    written = set()
    for path in sorted(SRC.rglob("*")):
        if path.suffix in (".py", ".html") and path.is_file():
            text = path.read_text("utf-8")
            written |= set(re.findall(
                r"""(?<![.\w])(?:t|worded|bilingual)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""",
                text))
            written |= set(re.findall(
                r"""Problem\([^()]*?["']((?:problem)\.[a-z0-9_.]+)["']""", text, re.S))
    assert written, "the pattern finds the keys"
    assert sorted(written - set(catalogue("en"))) == []
