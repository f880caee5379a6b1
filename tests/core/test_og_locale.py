"""The ``og:locale`` of a page in any language: its territory from Babel, never Russian's."""

import pytest

from extrel.core.labels import og_locale


@pytest.mark.parametrize(("lang", "locale"), [
    ("ru", "ru_RU"), ("en", "en_GB"), ("zh", "zh_CN"), ("kk", "kk_KZ"), ("be", "be_BY"),
    ("de", "de_DE"),
])
def test_a_language_gets_its_own_locale(lang: str, locale: str) -> None:
    assert og_locale(lang) == locale


def test_a_language_babel_does_not_know_is_given_as_written() -> None:
    assert og_locale("qq") == "qq"
