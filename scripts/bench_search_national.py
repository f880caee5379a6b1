#!/usr/bin/env python3
"""The portal's search at national size (issue 16): 17,500 municipalities' pages.

Building the national site page by page is out of reach on a small machine (MkDocs for
17,500 sections), so this builds only what the portal's search reads: each page's
``<article>`` in the layout and language of the real build, written as ``index.html`` files
at the pages' real addresses, from the content ``scripts/bench_region.py`` generates for the
``national`` profile (the same generator, without its git history). extrel's own
``core.regionsearch.index_region`` then indexes them with Pagefind exactly as ``extrel build``
does, and the index is served behind the real portal page (of a real ``extrel build`` of a
small region, with its scripts) for ``scripts/bench_search.py``'s measurement in Chromium.

The articles are written as the real templates write them: the subsection's crumb, the
title, the facts of the front matter, the body, "updated"; the lists of each subsection and
year, each section's home (subsections, latest news, the freshness table, the contacts), the
portal's home (a card per municipality with its latest news, the region's partners) and the
freshness dashboard. ``--validate SITE`` does the same for the content of a region built for
real and compares the two indexes, so that the shortcut's error is measured, not guessed.

    python scripts/bench_search_national.py --work /tmp/national --portal /tmp/region-site \\
        > bench/results-search-national.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import platform
import shutil
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import bench_region as br  # noqa: E402
from bench_search import measure_session  # noqa: E402

from extrel.core import regionsearch  # noqa: E402
from extrel.core.labels import long_date  # noqa: E402
from extrel.core.sections import BY_ID, SUBSECTION_IDS  # noqa: E402

LANGS = ("ru", "en")
WORDS = {
    "ru": {"date": "Дата", "kind": "Вид", "country": "Страна", "type": "Форма",
           "status": "Статус", "since": "С", "directions": "Направления",
           "last_contact": "Последний контакт", "year": "Год", "approved": "Утверждён",
           "start": "Начало", "end": "Окончание", "place": "Место", "url": "Сайт",
           "updated": "Обновлено", "files": "Материалы для скачивания", "count": "Материалов",
           "latest": "Последние новости", "fresh": "Своевременность обновления",
           "home": "Развитие внешних связей муниципального образования",
           "subsections": "Подразделы", "active": "действует", "stale": "просрочено",
           "contacts": "Ответственный за раздел", "feeds": "Подписка и данные Новости (RSS) "
           "Календарь событий (iCalendar) Открытые данные: партнёры, события, участие (JSON, CSV)",
           "rss": "Подписаться на новости (RSS)", "all": "← Все новости",
           "versions": "Русская версия · English version", "munis": "Муниципальные образования",
           "map": "Партнёры на карте", "of": "Муниципалитет:", "shaded": "город не указан, "
           "страна закрашена", "portal": "Внешние связи муниципальных образований",
           "monitor": "Мониторинг обновления разделов", "days": "дней", "overdue": "просрочено с"},
    "en": {"date": "Date", "kind": "Kind", "country": "Country", "type": "Form",
           "status": "Status", "since": "Since", "directions": "Directions",
           "last_contact": "Last contact", "year": "Year", "approved": "Approved",
           "start": "Start", "end": "End", "place": "Place", "url": "Website",
           "updated": "Last updated", "files": "Downloads", "count": "Items",
           "latest": "Latest news", "fresh": "Timeliness of updates",
           "home": "External relations of the municipality", "subsections": "Subsections",
           "active": "active", "stale": "overdue", "contacts": "Responsible for the section",
           "feeds": "Subscriptions and data News (RSS) Events calendar (iCalendar) Open data: "
           "partners, events, participation (JSON, CSV)", "rss": "Subscribe to the news (RSS)",
           "all": "← All news", "versions": "Русская версия · English version",
           "munis": "Municipalities", "map": "Partners on the map", "of": "Partner of",
           "shaded": "town not given, country shaded",
           "portal": "External relations of municipalities", "monitor": "Update monitoring",
           "days": "days", "overdue": "overdue since"},
}
FACTS = ("date", "kind", "country", "type", "status", "since", "directions", "last_contact",
         "year", "approved", "start", "end", "place", "url")
TODAY = br.TODAY


# --- the content, without git -------------------------------------------------------------

class _FilesOnly:
    """``bench_region``'s writer without git: the page files of the last commit, nothing else."""

    def __init__(self, root: Path) -> None:
        self.root, self.pending, self.commits, self.bytes = root, {}, 0, 0
        self.made: set[Path] = set()

    def put(self, relpath: str, data: bytes) -> None:
        if relpath.endswith(".md"):
            self.pending[relpath] = data

    def cut(self, when: Any, message: str) -> None:
        pass

    def flush(self, *, by_day: bool = False) -> None:
        pass

    def commit(self, when: Any, message: str) -> None:
        for relpath, data in self.pending.items():
            path = self.root / relpath
            if path.parent not in self.made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.made.add(path.parent)
            path.write_bytes(data)
            self.bytes += len(data)
        self.pending = {}

    def close(self) -> None:
        pass


def generate_content(root: Path, size: str) -> list[br._Muni]:
    """The page files of ``size`` as ``bench_region.generate`` writes them (history: month)."""
    writer, git = br._Writer, br.git
    br._Writer, br.git = _FilesOnly, lambda *a, **k: ""  # type: ignore[misc, assignment]
    try:
        br.generate(root, size, history="month")
    finally:
        br._Writer, br.git = writer, git
    return br._municipalities(br.SIZES[size].municipalities)


# --- the articles ---------------------------------------------------------------------------

def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _value(key: str, value: object, lang: str) -> str:
    if isinstance(value, dt.date):
        return long_date(value, lang)
    if key == "country" and value in br.COUNTRIES:
        return br.COUNTRIES[value][0 if lang == "ru" else 1]  # type: ignore[index]
    if key == "status":
        return WORDS[lang]["active"]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).replace("-", " ")


def _body(text: str) -> str:
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.strip().splitlines()
        if lines and lines[0].startswith("|"):
            rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines
                    if not set(line) <= set("|-: ")]
            head, *rest = rows
            out.append("<table><thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in head)
                       + "</tr></thead><tbody>" + "".join(
                           "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>"
                           for r in rest) + "</tbody></table>")
        elif lines:
            out.append(f"<p>{_e(' '.join(lines))}</p>")
    return "\n".join(out)


def _page(lang: str, title: str, article: str) -> str:
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>'
            f"{_e(title)}</title></head><body><header>{_e(title)}</header>"
            f'<article class="md-content__inner md-typeset">\n{article}\n</article>'
            "<footer>extrel</footer></body></html>\n")


def _updated(lang: str, day: dt.date) -> str:
    return f'<p class="x-updated">{WORDS[lang]["updated"]}: {_e(long_date(day, lang))}</p>'


def _read(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}, body


def _day(meta: dict[str, Any]) -> dt.date:
    for key in ("date", "last_contact", "approved", "start", "since"):
        if isinstance(meta.get(key), dt.date):
            return min(meta[key], br.END)
    return br.END


class Renderer:
    """Writes ``<site>/<address>/index.html`` for every page of the generated content."""

    def __init__(self, content: Path, site: Path, *, combined: bool = False) -> None:
        self.content, self.site = content, site
        self.combined = combined
        """What-if: one record per municipality and language, its pages as its parts."""
        self.parts: dict[str, list[str]] = defaultdict(list)
        self.pages = 0
        self.cards: dict[str, list[str]] = {lang: [] for lang in LANGS}
        self.partner_rows: dict[str, list[str]] = {lang: [] for lang in LANGS}
        self.fresh_rows: dict[str, list[str]] = {lang: [] for lang in LANGS}

    def write(self, address: str, lang: str, title: str, article: str) -> None:
        if self.combined:
            self.parts[lang].append(f'<section><h2 id="{address}">{_e(title)}</h2>'
                                    f"{article}</section>")
            return
        folder = self.site / address
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(_page(lang, title, article), encoding="utf-8")
        self.pages += 1

    def municipality(self, m: br._Muni) -> None:
        items: dict[tuple[str, str], list[tuple[str, dict[str, Any], str]]] = defaultdict(list)
        base = self.content / "content" / m.id
        for path in sorted(base.rglob("*.md")):
            stem, lang = path.name[:-6], path.name[-5:-3]
            items[(path.parent.name, stem)].append((lang, *_read(path)))
        by_sub: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for (sub, stem), versions in items.items():
            ru_meta = next(meta for lang, meta, _ in versions if lang == "ru")
            for lang, meta, body in versions:
                merged = {**ru_meta, **meta}
                prefix = f"{m.id}/" if lang == "ru" else f"{m.id}/en/"
                address = prefix + sub + ("" if stem == "index" else f"/{stem}")
                self.item(address, lang, sub, merged, body)
                by_sub[(sub, lang)].append((address, merged))
        for lang in LANGS:
            if not self.combined:
                self.lists(m, lang, by_sub)
        if self.combined:
            self.combined = False
            for lang in LANGS:
                name = m.ru if lang == "ru" else m.en
                self.write(m.id + ("" if lang == "ru" else "/en"), lang, name,
                           f"<h1>{_e(name)}</h1>" + "".join(self.parts.pop(lang, [])))
            self.combined = True

    def item(self, address: str, lang: str, sub: str, meta: dict[str, Any], body: str) -> None:
        title = BY_ID[sub].title[lang]
        facts = "".join(f"<div><dt>{WORDS[lang][k]}</dt><dd>{_e(_value(k, meta[k], lang))}</dd>"
                        "</div>" for k in FACTS if k in meta)
        files = ""
        if meta.get("files"):
            files = (f"<h2>{WORDS[lang]['files']}</h2><ul>" + "".join(
                f"<li>{_e(f['title'])} {_e(f['kind'])} · PDF, 2,5 КБ</li>" for f in meta["files"])
                + "</ul>")
        self.write(address, lang, meta["title"],
                   f'<p class="x-crumb"><a href="../">{_e(title)}</a></p>'
                   f"<h1>{_e(meta['title'])}</h1><dl class=\"x-facts\">{facts}</dl>"
                   f'<div class="x-body">{_body(body)}</div>{files}'
                   + _updated(lang, _day(meta)))

    @staticmethod
    def _entry(lang: str, address: str, meta: dict[str, Any]) -> str:
        when = _day(meta)
        kind = _value("kind", meta["kind"], lang) if "kind" in meta else ""
        summary = meta.get("summary") or ", ".join(meta.get("directions") or [])
        return (f'<li><h2><a href="/{address}/">{_e(meta["title"])}</a></h2>'
                f"<p>{_e(long_date(when, lang))} · {_e(kind)}</p><p>{_e(summary)}</p></li>")

    def lists(self, m: br._Muni, lang: str, by_sub: dict) -> None:
        words = WORDS[lang]
        prefix = f"{m.id}/" if lang == "ru" else f"{m.id}/en/"
        name = m.ru if lang == "ru" else m.en
        latest: list[str] = []
        counts, fresh = [], []
        for sub in SUBSECTION_IDS:
            entries = sorted(by_sub.get((sub, lang), []), key=lambda e: _day(e[1]), reverse=True)
            title = BY_ID[sub].title[lang]
            counts.append(f"<li><a>{_e(title)}</a> {words['count']}: {len(entries)}</li>")
            last = _day(entries[0][1]) if entries else br.END
            fresh.append(f"<tr><td>{_e(title)}</td><td>{words['stale']} "
                         f"{_e(long_date(last, lang))}</td><td>{words['stale']} "
                         f"{_e(long_date(last, lang))}</td></tr>")
            if sub == "presentation":
                continue
            body = "".join(self._entry(lang, a, meta) for a, meta in entries)
            if sub == "news":
                latest = [self._entry(lang, a, meta) for a, meta in entries[:3]]
                body = f"<p>{words['rss']}</p><ul>{body}</ul>"
                for year in sorted({_day(meta).year for _, meta in entries}):
                    year_body = "".join(self._entry(lang, a, meta) for a, meta in entries
                                        if _day(meta).year == year)
                    self.write(f"{prefix}{sub}/{year}", lang, f"{title}: {year}",
                               f"<h1>{_e(title)}: {year}</h1><p>{words['rss']}</p>"
                               f"<p>{words['all']}</p><ul>{year_body}</ul>"
                               + _updated(lang, last))
            self.write(f"{prefix}{sub}", lang, title,
                       f"<h1>{_e(title)}</h1><ul>{body}</ul>" + _updated(lang, last))
        c_ru, c_en = br.COORDINATORS[m.index % len(br.COORDINATORS)]
        kind = {"district": ("муниципальный район", "district"),
                "city": ("городской округ", "city"),
                "settlement": ("поселение", "settlement")}[m.kind][lang == "en"]
        self.write(prefix.rstrip("/"), lang, name,
                   f"<p>{_e(kind)}</p><h1>{_e(name)}</h1><h2>{words['home']}</h2>"
                   f"<h2>{words['subsections']}</h2><ul>{''.join(counts)}</ul>"
                   f"<h2>{words['latest']}</h2><ul>{''.join(latest)}</ul>"
                   f"<h2>{words['fresh']}</h2><table>{''.join(fresh)}</table>"
                   f"<h2>{words['contacts']}</h2><p>{_e(c_ru if lang == 'ru' else c_en)} "
                   f"{m.id}.external@example.org +7 (8422) 44-34-24 https://example.org/{m.id}</p>"
                   f"<p>{words['feeds']}</p>" + _updated(lang, br.END))
        self.cards[lang].append(
            f"<li><h3><a>{_e(name)}</a></h3><p>{_e(kind)} · {words['stale']}</p>"
            f"<p>{words['versions']}</p><ul>" + "".join(
                f"<li><a>{_e(meta['title'])}</a> {_e(long_date(_day(meta), lang))}</li>"
                for _, meta in sorted(by_sub.get(("news", lang), []),
                                      key=lambda e: _day(e[1]), reverse=True)[:3]) + "</ul></li>")
        for _, meta in by_sub.get(("partners", lang), []):
            country = _value("country", meta.get("country", ""), lang)
            self.partner_rows[lang].append(
                f"<tr><td>{len(self.partner_rows[lang]) + 1}</td><td>{_e(meta['title'])}</td>"
                f"<td>{_e(country)} ({words['shaded']})</td><td>{words['of']} {_e(name)}</td>"
                f"<td>{_e(_value('type', meta.get('type', ''), lang))} · {words['active']}</td>"
                "</tr>")
        self.fresh_rows[lang].append(f"<tr><th>{_e(name)}</th>" + "".join(
            f"<td>{words['stale']} {_e(long_date(br.END, lang))}, 3 {words['days']} "
            f"{words['overdue']} {_e(long_date(TODAY, lang))}</td>" for _ in range(14))
            + "</tr>")

    def portal(self) -> None:
        if self.combined:
            return
        for lang in LANGS:
            words = WORDS[lang]
            prefix = "" if lang == "ru" else "en/"
            self.write(prefix.rstrip("/"), lang, words["portal"],
                       f"<h1>{words['portal']}</h1><h2>{words['munis']}</h2>"
                       f"<ul>{''.join(self.cards[lang])}</ul><h2>{words['map']}</h2>"
                       f"<table>{''.join(self.partner_rows[lang])}</table>"
                       + _updated(lang, TODAY))
            self.write(prefix + "freshness", lang, words["monitor"],
                       f"<h1>{words['monitor']}</h1><table>{''.join(self.fresh_rows[lang])}"
                       "</table>" + _updated(lang, TODAY))


def render(content: Path, site: Path, munis: list[br._Muni], *, combined: bool = False) -> int:
    r = Renderer(content, site, combined=combined)
    for m in munis:
        r.municipality(m)
    r.portal()
    return r.pages


# --- measuring ------------------------------------------------------------------------------

class PeakRSS:
    """The summed RSS of this process's children (Pagefind), sampled every 100 ms."""

    def __init__(self) -> None:
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _children(self, pid: int) -> list[int]:
        try:
            text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        except OSError:
            return []
        kids = [int(x) for x in text.split()]
        return kids + [g for k in kids for g in self._children(k)]

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            total = 0
            for pid in self._children(os.getpid()):
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    continue
            self.peak = max(self.peak, total)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def index(site: Path) -> tuple[float, float, int]:
    """``regionsearch.index_region`` over ``site``: wall s, CPU s of Pagefind, peak RSS."""
    before = os.times()
    started = time.monotonic()
    with PeakRSS() as rss:
        regionsearch.index_region(site)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system
                                                          - before.children_system)
    return time.monotonic() - started, cpu, rss.peak


def index_stats(site: Path) -> dict[str, int]:
    out = site / regionsearch.FOLDER
    stats: dict[str, int] = defaultdict(int)
    for f in out.rglob("*"):
        if not f.is_file():
            continue
        size = f.stat().st_size
        stats["bytes"] += size
        kind = ("meta_" + f.name.split(".")[1].split("_")[0] if f.suffix == ".pf_meta"
                else f.parent.name if f.parent.name in ("fragment", "index") else "other")
        stats[kind] += size
        stats[kind + " files"] += 1
    return dict(stats)


def serve_folder(site: Path, portal: Path, dest: Path) -> None:
    """The real portal page and scripts of ``portal`` (a real build), with ``site``'s index."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("index.html", "assets", "search", "404.html"):
        src = portal / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.exists():
            shutil.copy2(src, dest / name)
    (dest / "en").mkdir()
    for name in ("index.html", "assets", "search"):
        src = portal / "en" / name
        if src.is_dir():
            shutil.copytree(src, dest / "en" / name)
        elif src.exists():
            shutil.copy2(src, dest / "en" / name)
    (dest / regionsearch.FOLDER).symlink_to(site / regionsearch.FOLDER)


def park_lists(site: Path, parked: Path, *, back: bool = False) -> int:
    """What-if: move the listing pages (each subsection's and year's list, the portal's home
    and dashboard) out of ``site`` (``back``: return them); the section homes stay."""
    moved = 0
    src, dst = (parked, site) if back else (site, parked)
    lists = [s for s in SUBSECTION_IDS if s != "presentation"]
    for mid in sorted(p.parent.name for p in site.glob("*/index.html")):
        for base in (src / mid, src / mid / "en"):
            pages = [base / s / "index.html" for s in lists]
            pages += list((base / "news").glob("[0-9][0-9][0-9][0-9]/index.html"))
            for page in pages:
                if page.exists():
                    target = dst / page.relative_to(src)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    page.rename(target)
                    moved += 1
    for rel in ("index.html", "freshness/index.html", "en/index.html", "en/freshness/index.html"):
        if (src / rel).exists():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).rename(dst / rel)
            moved += 1
    return moved


def take_share(site: Path, share: Path, every: int, *, back: bool = False) -> int:
    """Move every ``every``-th municipality's pages (and the portal's pages) from ``site`` to
    ``share`` (``back``: return them): at national size Pagefind's indexer needs more memory
    than a shared machine has (it holds every page), so the index is measured on shares of
    the municipalities and the trend carried to the whole."""
    src, dst = (share, site) if back else (site, share)
    ids = [m.id for m in br._municipalities(br.SIZES["national"].municipalities)]
    moved = 0
    for mid in ids[::every]:
        if (src / mid).is_dir():
            dst.mkdir(parents=True, exist_ok=True)
            (src / mid).rename(dst / mid)
            moved += 1
    for rel in ("index.html", "en/index.html", "freshness", "en/freshness"):
        if (src / rel).exists():
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).rename(dst / rel)
    return moved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="a folder for the big files")
    parser.add_argument("--portal", type=Path, required=True,
                        help="a site built by extrel build (its portal page and scripts)")
    parser.add_argument("--size", default="national", choices=sorted(br.SIZES))
    parser.add_argument("--reuse", action="store_true", help="keep the content/pages in --work")
    parser.add_argument("--queries", default="Кобрин,делегации,Инза,сотрудничество")
    parser.add_argument("--en-queries", default="Kobrin,delegation")
    parser.add_argument("--measure-only", action="store_true",
                        help="measure the index already in --work (built by an earlier run)")
    parser.add_argument("--every", type=int, default=1,
                        help="index only every n-th municipality (and the portal's pages)")
    parser.add_argument("--variant", default="pages", choices=("pages", "no-lists", "combined"),
                        help="pages: every page, as extrel build indexes them (the default); "
                        "what-ifs: no-lists: without the listing pages; combined: one record "
                        "per municipality and language")
    args = parser.parse_args(argv)
    work = args.work
    content, site = work / "content-repo", work / "site"
    served = work / f"served-{args.variant}"
    if args.variant == "combined":
        site = work / "site-combined"
    log = sys.stderr.write
    timings: dict[str, float] = {}
    if not (args.reuse and (content / "content").is_dir()):
        shutil.rmtree(work, ignore_errors=True)
        started = time.monotonic()
        generate_content(content, args.size)
        timings["generate"] = time.monotonic() - started
        log(f"generated in {timings['generate']:.0f} s\n")
    if not (args.reuse and site.is_dir()):
        shutil.rmtree(site, ignore_errors=True)
        started = time.monotonic()
        munis = br._municipalities(br.SIZES[args.size].municipalities)
        pages = render(content, site, munis, combined=args.variant == "combined")
        timings["render"] = time.monotonic() - started
        log(f"{pages} pages rendered in {timings['render']:.0f} s\n")
    md_files = sum(1 for _ in (content / "content").rglob("*.md"))
    parked = work / "parked"
    whole = site
    if args.every > 1:
        site = work / f"share-{args.every}"
        log(f"{take_share(whole, site, args.every)} municipalities in the share\n")
        served = work / f"served-{args.variant}-{args.every}"
    if args.variant == "no-lists":
        log(f"{park_lists(site, parked)} listing pages set aside\n")
    try:
        pages = sum(1 for _ in site.rglob("index.html"))
        wall, cpu, peak = (0.0, 0.0, 0) if args.measure_only else index(site)
    finally:
        if args.variant == "no-lists":
            park_lists(site, parked, back=True)
        if args.every > 1:  # the share's index stays beside it, to be served
            take_share(whole, site, args.every, back=True)
    log(f"indexed in {wall:.0f} s\n")
    stats = index_stats(site)
    serve_folder(site, args.portal, served)
    runs = [("", q.strip()) for q in args.queries.split(",") if q.strip()]
    runs += [("en/", q.strip()) for q in args.en_queries.split(",") if q.strip()]
    report = Report(args.size, md_files, pages, wall, cpu, peak, stats, timings, args.variant)
    report.every = args.every
    for path in ("", "en/"):
        queries = [q for p, q in runs if p == path]
        if queries:
            report.session(path, measure_session(served, path, queries))
    for path, query in runs:
        report.cold(path, query, measure_session(served, path, [query])[0])
    print(report.text())  # noqa: T201
    return 0


class Report:
    def __init__(self, size: str, md_files: int, pages: int, wall: float, cpu: float,
                 peak: int, stats: dict[str, int], timings: dict[str, float],
                 variant: str = "pages") -> None:
        self.variant = variant
        self.every = 1
        self.size, self.md_files, self.pages = size, md_files, pages
        self.wall, self.cpu, self.peak, self.stats, self.timings = wall, cpu, peak, stats, timings
        self.sessions: list[str] = []
        self.colds: list[str] = []

    def session(self, path: str, results: list[Any]) -> None:
        out = [f"## One visit to /{path}: the queries typed one after another", "",
               "| query | results shown | fetched for it (gzip) | unpacked | requests | of which "
               "fragments | meta + index chunks | other forms in the results |",
               "|---|---:|---:|---:|---:|---:|---:|---|"]
        for r in results:
            forms = ", ".join(f"«{w}»" for w in r.other_forms()[:4]) or "—"
            out.append(f"| «{r.query}» | {r.shown} | {r.sent:,} | {r.raw:,} | {len(r.rows)} | "
                       f"{r.fragments:,} | {r.meta_index:,} | {forms} |")
        self.sessions.append("\n".join(out) + "\n")

    def cold(self, path: str, query: str, r: Any) -> None:
        out = [f"### «{query}» on /{path}, the first search of a visit", "",
               f"Results shown: {r.shown}.", "",
               "| fetched for the search | sent (gzip) | unpacked |", "|---|---:|---:|"]
        grouped: dict[str, list[int]] = {}
        for name, sent, raw in r.rows:
            key = name
            if "/fragment/" in name:
                key = "`/pagefind/fragment/*.pf_fragment`"
            elif "/index/" in name:
                key = "`/pagefind/index/*.pf_index`"
            else:
                key = f"`{name}`"
            g = grouped.setdefault(key, [0, 0, 0])
            g[0] += sent
            g[1] += raw
            g[2] += 1
        for key, (sent, raw, n) in grouped.items():
            out.append(f"| {key}{f' ({n} files)' if n > 1 else ''} | {sent:,} | {raw:,} |")
        out.append(f"| **total** | **{r.sent:,}** | **{r.raw:,}** |")
        self.colds.append("\n".join(out) + "\n")

    def text(self) -> str:
        s = self.stats
        load = os.getloadavg()
        head = [
            f"# The portal's search at `{self.size}` size, `--variant {self.variant}`"
            + (f", every {self.every}th municipality" if self.every > 1 else ""), "",
            f"Generated by `scripts/bench_search_national.py --size {self.size} --variant "
            f"{self.variant} --every {self.every}` on "
            f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {platform.node()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, load average at the "
            f"end {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}.", "",
            f"- {self.md_files:,} page files generated; {self.pages:,} pages (`index.html`) "
            + ("indexed: the entries' pages, the section homes and the presentations (the "
               "lists, years, the portal's home and dashboard set aside)"
               if self.variant == "no-lists" else
               "indexed: the page files and the pages the build adds (lists, years, section "
               "homes, the portal's home and dashboard)"),
            f"- Pagefind index (`extrel.core.regionsearch.index_region`): built in "
            f"{self.wall:.0f} s wall, {self.cpu:.0f} s CPU, peak memory {self.peak / 2**20:,.0f} "
            f"MB; {s.get('bytes', 0):,} bytes on disk in "
            f"{sum(v for k, v in s.items() if k.endswith(' files')):,} files",
            f"- of which: metadata ru {s.get('meta_ru', 0):,} bytes, en "
            f"{s.get('meta_en', 0):,}; word index {s.get('index', 0):,} bytes in "
            f"{s.get('index files', 0):,} chunks; fragments {s.get('fragment', 0):,} bytes in "
            f"{s.get('fragment files', 0):,} files",
        ]
        if self.timings:
            head.append("- content generated in {:.0f} s, articles written in {:.0f} s".format(
                self.timings.get("generate", 0), self.timings.get("render", 0)))
        return "\n".join(head + ["", *self.sessions, "## Each query as the first search of a "
                                 "visit", "", *self.colds])


if __name__ == "__main__":
    sys.exit(main())
