"""One YAML reading for everyone: the front matter is split as MkDocs splits it, and whatever
two YAML readers could read differently is refused with its line, in both languages."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from mkdocs.utils import meta as mkdocs_meta
from regions import make_region, write

from extrel.core import frontmatter
from extrel.core.frontmatter import FrontMatterError, load_yaml, parse
from extrel.core.loader import load_region

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "extrel-hypothesis")
SETTINGS = settings(max_examples=300, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def test_the_split_is_mkdocs_own() -> None:
    assert frontmatter.MKDOCS_YAML_RE.pattern == mkdocs_meta.YAML_RE.pattern
    assert frontmatter.MKDOCS_YAML_RE.flags == mkdocs_meta.YAML_RE.flags


HEAD = "---\ntitle: Визит\n"

REFUSED = {
    # name: (page, line, start of the Russian message, a word of the English one)
    "binary-title": ("---\ntitle: !!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg==\n---\n", 2,
                     "ошибка в записи свойств (YAML): пометка типа YAML «!!binary»", "tag"),
    "python-tag": (HEAD + "x: !!python/object/apply:os.system [ls]\n---\n", 3,
                   "ошибка в записи свойств (YAML): пометка типа YAML «!!python", "tag"),
    "int-tag": ("---\ntitle: !!int abc\n---\n", 2, "ошибка в записи свойств (YAML): пометка",
                "tag"),
    "bool-tag": ("---\ntitle: !!bool maybe\n---\n", 2, "ошибка в записи свойств (YAML): пометка",
                 "tag"),
    "timestamp-tag": ("---\ntitle: x\ndate: !!timestamp 2026-02-30\n---\n", 3,
                      "ошибка в записи свойств (YAML): пометка", "tag"),
    "str-tag": ("---\ntitle: !!str x\n---\n", 2, "ошибка в записи свойств (YAML): пометка",
                "tag"),
    "custom-tag": ("---\ntitle: !x y\n---\n", 2, "ошибка в записи свойств (YAML): пометка типа "
                   "YAML «!x»", "tag"),
    "tagged-list": (HEAD + "tags: !!seq [a]\n---\n", 3, "ошибка в записи свойств (YAML): "
                    "пометка", "tag"),
    "end-marker": (HEAD + "...\n# <img src=x onerror=alert(1)>\n---\n", 3,
                   "знак конца документа «...» не закрывает блок свойств", "end marker"),
    "no-final-newline": (HEAD + "# <img src=x onerror=alert(1)>\n---", 4,
                         "после закрывающей строки «---» нужен перевод строки", "line break"),
    "directive": (HEAD + "%YAML 1.1\n---\n", 4, "ошибка в записи свойств (YAML)", "YAML"),
    "anchor": (HEAD + "tags: &t [a]\n---\n", 3, "ошибка в записи свойств (YAML): ссылки «&…»",
               "anchors"),
    "hex-without-digits": (HEAD + "year: 0x_\n---\n", 3, "ошибка в записи свойств (YAML): "
                           "«0x_» — не число", "not a number"),
    "binary-without-digits": (HEAD + "year: 0b_\n---\n", 3, "ошибка в записи свойств (YAML): "
                              "«0b_» — не число", "not a number"),
    "huge-integer": (HEAD + "year: " + "9" * 5000 + "\n---\n", 3,
                     "ошибка в записи свойств (YAML): «999", "not a number"),
    "long-float": (HEAD + "year: 1." + "5" * 100 + "\n---\n", 3,
                   "ошибка в записи свойств (YAML): «1.5", "not a number"),
    "deep-list": ("---\ntitle: " + "[" * 300 + "]" * 300 + "\n---\n", 2,
                  "ошибка в записи свойств (YAML): слишком глубокая вложенность", "deeply"),
    "deep-block": ("---\ntitle: x\n" + "".join("  " * i + f"k{i}:\n" for i in range(12))
                   + "---\n", 11, "ошибка в записи свойств (YAML): слишком глубокая", "deeply"),
    "c0-control": ('---\ntitle: "a\\x01b"\n---\n', 2,
                   "ошибка в записи свойств (YAML): в тексте невидимый управляющий символ U+0001",
                   "control character"),
    "c1-control": ('---\ntitle: "a\\x9bb"\n---\n', 2,
                   "ошибка в записи свойств (YAML): в тексте невидимый управляющий символ U+009B",
                   "control character"),
    "bidi-override": ("---\ntitle: x\nsummary: abc\u202edef\n---\n", 3,
                      "ошибка в записи свойств (YAML): в тексте невидимый управляющий символ "
                      "U+202E", "control character"),
    "bidi-isolate-in-a-key": ('---\ntitle: x\n"ti\\u2066tle": y\n---\n', 3,
                              "ошибка в записи свойств (YAML): в тексте невидимый", "control"),
    "empty": ("---\n---\n", 2, "блок свойств пуст", "empty"),
    "only-a-comment": ("---\n# title: x\n---\n", 2, "блок свойств пуст", "empty"),
    "empty-mapping": ("---\n{}\n---\n", 2, "блок свойств пуст", "empty"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_with_line_in_both_languages(name: str) -> None:
    text, line, ru, en = REFUSED[name]
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert caught.value.line == line, caught.value.ru
    assert caught.value.ru.startswith(ru), caught.value.ru
    assert en in caught.value.en and caught.value.en != caught.value.ru


@pytest.mark.parametrize("text", [
    HEAD + "date: 2026-11-17\n---\nТекст\n",
    "---\r\ntitle: x\r\n---\r\nТекст\r\n",
    "\ufeff---\ntitle: x\n---\n",
    HEAD + "files:\n  - {file: a.pdf, title: A, kind: overview}\n---\n",
    HEAD + "summary: 'a: b'\nyear: 0b\ntags: [a, b]\n---\n",
    HEAD + "summary: \"tab\\tand newline\\n\"\n---\n",
])
def test_ordinary_front_matter_is_read(text: str) -> None:
    doc = parse(text)
    assert doc.meta["title"] in ("Визит", "x")


def test_an_impossible_date_is_reported_beside_the_other_fields() -> None:
    doc = parse(HEAD + "summary: 2026-02-30\ntags: [a]\n---\n")
    assert doc.meta["tags"] == ["a"]
    assert doc.problems == [(3, "поле «summary»: дата «2026-02-30» не существует или записана "
                                "неверно; формат ГГГГ-ММ-ДД, например 2026-11-17",
                             "field 'summary': «2026-02-30» is not a real date; use YYYY-MM-DD, "
                             "for example 2026-11-17")]


def test_registry_entries_are_read_as_strictly(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    write(root, "municipalities/alpha.yml",
          "name: {ru: !!binary PGI+, en: Alpha}\nkind: district\n")
    write(root, "municipalities/beta.yml",
          "name: {ru: Бета, en: Beta}\nkind: district\ncoordinator:\n  name: {ru: a, en: b}\n"
          "  phone: 0x_\n")
    problems = {p.file: p for p in load_region(root).problems}
    assert problems["municipalities/alpha.yml"].line == 1
    assert "пометка типа YAML «!!binary»" in problems["municipalities/alpha.yml"].ru
    assert problems["municipalities/beta.yml"].line == 5
    assert "«0x_» — не число" in problems["municipalities/beta.yml"].ru


def test_load_yaml_raises_only_yaml_errors_on_deep_input() -> None:
    for text in ("a: " + "[" * 100_000, "a: " + "{a: " * 5000, "- " * 5000 + "x"):
        with pytest.raises(yaml.YAMLError):
            load_yaml(text)


# --- what MkDocs reads of every page extrel accepts -----------------------------------------

scalar = st.one_of(
    st.text(max_size=20), st.integers(-10**6, 10**6).map(str),
    st.sampled_from(["2026-02-30", "2026-11-17", "0x_", "0b", "0x1F", "1_000", ".inf", "~",
                     "yes", "no", "null", "!!binary PGI+", "!x y", "&a x", "*a", "'q'", '"q"',
                     "2026-11-17 10:00", "1:20", "[a, b]", "{a: b}", "|", ">", "# c", "...",
                     "---", "%YAML 1.1", "\t", "a\\u202e"]),
)
line = st.one_of(
    st.tuples(st.sampled_from(["title", "date", "summary", "tags", "x"]), scalar).map(
        lambda kv: f"{kv[0]}: {kv[1]}"),
    st.sampled_from(["...", "---", "--- x", "# <img src=x onerror=alert(1)>", "  - a", "",
                     "  indented: 1", "%TAG ! tag:x,2000:"]),
    st.text(max_size=20).filter(lambda s: "\n" not in s and "\r" not in s),
)
pages = st.builds(
    lambda lines, end, body: "---\n" + "\n".join(lines) + "\n" + end + body,
    st.lists(line, max_size=6), st.sampled_from(["---\n", "---", "...\n", "--- \n", ""]),
    st.sampled_from(["", "Текст\n", "\n# Heading\n", "---\nmore: x\n", "...\n"]),
)


def _same(ours: object, theirs: object) -> bool:
    """Equal, but for MkDocs' dates, which extrel keeps as text (validated by the schema)."""
    if isinstance(theirs, (dt.date, dt.datetime)):
        return isinstance(ours, str)
    if isinstance(theirs, dict) and isinstance(ours, dict):
        return ours.keys() == theirs.keys() and all(_same(ours[k], theirs[k]) for k in ours)
    if isinstance(theirs, list) and isinstance(ours, list):
        return len(ours) == len(theirs) and all(map(_same, ours, theirs))
    return ours == theirs or (ours != ours and theirs != theirs)  # NaN


@SETTINGS
@given(text=pages)
def test_what_extrel_accepts_mkdocs_reads_the_same(text: str) -> None:
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        assert exc.ru and exc.en and (exc.line is None or exc.line >= 1)
        return
    if doc.problems:  # refused all the same, with the page's other problems
        return
    body, meta = mkdocs_meta.get_data(text)
    assert meta, "MkDocs saw no front matter where extrel did"
    assert _same(doc.meta, {str(k): v for k, v in meta.items()}), (doc.meta, meta)
    assert body == doc.body.lstrip("\n")
