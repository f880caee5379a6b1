"""The catalogue's ``t`` as templates call it: ``{{ t('ui.updated') }}``, in the language of
the page being rendered (in the manner of Material's ``lang.t``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from ..core.labels import og_locale
from ..core.languages import DEFAULT_LANGUAGE
from ..core.messages import t as translate


def page_language(context: Context) -> str:
    """extrel's language of the page (its view's), else the theme's (pages extrel does not
    render itself, such as the 404 page)."""
    extrel = context.get("extrel")
    if isinstance(extrel, Mapping) and extrel.get("lang"):
        return str(extrel["lang"])
    config = context.get("config")
    try:
        return str(config.theme["language"] or DEFAULT_LANGUAGE)
    except (AttributeError, KeyError, TypeError):
        return DEFAULT_LANGUAGE


@pass_context
def t(context: Context, key: str, /, **params: Any) -> str:
    return translate(key, page_language(context), **params)


@pass_context
def locale(context: Context) -> str:
    """The page's ``og:locale``: ``{{ og_locale() }}``."""
    return og_locale(page_language(context))


def install(env: Any) -> None:
    """Hand ``t`` and ``og_locale`` to every template of the environment."""
    env.globals["t"] = t
    env.globals["og_locale"] = locale
