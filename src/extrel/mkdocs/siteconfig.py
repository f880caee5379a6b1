"""MkDocs configurations of the small sites extrel builds from one region's mkdocs.yml.

Each municipality's section, and the portal, is built once per language as its own MkDocs
site: the navigation stays small (the cost of a page grows with it), every folder is
self-contained, and each language gets its own search index with its own stemmer.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import datetime as dt
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.utils.yaml import yaml_load

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.theme import Theme

from ..core.languages import UI_FALLBACK
from ..core.project import PLUGIN, Project, plugin_entries, plugin_options

REPLACED_PLUGINS = {"i18n", "search", "material/search", PLUGIN, "extrel/extrel"}
"""Plugins extrel configures itself in every sub-build (languages are extrel's job there)."""


_EMPTY: list[str] = []


def _empty_dir() -> Path:
    if not _EMPTY:
        _EMPTY.append(tempfile.mkdtemp(prefix="extrel-empty-"))
        atexit.register(shutil.rmtree, _EMPTY[0], True)
    return Path(_EMPTY[0])


_PORTAL_DOCS: dict[str, str] = {}


def _portal_docs(content: Path) -> Path:
    """A folder of links to what the portal publishes from ``content/``: its own pages and
    files and the ``_``-folders, not the municipalities' folders, which are sections of their
    own. MkDocs walks its whole docs folder before any plugin sees the files; at region size
    that walk, twice per build, cost more than the portal's pages.

    One folder per process and content folder, its links made again for each build (a
    long-running ``extrel serve`` or ``edit`` rebuilds the portal many times), removed when
    the process ends."""
    key = str(content)
    if key not in _PORTAL_DOCS:
        _PORTAL_DOCS[key] = tempfile.mkdtemp(prefix="extrel-portal-")
        atexit.register(shutil.rmtree, _PORTAL_DOCS[key], True)
    folder = Path(_PORTAL_DOCS[key])
    if not folder.is_dir():
        folder.mkdir(parents=True)
    with os.scandir(folder) as old:
        for link in old:
            os.unlink(link.path)
    if content.is_dir():
        for child in content.iterdir():
            if child.name.startswith(".") or (child.is_dir() and not child.name.startswith("_")):
                continue
            os.symlink(child, folder / child.name)
    return folder


_RAW: dict[tuple[str, int, int], dict[str, Any]] = {}


def read_raw(config_file: Path) -> dict[str, Any]:
    """The user's mkdocs.yml as a dict (with MkDocs' own YAML tags), not yet validated: the
    one reader of mkdocs.yml.

    Parsed once per process while the file is unchanged (every sub-build reads it); each
    caller gets its own copy."""
    st = os.stat(config_file)
    key = (str(config_file), st.st_mtime_ns, st.st_size)
    if key not in _RAW:
        with open(config_file, "rb") as fd:
            _RAW.clear()
            _RAW[key] = yaml_load(fd) or {}
    return copy.deepcopy(_RAW[key])


def project(config_file: Path) -> Project:
    """The region's ``Project`` (extrel's front door) from its mkdocs.yml. Raises what
    reading YAML raises."""
    return Project.from_raw(config_file, read_raw(config_file))


def extrel_options(raw: Mapping[str, Any]) -> dict[str, Any]:
    return plugin_options(raw, PLUGIN)


@functools.cache
def _lunr_languages() -> frozenset[str]:
    """The languages Material's search has word rules (lunr-languages) for, and English."""
    import material

    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    names = {p.name.split(".")[1] for p in folder.glob("lunr.*.min.js")}
    return frozenset(names - {"multi", "stemmer"} | {"en"})


def search_language(lang: str) -> str:
    """The language of ``lang``'s search index: its own where lunr has word rules for it,
    else English (whole words are still found; word forms are not)."""
    return lang if lang in _lunr_languages() else UI_FALLBACK


def theme_language(lang: str) -> str:
    """Material's language for ``lang``'s pages: its own where Material has a translation,
    else English (Material's words in English, the content in its own language)."""
    import material

    folder = Path(material.__file__).parent / "templates/partials/languages"
    return lang if (folder / f"{lang}.html").is_file() else UI_FALLBACK


def language_notes(lang: str) -> list[str]:
    """What a language gets in English because Material or lunr has nothing for it: the
    catalogue's keys, told with ``code=lang``."""
    notes = []
    if theme_language(lang) != lang:
        notes.append("cli.language.no_theme_words")
    if search_language(lang) != lang:
        notes.append("cli.language.no_search_rules")
    return notes


@contextlib.contextmanager
def source_date_epoch(today: dt.date) -> Iterator[None]:
    """MkDocs stamps sitemaps with the build date: make it the check date while a build
    runs, so that two builds of the same content as of the same day are identical, file for
    file; restored afterwards (a later build in the same process has its own date). A value
    the caller set in the environment is kept."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def overrides(
    region: Project,
    *,
    role: str,
    lang: str,
    site_name: str,
    municipality: str | None = None,
    today: str | None = None,
    site_dir: Path | None = None,
) -> dict[str, Any]:
    """Top-level options that turn the region's mkdocs.yml into one sub-build's configuration."""
    root, raw = region.root, region.raw
    docs = region.municipality_dir(municipality) if municipality else _portal_docs(region.content)
    if not docs.is_dir():
        docs = _empty_dir()  # a municipality with nothing written yet still gets its section
    theme = dict(raw.get("theme") or {"name": "material"})
    if isinstance(raw.get("theme"), str):
        theme = {"name": raw["theme"]}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    theme["language"] = theme_language(lang)
    theme["font"] = False  # no fonts from Google's servers: visitors' data stays home
    plugins: list[Any] = [{"search": {"lang": [search_language(lang)]}}]
    plugins += [
        {name: opts} for name, opts in plugin_entries(raw) if name not in REPLACED_PLUGINS
    ]
    options = dict(extrel_options(raw))
    options.update(role=role, language=lang, municipality=municipality, today=today)
    plugins.append({PLUGIN: options})
    site_url = raw.get("site_url")
    if site_url:
        from ..core import addresses  # the subsection registry: not for a build's quick key

        site_url = addresses.site_url(site_url, municipality, lang)
    watch = [str(region.registry)]
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
    region = project(config_file)
    from mkdocs import utils
    from mkdocs.config import load_config  # not needed to read options or to skip a build

    if not hasattr(utils.get_themes, "cache_info"):
        # the installed themes are looked up in the packages' entry points on every load of
        # a configuration, 56 times a region; they do not change while extrel runs
        utils.get_themes = functools.lru_cache(maxsize=1)(utils.get_themes)

    config = load_config(config_file=str(config_file), **overrides(region, **kwargs))
    _share_theme_work(config.theme)
    return config


_LISTINGS: dict[str, list[str]] = {}
"""Template names under each installed theme folder, listed once per process."""


@functools.cache
def bytecode_cache() -> BytecodeCache | None:
    """Where Jinja keeps compiled templates between builds: the user's cache folder, keyed by
    the versions of extrel, Jinja and Python, never the repository's ``.cache/`` (a compiled
    template is Python code: a file a commit could bring must not be one). None when that
    folder cannot be made: templates are then compiled afresh."""
    import sys
    from importlib import metadata

    from jinja2 import FileSystemBytecodeCache

    from .. import __version__
    from ..core.cachedir import user_cache_dir

    python = ".".join(map(str, sys.version_info[:2]))
    key = f"{__version__}-jinja{metadata.version('jinja2')}-py{python}"
    folder = user_cache_dir("jinja", key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def _share_theme_work(theme: Theme) -> None:
    """Make every Jinja environment MkDocs and its plugins take from ``theme`` cheaper.

    - Compiled templates are kept on disk (``bytecode_cache``, in the user's cache folder),
      for the search plugin's and the theme's own environments too, not only the page
      templates'.
    - Listing the theme's templates skips hidden folders: MkDocs lists them to copy the
      theme's static files, and drops every hidden name anyway, but Material keeps about
      14,000 icons under ``.icons/``, whose walk took a third of a second in every build.
      Installed themes' listings are also reused between the builds of one process; the
      region's own ``custom_dir`` is listed afresh each time.
    """
    from jinja2 import FileSystemLoader

    get_env: Callable[[], Environment] = theme.get_env
    installed = [d for d in theme.dirs if d != theme.custom_dir]

    def list_dir(folder: str) -> list[str]:
        names = []
        for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            rel = os.path.relpath(dirpath, folder).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            names += [prefix + f for f in filenames if not f.startswith(".")]
        return names

    def env() -> Environment:
        environment = get_env()
        environment.bytecode_cache = bytecode_cache()
        loader = environment.loader
        if isinstance(loader, FileSystemLoader):
            def list_templates() -> list[str]:
                found: set[str] = set()
                for folder in loader.searchpath:
                    if folder in installed:
                        if folder not in _LISTINGS:
                            _LISTINGS[folder] = list_dir(folder)
                        found.update(_LISTINGS[folder])
                    else:
                        found.update(list_dir(folder))
                return sorted(found)

            loader.list_templates = list_templates  # type: ignore[method-assign]
        return environment

    theme.get_env = env  # type: ignore[method-assign]
