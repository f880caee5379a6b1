"""Linear time on hostile input: the scanner reads any page in one pass, and a page that would
cost Python-Markdown minutes is refused by a limit, with its line, before Markdown runs.

No clocks: the refusals are asserted, and the scanner's own work is counted (lxml's events,
the limits' budget), never timed."""

from __future__ import annotations

from pathlib import Path

import pytest
from regions import make_region, page, write

from extrel.core.loader import load_region
from extrel.core.safety import limits, scan_body
from extrel.core.safety.limits import MAX_SEARCH, _tag_cost, body_limits
from extrel.core.safety.scan import scan_html

TOO_MUCH = "слишком много незакрытых скобок"

HOSTILE = {
    "unclosed-tags": "<a " * 16_000,  # 48 KB: 35 s in check before
    "unclosed-brackets": "[" * 20_000,  # 56 s in Python-Markdown before
    "unclosed-image-brackets": "![" * 10_000,
    "unclosed-link-destinations": "[](" * 10_000,
    "words-in-brackets": "[a" * 10_000,
    "quoted-tag-ends": '<a x="y>" ' * 5_000,  # html.parser reads each tag to the end
    "quoted-tag-ends-in-a-list": '- <a x="y>" \n' * 5_000,
    "inline-tags-in-one-paragraph": "<b>" * 30_000,
    "links-in-one-paragraph": "[x](y) " * 30_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_bodies_are_refused_before_markdown(name: str) -> None:
    found = scan_body(HOSTILE[name], 7, ())
    assert [(line, ru[:56]) for line, ru, _ in found.problems] == [
        (7, "в тексте слишком много незакрытых скобок «[», «(», знако")]
    assert "cannot be processed in reasonable time" in found.problems[0][2]


def test_the_line_is_the_paragraph_s() -> None:
    body = "Обычный абзац.\n\nЕщё один.\n\n" + "[" * 20_000 + "\n"
    assert [line for line, _, _ in scan_body(body, 10, ()).problems] == [14]


def test_deep_indentation_is_refused() -> None:
    body = "".join("    " * i + "- x\n" for i in range(300))  # RecursionError in Markdown
    found = body_limits(body, 3)
    assert len(found) == 1 and found[0][0] == 3 + 17 and "вложенность" in found[0][1]


@pytest.mark.parametrize("body", ["- " * 500 + "x", "1. " * 500 + "x", "* " * 2000 + "x",
                                  "Абзац.\n\n" + "- > " * 40 + "x"])
def test_list_markers_nested_on_one_line_are_refused(body: str) -> None:
    found = body_limits(body, 3)
    assert len(found) == 1 and "знаков списка подряд" in found[0][1], found
    assert found[0][0] == 3 + body.count("\n")


@pytest.mark.parametrize("body", ["* * *\n", "- - - - - - - - - - - - - - - - - - - - -\n",
                                  "- a\n  - b\n    - c\n", "> > > цитата\n", "1. - * x\n"])
def test_rules_and_ordinary_lists_pass(body: str) -> None:
    assert body_limits(body, 1) == []


def test_a_page_too_long_is_refused() -> None:
    found = body_limits("Текст. " * 100_000, 5)
    assert found[0][0] == 5 and "текст страницы слишком длинный" in found[0][1]


@pytest.mark.parametrize("body", [
    "| a | b |\n|---|---|\n" + "".join(f"| [Партнёр {i}](https://example.org/{i}) | **{i}** |\n"
                                         for i in range(1000)),
    "".join(f"- [Партнёр {i}](https://example.org/{i}) — *{i}*\n" for i in range(1000)),
    "<table>\n" + "".join(f'<tr><td><a href="https://example.org/{i}">П {i}</a></td></tr>\n'
                          for i in range(1000)) + "</table>\n",
    " ".join(f"[Партнёр {i}](https://example.org/{i}) «{i}»" for i in range(150)),
    ("Обычный абзац текста с **выделением**, [ссылкой](a.pdf) и `кодом`. " * 20 + "\n\n") * 200,
    "Код:\n\n" + "    " * 30 + "код с большим отступом\n",
    "".join("    " * i + "- x\n" for i in range(12)),
])
def test_large_ordinary_pages_pass(body: str) -> None:
    assert body_limits(body, 1) == []


def test_counting_stops_at_the_budget() -> None:
    """The limits' own work is bounded: a hostile run is counted only up to the budget."""
    body = '<a x="y>" ' * 20_000
    assert MAX_SEARCH < _tag_cost(body, MAX_SEARCH) <= MAX_SEARCH + len(body)


class _Counting:
    """Counts the characters lxml is fed and the elements it reports: the scanner's work."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from lxml import etree

        self.fed = 0
        outer = self
        original = etree.HTMLPullParser

        class Parser(original):  # type: ignore[misc, valid-type]
            def feed(self, data: str) -> None:  # type: ignore[override]
                outer.fed += len(data)
                super().feed(data)

        monkeypatch.setattr(etree, "HTMLPullParser", Parser)


@pytest.mark.parametrize("unit", ["<a ", '<a x="y>" ', "<a x='>'", "<b onclick=x>",
                                  "<noscript><p title='</noscript>'>"])
def test_the_html_scanner_reads_each_character_a_bounded_number_of_times(
        unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = _Counting(monkeypatch)
    for n in (2_000, 4_000):
        counting.fed = 0
        scan_html(unit * n, 1, ())
        # the text once, plus raw-text content and attribute values read again (depth 2)
        assert counting.fed <= 3 * len(unit * n) + 100, (unit, n, counting.fed)


def test_noscript_mutation_and_duplicate_attributes_are_seen() -> None:
    found = scan_html('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'
                      '\n<img src="a.jpg" alt="x" onload="1" onload="2">', 1, ())
    assert [(line, ru[:30]) for line, ru, _ in found.problems if "атрибут" in ru] == [
        (1, "атрибут «onerror» у тега <img>"), (2, "атрибут «onload» у тега <img> ")]


def test_svg_animation_to_a_script_address_is_refused() -> None:
    found = scan_html('<svg><animate attributeName="href" values="#a;javascript:alert(1)"/>'
                      '</svg>', 3, ())
    assert [line for line, _, _ in found.problems] == [3]


def test_control_characters_in_a_body(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    write(root, "content/beta/news/2026-11-15-x.ru.md",
          page({"title": "Визит", "date": "2026-11-15"}, "Строка.\nБезопасный\u202eтекст."))
    found = [(p.line, p.ru) for p in load_region(root).problems
             if p.file.endswith("2026-11-15-x.ru.md")]
    assert found == [(7, "в тексте невидимый управляющий символ U+202E; наберите текст заново "
                         "без него")]


def test_hostile_page_in_a_region_is_one_problem(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    write(root, "content/beta/news/2026-11-15-x.ru.md",
          page({"title": "Визит", "date": "2026-11-15"}, "[" * 20_000))
    found = [(p.line, p.ru[:40]) for p in load_region(root).problems
             if p.file.endswith("2026-11-15-x.ru.md")]
    assert found == [(5, "в тексте " + TOO_MUCH[:31])]


def test_limits_module_names_its_numbers() -> None:
    assert limits.MAX_INDENT // 4 >= 10 and limits.MAX_BODY_CHARS >= 100_000
