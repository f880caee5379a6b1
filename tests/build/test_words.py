"""``t`` in templates: bound to the page's language, else to the theme's."""

from __future__ import annotations

import jinja2

from extrel.mkdocs import words


def render(source: str, **context: object) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    words.install(env)
    return env.from_string(source).render(**context)


def test_a_page_s_words_are_in_its_language() -> None:
    assert render("{{ t('ui.updated') }}", extrel={"lang": "en"}) == "Last updated"
    assert render("{{ t('ui.home.items', count=3) }}", extrel={"lang": "ru"}) == "Материалов: 3"


def test_a_language_without_extrel_s_words_gets_the_english_ones() -> None:
    assert render("{{ t('ui.list.past') }}", extrel={"lang": "zh"}) == "Past events"


def test_a_page_extrel_does_not_render_takes_the_theme_s_language() -> None:
    class Config:
        theme = {"language": "en"}

    assert render("{{ t('ui.header.accessible_version') }}", config=Config()) == \
        "Accessible version"
    assert render("{{ t('ui.header.accessible_version') }}") == "Версия для слабовидящих"
