"""Every problem in one run, none invented (issue 15): one mistake in the Russian file is
not told again as a missing field of the English one; a broken field does not hide the
problems of the others; YAML errors in the editor's words, with line and column."""

from __future__ import annotations

from pathlib import Path

from regions import image, make_region, page, write

from extrel.core.frontmatter import FrontMatterError, parse
from extrel.core.loader import load_region

A = "content/alpha"
RU = f"{A}/news/2026-11-20-visit.ru.md"
EN = f"{A}/news/2026-11-20-visit.en.md"


def messages(root: Path, relpath: str, lang: str = "ru") -> list[str]:
    return [p.format(lang) for p in load_region(root).problems if p.file == relpath]


def test_a_yaml_error_in_russian_is_not_a_missing_field_in_english(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, RU, "---\ntitle: Визит: делегация\ndate: 2026-11-20\n---\n\nТекст.\n")
    write(tmp_path, EN, page({"title": "Visit"}, "Text."))
    ru = messages(tmp_path, RU)
    assert len(ru) == 1
    assert ru[0].startswith(f"{RU}:2: ошибка в записи свойств (YAML): двоеточие внутри "
                            "значения: заключите значение в кавычки")
    assert "(столбец 13)" in ru[0]
    assert messages(tmp_path, EN) == []


def test_the_english_file_still_reports_its_own_fields(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, RU, "---\ntitle: Визит: делегация\ndate: 2026-11-20\n---\n\nТекст.\n")
    write(tmp_path, EN, page({"title": "Visit", "sumary": "x"}, "Text."))
    (only,) = messages(tmp_path, EN)
    assert "неизвестное поле «sumary»; возможно, имелось в виду «summary»" in only


def test_english_alone_still_needs_its_fields(tmp_path: Path) -> None:
    """Without a Russian file at all, the English one is told what it lacks."""
    make_region(tmp_path)
    write(tmp_path, EN, page({"title": "Visit"}, "Text."))
    assert any("нет обязательного поля «date»" in m for m in messages(tmp_path, EN))


def test_a_bad_date_does_not_hide_a_missing_image_alt(tmp_path: Path) -> None:
    make_region(tmp_path)
    image(tmp_path / f"{A}/news/visit.jpg")
    write(tmp_path, RU, page({"title": "Визит", "date": "31.11.2026", "image": "visit.jpg"}))
    found = messages(tmp_path, RU)
    assert any(m.startswith(f"{RU}:3: поле «date»: дата «31.11.2026» не существует") for m in found)
    assert any(m.startswith(f"{RU}:4: у изображения нет описания: добавьте поле «image_alt»")
               for m in found)
    assert len(found) == 2


def test_image_alt_is_told_once_when_the_rest_is_valid(tmp_path: Path) -> None:
    make_region(tmp_path)
    image(tmp_path / f"{A}/news/visit.jpg")
    write(tmp_path, RU, page({"title": "Визит", "date": "2026-11-20", "image": "visit.jpg"}))
    found = messages(tmp_path, RU)
    assert len([m for m in found if "image_alt" in m]) == 1


def yaml_error(front: str) -> FrontMatterError:
    try:
        parse(f"---\n{front}---\n\nТекст.\n")
    except FrontMatterError as exc:
        return exc
    raise AssertionError("parsed")


def test_yaml_errors_in_the_editors_words() -> None:
    cases = {
        'title: "Визит\ndate: 2026-11-20\n': (2, "не закрыта кавычка", "(столбец 8)"),
        "title: Визит\ndirections: [культура, спорт\n": (
            3, "не закрыта квадратная скобка списка", "(столбец 13)"),
        "title: Визит\n\tdate: 2026-11-20\n": (3, "знак табуляции в отступе", "(столбец 1)"),
        "title: @визит\n": (2, "значение не может начинаться с «@»", "(столбец 8)"),
        "title: Визит\n  date: 2026-11-20\n": (3, "двоеточие внутри значения", "(столбец 7)"),
        'title: "C:\\docs"\n': (2, "обратная косая черта «\\» в кавычках", "(столбец 8)"),
    }
    for front, (line, words, column) in cases.items():
        exc = yaml_error(front)
        assert exc.line == line, front
        assert exc.ru.startswith(f"ошибка в записи свойств (YAML): {words}"), exc.ru
        assert column in exc.ru, (front, exc.ru)
        assert "not allowed" not in exc.ru and "found" not in exc.ru


def test_english_keeps_the_parsers_words_as_a_hint() -> None:
    exc = yaml_error("title: Visit: delegation\n")
    assert exc.en == ("invalid YAML in the front matter: a colon inside a value: put the value "
                      "in quotes (title: \"Text: with a colon\"), or check the line's indentation"
                      " — a field must not start with a space (column 13) [mapping values are "
                      "not allowed in this context]")


def test_a_bad_russian_date_is_not_contradicted_by_the_english_one(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, RU, page({"title": "Визит", "date": "31.11.2026"}))
    write(tmp_path, EN, page({"title": "Visit", "date": "2026-11-20"}))
    assert len(messages(tmp_path, RU)) == 1
    assert messages(tmp_path, EN) == []
    write(tmp_path, RU, page({"title": "Визит", "date": "2026-11-21"}))
    (only,) = messages(tmp_path, EN)
    assert "поле «date» (2026-11-20) противоречит русской версии" in only


def test_did_you_mean_a_subsection_folder(tmp_path: Path) -> None:
    make_region(tmp_path)
    write(tmp_path, f"{A}/partner/x.ru.md", page({"title": "x"}))
    (told,) = [p for p in load_region(tmp_path).problems if p.file == f"{A}/partner"]
    assert told.ru.startswith("неизвестный подраздел «partner»; может быть, partners? "
                              "допустимые папки: news, partners")
