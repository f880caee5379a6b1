"""The safety scanners on their own: text in, references and findings out."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PIL import Image

from extrel.core.safety import ImageChecker, markup_in_value, scan_body, url_kind

HOSTS = ("rutube.ru", "www.youtube.com")


def findings(body: str, first_line: int = 1) -> list[tuple[int | None, str]]:
    return [(line, en) for line, _, en in scan_body(body, first_line, HOSTS).problems]


@pytest.mark.parametrize(("url", "kind"), [
    ("", "empty"),
    ("#top", "anchor"),
    ("photo.jpg", "local"),
    ("../plan/2026.ru.md", "local"),
    ("https://example.org/x", "external"),
    ("//example.org/x", "external"),
    ("mailto:a@example.org", "external"),
    ("tel:+78424120000", "external"),
    ("/etc/passwd", "absolute"),
    ("\\\\server\\share", "external"),
    ("C:\\Users\\x.jpg", "absolute"),
    ("file:///etc/passwd", "file"),
    ("javascript:alert(1)", "script"),
    ("  JavaScript:alert(1)", "script"),
    ("java\tscript:alert(1)", "script"),
    ("jav&#x61;script:alert(1)", "script"),
    ("vbscript:msgbox", "script"),
    ("data:text/html,<b>x</b>", "script"),
    ("data:image/svg+xml,<svg/>", "script"),
    ("data:image/png;base64,iVBO", "data"),
])
def test_url_kinds(url: str, kind: str) -> None:
    assert url_kind(url) == kind


def test_lines_count_from_the_first_line_of_the_body() -> None:
    body = "one\n\n<script>x</script>\n[a](javascript:x)\n<img src='a.jpg'>"
    assert [line for line, _ in findings(body, first_line=10)] == [12, 13, 14]


def test_markdown_references_with_titles_angles_and_nesting() -> None:
    scan = scan_body(
        '[a](one.md "Title") ![b](<two words.png>) [![c](three.jpg)](four.pdf)\n'
        "[d][ref] ![e][img]\n\n[ref]: five.md\n[img]: six.png\n",
        5, HOSTS)
    refs = {(r.url, r.line, r.image) for r in scan.refs}
    assert refs == {("one.md", 5, False), ("two words.png", 5, True), ("three.jpg", 5, True),
                    ("four.pdf", 5, False), ("five.md", 8, False), ("six.png", 9, True)}
    assert scan.problems == []


def test_html_references_and_srcset() -> None:
    scan = scan_body('<a href="x.pdf">x</a><img src="a.jpg" srcset="b.jpg 2x, c.jpg 3x" alt="A">'
                     '<video src="v.mp4" poster="p.jpg"></video>', 1, HOSTS)
    assert {(r.url, r.image, r.loads) for r in scan.refs} == {
        ("x.pdf", False, False), ("a.jpg", True, True), ("b.jpg", True, True),
        ("c.jpg", True, True), ("v.mp4", False, True), ("p.jpg", True, True)}


@pytest.mark.parametrize("body", [
    "<SCRIPT SRC=x.js></SCRIPT>",
    "<svg><script>alert(1)</script></svg>",
    "<img src=x onerror=alert(1) alt=x>",
    "<body onload=alert(1)>",
    "<a href=' javascript:alert(1)'>x</a>",
    "<svg><a><animate attributeName=href values=javascript:alert(1) /></a></svg>",
    "<math><a xlink:href=javascript:alert(1)>x</a></math>",
    "<iframe src=https://evil.example></iframe>",
    "<iframe src=https://rutube.ru.evil.example/x></iframe>",
    "<iframe srcdoc='<script>x</script>'></iframe>",
    "<object data=x></object>",
    "<embed src=x>",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<base href=https://evil.example/>",
    "<meta http-equiv=Refresh content='0;url=x'>",
    "<style></style><script>x</script>",
    "<!-- <script>x</script> -->",
    "<![CDATA[<script>x</script>]]>",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "![x](data:text/html,x)",
    "[x][r]\n\n[r]: <javascript:alert(1)>",
    "[x](y.md){: onclick='alert(1)' }",
    "![x](y.png){ onerror=alert(1) }",
    "[x](y.md){: href='javascript:alert(1)' }",
])
def test_script_is_found(body: str) -> None:
    assert findings(body), body


@pytest.mark.parametrize("body", [
    "Обычный текст с <5 км и a > b.",
    "<iframe src=\"https://rutube.ru/play/embed/1\" allowfullscreen></iframe>",
    "<iframe src=\"//www.youtube.com/embed/x\"></iframe>",
    "<p class=\"note\" title=\"online\">x</p>",
    "Фигурные {скобки} и {one two} в тексте.",
    "[сайт](https://example.org) и [почта](mailto:a@example.org)",
    "![Фото](data:image/png;base64,iVBORw0KGgo=)",
    "<img src=\"a.jpg\" alt=\"Участники\">",
])
def test_harmless_text_passes(body: str) -> None:
    assert findings(body) == []


@pytest.mark.parametrize(("value", "bad"), [
    ("Визит делегации", False),
    ("Фестиваль \"Инзенские зори\"", False),
    ("Meeting \"on the Volga\"", False),
    ("Расстояние <5 км", False),
    ("Визит <b>делегации</b>", True),
    ("x<script>alert(1)</script>", True),
    ("Фото\" onerror=\"alert(1)", True),
    ("Фото' onmouseover='alert(1)", True),
    ("x\" href=\"javascript:alert(1)", True),
    ("<!-- x -->", True),
])
def test_markup_in_front_matter_values(value: str, bad: bool) -> None:
    assert (markup_in_value("title", value, 2) is not None) == bad


def test_image_checker_opens_each_file_once_and_again_when_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    Image.new("RGB", (10, 10)).save(path)
    checker = ImageChecker()
    calls: list[Path] = []
    original = checker._open

    def counting(p: Path) -> tuple[str, str] | None:
        calls.append(p)
        return original(p)

    checker._open = counting  # type: ignore[method-assign]
    assert checker.check(path, "a.png") is None
    assert checker.check(path, "a.png") is None
    assert len(calls) == 1
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    verdict = checker.check(path, "a.png")
    assert len(calls) == 2
    assert verdict is not None and "a.png" in verdict[0] and "повреждено" in verdict[0]


def test_image_checker_handles_pillows_bomb_warning_without_leaking_it(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("1", (10_000, 10_000)).save(path)  # 100 Mp: above Pillow's warning threshold
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        verdict = ImageChecker(max_pixels=200_000_000).check(path, "big.png")
    assert verdict is not None
    assert "слишком велико" in verdict[0] and "too large" in verdict[1]


def test_image_checker_limit(tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    Image.new("1", (3000, 2000)).save(path)
    assert ImageChecker(max_pixels=5_000_000).check(path, "wide.png") is not None
    assert ImageChecker(max_pixels=6_000_000).check(path, "wide.png") is None


# --- what the scanner reads as a browser does (issue 12) ------------------------------------


@pytest.mark.parametrize("body", [
    '![Фото](a.png){: title="}" onclick="alert(1)" }',
    "Текст {: onmouseover='alert(1)' }",
    '<noscript><p title="</noscript><img src=x alt=y onerror=alert(1)>"></noscript>',
    '<img src="a.png" alt="x" onload="1" onload="2">',
    "<style><img src=x alt=y onerror=alert(1)></style>",
])
def test_script_the_browser_would_run_is_found(body: str) -> None:
    assert any("runs script" in en for _, en in findings(body)), findings(body)


@pytest.mark.parametrize(("body", "url"), [
    ('<p style="background:url(https://evil.example/x.png)">x</p>',
     "https://evil.example/x.png"),
    ("<style>@import 'https://evil.example/a.css';</style>", "https://evil.example/a.css"),
    ('<link rel="stylesheet" href="https://evil.example/a.css">', "https://evil.example/a.css"),
    ('<svg><image href="https://evil.example/x.png"/></svg>', "https://evil.example/x.png"),
    ('<svg><use xlink:href="https://evil.example/s.svg#a"/></svg>',
     "https://evil.example/s.svg#a"),
    ('<table background="//evil.example/x.png"><tr><td>x</td></tr></table>',
     "//evil.example/x.png"),
    ('Текст {: style="background:url(//evil.example/x)" }', "//evil.example/x"),
    ('![Фото](a.png){: src="https://evil.example/x.png" }', "https://evil.example/x.png"),
])
def test_loads_from_other_hosts_are_references_that_load(body: str, url: str) -> None:
    refs = scan_body(body, 1, HOSTS).refs
    assert any(r.url == url and r.loads for r in refs), refs
