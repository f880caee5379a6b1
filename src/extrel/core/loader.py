"""Reading a site repository: ``municipalities/*.yml`` and ``content/<id>/<subsection>/``.

Never stops at the first mistake: every problem is collected into ``Region.problems``
and the valid rest is still loaded.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from . import cachecodec, schema
from .contentkeys import FolderKeys
from .documents import presentation_warnings
from .frontmatter import (
    FrontMatterError,
    error_line,
    load_yaml,
    parse,
    starts_with_fence,
    yaml_messages,
)
from .languages import STANDARD, Languages
from .loadcache import LoadCache, decode
from .messages import CATALOGUES, t
from .model import Entry, EntryFacts, Municipality, Page, Region
from .options import Options
from .problems import Problem
from .reserved import is_reserved
from .safety import Checks, read_text
from .safety.urls import web_address
from .scaffold import DRAFT_MARK, DraftLine, draft_lines
from .schema import LANG_FIELDS, MunicipalityMeta
from .sections import BY_ID, DEFAULT_LANGUAGE, SLUG, SUBSECTION_IDS

log = logging.getLogger(__name__)


RAW_FIELDS_KEPT = frozenset({"start", "end"})
"""Front matter fields kept as the editor wrote them once a page is validated: the calendar
needs to know whether ``start`` and ``end`` were written with a time (``feeds``). The rest
is in ``Entry.data``; a national check holds hundreds of thousands of pages."""

_SECTION_PAGES = re.compile(r"^(?:news/\d{4}|" + "|".join(SUBSECTION_IDS) + ")$")
"""Pages extrel generates in a section (relative to the municipality's folder)."""
_PORTAL_PAGES = re.compile(r"^freshness$")


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def load_region(
    root: Path,
    content_dir: str = "content",
    only: Iterable[str] | None = None,
    allowed_iframe_hosts: Iterable[str] | None = None,
    *,
    cached: bool = False,
    workers: int = 1,
    entries: bool = True,
    languages: Languages = STANDARD,
) -> Region:
    """Read the whole region. ``allowed_iframe_hosts``: hosts whose ``<iframe>`` pages may
    embed (the option of the same name; by default the option's default). ``cached``: keep
    what each municipality's folder held in ``.cache/extrel/load`` and reuse it while the
    folder is unchanged. ``workers``: processes that read the municipalities' folders.
    ``entries``: build the entries (their validated front matter); without them each
    municipality has only its page files, problems, warnings and ``EntryFacts``, all a
    freshness check needs, in a fraction of the time and memory. ``languages``: the region's
    (a page ``*.L.md`` of another language is an error)."""
    root = root.resolve()
    problems: list[Problem] = []
    hosts = tuple(Options().allowed_iframe_hosts if allowed_iframe_hosts is None
                  else allowed_iframe_hosts)
    langs = languages.codes
    cache = LoadCache.at(root, content_dir, sorted(hosts)) if cached else None
    keys = FolderKeys(root, [content_dir, "municipalities"])
    run = Checks(root, hosts, problems)
    wanted = set(only) if only else None
    registry = _registry_cached(run, wanted, cache, keys)
    content = root / content_dir
    municipalities: dict[str, Municipality] = {}
    folders = _read_folders(root, hosts, content, wanted, cache, workers, entries, keys, langs)
    portal_pages: list[str] = []
    if content.is_dir():
        for child in sorted(content.iterdir()):
            name = child.name
            if name.startswith("."):
                continue
            if name.startswith("_") or child.is_file():
                # the portal publishes these files as they are: the same checks as a section's
                if run.links_out(child, content):
                    continue
                if child.is_dir() and not child.is_symlink():
                    run.walk(child)  # its pages are not published
                elif name.endswith(".md"):
                    if not name.startswith("_"):
                        portal_pages.append(rel(root, child))
                        _check_portal_page(run, content, child)
                else:
                    run.check_file(child, [])
                continue
            if child.is_symlink():
                problems.append(Problem(rel(root, child), None,
                                        "problem.municipality.folder_symlink"))
                continue
            if wanted is not None and name not in wanted:
                continue
            if not SLUG.match(name):
                problems.append(Problem(rel(root, child), None,
                                        "problem.municipality.folder_name", {"name": name}))
                continue
            meta = registry.get(name)
            if meta is None and name not in registry:
                problems.append(Problem(rel(root, child), None,
                                        "problem.municipality.no_registry", {"name": name}))
            m = Municipality(
                id=name,
                # without a valid entry the pages are still read, for their own problems
                meta=meta or MunicipalityMeta.model_construct(name=None, kind="district"),
                registry_path=f"municipalities/{name}.yml",
                content_path=rel(root, child),
            )
            m.fingerprint, (read, m.page_files, found, m.file_warnings, m.facts,
                            m.drafts) = folders[name]
            if entries and read is not None:
                m.entries = read
            problems.extend(found)
            if meta is not None:
                municipalities[name] = m
    for mid, meta in registry.items():
        if meta is not None and mid not in municipalities:
            municipalities[mid] = Municipality(
                id=mid,
                meta=meta,
                registry_path=f"municipalities/{mid}.yml",
                content_path=f"{content_dir}/{mid}",
            )
    municipalities = dict(sorted(municipalities.items()))
    return Region(root, content_dir, municipalities, portal_pages, problems, languages)


def _registry_cached(run: Checks, wanted: set[str] | None, cache: LoadCache | None,
                     keys: FolderKeys) -> dict[str, MunicipalityMeta | None]:
    """The registry, or what the last reading of the same ``municipalities/`` folder found."""
    if cache is None:
        return _load_registry(run, wanted)
    key = cache.key("_registry", keys.of(run.root / "municipalities"),
                    repr(sorted(wanted)) if wanted is not None else "*")
    stored = cache.get("_registry", key, 1)  # ids are slugs: "_registry" is never one
    found = decode(cachecodec.REGISTRY, stored[0]) if stored else None
    if found is not None:
        result, problems = found
        run.problems.extend(problems)
        return result
    before = len(run.problems)
    result = _load_registry(run, wanted)
    cache.put("_registry", key, cachecodec.dump((result, run.problems[before:])))
    return result


def _load_registry(run: Checks, wanted: set[str] | None) -> dict[str, MunicipalityMeta | None]:
    """Registry entries by id; None marks an entry that exists but is invalid."""
    root, problems = run.root, run.problems
    result: dict[str, MunicipalityMeta | None] = {}
    folder = root / "municipalities"
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml"):
            continue
        mid = path.stem
        if wanted is not None and mid not in wanted:
            continue
        relpath = rel(root, path)
        if not SLUG.match(mid):
            problems.append(Problem(relpath, None, "problem.municipality.file_name",
                                    {"file": path.name}))
            continue
        result[mid] = None
        if is_reserved(mid):
            problems.append(Problem(relpath, None, "problem.municipality.reserved", {"id": mid}))
            continue
        if run.links_out(path, folder):
            continue
        text = read_text(path, relpath, problems)
        if text is None:
            continue
        try:
            data, lines = load_yaml(text)
        except yaml.YAMLError as exc:
            ru, en = yaml_messages(exc, text)
            problems.append(Problem(relpath, error_line(exc, text), "problem.yaml.invalid",
                                    {"detail": {"ru": ru, "en": en}}))
            continue
        if not isinstance(data, dict):
            problems.append(Problem(relpath, 1, "problem.municipality.not_mapping"))
            continue
        data = {str(k): v for k, v in data.items()}
        run.markup(relpath, data, lines)
        model, errs = schema.validate(MunicipalityMeta, data, lines)
        for found_ in errs:
            problems.append(Problem(relpath, found_.line, found_.key, found_.params))
        if model is None:
            continue
        assert isinstance(model, MunicipalityMeta)
        if model.coat_of_arms:
            found = run.resolver.check(folder, folder, model.coat_of_arms, image=True, loads=True)
            if found:
                run.add(relpath, lines.get("coat_of_arms"), *found)
        result[mid] = model
    return result


Folder = tuple[bytes, dict[str, dict[str, list[str]]], list[Problem], list[Problem],
               list[EntryFacts], list[str]]
"""What reading one municipality's folder found: its entries (as JSON, so that a check that
needs only the rest never rebuilds them), page files, problems, warnings, entry facts,
drafts."""

Read = tuple[dict[str, list[Entry]] | None, dict[str, dict[str, list[str]]], list[Problem],
             list[Problem], list[EntryFacts], list[str]]
"""A ``Folder`` with its entries built (None when they were not asked for)."""


def _from_cache(cache: LoadCache, name: str, key: str, entries: bool) -> Read | None:
    """What the cache holds for one folder, validated; None if anything does not validate."""
    stored = cache.get(name, key, 2)
    rest = cachecodec.load_folder(stored[0]) if stored else None
    if stored is None or rest is None:
        return None
    read = cachecodec.load_entries(stored[1]) if entries else None
    if entries and read is None:
        return None
    return (read, *rest)


def _built(folder: Folder, entries: bool) -> Read:
    if not entries:
        return (None, *folder[1:])
    read = cachecodec.load_entries(folder[0])
    assert read is not None, "the entries just read do not validate again"
    return (read, *folder[1:])


def _read_folders(root: Path, hosts: tuple[str, ...], content: Path, wanted: set[str] | None,
                  cache: LoadCache | None, workers: int, entries: bool,
                  keys: FolderKeys, langs: tuple[str, ...] = STANDARD.codes
                  ) -> dict[str, tuple[str, Read]]:
    """Every municipality folder's fingerprint and reading: from the cache while the folder
    is unchanged, else read, in a pool of ``workers`` processes when there are several.
    Without ``entries`` their JSON is dropped as soon as it is cached."""
    if not content.is_dir():
        return {}
    names = [c.name for c in sorted(content.iterdir())
             if c.is_dir() and not c.is_symlink() and not c.name.startswith(("_", "."))
             and (wanted is None or c.name in wanted) and SLUG.match(c.name)]
    result: dict[str, tuple[str, Read]] = {}
    todo: list[tuple[str, str, str]] = []
    for name in names:
        fingerprint = keys.of(content / name)
        key = cache.key(name, fingerprint) if cache else ""
        found = _from_cache(cache, name, key, entries) if cache else None
        if found is not None and tuple(found[1][SUBSECTION_IDS[0]]) != langs:
            found = None  # read with other languages (the i18n block changed)
        if found is not None:
            result[name] = (fingerprint, found)
        else:
            todo.append((name, fingerprint, key))

    def keep(read: Iterable[Folder]) -> None:
        for (name, fingerprint, key), folder in zip(todo, read, strict=True):
            if cache:
                cache.put(name, key, cachecodec.dump(folder[1:]), folder[0])
            result[name] = (fingerprint, _built(folder, entries))

    jobs = [(root, hosts, content / name, name, langs) for name, _, _ in todo]
    if workers > 1 and len(todo) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
            keep(pool.map(_read_folder, *zip(*jobs, strict=True), chunksize=4))
    else:
        keep(_read_folder(*job) for job in jobs)
    return result


def _read_folder(root: Path, hosts: tuple[str, ...], folder: Path, mid: str,
                 langs: tuple[str, ...] = STANDARD.codes) -> Folder:
    """Read one municipality's folder (in a worker process, or in this one)."""
    run = Checks(root, hosts, [])
    m = Municipality(id=mid, meta=MunicipalityMeta.model_construct(name=None, kind="district"),
                     registry_path="", content_path=rel(root, folder))
    m.page_files = {sid: {lang: [] for lang in langs} for sid in SUBSECTION_IDS}
    _load_municipality(run, folder, m)
    facts = [EntryFacts.of(e) for e in m.all_entries()]
    # an impossible date is told once, when the schema finds it too
    problems = list(dict.fromkeys(run.problems))
    return (cachecodec.dump_entries(m.entries), m.page_files, problems,
            presentation_warnings(root, m), facts, m.drafts)


def _load_municipality(run: Checks, folder: Path, m: Municipality) -> None:
    root, problems = run.root, run.problems
    by_section: dict[str, list[Path]] = {}
    for path in run.walk(folder):
        parts = path.relative_to(folder).parts
        if len(parts) == 1:
            problems.append(Problem(rel(root, path), None, "problem.page.outside_subsection",
                                    {"folders": ", ".join(SUBSECTION_IDS)}))
        else:
            by_section.setdefault(parts[0], []).append(path)
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in BY_ID or child.is_symlink():
            continue
        if child.is_dir():
            meant = difflib.get_close_matches(child.name.lower(), SUBSECTION_IDS, n=1,
                                              cutoff=0.6)
            guess = ({"ru": t("problem.page.subsection_guess", "ru", guess=meant[0]),
                      "en": t("problem.page.subsection_guess", "en", guess=meant[0])}
                     if meant else "")
            problems.append(Problem(rel(root, child), None, "problem.page.unknown_subsection",
                                    {"name": child.name, "guess": guess,
                                     "folders": ", ".join(SUBSECTION_IDS)}))
    by_key: dict[tuple[str, str], dict[str, Page]] = {}
    for section in SUBSECTION_IDS:
        for path in sorted(by_section.get(section, [])):
            page = _load_page(run, folder, section, path, m)
            if page is not None:
                by_key.setdefault((page.section, page.slug), {})[page.lang] = page
    drafts = set(m.drafts)
    for (section, slug), pages in sorted(by_key.items()):
        entry = Entry(m.id, section, slug, pages)
        _validate_entry(run, folder, entry)
        for lang in [lang for lang, page in pages.items() if page.path in drafts]:
            del pages[lang]
            entry.data.pop(lang, None)
        for page in pages.values():
            # validated: keep of the raw front matter only what later steps read as written
            page.meta = {k: v for k, v in page.meta.items() if k in RAW_FIELDS_KEPT}
        if entry.data:
            m.entries[section].append(entry)


def _load_page(
    run: Checks, folder: Path, section: str, path: Path, m: Municipality
) -> Page | None:
    problems = run.problems
    relpath = rel(run.root, path)
    name = path.name[: -len(".md")]
    stem, _, lang = name.rpartition(".")
    if lang not in m.page_files[section] or not stem:
        others = [code for code in m.page_files[section] if code != DEFAULT_LANGUAGE]
        suffixes = {lang: ", ".join(t("problem.page.suffix", lang, lang=code) for code in others)
                    for lang in CATALOGUES}
        problems.append(Problem(relpath, None, "problem.page.no_language_suffix",
                                {"suffixes": suffixes}))
        return None
    m.page_files[section][lang].append(relpath)
    if path.parent != folder / section:
        problems.append(Problem(relpath, None, "problem.page.nested", {"section": section}))
        return None
    rule = BY_ID[section].name
    if not rule.accepts(stem):
        problems.append(Problem(relpath, None, "problem.page.name_rule", {
            "file": path.name, "rule": {"ru": rule.words["ru"], "en": rule.words["en"]},
            "lang": lang}))
        return None
    text = read_text(path, relpath, problems)
    if text is None:
        return None
    if _is_draft(problems, relpath, text):
        m.page_files[section][lang].remove(relpath)
        m.drafts.append(relpath)
        return None
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        problems.append(Problem.text(relpath, exc.line, exc.ru, exc.en))
        return None
    for line, ru, en in doc.problems:
        problems.append(Problem.text(relpath, line, ru, en))
    # the presentation's content may be its files alone (a translation inherits them): only
    # the placeholders make it a draft; missing files are warned of (``documents``)
    body = None if BY_ID[section].single else doc.body
    if _is_draft(problems, relpath, text, body, doc.body_line):
        # an empty body: still validated (its mistakes are reported now, not once it has
        # text), then left out of its entry (``_load_municipality``)
        m.page_files[section][lang].remove(relpath)
        m.drafts.append(relpath)
    run.markup(relpath, doc.meta, doc.lines)
    run.body(folder, path.parent, relpath, doc.body, doc.body_line, _SECTION_PAGES)
    return Page(relpath, m.id, section, stem, lang, doc.meta, doc.lines, doc.body_line)


def _is_draft(problems: list[Problem], relpath: str, text: str, body: str | None = None,
              body_line: int = 1) -> bool:
    """A page still holding what ``extrel new`` wrote (``scaffold.draft_lines``) is a draft:
    not built, not counted for freshness, listed as unfinished (a warning)."""
    found = draft_lines(text, body, body_line)
    if not found:
        return False
    problems.append(Problem(relpath, found[0].line, *_draft_message(found), severity="warning"))
    return True


def _draft_message(found: list[DraftLine]) -> tuple[str, dict[str, Any]]:
    if found[0].empty:
        return "problem.draft.empty", {}
    where = {lang: ", ".join(t("problem.draft.at_field", lang, line=f.line, field=f.field)
                             if f.field else t("problem.draft.at_text", lang, line=f.line)
                             for f in found)
             for lang in CATALOGUES}
    return "problem.draft.placeholders", {"where": where, "mark": DRAFT_MARK}


def _check_portal_page(run: Checks, content: Path, path: Path) -> None:
    relpath = rel(run.root, path)
    text = read_text(path, relpath, run.problems)
    if text is None:
        return
    if starts_with_fence(text):
        try:
            doc = parse(text)
        except FrontMatterError as exc:
            run.add(relpath, exc.line, exc.ru, exc.en)
            return
        for line, ru, en in doc.problems:
            run.add(relpath, line, ru, en)
        run.markup(relpath, doc.meta, doc.lines)
        body, first_line = doc.body, doc.body_line
    else:
        body, first_line = text, 1  # the portal's own pages may do without front matter
    run.body(content, content, relpath, body, first_line, _PORTAL_PAGES)


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k != "title"}
    return str(value).strip() if value is not None else None


def _validate_entry(run: Checks, folder: Path, entry: Entry) -> None:
    problems = run.problems
    model = BY_ID[entry.section].schema
    base = entry.pages.get(DEFAULT_LANGUAGE)
    shared = {k: v for k, v in base.meta.items() if k not in LANG_FIELDS} if base else {}
    # a Russian file that could not be read (its own error is reported) still stands for the
    # language-independent fields: the other files are not told they lack them
    russian_broken = base is None and (
        folder / entry.section / f"{entry.slug}.{DEFAULT_LANGUAGE}.md").is_file()
    inherited = set(model.model_fields) - LANG_FIELDS if russian_broken else set(shared)
    refused: set[str] = set()
    """Fields of the Russian file refused by validation: not compared with the others."""
    for lang in sorted(entry.pages, key=lambda code: (code != DEFAULT_LANGUAGE, code)):
        page = entry.pages.get(lang)
        if page is None:
            continue
        data = dict(page.meta)
        if page is not base:
            for key, value in shared.items():
                data.setdefault(key, value)
            for key, value in page.meta.items():
                if (key in shared and key not in refused
                        and _comparable(value) != _comparable(shared[key])):
                    assert base is not None
                    problems.append(Problem(
                        page.path, page.lines.get(key), "problem.translation.contradicts",
                        {"field": key, "value": str(value), "base": base.path,
                         "base_value": str(shared[key])}))
            if base is not None and "files" in page.meta and "files" in base.meta:
                if _comparable(page.meta["files"]) != _comparable(base.meta["files"]):
                    problems.append(Problem(page.path, page.lines.get("files"),
                                            "problem.translation.files_differ",
                                            {"base": base.path}))
        validated, errs = schema.validate(model, data, page.lines)
        if page is base:
            refused = {found.field for found in errs}
        for found in errs:
            # a field inherited from the Russian file is reported there, not twice
            if page is not base and found.field in inherited and found.field not in page.meta:
                continue
            problems.append(Problem(page.path, found.line, found.key, found.params))
        if validated is not None:
            entry.data[lang] = validated
            _check_page(run, folder, entry, page, validated)


def is_video_url(value: object) -> bool:
    """A presentation file given as the address of a video on a video host."""
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _check_video(run: Checks, page: Page, where: str, value: str) -> None:
    host = web_address(value) or ""  # as a browser reads it: https, no user@, port or '\\'
    item = page.meta.get("files", [])
    index = int(where.split(".")[1])
    kind = item[index].get("kind") if isinstance(item, list) and isinstance(item[index], dict) \
        else None
    if kind != "video":
        run.problems.append(Problem(page.path, page.lines.get(where), "problem.video.not_video",
                                    {"value": value}))
    elif host not in run.hosts:
        allowed = ", ".join(sorted(run.hosts)) or "—"
        host = host or value[:60]
        run.problems.append(Problem(page.path, page.lines.get(where), "problem.video.host",
                                    {"host": host, "allowed": allowed}))


def _check_page(run: Checks, folder: Path, entry: Entry, page: Page, meta: Any) -> None:
    problems = run.problems
    page_dir = (run.root / page.path).parent
    assets = [(key, getattr(meta, key, None), key) for key in ("image", "agreement")]
    if page.lang == DEFAULT_LANGUAGE or "files" in page.meta:
        assets += [("files", item.file, f"files.{i}")
                   for i, item in enumerate(getattr(meta, "files", []) or [])]
    for key, value, where in assets:
        if key == "files" and isinstance(value, str) and is_video_url(value):
            _check_video(run, page, where, value)
            continue
        if value and key in page.meta:
            found = run.resolver.check(folder, page_dir, value, image=key == "image",
                                       loads=True)
            if found:
                run.add(page.path, page.lines.get(where), *found)
    sub = BY_ID[entry.section]
    if sub.yearly and str(meta.year) != entry.slug:
        problems.append(Problem(page.path, page.lines.get("year"), "problem.plan.year_mismatch",
                                {"year": meta.year, "slug": entry.slug}))
    if sub.dated and page.lang == DEFAULT_LANGUAGE:
        own = entry.date
        named = sub.name.date(entry.slug)
        if own is not None and own != named:
            key = sub.date_field or "date"
            problems.append(Problem(
                page.path, page.lines.get(key), "problem.date.name_mismatch",
                {"field": key, "date": own.isoformat(), "named": named.isoformat()},
                severity="warning"))
