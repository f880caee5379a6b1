"""The files of one sub-build (``on_files``): the theme files a section needs, the Markdown
MkDocs reads, and the pages extrel generates (home, subsection lists, news years, the
dashboard, preview problem pages), each with what extrel knows of it for its template.

``pages`` maps a page's ``src_uri`` to its info: the template, the ``kind`` (``home``, a
subsection id, ``news-year``, ``problems``, ``portal``, ``page``, ``dashboard``) and, for an
entry's page, the ``entry``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core import addresses, documents, views
from ..core.cachedir import cache_dir
from ..core.languages import DEFAULT_LANGUAGE
from ..core.messages import t
from ..core.model import Municipality
from ..core.sections import BY_ID, DOCUMENTS, FEED, SUBSECTIONS
from ..core.snapshot import Snapshot
from . import preview, siteconfig

Pages = dict[str, dict[str, Any]]


def theme_file_needed(file: File, lang: str) -> bool:
    """Drop the theme's source maps and the search stemmers of other languages: they
    would be copied into every section and language (about 2 MB each time)."""
    uri = file.src_uri
    if uri.endswith(".map"):
        return False
    if uri.startswith("assets/javascripts/lunr/"):
        name = uri.rsplit("/", 1)[-1]
        keep = {"lunr.stemmer.support.min.js", "lunr.multi.min.js",
                f"lunr.{siteconfig.search_language(lang)}.min.js"}
        return name in keep
    return True


def generated(files: Files, config: MkDocsConfig, pages: Pages, src_uri: str, title: str,
              template: str, *, wide: bool = False, **info: Any) -> None:
    """A page extrel writes itself: a title in its front matter, the rest in its template."""
    hide = "hide: [navigation, toc]\n" if wide else ""
    content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{hide}---\n"
    files.append(File.generated(config, src_uri, content=content))
    pages[src_uri] = {"template": template, **info}


def section_files(files: Files, config: MkDocsConfig, pages: Pages, *, snapshot: Snapshot,
                  municipality: str, lang: str, root: Path, docs_dir: str) -> dict[str, str]:
    """A section's pages in ``lang``: each entry (in its source language where it has no
    translation), the home page, the subsection lists, the news years, the coat of arms.
    Returns the PDF thumbnails by the PDF's URL (``thumbnails``)."""
    m = snapshot.region.municipalities[municipality]
    for entry in m.all_entries():
        source = entry.source_language(lang)
        assert source is not None
        page = entry.pages[source]
        sub = BY_ID[entry.section]
        src_uri = addresses.item_source(sub.id, entry.slug)
        last_good = preview.restored_text(page.path)  # extrel serve: shown as it last was
        files.append(File.generated(config, src_uri, content=last_good) if last_good else
                     File.generated(config, src_uri, abs_src_path=str(root / page.path)))
        pages[src_uri] = {"template": sub.item_template, "entry": entry, "kind": entry.section}
    generated(files, config, pages, addresses.source(""), m.name(lang), "extrel/home.html",
              kind="home")
    for src_uri, found in preview.problem_pages(snapshot, docs_dir, m.id, set(pages)).items():
        title = t("ui.serve.problem_page_title", lang)
        generated(files, config, pages, src_uri, title, "extrel/problems.html",
                  kind="problems", section=src_uri.split("/")[0], problems=found)
    for sub in SUBSECTIONS:
        src_uri = addresses.source(addresses.section(sub.id))
        if src_uri not in pages:
            generated(files, config, pages, src_uri, sub.title_in(lang), sub.list_template,
                      kind=sub.id)
    for year in views.news_years(m):
        title = f"{FEED.title_in(lang)}: {year}"
        generated(files, config, pages, addresses.source(addresses.archive(FEED.id, year)),
                  title, FEED.list_template, kind="news-year", year=year)
    thumbs = thumbnails(files, config, m, lang, root)
    if m.meta.coat_of_arms:
        path = root / "municipalities" / m.meta.coat_of_arms
        files.append(File.generated(
            config, addresses.coat_of_arms(path.name), abs_src_path=str(path)))
    return thumbs


def thumbnails(files: Files, config: MkDocsConfig, m: Municipality, lang: str,
               root: Path) -> dict[str, str]:
    """First-page pictures of the presentation's PDFs, by the PDF's URL."""
    result: dict[str, str] = {}
    cache = cache_dir(root, "thumbs")
    for entry in (e for sub in DOCUMENTS for e in m.entries[sub.id]):
        page = entry.pages.get(entry.source_language(lang) or DEFAULT_LANGUAGE)
        assert page is not None
        folder = (root / page.path).parent
        for item in entry.meta(lang).files:
            if not item.file.lower().endswith(".pdf") or not (folder / item.file).is_file():
                continue
            thumb = documents.thumbnail(folder / item.file, cache)
            if thumb is None:
                continue
            uri = addresses.asset(entry.section, f"{Path(item.file).stem}.thumb.webp")
            files.append(File.generated(config, uri, abs_src_path=str(thumb)))
            result[views.asset_url(entry, item.file)] = uri
    return result


def portal_files(files: Files, config: MkDocsConfig, pages: Pages, *, snapshot: Snapshot,
                 lang: str, root: Path, site_name: str) -> None:
    """The portal's own pages in ``lang`` (municipality folders are sections of their own):
    the editors' portal pages, else a generated home, and the freshness dashboard."""
    for f in list(files):
        if f.src_uri.split("/", 1)[0] in snapshot.region.municipalities:
            files.remove(f)
    portal = [p for p in snapshot.region.portal_pages if p.endswith(f".{lang}.md")]
    for relpath in portal:
        name = Path(relpath).name[: -len(f".{lang}.md")]
        src_uri = f"{name}.md"
        files.append(File.generated(config, src_uri, abs_src_path=str(root / relpath)))
        kind = "portal" if name == "index" else "page"
        pages[src_uri] = {"template": f"extrel/{kind}.html", "kind": kind}
    home = addresses.source("")
    if home not in pages:
        generated(files, config, pages, home, site_name, "extrel/portal.html", kind="portal")
    generated(files, config, pages, addresses.source(addresses.DASHBOARD),
              t("ui.dashboard.title", lang), "extrel/dashboard.html", kind="dashboard",
              wide=True)
