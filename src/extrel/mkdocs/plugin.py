"""The ``extrel`` MkDocs plugin: turns one municipality's Markdown into its section.

In a region's mkdocs.yml it only carries options; ``extrel build`` and ``extrel serve`` run
it in each sub-build with ``role`` set (see ``siteconfig``). Every hook starts with its guard
and hands the work to ``extrel.core``; the page data is computed there, the templates in
``extrel/templates`` only render it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core import addresses, frontmatter
from ..core import portal as portal_views
from ..core.cachedir import cache_dir
from ..core.gitdates import ShallowCloneError
from ..core.languages import DEFAULT_LANGUAGE, Languages
from ..core.messages import t
from ..core.sections import BY_ID, FEED, SUBSECTIONS
from ..core.snapshot import Snapshot
from . import assetweight, pagechrome, pagefiles, postbuild, preview, safeoutput, siteconfig, words
from .config import ExtrelConfig
from .pagecontext import SectionContext, alternates
from .pictures import PictureExtension, picture, publish_files

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
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
        self.chain = True
        """Whether the default language's build builds the other languages after it (False:
        ``extrel build`` builds them beside it, in other processes)."""

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
        self.pages: pagefiles.Pages = {}
        self.context: SectionContext | None = None
        """The section's template data (set in ``on_files``)."""
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
        kept = Files([f for f in files if not f.is_documentation_page()
                      and pagefiles.theme_file_needed(f, self.lang)])
        if self.config.role == "section":
            municipality = self.config.municipality or ""
            thumbs = pagefiles.section_files(
                kept, config, self.pages, snapshot=self.snapshot, municipality=municipality,
                lang=self.lang, root=self.root, docs_dir=self.project.docs_dir)
            self.context = SectionContext(self.snapshot, municipality, self.lang, self.root,
                                          thumbs)
            cache = cache_dir(self.root, "images")
            self.pictures.sets, errors = publish_files(kept, config, cache)
            for error in errors:
                log.warning("image not published: %s", error)
        else:
            pagefiles.portal_files(kept, config, self.pages, snapshot=self.snapshot,
                                   lang=self.lang, root=self.root,
                                   site_name=self._site_name(self.lang))
        assetweight.lighten(kept, config.theme.get("palette"))
        return kept

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
        data = (self.context(info) if self.context is not None
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
            data["pagefind"] = addresses.search_index(self.lang)
            data["pagefind_groups"] = pagechrome.search_groups(self.snapshot, self.lang)
        if self.config.role == "section":
            data["data_dir"] = addresses.data_dir(self.lang)
            data["logo"] = pagechrome.logo(self.snapshot, self.config.municipality)
            sets = self.pictures.sets
            data["picture"] = lambda url: picture(url, sets[url]) if url in sets else None
            item = data.get("item") or {}
            if item.get("image") in sets and config.site_url:
                largest = picture(item["image"], sets[item["image"]])["largest"]
                data["og_image"] = config.site_url.rstrip("/") + "/" + largest
        config.extra["alternate"] = alternates(page.url, self.lang, self.languages)
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
            return pagechrome.not_found_context(
                context, config, self.lang, self.languages, indexed=self.preset is not None,
                groups=pagechrome.search_groups(self.snapshot, self.lang))
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
        site_dir = Path(config.site_dir)
        site_url = config.site_url or None
        if self.config.role == "portal" and self.lang == DEFAULT_LANGUAGE:
            postbuild.freshness_files(self.snapshot, site_dir, self.config_file)
            log.log(*postbuild.summary(self.snapshot))
        if self.config.role == "portal":
            postbuild.regional_subscriptions(self.snapshot, self.lang, site_dir, site_url,
                                             self._site_name(self.lang))
        if self.config.role == "section":
            municipality = self.config.municipality or ""
            title = f"{self._site_name(self.lang)} — {FEED.title_in(self.lang)}"
            postbuild.subscriptions(self.snapshot, municipality, self.lang, site_dir, site_url,
                                    title)
            if self.lang == DEFAULT_LANGUAGE:
                postbuild.open_data(self.snapshot, municipality, site_dir)
            # the variants replace the originals: a 5 MB phone photo is never published
            for uri in self.pictures.sets:
                (site_dir / uri).unlink(missing_ok=True)
        if self.lang != DEFAULT_LANGUAGE or not self.chain:
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

    def _site_name(self, lang: str) -> str:
        if self.config.role == "section":
            return self.snapshot.region.municipalities[self.config.municipality].name(lang)
        return self.project.site_name(lang)
