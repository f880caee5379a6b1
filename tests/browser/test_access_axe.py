"""axe-core finds nothing, of any impact, in any setting of the version for the visually
impaired, on the section home, a news item and the dashboard, in both languages and at a
phone's and a laptop's width."""

from __future__ import annotations

from typing import Any

import pytest
from test_access_settings import open_access
from test_pages import axe

SETTINGS = {
    "black-on-white": {},
    "white-on-black": {"scheme": "wb"},
    "blue": {"scheme": "blue"},
    "largest": {"size": "3", "letters": "3", "lines": "3", "font": "serif"},
    "images-off": {"images": "off", "size": "2", "letters": "2", "lines": "2"},
    "white-on-black-largest": {"scheme": "wb", "size": "3", "letters": "3", "lines": "3",
                               "images": "off"},
    "blue-largest": {"scheme": "blue", "size": "3", "letters": "3", "lines": "3",
                     "font": "serif"},
}
KINDS = [f"{kind}-{lang}" for kind in ("home", "news-item", "dashboard") for lang in ("ru", "en")]


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations_in_any_setting(pages: Any, kinds: dict, kind: str, setting: str,
                                          width: int) -> None:
    page = open_access(pages, kinds[kind].path, SETTINGS[setting], width=width)
    assert page.locator("[data-x-panel]").is_visible()
    blocking, other = axe(page)
    assert blocking + other == [], "\n".join(blocking + other)
