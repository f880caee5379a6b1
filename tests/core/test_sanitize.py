"""The allow-list sanitizer of editor-written HTML, category by category, and a property test:
whatever HTML goes in, what comes out (read by an HTML5 parser, as a browser reads it) has
no event handler, no script address and nothing loaded from another host."""

from __future__ import annotations

import html5lib
import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extrel.core.sanitize import clean, frame_address, link_address, local_address

HOSTS = ["www.youtube.com", "rutube.ru"]
EXTENSIONS = ["tables", "attr_list", "admonition", "footnotes", "md_in_html", "toc"]
LOADING = {"src", "srcset", "href", "data", "poster", "background", "action", "formaction",
           "xlink:href", "ping", "codebase", "cite", "longdesc", "lowsrc", "dynsrc"}
"""Attributes that hold an address."""


def render(text: str) -> str:
    return clean(markdown.markdown(text, extensions=EXTENSIONS), HOSTS)


def elements(fragment: str) -> list:
    tree = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    return [el for el in tree.iter() if isinstance(el.tag, str)]


def problems(fragment: str) -> list[str]:
    """Event handlers, script addresses and foreign loads in ``fragment``, as parsed."""
    found = []
    for el in elements(fragment):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("script", "style", "svg", "math", "iframe", "object", "embed", "link",
                   "meta", "base", "form", "frame", "portal"):
            found.append(f"<{tag}>")
        for name, value in el.attrib.items():
            name = name.rsplit("}", 1)[-1].lower()
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                found.append(f"{tag} {name}")
            if name in LOADING or name.startswith("data-"):
                text = "".join(value.split()).lower()
                if text.startswith(("javascript:", "vbscript:", "data:text/html")):
                    found.append(f"{tag} {name}={value!r}")
                if name != "href" and not local_address(value) and not (
                        tag == "div" and name == "data-src" and frame_address(value, HOSTS)):
                    found.append(f"{tag} {name}={value!r} loads from elsewhere")
    return found


# -- categories ------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<details open ontoggle="alert(1)"><summary>s</summary></details>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="data:image/svg+xml,<svg onload=alert(1)>"></object>',
    '<div style="width: expression(alert(1));">x</div>',
])
def test_nothing_that_runs_script_survives(hostile: str) -> None:
    out = clean(hostile, HOSTS)
    assert problems(out) == [], out
    assert "alert" not in out, out


@pytest.mark.parametrize("hostile", [
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import url(https://evil.example/i.css);</style>",
    '<p style="background:url(//evil.example/x.png)">x</p>',
    '<svg><image href="https://evil.example/i.png"/></svg>',
    '<table background="https://evil.example/t.png"><tr><td>x</td></tr></table>',
    '<img src="ok.jpg" src="https://evil.example/dup.png" alt="">',
    '<img src="https://evil.example/x.png" alt="">',
    '<img src="//evil.example/x.png" alt="">',
    '<img src="\\\\evil.example\\x.png" alt="">',
    '<img src="ok.jpg" srcset="ok.jpg 1x, https://evil.example/s.png 2x" alt="">',
    '<picture><source srcset="https://evil.example/s.png"><img src="ok.jpg" alt=""></picture>',
    '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video>',
    '<iframe src="https://evil.example\\@www.youtube.com/embed/x"></iframe>',
    '<iframe src="https://evil.example/embed"></iframe>',
    '<iframe src="http://www.youtube.com/embed/x"></iframe>',
    '<iframe src="https://user@www.youtube.com/embed/x"></iframe>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/e">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/"><input name="q"></form>',
    '<a href="#" ping="https://evil.example/ping">x</a>',
    '<portal src="https://evil.example/"></portal>',
])
def test_nothing_is_loaded_from_another_host(hostile: str) -> None:
    out = clean(hostile, HOSTS)
    assert problems(out) == [], out
    assert "evil.example" not in out, out


def test_markdown_attribute_lists_cannot_smuggle_handlers_or_styles() -> None:
    out = render('Текст.\n{: title="}" onclick="alert(1)" style="background:url(//e/x)" }')
    assert problems(out) == [] and "onclick" not in out and "style" not in out


def test_material_s_own_element_names_cannot_be_clobbered() -> None:
    out = clean('<div id="__config">{}</div><p class="x __search">y</p>')
    assert "__config" not in out and "__search" not in out


def test_what_content_needs_is_kept() -> None:
    text = (
        "# Заголовок\n\n"
        "Абзац с [ссылкой](https://example.org/a \"подсказка\"), [почтой](mailto:a@b.ru), "
        "[страницей](../plan/2026.md#x) и сноской[^1].\n\n"
        "| Слева | По центру | Справа |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n\n"
        '!!! note "Важно"\n    Текст заметки.\n\n'
        "Абзац с атрибутами.\n{: #intro .lead lang=en }\n\n"
        '<details><summary>Ещё</summary><p dir="rtl">مرحبا</p></details>\n\n'
        '<figure><picture><source type="image/webp" srcset="p.480.webp 480w, p.960.webp 960w" '
        'sizes="100vw"><img src="p.960.jpg" srcset="p.480.jpg 480w" sizes="100vw" width="960" '
        'height="640" loading="lazy" decoding="async" alt="Фото"></picture>'
        "<figcaption>Подпись</figcaption></figure>\n\n"
        "[^1]: Сноска.\n"
    )
    out = render(text)
    tags = {el.tag for el in elements(out)}
    assert {"h1", "a", "table", "thead", "th", "td", "div", "details", "summary", "figure",
            "picture", "source", "img", "figcaption", "sup", "ol", "li", "hr"} <= tags
    assert 'href="https://example.org/a"' in out and 'title="подсказка"' in out
    assert 'href="mailto:a@b.ru"' in out and 'href="../plan/2026.md#x"' in out
    assert 'class="x-align-center"' in out and 'class="x-align-right"' in out
    assert 'class="admonition note"' in out and 'class="admonition-title"' in out
    assert 'id="intro"' in out and 'class="lead"' in out and 'lang="en"' in out
    assert 'dir="rtl"' in out and 'loading="lazy"' in out and 'width="960"' in out
    assert 'srcset="p.480.webp 480w, p.960.webp 960w"' in out
    assert 'class="footnote-ref"' in out and "footnote-backref" in out
    assert problems(out) == []


def test_a_video_frame_becomes_the_placeholder_loaded_on_click() -> None:
    out = clean('<iframe src="https://www.youtube.com/embed/abc" title="Видео &quot;x&quot;" '
                'width="560" onload="alert(1)"></iframe>', HOSTS, language="en")
    assert "<iframe" not in out
    assert ('<div class="x-embed" data-src="https://www.youtube.com/embed/abc" '
            'data-title="Видео &quot;x&quot;"><a href="https://www.youtube.com/embed/abc" '
            'rel="noopener" class="x-embed__open">Watch the video (opens www.youtube.com)</a>'
            "</div>") == out


@pytest.mark.parametrize(("value", "expected"), [
    ("https://www.youtube.com/embed/x", True),
    ("https://WWW.YOUTUBE.COM/embed/x", True),
    ("https://evil.example\\@www.youtube.com/", False),
    ("https://evil.example/@www.youtube.com/", False),
    ("https://www.youtube.com.evil.example/", False),
    ("https://www.youtube.com:8443/", False),
    ("//www.youtube.com/embed/x", False),
    ("http://www.youtube.com/embed/x", False),
    ("https://www.youtube.com\t/x", False),
])
def test_frame_addresses_are_judged_as_a_browser_parses_them(value: str, expected: bool) -> None:
    assert frame_address(value, HOSTS) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("photo.jpg", True), ("../a/b.png?x=1#y", True), ("/abs/path.png", True),
    ("//evil.example/x", False), ("/\\evil.example/x", False), ("https://e.example/x", False),
    ("data:image/png;base64,AAAA", False), (" javascript:alert(1)", False),
    ("java&#x09;script:x", False),
])
def test_local_addresses(value: str, expected: bool) -> None:
    assert local_address(value) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.org/", True), ("mailto:a@b.ru", True), ("tel:+78422", True),
    ("#top", True), ("../x.md", True), ("javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False), ("java\nscript:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False), ("\\\\evil\\x", False),
])
def test_link_addresses(value: str, expected: bool) -> None:
    assert link_address(value) is expected


# -- property ----------------------------------------------------------------------------------

_TAGS = ["a", "img", "svg", "math", "script", "style", "iframe", "p", "div", "table", "td",
         "noscript", "template", "object", "embed", "form", "button", "input", "source",
         "picture", "video", "animate", "image", "use", "mglyph", "mtext", "xmp", "textarea",
         "title", "base", "link", "meta", "details", "span", "xyz"]
_ATTRS = ["href", "src", "srcset", "onerror", "onload", "ONCLICK", "style", "background",
          "data", "poster", "formaction", "action", "srcdoc", "xlink:href", "values", "to",
          "attributeName", "id", "class", "title", "lang", "http-equiv", "content", "ping"]
_VALUES = ["javascript:alert(1)", " jav\tascript:alert(1)", "JAVASCRIPT:x", "vbscript:x",
           "data:text/html,<script>x</script>", "data:image/svg+xml,<svg onload=x>",
           "https://evil.example/x", "//evil.example/x", "\\\\evil.example\\x",
           "/\\evil.example", "https://evil.example\\@www.youtube.com/", "ok.png",
           "https://www.youtube.com/embed/x", "&#106;avascript:x", "</noscript><img src=x>",
           "}\" onclick=\"x", "background:url(//evil.example/x)", "__config", "x 2x, //e/y 1x"]


@st.composite
def fragments(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(_TAGS))
        attrs = draw(st.lists(st.tuples(st.sampled_from(_ATTRS), st.sampled_from(_VALUES)),
                              max_size=3))
        quote = draw(st.sampled_from(['"', "'", ""]))
        text = " ".join(f"{k}={quote}{v}{quote}" if quote or " " not in v else f'{k}="{v}"'
                        for k, v in attrs)
        inner = draw(st.sampled_from(["", "x", "<b>y</b>", "]]>", "<!--", "-->", "</p>",
                                      "{: onclick=x }", "<![CDATA[<img src=x onerror=1>]]>"]))
        close = draw(st.booleans())
        parts.append(f"<{tag} {text}>{inner}" + (f"</{tag}>" if close else ""))
    return draw(st.sampled_from(["", "Текст\n\n", "* пункт\n\n"])) + "".join(parts)


@settings(max_examples=200, deadline=None)
@given(fragments())
@example('<img srcset=" jav\tascript:alert(1)">')  # once found by chance: now always tried
def test_no_generated_fragment_comes_out_able_to_run_or_load(fragment: str) -> None:
    out = render(fragment)
    assert problems(out) == [], (fragment, out)
    assert problems(clean(out, HOSTS)) == []  # and cleaning again finds nothing new


@pytest.mark.parametrize(("value", "kept"), [
    ("a.jpg 480w, b.jpg 2x", True), ("a.jpg", True), ("a.jpg 1.5x,", True),
    # found by the property test above: Markdown turns the tab into spaces, and a browser
    # reads the address «jav» with a broken descriptor
    (" jav   ascript:alert(1)", False), ("a.jpg 480w 2x", False),
    ("a.jpg, //e.example/y 1x", False), ("a.jpg 2x javascript:x", False), (",", False),
])
def test_image_candidates_are_kept_only_when_well_formed(value: str, kept: bool) -> None:
    out = clean(f'<img alt="" srcset="{value}">')
    assert ("srcset" in out) is kept, out
