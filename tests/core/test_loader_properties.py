"""Whatever an editor (or an intruder) puts in a file, the loader reports problems and never
raises: arbitrary front matter, arbitrary bytes, arbitrary Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from extrel.core.frontmatter import FrontMatterError, parse
from extrel.core.loader import load_region
from extrel.core.model import Region
from extrel.core.problems import Problem
from extrel.core.safety import scan_body
from extrel.core.schema import MunicipalityMeta
from extrel.core.sections import SCHEMAS

REGISTRY = "name: {ru: Альфа, en: Alpha}\nkind: district\n"
FIELDS = sorted({name for model in (*SCHEMAS.values(), MunicipalityMeta)
                 for name in model.model_fields} | {"titel", "", "0"})
# no example database, caches in the temporary folder: tests write nothing into the repository
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "extrel-hypothesis")
SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=30), st.dates().map(dt.date.isoformat),
    st.sampled_from(["2026-13-45", "2026-02-30", "GE", "twin", "active", "photo.jpg",
                     "../../../etc/passwd", "/etc/passwd", "javascript:alert(1)",
                     "<script>x</script>", "x\" onerror=\"y", "conference", "overview"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["file", "title", "kind", "ru", "en", "x"]), inner,
                      max_size=4),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values,
                               max_size=8)
markdownish = st.lists(st.sampled_from([
    "[", "]", "(", ")", "!", "<", ">", "/", "\"", "'", "=", " ", "\n", "{:", "}", "#", "&",
    "a", "img", "src", "href", "alt", "on", "onclick", "script", "iframe", "javascript:",
    "data:text/html,", "photo.jpg", "../", "../../..", "/etc/passwd", "file://", "<!--",
    "-->", "<![CDATA[", "rutube.ru", "https://", "\x00", "\r", "&#x61;", "](", "![",
]), max_size=60).map("".join)


def _load(files: dict[str, bytes | str]) -> Region:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for relpath, data in {"municipalities/alpha.yml": REGISTRY, **files}.items():
            path = root / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                path.write_text(data, encoding="utf-8")
            else:
                path.write_bytes(data)
        region = load_region(root)
    assert all(isinstance(p, Problem) for p in region.problems)
    return region


@SETTINGS
@given(meta=front_matter, en=front_matter,
       section=st.sampled_from(list(SCHEMAS)))
def test_arbitrary_front_matter_never_raises(meta: dict, en: dict, section: str) -> None:
    stem = {"plan": "2026", "presentation": "index", "partners": "kobrin",
            "organizations": "uclg"}.get(section, "2026-11-17-visit")
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nТекст.\n"
    text_en = "---\n" + yaml.safe_dump(en, allow_unicode=True) + "---\nText.\n"
    _load({f"content/alpha/{section}/{stem}.ru.md": text,
           f"content/alpha/{section}/{stem}.en.md": text_en})


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_as_a_page_never_raise(data: bytes) -> None:
    _load({"content/alpha/news/2026-11-17-visit.ru.md": data})


@SETTINGS
@given(data=st.binary(max_size=200), prefix=st.sampled_from([b"", b"---\n", b"---\ntitle: "]))
def test_arbitrary_bytes_after_a_fence_never_raise(data: bytes, prefix: bytes) -> None:
    _load({"content/alpha/news/2026-11-17-visit.ru.md": prefix + data,
           "content/index.ru.md": prefix + data})


@SETTINGS
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_arbitrary_registry_entry_never_raises(data: bytes) -> None:
    region = _load({"municipalities/beta.yml": data,
                    "content/beta/news/2026-11-17-visit.ru.md": "---\ntitle: x\n---\n"})
    assert "alpha" in region.municipalities


@SETTINGS
@given(body=markdownish)
def test_arbitrary_markdown_and_html_bodies_never_raise(body: str) -> None:
    page = "---\ntitle: Визит\ndate: 2026-11-17\n---\n" + body
    _load({"content/alpha/news/2026-11-17-visit.ru.md": page})


@SETTINGS
@given(body=markdownish | st.text(max_size=300), first=st.integers(1, 50))
def test_scanner_lines_stay_inside_the_body(body: str, first: int) -> None:
    last = first + body.count("\n")
    scan = scan_body(body, first, ("rutube.ru",))
    for line, ru, en in scan.problems:
        assert line is not None and first <= line <= last
        assert ru and en
    for ref in scan.refs:
        assert first <= ref.line <= last


@SETTINGS
@given(text=st.text(max_size=300))
def test_parse_raises_only_its_own_error(text: str) -> None:
    try:
        parse(text)
    except FrontMatterError as exc:
        assert exc.ru and exc.en


def test_deep_nesting_and_alias_bombs_are_problems_not_crashes() -> None:
    deep = "---\ntitle: " + "[" * 2000 + "]" * 2000 + "\n---\n"
    lol = "---\ntitle: x\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
        for i in range(9)) + "---\n"
    region = _load({"content/alpha/news/2026-11-17-deep.ru.md": deep,
                    "content/alpha/news/2026-11-17-lol.ru.md": lol,
                    "municipalities/beta.yml": "name: " + "[" * 2000 + "]" * 2000 + "\n"})
    messages = {p.file.rsplit("/", 1)[-1]: p.ru for p in region.problems}
    assert "слишком глубокая вложенность" in messages["2026-11-17-deep.ru.md"]
    assert "«&…» и «*…» не поддерживаются" in messages["2026-11-17-lol.ru.md"]
    assert "слишком глубокая вложенность" in messages["beta.yml"]
