"""Every address of the site from one module: language × depth × kind → URL (the URLs the
site has had so far; tests/build checks them in built sites)."""

from __future__ import annotations

import pytest

from extrel.core import addresses as a


@pytest.mark.parametrize("kind, args, url", [
    ("lang_root", ("ru",), ""),
    ("lang_root", ("en",), "en/"),
    ("lang_root", ("zh",), "zh/"),
    ("to_default_root", ("ru",), ""),
    ("to_default_root", ("en",), "../"),
    ("to_default_root", ("zh",), "../"),
    ("section", ("partners",), "partners/"),
    ("item", ("news", "2026-11-05-kutaisi"), "news/2026-11-05-kutaisi/"),
    ("item", ("plan", "2026"), "plan/2026/"),
    ("item", ("presentation", "index"), "presentation/"),
    ("archive", ("news", 2025), "news/2025/"),
    ("asset", ("news", "photo.jpg"), "news/photo.jpg"),
    ("asset", ("presentation", "overview.thumb.webp"), "presentation/overview.thumb.webp"),
    ("item_source", ("news", "2026-11-05-kutaisi"), "news/2026-11-05-kutaisi.md"),
    ("item_source", ("presentation", "index"), "presentation/index.md"),
    ("source", ("",), "index.md"),
    ("source", ("news/2025/",), "news/2025/index.md"),
    ("source", ("freshness/",), "freshness/index.md"),
    ("coat_of_arms", ("inza.png",), "assets/coat-of-arms.png"),
    ("coat_of_arms", ("inza.JPEG",), "assets/coat-of-arms.jpeg"),
    ("coat_of_arms", ("arms/inza.svg",), "assets/coat-of-arms.svg"),
    ("data_dir", ("ru",), "data/"),
    ("data_dir", ("en",), "../data/"),
    ("data_dir", ("zh",), "../data/"),
    ("site_path", ("inza", "ru", "news/x/"), "inza/news/x/"),
    ("site_path", ("inza", "en", "news/x/"), "inza/en/news/x/"),
    ("site_path", ("inza", "zh"), "inza/zh/"),
    ("portal_to_section", ("inza", "ru"), "inza/"),
    ("portal_to_section", ("inza", "en"), "../inza/en/"),
    ("portal_to_section", ("inza", "ru", "en"), "inza/en/"),
    ("portal_to_section", ("inza", "en", "ru"), "../inza/"),
    ("portal_to_section", ("inza", "en", "zh", "plan/"), "../inza/zh/plan/"),
    ("portal_to_section", ("inza", "zh", None, "news/x/"), "../inza/zh/news/x/"),
    ("portal_to_file", ("inza", "ru", "assets/coat-of-arms.jpg"), "inza/assets/coat-of-arms.jpg"),
    ("portal_to_file", ("inza", "en", "assets/coat-of-arms.jpg"),
     "../inza/assets/coat-of-arms.jpg"),
    ("absolute_root", (None,), ""),
    ("absolute_root", ("https://x.org/inza",), "https://x.org/inza/"),
    ("absolute_root", ("https://x.org/",), "https://x.org/"),
    ("site_url", ("https://x.org/", None, "ru"), "https://x.org/"),
    ("site_url", ("https://x.org", None, "en"), "https://x.org/en/"),
    ("site_url", ("https://x.org/", "inza", "ru"), "https://x.org/inza/"),
    ("site_url", ("https://x.org/", "inza", "zh"), "https://x.org/inza/zh/"),
    ("dashboard", ("https://x.org/",), "https://x.org/freshness/"),
    ("dashboard", (None,), None),
])
def test_addresses(kind: str, args: tuple[object, ...], url: str | None) -> None:
    assert getattr(a, kind)(*args) == url


# the language switcher: the same page in another language, relative to the page itself
@pytest.mark.parametrize("url, current, target, link", [
    ("", "ru", "ru", "./"),
    ("", "ru", "en", "en/"),
    ("", "en", "ru", "../"),
    ("", "en", "zh", "../zh/"),
    ("", "en", "en", "./"),
    ("news/", "ru", "ru", "../news/"),
    ("news/", "ru", "en", "../en/news/"),
    ("news/x/", "ru", "zh", "../../zh/news/x/"),
    ("news/x/", "en", "ru", "../../../news/x/"),
    ("news/x/", "zh", "en", "../../../en/news/x/"),
    ("news/2025/", "en", "en", "../../news/2025/"),
    ("freshness/", "en", "ru", "../../freshness/"),
])
def test_switch(url: str, current: str, target: str, link: str) -> None:
    assert a.switch(url, current, target) == link


@pytest.mark.parametrize("url, depth", [("", 0), ("news/", 1), ("news/x/", 2),
                                        ("news/2025/", 2)])
def test_depth(url: str, depth: int) -> None:
    assert a.depth(url) == depth
    assert a.up(depth) == "../" * depth


@pytest.mark.parametrize("lang, back", [("ru", "../"), ("en", "../../"), ("zh", "../../")])
def test_the_dashboards_links_to_the_freshness_files(lang: str, back: str) -> None:
    """From the dashboard page (``freshness/`` of a language root) to the tables beside
    freshness.json at the portal's default root."""
    assert a.freshness_links(lang) == {"xlsx": f"{back}freshness.xlsx",
                                       "csv": f"{back}freshness.csv",
                                       "json": f"{back}freshness.json"}
    assert a.freshness_file("json") == "freshness.json"


def test_the_portal_search_index_is_found_from_every_language_root() -> None:
    from extrel.core.addresses import search_index

    assert search_index("ru") == "pagefind/"
    assert search_index("en") == "../pagefind/"
    assert search_index("zh") == "../pagefind/"
