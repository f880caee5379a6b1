"""Writing the editor's admin folder: ``site/admin/`` of a build, or a temporary folder of
``extrel edit``.

The CMS is never fetched from a CDN: its files are copied from the npm packages that
``scripts/setup`` installs (pinned versions) into ``<venv>/cms/node_modules``, or from the
folder named by ``EXTREL_CMS_DIR``. The page's own Content-Security-Policy allows the page's
own origin and the git host it is configured for, nothing else.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..core import cms
from ..core.languages import REQUIRED
from ..core.messages import t

if TYPE_CHECKING:
    from ..core.snapshot import Snapshot

DECAP_VERSION = "3.16.3"
SERVER_VERSION = "3.11.3"
"""The versions scripts/setup installs (npm ``decap-cms`` and ``decap-server``)."""

_STATIC = ("index.html", "manual-init.js", "extrel.js")


class MissingCMS(RuntimeError):
    """The vendored CMS (or node) is not installed; the message says how to install it."""


def node_modules() -> Path:
    """Where the vendored npm packages are: ``EXTREL_CMS_DIR`` or ``<venv>/cms``."""
    base = os.environ.get("EXTREL_CMS_DIR")
    return (Path(base) if base else Path(sys.prefix) / "cms") / "node_modules"


def install_hint(modules: Path) -> str:
    """How to install the vendored CMS into ``modules`` (in the editors' language)."""
    return t("editor.not_installed", cms.EDITOR_LANG, where=modules, prefix=modules.parent,
             decap=DECAP_VERSION, server=SERVER_VERSION)


def require_cms() -> Path:
    """The vendored node_modules folder; raises MissingCMS with a hint how to install it."""
    modules = node_modules()
    if not (modules / "decap-cms" / "dist" / "decap-cms.js").is_file() or \
            not (modules / "yaml" / "browser" / "dist" / "index.js").is_file():
        raise MissingCMS(install_hint(modules))
    return modules


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def policy(hosts: list[str]) -> str:
    """The admin page's Content-Security-Policy: its own origin and ``hosts`` (origins of
    the git backend's API and sign-in), nothing else. Decap's styles are injected at run
    time (emotion), uploaded pictures are shown from ``blob:`` URLs."""
    extra = " ".join(hosts)
    return "; ".join([
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {extra}".strip(),
        f"connect-src 'self' blob: data: {extra}".strip(),
        "font-src 'self' data:",
        "media-src 'self' blob:",
        "frame-src 'self' blob:",
        "child-src 'self' blob:",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def write(dest: Path, config: Mapping[str, Any], hosts: list[str]) -> Path:
    """Write the admin folder into ``dest``: the CMS's files, extrel's script, the
    configuration and the page with its policy. Raises MissingCMS."""
    modules = require_cms()
    dest.mkdir(parents=True, exist_ok=True)
    dist = modules / "decap-cms" / "dist"
    for path in dist.iterdir():
        # decap-cms.js, its chunks (*.decap-cms.js) and WebAssembly; not the source maps
        # nor the copies under the old name (cms.js, *.cms.js)
        if path.name.endswith("decap-cms.js") or path.suffix == ".wasm" or \
                path.name == "decap-cms.js.LICENSE.txt":
            shutil.copyfile(path, dest / path.name)
    yaml_dir = dest / "yaml"
    shutil.rmtree(yaml_dir, ignore_errors=True)
    shutil.copytree(modules / "yaml" / "browser" / "dist", yaml_dir)
    static = resources.files("extrel.editor") / "static"
    for name in _STATIC:
        text = (static / name).read_text(encoding="utf-8")
        if name == "index.html":
            text = page(text, policy(hosts))
        (dest / name).write_text(text, encoding="utf-8")
    payload = {"config": config, "rules": cms.rules(), "messages": script_messages()}
    (dest / "extrel.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    return dest


def page(template: str, csp: str) -> str:
    """The admin page: its policy and its words (the editors' language) filled in."""
    lang = cms.EDITOR_LANG
    return (template.replace("__CSP__", csp).replace("__LANG__", lang)
            .replace("__TITLE__", html.escape(t("editor.page.title", lang)))
            .replace("__NOSCRIPT__", html.escape(t("editor.page.noscript", lang))))


def script_messages() -> dict[str, str]:
    """The words extrel.js shows (its checks across fields), in the editors' language;
    ``{locale}`` is left for the script to fill."""
    lang = cms.EDITOR_LANG
    return {
        "alt_missing": t("editor.check.alt_missing", lang),
        "alt_missing_in": t("editor.check.alt_missing_in", lang, locale="{locale}"),
        "end_before_start": t("editor.check.end_before_start", lang),
    }


def publish(site_dir: Path, municipalities: Mapping[str, str],
            editor: Mapping[str, Any] | None, site_url: str | None = None,
            languages: Sequence[str] = REQUIRED) -> list[str]:
    """``extrel build``: write ``site_dir/admin/`` when the region configured an editor.
    Returns warnings (the vendored CMS missing); nothing when no editor is configured."""
    if not editor:
        return []
    config = cms.config(municipalities, editor=editor, site_url=site_url, languages=languages)
    try:
        write(site_dir / "admin", config, [origin(str(editor["base_url"]))])
    except MissingCMS as exc:
        return [f"editor: {exc}"]
    return []


def publish_region(site_dir: Path, snapshot: Snapshot) -> list[str]:
    """``publish`` with the region's municipalities and ``editor`` option (one call in the
    build)."""
    editor = snapshot.options.editor
    if editor is None:
        return []
    names = {mid: m.name("ru") for mid, m in snapshot.region.municipalities.items()}
    return publish(site_dir, names, editor.model_dump(),
                   languages=snapshot.region.languages.codes)
