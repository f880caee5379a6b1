"""Every check speaks through the catalogue (issue 11, item 5): front matter, YAML, the
safety scanner, file checks, the registry and the subsections' words are keys and
parameters, told in Russian and English (and a third language falls back to English), never
text composed in the code and never text parsed back."""

from __future__ import annotations

from pathlib import Path

import pytest
from regions import make_region, page, write

from extrel.core import messages
from extrel.core.frontmatter import FrontMatterError, parse
from extrel.core.gitdates import GitError
from extrel.core.jsonschema import all_schemas
from extrel.core.languages import STANDARD
from extrel.core.loader import load_region
from extrel.core.messages import catalogue, t
from extrel.core.problems import Finding, Problem, Verdict
from extrel.core.safety import scan_body
from extrel.core.sections import SUBSECTIONS

A = "content/alpha"
RU = f"{A}/news/2026-11-20-visit.ru.md"
EN = f"{A}/news/2026-11-20-visit.en.md"

NEW_PREFIXES = ("problem.yaml.", "problem.frontmatter.", "problem.safety.", "problem.limits.",
                "problem.path.", "problem.image.", "schema.", "section.", "git.", "language.",
                "feed.", "log.")


def problems_of(root: Path, relpath: str) -> list[Problem]:
    return [p for p in load_region(root).problems if p.file == relpath]


def test_the_bridge_for_composed_text_is_gone() -> None:
    assert not hasattr(Problem, "text")
    assert "problem.text" not in catalogue("ru") and "problem.text" not in catalogue("en")


@pytest.mark.parametrize("key", sorted(k for k in catalogue("en") if k.startswith(NEW_PREFIXES)))
def test_each_new_key_is_worded_in_both_languages(key: str) -> None:
    assert catalogue("ru")[key].strip() and catalogue("en")[key].strip()


def test_a_yaml_error_names_file_line_and_the_fix_in_both_languages(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, RU,
          '---\ntitle: Визит\nsummary: "не закрыта\ndate: 2026-11-20\n---\n\nТекст.\n')
    (problem,) = problems_of(tmp_path, RU)
    assert problem.key == "problem.frontmatter.yaml"
    assert problem.format("ru").startswith(
        f"{RU}:3: ошибка в записи свойств (YAML): не закрыта кавычка: поставьте такую же "
        "кавычку в конце значения (столбец 10)")
    assert problem.format("en").startswith(
        f"{RU}:3: invalid YAML in the front matter: a quote is not closed: put the same quote "
        "at the end of the value (column 10) [")
    # a language extrel has no words in reads the English
    assert problem.format("zh") == problem.format("en")


def test_the_parsers_own_words_are_kept_for_english_only() -> None:
    with pytest.raises(FrontMatterError) as caught:
        parse("---\ntitle: Visit: delegation\n---\n")
    exc = caught.value
    assert exc.verdict.key == "problem.frontmatter.yaml"
    assert "mapping values are not allowed" in exc.en
    assert "mapping values" not in exc.ru
    assert exc.problem("x.ru.md") == Problem("x.ru.md", 2, exc.verdict.key, exc.verdict.params)


def test_front_matter_refusals_are_structured() -> None:
    doc = parse("---\ntitle: x\nsummary: 2026-02-30\n---\n")
    (found,) = doc.refusals
    assert isinstance(found, Finding) and found.line == 3
    assert found.verdict == Verdict("problem.yaml.date", {"field": "summary",
                                                           "value": "2026-02-30",
                                                           "example": "2026-11-17"})
    assert doc.problems == [tuple(found)]


def test_a_missing_file_is_a_key_with_its_path(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, RU, page({"title": "Визит", "date": "2026-11-20"}, "![Фото](nowhere.jpg)"))
    (problem,) = problems_of(tmp_path, RU)
    assert (problem.key, problem.params, problem.line) == (
        "problem.path.not_found", {"path": "nowhere.jpg"}, 6)
    assert problem.message("en") == ("the file 'nowhere.jpg' was not found; check the name "
                                     "(case matters) or add the file next to the page")


def test_the_scanner_finds_keys_not_sentences() -> None:
    found = scan_body('<script>x</script>\n<iframe src=""></iframe>\n', 4, ("rutube.ru",))
    keys = [(f.line, f.verdict.key) for f in found.problems]
    assert keys == [(4, "problem.safety.tag"), (5, "problem.safety.iframe")]
    iframe = found.problems[1]
    assert "«без адреса»" in iframe[1] and "'no address'" in iframe[2]


def test_a_body_too_long_groups_its_thousands_per_language() -> None:
    found = scan_body("x" * 500_001, 1, ())
    (only,) = found.problems
    assert "500\u00a0001 знаков" in only[1] and "500,001 characters" in only[2]


def test_subsection_titles_and_name_rules_are_keys() -> None:
    for sub in SUBSECTIONS:
        assert sub.title == {lang: t(sub.title_key, lang) for lang in messages.CATALOGUES}
        assert sub.title_in("zh") == sub.title["en"] != sub.title["ru"]
        assert sub.name.words == {lang: t(sub.name.key, lang) for lang in messages.CATALOGUES}


def test_a_name_rule_is_told_in_the_language_of_the_message(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, f"{A}/news/visit.ru.md", page({"title": "Визит", "date": "2026-11-20"}))
    (problem,) = problems_of(tmp_path, f"{A}/news/visit.ru.md")
    assert "«ГГГГ-ММ-ДД-название.ru.md»" in problem.message("ru")
    assert "YYYY-MM-DD-slug.ru.md" in problem.message("en")


def test_every_schema_description_is_found_in_the_catalogue() -> None:
    for name, schema in all_schemas().items():
        models = [schema, *schema.get("$defs", {}).values()]
        for model in models:
            for field, prop in model.get("properties", {}).items():
                text = prop.get("description", "")
                assert text and not text.startswith("schema."), (name, field, text)
        assert not schema["description"].startswith("schema."), name


def test_the_language_names_come_from_the_catalogue() -> None:
    assert [lang.name for lang in STANDARD.items] == ["Русский", "English"]


def test_a_git_error_is_a_key_told_in_both_languages_with_gits_own_words_once() -> None:
    exc = GitError("git.failed", cwd="/r", command="log", code=128, detail="fatal: bad object")
    assert str(exc) == (
        "Ошибка git в «/r» (`git log`, код 128):\n"
        "git failed in «/r» (`git log`, code 128):\nfatal: bad object")
    assert (exc.key, exc.params) == ("git.failed", {"cwd": "/r", "command": "log", "code": 128})
