"""The ``extrel`` MkDocs plugin: turns one municipality's Markdown into its section.

In a region's mkdocs.yml it only carries options; ``extrel build`` and ``extrel serve`` run
it in each sub-build with ``role`` set (see ``siteconfig``). Every hook starts with its guard
and hands the work to ``extrel.core``; the page data is computed there, the templates in
``extrel/templates`` only render it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core import addresses, documents, feeds, freshtable, frontmatter, opendata, views
from ..core import portal as portal_views
from ..core.cachedir import cache_dir
from ..core.freshness import freshness_to_dict
from ..core.gitdates import ShallowCloneError
from ..core.labels import long_date
from ..core.languages import DEFAULT_LANGUAGE, Languages
from ..core.messages import t
from ..core.sections import BY_ID, DOCUMENTS, FEED, SUBSECTIONS
from ..core.siteurl import json_keys as site_url_warnings
from ..core.snapshot import Snapshot
from . import pagechrome, preview, safeoutput, siteconfig, words
from .config import ExtrelConfig
from .pictures import PictureExtension, picture, publish_files

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
ARCHIVE = "events-archive.ics"
"""Beside the calendar of upcoming events: the ended ones."""
CSS = "assets/extrel/extrel.css"
JS = "assets/extrel/extrel.js"


def lang_link(languages: Languages) -> re.Pattern[str]:
    """A Markdown link to a page by its file name with a language suffix (``x.ru.md``)."""
    codes = "|".join(re.escape(code) for code in languages)
    return re.compile(r"(\]\([^)\s]*?)\.(?:" + codes + r")\.md([#)\s])")


class ExtrelPlugin(BasePlugin[ExtrelConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preset: Snapshot | None = None
        """Set by ``extrel build`` so that sub-builds share one analysis of the region."""
        self.preview = False
        """A live preview (``extrel serve``): pages load the live reload as a file."""

    # -- configuration -----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled or self.config.role == "none":
            return None
        self.config_file = Path(config.config_file_path).resolve()
        self.root = self.config_file.parent
        self.project = siteconfig.project(self.config_file)
        self.lang = self.config.language or DEFAULT_LANGUAGE
        self.preview = self.preview or self.preset is None
        self.snapshot = self.preset or self._analyse()
        if self.preset is None and self.config.role == "section":
            preview.restore(self.snapshot, self.config.municipality or "", self.root)
        self.languages = self.snapshot.region.languages
        self.lang_link = lang_link(self.languages)
        for note in siteconfig.language_notes(self.lang):
            log.info(t(note, "en", code=self.lang))
        self.pages: dict[str, dict[str, Any]] = {}
        self.lists: dict[str, dict[str, Any]] = {}
        # extrel's templates come right after the region's own overrides (theme/)
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        if self.config.role == "section":
            # the 404 page needs absolute links; a copied section lives under its host's 404
            config.theme.static_templates.discard("404.html")
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        self.pictures = PictureExtension()
        config.markdown_extensions.append(self.pictures)  # type: ignore[arg-type]
        return config

    def _analyse(self) -> Snapshot:
        """A fresh analysis for ``extrel serve``, where no caller computed one: as of the
        given check date, else today in the region's time zone."""
        only = [self.config.municipality] if self.config.municipality else None
        given = dt.date.fromisoformat(self.config.today) if self.config.today else None
        try:
            return self.project.analyse(self.project.today(given), only=only,
                                        allow_shallow=True)
        except ShallowCloneError as exc:  # pragma: no cover - allow_shallow is set
            raise PluginError(str(exc)) from None

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Keep compiled templates on disk: every section and language is its own build, and
        compiling Material's templates again each time took a third of a section's build.
        Templates get the catalogue's words through ``t`` (``mkdocs/words.py``)."""
        words.install(env)
        if not self.config.enabled or self.config.role == "none":
            return None
        env.bytecode_cache = siteconfig.bytecode_cache()
        return env

    # -- files ----------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.config.role == "none":
            return None
        kept = Files([f for f in files
                      if not f.is_documentation_page() and self._theme_file_needed(f)])
        if self.config.role == "section":
            self._section_files(kept, config)
            cache = cache_dir(self.root, "images")
            self.pictures.sets, errors = publish_files(kept, config, cache)
            for error in errors:
                log.warning("image not published: %s", error)
        else:
            self._portal_files(kept, config)
        return kept

    def _theme_file_needed(self, file: File) -> bool:
        """Drop the theme's source maps and the search stemmers of other languages: they
        would be copied into every section and language (about 2 MB each time)."""
        uri = file.src_uri
        if uri.endswith(".map"):
            return False
        if uri.startswith("assets/javascripts/lunr/"):
            name = uri.rsplit("/", 1)[-1]
            keep = {"lunr.stemmer.support.min.js", "lunr.multi.min.js",
                    f"lunr.{siteconfig.search_language(self.lang)}.min.js"}
            return name in keep
        return True

    def _generated(self, files: Files, config: MkDocsConfig, src_uri: str, title: str,
                   template: str, *, wide: bool = False, **info: Any) -> None:
        hide = "hide: [navigation, toc]\n" if wide else ""
        content = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{hide}---\n"
        files.append(File.generated(config, src_uri, content=content))
        self.pages[src_uri] = {"template": template, **info}

    def _section_files(self, files: Files, config: MkDocsConfig) -> None:
        m = self.snapshot.region.municipalities[self.config.municipality]
        lang = self.lang
        for entry in m.all_entries():
            source = entry.source_language(lang)
            assert source is not None
            page = entry.pages[source]
            sub = BY_ID[entry.section]
            src_uri = addresses.item_source(sub.id, entry.slug)
            last_good = preview.restored_text(page.path)  # extrel serve: shown as it last was
            files.append(File.generated(config, src_uri, content=last_good) if last_good else
                         File.generated(config, src_uri, abs_src_path=str(self.root / page.path)))
            self.pages[src_uri] = {"template": sub.item_template, "entry": entry,
                                   "kind": entry.section}
        self._generated(files, config, addresses.source(""), m.name(lang), "extrel/home.html",
                        kind="home")
        for src_uri, found in preview.problem_pages(self.snapshot, self.project.docs_dir, m.id,
                                                    set(self.pages)).items():
            title = t("ui.serve.problem_page_title", lang)
            self._generated(files, config, src_uri, title, "extrel/problems.html",
                            kind="problems", section=src_uri.split("/")[0], problems=found)
        for sub in SUBSECTIONS:
            src_uri = addresses.source(addresses.section(sub.id))
            if src_uri not in self.pages:
                self._generated(files, config, src_uri, sub.title_in(lang), sub.list_template,
                                kind=sub.id)
        for year in views.news_years(m):
            title = f"{FEED.title_in(lang)}: {year}"
            self._generated(files, config, addresses.source(addresses.archive(FEED.id, year)),
                            title, FEED.list_template, kind="news-year", year=year)
        self.thumbs = self._thumbnails(files, config, m)
        if m.meta.coat_of_arms:
            path = self.root / "municipalities" / m.meta.coat_of_arms
            files.append(File.generated(
                config, addresses.coat_of_arms(path.name), abs_src_path=str(path)))

    def _thumbnails(self, files: Files, config: MkDocsConfig, m: Any) -> dict[str, str]:
        """First-page pictures of the presentation's PDFs, by the PDF's URL."""
        result: dict[str, str] = {}
        cache = cache_dir(self.root, "thumbs")
        for entry in (e for sub in DOCUMENTS for e in m.entries[sub.id]):
            page = entry.pages.get(entry.source_language(self.lang) or DEFAULT_LANGUAGE)
            folder = (self.root / page.path).parent
            for item in entry.meta(self.lang).files:
                if not item.file.lower().endswith(".pdf") or not (folder / item.file).is_file():
                    continue
                thumb = documents.thumbnail(folder / item.file, cache)
                if thumb is None:
                    continue
                uri = addresses.asset(entry.section, f"{Path(item.file).stem}.thumb.webp")
                files.append(File.generated(config, uri, abs_src_path=str(thumb)))
                result[views.asset_url(entry, item.file)] = uri
        return result

    def _portal_files(self, files: Files, config: MkDocsConfig) -> None:
        lang = self.lang
        # only the portal's own pages and assets: municipality folders are sections of their own
        for f in list(files):
            if f.src_uri.split("/", 1)[0] in self.snapshot.region.municipalities:
                files.remove(f)
        portal = [p for p in self.snapshot.region.portal_pages if p.endswith(f".{lang}.md")]
        for relpath in portal:
            name = Path(relpath).name[: -len(f".{lang}.md")]
            src_uri = f"{name}.md"
            files.append(File.generated(config, src_uri, abs_src_path=str(self.root / relpath)))
            kind = "portal" if name == "index" else "page"
            self.pages[src_uri] = {"template": f"extrel/{kind}.html", "kind": kind}
        home = addresses.source("")
        if home not in self.pages:
            title = self._site_name(lang)
            self._generated(files, config, home, title, "extrel/portal.html", kind="portal")
        title = t("ui.dashboard.title", lang)
        self._generated(files, config, addresses.source(addresses.DASHBOARD), title,
                        "extrel/dashboard.html",
                        kind="dashboard", wide=True)

    # -- navigation -------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """A short navigation: the home page and the seven subsections, never every news item."""
        if not self.config.enabled or self.config.role == "none":
            return None
        if self.config.role == "section":
            order = [addresses.source("")] + [addresses.source(addresses.section(s.id))
                                               for s in SUBSECTIONS]
        else:
            order = [addresses.source(""), addresses.source(addresses.DASHBOARD)]
        items = [files.get_file_from_path(uri).page for uri in order]
        pages = [p for p in items if p is not None]
        for page in nav.pages:
            page.parent = None
            page.previous_page = page.next_page = None
        for before, after in zip(pages, pages[1:], strict=False):
            before.next_page, after.previous_page = after, before
        result = Navigation(pages, pages)
        result.homepage = pages[0]
        return result

    # -- pages ------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if not self.config.enabled or self.config.role == "none":
            return None
        self.pictures.page_url = page.url
        info = self.pages.get(page.file.src_uri)
        if info is not None:
            markdown = self._as_validated(info, page, markdown)
            page.meta.setdefault("template", info["template"])
            # the navigation names subsections by the standard's titles, not the editor's
            sub = BY_ID.get(info.get("kind", ""))
            if sub is not None and sub.single:
                page.meta["x_heading"] = page.meta.get("title")
                page.title = sub.title_in(self.lang)
            elif info.get("kind") == "home" and self.config.role == "section":
                page.title = t("ui.section_home", self.lang)
        # editors may link to a page by its file name with the language suffix
        return self.lang_link.sub(r"\1.md\2", markdown)

    def _as_validated(self, info: dict[str, Any], page: Page, markdown: str) -> str:
        """The page's meta and body as extrel read and validated them, never MkDocs' own
        reading of the file: the same split, the front matter from the validated model."""
        if page.file.abs_src_path is None and "entry" not in info:
            return markdown  # a page extrel generated itself
        text = page.file.content_string
        entry = info.get("entry")
        if entry is None and not frontmatter.starts_with_fence(text):
            page.meta = {}  # a portal page without front matter (never MkDocs' "key: value")
            return frontmatter.normalize(text)
        try:
            doc = frontmatter.parse(text)
        except frontmatter.FrontMatterError as exc:  # changed since it was checked (serve)
            raise PluginError(f"{page.file.src_path}:{exc.line}: {exc.en}") from None
        if entry is not None:
            model = entry.meta(self.lang)
            page.meta = model.model_dump(mode="json", exclude_none=True)
        else:
            title = doc.meta.get("title")
            page.meta = {"title": title} if isinstance(title, str) else {}
        return doc.body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        """Editor-written HTML through the allow-list sanitizer, the page's texts escaped."""
        if not self.config.enabled or self.config.role == "none":
            return None
        return safeoutput.page_content(html, page, config,
                                       self.snapshot.options.allowed_iframe_hosts, self.lang)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any] | None:
        if not self.config.enabled or self.config.role == "none":
            return None
        info = self.pages.get(page.file.src_uri, {"kind": "page"})
        data = (self._section_context(info, page) if self.config.role == "section"
                else portal_views.context(self.snapshot, info, self.lang))
        data.setdefault("lang", self.lang)
        if self.preview:
            # extrel serve, every language: what is wrong, this page's own files first
            data["problems"] = preview.panel(self.snapshot.problems, info, self.lang)
        data["feed"] = addresses.FEED
        data["calendar"] = addresses.CALENDAR
        data["default_root"] = addresses.to_default_root(self.lang)
        if info.get("kind") == "dashboard":
            data["freshness"] = addresses.freshness_links(self.lang)
        if self.config.role == "portal" and self.preset is not None:
            # extrel build indexes every section's pages for the portal's search, in the
            # region's root folder (relative to this build's root, as extrel-head.js reads it)
            data["pagefind"] = "pagefind/" if self.lang == DEFAULT_LANGUAGE else "../pagefind/"
        if self.config.role == "section":
            data["data_dir"] = addresses.data_dir(self.lang)
            data["logo"] = pagechrome.logo(self.snapshot, self.config.municipality)
            sets = self.pictures.sets
            data["picture"] = lambda url: picture(url, sets[url]) if url in sets else None
            item = data.get("item") or {}
            if item.get("image") in sets and config.site_url:
                largest = picture(item["image"], sets[item["image"]])["largest"]
                data["og_image"] = config.site_url.rstrip("/") + "/" + largest
        config.extra["alternate"] = self._alternates(page)
        context["extrel"] = data
        return context

    def _declare_language(self, output: str, config: MkDocsConfig) -> str:
        """Material declares the language of its own words (``<html lang>``): where Material
        has no translation of this language and shows English ones, the page is still in its
        own language."""
        theme = config.theme["language"]
        if theme == self.lang:
            return output
        return output.replace(f'<html lang="{theme}"', f'<html lang="{self.lang}"', 1)

    def _section_context(self, info: dict[str, Any], page: Page) -> dict[str, Any]:
        snap, lang = self.snapshot, self.lang
        m = snap.region.municipalities[self.config.municipality]
        dates = snap.dates
        kind = info["kind"]
        fresh = snap.freshness.get(m.id)
        data: dict[str, Any] = {"kind": kind, "municipality": m.name(lang)}
        if kind == "home":
            data["view"] = views.home_view(m, lang, fresh, dates, self._coat_of_arms(m),
                                           self.languages)
            updated = views.latest(*(views.subsection_updated(m, s.id, lang, dates)
                                     for s in SUBSECTIONS))
        elif kind == "news-year":
            data["view"] = views.news_year_view(m, lang, info["year"], dates)
            updated = views.subsection_updated(m, FEED.id, lang, dates)
            data["section"] = FEED.id
        elif kind == "problems":  # extrel serve: a page that could not be shown
            data["section"] = info["section"]
            data["page_problems"] = [p.to_dict(lang) for p in info["problems"]]
            updated = None
        elif "entry" in info:
            entry = info["entry"]
            data["section"] = entry.section
            data["section_title"] = views.title_of(entry.section, lang)
            data["item"] = views.item_view(m, entry, lang, snap.today, dates,
                                           self._list(m, entry.section))
            source = entry.source_language(lang)
            if source != lang:
                data["untranslated"] = {"source_lang": source}
            updated = views.entry_updated(entry, lang, dates)
            if BY_ID[entry.section].documents:
                data["files"] = views.presentation_files(self.root, entry, lang)
                for item in data["files"]:
                    item["thumb"] = self.thumbs.get(item["url"])
        else:
            data["section"] = kind
            data["view"] = self._list(m, kind)
            updated = views.subsection_updated(m, kind, lang, dates)
        sub = BY_ID.get(data.get("section", ""))
        if sub is not None:  # what differs between subsections, from their record
            data["section_url"] = addresses.section(sub.id)
            data["list_partial"] = sub.list_partial
            data["facts_partial"] = sub.facts_partial
        data["updated_text"] = long_date(updated, lang) if updated else ""
        data["updated"] = updated.isoformat() if updated else ""
        return data

    def _list(self, m: Any, section: str) -> dict[str, Any]:
        """A subsection's list, computed once per build (its item pages reuse it)."""
        if section not in self.lists:
            self.lists[section] = views.list_view(m, section, self.lang, self.snapshot.today,
                                                  self.snapshot.dates,
                                                  self.snapshot.options.zone())
        return self.lists[section]

    def _coat_of_arms(self, m: Any) -> str | None:
        return addresses.coat_of_arms(m.meta.coat_of_arms) if m.meta.coat_of_arms else None

    def _alternates(self, page: Page) -> list[dict[str, str]]:
        """The language switcher: the same page in each language, as a link relative to this one."""
        result = []
        for lang in self.languages:
            link = addresses.switch(page.url, self.lang, lang)
            result.append({"name": self.languages.name(lang), "link": link, "lang": lang,
                           "current": lang == self.lang})
        return result

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Every page declares its own language and carries the Content-Security-Policy."""
        if not self.config.enabled or self.config.role == "none":
            return None
        output = safeoutput.valid_toggles(self._declare_language(output, config))
        return safeoutput.with_policy(output, self.snapshot.options.allowed_iframe_hosts,
                                      preview_of=page if self.preview else None)

    def on_template_context(self, context: dict[str, Any], *, template_name: str,
                            config: MkDocsConfig) -> dict[str, Any] | None:
        if self.config.enabled and self.config.role == "portal" and template_name == "404.html":
            return pagechrome.not_found_context(context, config, self.lang, self.languages,
                                                indexed=self.preset is not None)
        return None

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """The 404 page (and any other HTML template) carries the policy too."""
        if not self.config.enabled or self.config.role == "none" or (
                not template_name.endswith(".html")):
            return None
        return safeoutput.with_policy(safeoutput.valid_toggles(output_content),
                                      self.snapshot.options.allowed_iframe_hosts)

    # -- after the build --------------------------------------------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the portal's JSON, then build the other languages beside the default one."""
        if not self.config.enabled or self.config.role == "none":
            return
        if self.config.role == "portal" and self.lang == DEFAULT_LANGUAGE:
            snap = self.snapshot
            data = freshness_to_dict(
                snap.today,
                snap.options.timezone,
                list(snap.freshness.values()),
                [p.to_dict() for p in snap.problems],
            )
            data.update(site_url_warnings(self.config_file))  # as `check` gives it
            out = Path(config.site_dir) / addresses.freshness_file("json")
            out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            # the same table for spreadsheets, linked from the dashboard
            out.with_suffix(".csv").write_text(freshtable.as_csv(data), encoding="utf-8")
            freshtable.as_xlsx(data, out.with_suffix(".xlsx"))
            self._summary()
        if self.config.role == "portal":
            self._regional_subscriptions(config)
        if self.config.role == "section":
            self._subscriptions(config)
            if self.lang == DEFAULT_LANGUAGE:
                self._open_data(config)
            # the variants replace the originals: a 5 MB phone photo is never published
            for uri in self.pictures.sets:
                (Path(config.site_dir) / uri).unlink(missing_ok=True)
        if self.lang != DEFAULT_LANGUAGE:
            return
        for lang in self.languages.others:
            other = siteconfig.load(
                self.config_file,
                role=self.config.role,
                lang=lang,
                site_name=self._site_name(lang),
                municipality=self.config.municipality,
                today=self.snapshot.today.isoformat(),
                site_dir=Path(config.site_dir) / lang,
            )
            other.plugins[siteconfig.PLUGIN].preset = self.snapshot
            other.plugins[siteconfig.PLUGIN].preview = self.preview
            build(other)

    def _open_data(self, config: MkDocsConfig) -> None:
        """``data/``: partners, events and participation as JSON and CSV, both languages."""
        m = self.snapshot.region.municipalities[self.config.municipality]
        folder = Path(config.site_dir) / addresses.DATA
        folder.mkdir(exist_ok=True)
        for name, rows in opendata.datasets(m).items():
            (folder / f"{name}.json").write_text(opendata.as_json(m, name, rows),
                                                 encoding="utf-8")
            (folder / f"{name}.csv").write_text(opendata.as_csv(name, rows), encoding="utf-8")
        (folder / "README.txt").write_text(opendata.description(m), encoding="utf-8")

    def _regional_subscriptions(self, config: MkDocsConfig) -> None:
        """The portal's feed of every municipality's news and calendar of every event."""
        snap = self.snapshot
        municipalities = list(snap.region.municipalities.values())
        zone = snap.options.zone()
        out = Path(config.site_dir)
        name = self._site_name(self.lang)
        (out / addresses.FEED).write_bytes(feeds.region_feed(
            municipalities, self.lang, tz=zone, site_url=config.site_url or None,
            feed_url_path=addresses.FEED, title=name))
        for file, archive in ((addresses.CALENDAR, False), (ARCHIVE, True)):
            (out / file).write_bytes(feeds.region_calendar(
                municipalities, self.lang, tz=zone, site_url=config.site_url or None,
                today=snap.today, name=name, archive=archive))

    def _subscriptions(self, config: MkDocsConfig) -> None:
        """This language's news feed and events calendar, beside the section's home page."""
        m = self.snapshot.region.municipalities[self.config.municipality]
        zone = self.snapshot.options.zone()
        out = Path(config.site_dir)
        title = f"{m.name(self.lang)} — {FEED.title_in(self.lang)}"
        (out / addresses.FEED).write_bytes(feeds.news_feed(
            m, self.lang, tz=zone, site_url=config.site_url or None,
            feed_url_path=addresses.FEED, title=title))
        for file, archive in ((addresses.CALENDAR, False), (ARCHIVE, True)):
            (out / file).write_bytes(feeds.events_calendar(
                m, self.lang, tz=zone, site_url=config.site_url or None,
                today=self.snapshot.today, archive=archive))

    def _site_name(self, lang: str) -> str:
        if self.config.role == "section":
            return self.snapshot.region.municipalities[self.config.municipality].name(lang)
        return self.project.site_name(lang)

    def _summary(self) -> None:
        """The one-line freshness summary, at the level of the ``stale_log_level`` option
        when something is stale or missing (``warning`` makes ``mkdocs build --strict`` fail
        on it), at ``info`` otherwise."""
        counts = portal_views.counts(self.snapshot)
        summary = ", ".join(f"{status} {n}" for status, n in counts.items())
        text = f"freshness as of {self.snapshot.today.isoformat()}: {summary}"
        behind = counts["stale"] or counts["missing"]
        level = self.snapshot.options.stale_log_level if behind else "info"
        log.log(logging.getLevelName(level.upper()), text)

