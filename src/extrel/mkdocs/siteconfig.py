"""MkDocs configurations of the small sites extrel builds from one region's mkdocs.yml.

Each municipality's section, and the portal, is built once per language as its own MkDocs
site: the navigation stays small (the cost of a page grows with it), every folder is
self-contained, and each language gets its own search index with its own stemmer.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

from mkdocs.utils.yaml import yaml_load

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

from ..core.sections import DEFAULT_LANGUAGE, LANGUAGES

PLUGIN = "extrel"
REPLACED_PLUGINS = {"i18n", "search", "material/search", PLUGIN, "extrel/extrel"}
"""Plugins extrel configures itself in every sub-build (languages are extrel's job there)."""


_EMPTY: list[str] = []


def _empty_dir() -> Path:
    if not _EMPTY:
        _EMPTY.append(tempfile.mkdtemp(prefix="extrel-empty-"))
        atexit.register(shutil.rmtree, _EMPTY[0], True)
    return Path(_EMPTY[0])


def read_raw(config_file: Path) -> dict[str, Any]:
    """The user's mkdocs.yml as a dict (with MkDocs' own YAML tags), not yet validated."""
    with open(config_file, "rb") as fd:
        data = yaml_load(fd)
    return data or {}


def plugin_entries(raw: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    result = []
    for item in raw.get("plugins") or []:
        if isinstance(item, str):
            result.append((item, {}))
        elif isinstance(item, dict):
            for name, opts in item.items():
                result.append((name, dict(opts or {})))
    return result


def extrel_options(raw: Mapping[str, Any]) -> dict[str, Any]:
    for name, opts in plugin_entries(raw):
        if name == PLUGIN:
            return opts
    return {}


def site_names(raw: Mapping[str, Any]) -> dict[str, str]:
    """The portal's name per language: the i18n plugin's ``site_name`` overrides, else site_name."""
    names = {lang: str(raw.get("site_name", "")) for lang in LANGUAGES}
    for name, opts in plugin_entries(raw):
        if name == "i18n":
            for language in opts.get("languages") or []:
                if isinstance(language, dict) and language.get("site_name"):
                    names[language.get("locale", "")] = language["site_name"]
    return names


def overrides(
    root: Path,
    raw: Mapping[str, Any],
    *,
    role: str,
    lang: str,
    site_name: str,
    municipality: str | None = None,
    today: str | None = None,
    site_dir: Path | None = None,
) -> dict[str, Any]:
    """Top-level options that turn the region's mkdocs.yml into one sub-build's configuration."""
    docs = root / "content" / municipality if municipality else root / "content"
    if not docs.is_dir():
        docs = _empty_dir()  # a municipality with nothing written yet still gets its section
    theme = dict(raw.get("theme") or {"name": "material"})
    if isinstance(raw.get("theme"), str):
        theme = {"name": raw["theme"]}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    theme["language"] = lang
    theme["font"] = False  # no fonts from Google's servers: visitors' data stays home
    plugins: list[Any] = [{"search": {"lang": [lang]}}]
    plugins += [
        {name: opts} for name, opts in plugin_entries(raw) if name not in REPLACED_PLUGINS
    ]
    options = dict(extrel_options(raw))
    options.update(role=role, language=lang, municipality=municipality, today=today)
    plugins.append({PLUGIN: options})
    site_url = raw.get("site_url")
    if site_url:
        prefix = f"{municipality}/" if municipality else ""
        suffix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        site_url = site_url.rstrip("/") + "/" + prefix + suffix
    watch = [str(root / "municipalities")]
    result: dict[str, Any] = {
        "site_name": site_name,
        "docs_dir": str(docs),
        "theme": theme,
        "plugins": plugins,
        "use_directory_urls": True,
        "site_url": site_url,
        "watch": watch,
        "nav": [],
    }
    if site_dir is not None:
        result["site_dir"] = str(site_dir)
    return result


def load(config_file: Path, **kwargs: Any) -> MkDocsConfig:
    """A validated configuration: the region's mkdocs.yml with ``overrides(...)`` applied."""
    raw = read_raw(config_file)
    root = config_file.parent.resolve()
    from mkdocs.config import load_config  # not needed to read options or to skip a build

    return load_config(config_file=str(config_file), **overrides(root, raw, **kwargs))
