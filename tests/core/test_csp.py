"""The Content-Security-Policy builder and where the policy goes in a page."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from extrel.core.csp import header_policy, policy, script_hash, with_policy
from extrel.core.options import Options

PAGE = ('<!doctype html>\n<html lang="ru">\n  <head>\n    <meta charset="utf-8">\n'
        '    <script src="a.js"></script>\n    <link rel="stylesheet" href="a.css">\n'
        "  </head>\n  <body><header>x</header></body>\n</html>\n")


def directives(value: str) -> dict[str, list[str]]:
    result = {}
    for part in value.split(";"):
        name, *sources = part.split()
        assert name not in result, f"{name} twice"
        result[name] = sources
    return result


def test_only_the_site_itself_by_default() -> None:
    d = directives(policy())
    assert d["default-src"] == ["'self'"]
    assert d["script-src"] == ["'self'"]
    for name in ("style-src", "font-src", "media-src", "connect-src", "worker-src"):
        assert d[name] == ["'self'"], name
    assert d["img-src"] == ["'self'", "data:"]  # Material's icons are data: SVG in its CSS
    assert d["object-src"] == ["'none'"] and d["frame-src"] == ["'none'"]
    assert d["base-uri"] == ["'self'"] and d["form-action"] == ["'self'"]
    assert not any("unsafe" in s for sources in d.values() for s in sources)
    assert "frame-ancestors" not in d  # ignored in a <meta>; the header line has it


def test_frames_only_from_the_video_hosts_over_https() -> None:
    d = directives(policy(["www.youtube.com", "RUTUBE.ru ", "rutube.ru"]))
    assert d["frame-src"] == ["https://rutube.ru", "https://www.youtube.com"]


@pytest.mark.parametrize("host", ["evil.example; script-src *", "*", "a b", "https://x.ru",
                                  "x.ru/'unsafe-inline'"])
def test_a_host_cannot_widen_the_policy(host: str) -> None:
    with pytest.raises(ValueError):
        policy([host])


def test_inline_scripts_only_by_their_hash() -> None:
    source = "var a = 1;"
    expected = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    assert script_hash(source) == f"'sha256-{expected}'"
    d = directives(policy(script_hashes=[script_hash(source)]))
    assert d["script-src"] == ["'self'", f"'sha256-{expected}'"]


def test_the_header_line_adds_frame_ancestors() -> None:
    assert header_policy(["vk.com"]).endswith("; frame-ancestors 'self'")


def test_the_policy_comes_first_in_the_head_after_the_charset() -> None:
    out = with_policy(PAGE, policy())
    head = out.split("<head>", 1)[1]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy")
    assert head.index("Content-Security-Policy") < head.index("<script")
    assert head.index("Content-Security-Policy") < head.index("<link")
    assert out.count("Content-Security-Policy") == 1 and "<header>x" in out


def test_a_page_without_a_head_or_with_a_policy_already_is_an_error() -> None:
    with pytest.raises(ValueError):
        with_policy("<html><header></header></html>", policy())
    with pytest.raises(ValueError):
        with_policy(with_policy(PAGE, policy()), policy())


def test_the_readme_s_header_lines_are_the_policy_of_the_default_hosts() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    value = header_policy(Options().allowed_iframe_hosts)
    assert f'add_header Content-Security-Policy "{value}" always;' in readme
    assert f'Header always set Content-Security-Policy "{value}"' in readme
