"""A message quotes what an editor, or an attacker, wrote: an address, a field's value, a
file's name. What a reader cannot see (a tab, an escape sequence that would recolour or
rewrite a regional officer's terminal, a right-to-left override that reverses the rest of the
line) is shown, never passed on."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st
from regions import make_region, page, write

from extrel.cli import cli
from extrel.core.problems import _UNSEEN, Problem, Verdict, visible


def test_controls_become_their_pictures_and_the_rest_a_code_point() -> None:
    assert visible("jav\tascript:") == "jav␉ascript:"
    assert visible("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    assert visible("a\nb\r\x00\x7f") == "a␊b␍␀␡"
    assert visible("txt.\u202egpj.exe") == "txt.<U+202E>gpj.exe"
    assert visible("\u200bx\ufeff\x85") == "<U+200B>x<U+FEFF><U+0085>"
    assert visible("Инза, 因扎 — «ок» 😀") == "Инза, 因扎 — «ок» 😀"


@given(st.text())
@example("\x1b]0;title\x07")
@example("a\u2066b\u2069c")
def test_nothing_unseen_is_left(text: str) -> None:
    shown = visible(text)
    assert not _UNSEEN.search(shown)
    assert visible(shown) == shown


def test_a_problem_shows_its_file_and_message_visibly() -> None:
    problem = Problem("content/inza/news/a\x1b[2Jb.ru.md", 3, "problem.safety.script_address",
                      {"url": "jav\tascript:alert(1)"})
    for lang in ("ru", "en"):
        assert "jav␉ascript:alert(1)" in problem.message(lang)
        assert not _UNSEEN.search(problem.format(lang))
    assert problem.format().startswith("content/inza/news/a␛[2Jb.ru.md:3: ")
    assert problem.to_dict()["file"] == "content/inza/news/a\x1b[2Jb.ru.md"  # JSON escapes it
    ru, en = Verdict("problem.safety.script_address", {"url": "java\u202escript:"})
    assert "java<U+202E>script:" in ru and "java<U+202E>script:" in en


def test_the_check_shows_a_tab_in_an_address(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    write(config.parent, "content/alpha/news/2026-11-20-visit.ru.md", page(
        {"title": "Визит", "date": "2026-11-20"},
        'Текст.\n\n<a href="jav\tascript:alert(1)">ссылка</a>\n'))
    result = CliRunner().invoke(cli, ["check", "-f", str(config), "--today", "2026-11-23",
                                      "--no-freshness"], catch_exceptions=False)
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if "2026-11-20-visit.ru.md:" in line]
    assert any("«jav␉ascript:alert(1)»" in line for line in said), said
    assert "\t" not in result.stderr
