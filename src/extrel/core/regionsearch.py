"""The portal's search: every page of the region, indexed by Pagefind after the build.

Pagefind (PyPI ``pagefind[bin]``, a Rust binary in a registry package) reads the built HTML,
makes one index per page language (``<html lang>``, with its stemmer: «делегации» finds
«делегация») split in fragments, and writes them with its scripts to ``pagefind/`` in the
site's root. A query on the portal fetches the index's entry, the language's metadata and
WebAssembly once, and then only the fragments of its words and of the pages shown; no
whole-region index is loaded. The sections keep their own small Material (lunr) indexes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

FOLDER = "pagefind"


PAGES = "**/index.html"


def index_region(site_dir: Path, pages: str = PAGES) -> None:
    """(Re)write ``site_dir/pagefind/`` from every page under ``site_dir`` (or those the
    glob ``pages`` matches: one language's, ``mkdocs/searchindex.py``).

    Only the pages a resident wants as a result are indexed: the templates mark their
    content with ``data-pagefind-body`` (each entry's page, each section's home, the
    presentation, an editor's portal page), and Pagefind leaves out every page without it
    (the lists, news years, the portal's home and dashboard that repeat the entries'
    titles). Within ``article`` only (a site without any mark, a portal without
    municipalities, is indexed whole, still without the menus, header and footer), and only
    ``index.html`` pages (not ``404.html``)."""
    from pagefind_bin import get_executable  # the binary the registry package ships

    out = site_dir / FOLDER
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(
        [str(get_executable()), "--site", str(site_dir), "--output-subdir", FOLDER,
         "--root-selector", "article", "--glob", pages, "--quiet"],
        check=True, stdout=subprocess.DEVNULL,
    )
    # the languages in a fixed order: the same pages give the same files, build after build
    entry = out / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                     encoding="utf-8")
