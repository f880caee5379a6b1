"""Reading a site repository: ``municipalities/*.yml`` and ``content/<id>/<subsection>/``.

Never stops at the first mistake: every problem is collected into ``Region.problems``
and the valid rest is still loaded.
"""

from __future__ import annotations

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
                problems.append(
                    Problem(
                        rel(root, child),
                        None,
                        "папка муниципалитета — символическая ссылка; замените её настоящей папкой",
                        "the municipality folder is a symbolic link; replace it with a real folder",
                    )
                )
                continue
            if wanted is not None and name not in wanted:
                continue
            if not SLUG.match(name):
                problems.append(
                    Problem(
                        rel(root, child),
                        None,
                        f"имя папки «{name}» не годится как код муниципалитета: допустимы только "
                        "строчные латинские буквы, цифры и дефис, например «inza»",
                        f"the folder name '{name}' is not a valid municipality id: use lowercase "
                        "latin letters, digits and hyphens only, e.g. 'inza'",
                    )
                )
                continue
            meta = registry.get(name)
            if meta is None and name not in registry:
                problems.append(
                    Problem(
                        rel(root, child),
                        None,
                        f"для папки «{name}» нет записи municipalities/{name}.yml; "
                        "создайте её (название, вид, координатор)",
                        f"there is no municipalities/{name}.yml for the folder '{name}'; "
                        "create it (name, kind, coordinator)",
                    )
                )
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
            problems.append(
                Problem(
                    relpath,
                    None,
                    f"имя файла «{path.name}» не годится как код муниципалитета: допустимы только "
                    "строчные латинские буквы, цифры и дефис (например inza.yml)",
                    f"'{path.name}' is not a valid municipality id: use lowercase latin letters, "
                    "digits and hyphens (e.g. inza.yml)",
                )
            )
            continue
        result[mid] = None
        if is_reserved(mid):
            problems.append(Problem(
                relpath, None,
                f"код «{mid}» занят: так называется код языка или папка портала в site/; "
                f"переименуйте файл и папку content/{mid}/ (например, {mid}-rayon)",
                f"the id '{mid}' is reserved: it is a language code or a folder of the portal "
                f"in site/; rename the file and the folder content/{mid}/ (e.g. {mid}-rayon)"))
            continue
        if run.links_out(path, folder):
            continue
        text = read_text(path, relpath, problems)
        if text is None:
            continue
        try:
            data, lines = load_yaml(text)
        except yaml.YAMLError as exc:
            ru, en = yaml_messages(exc)
            problems.append(Problem(relpath, error_line(exc, text),
                                    f"ошибка в записи YAML: {ru}", f"invalid YAML: {en}"))
            continue
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    relpath,
                    1,
                    "ожидаются поля «name», «kind», «coordinator»… по одному на строке",
                    "expected fields 'name', 'kind', 'coordinator'… one per line",
                )
            )
            continue
        data = {str(k): v for k, v in data.items()}
        run.markup(relpath, data, lines)
        model, errs = schema.validate(MunicipalityMeta, data, lines)
        for line, ru, en in errs:
            problems.append(Problem(relpath, line, ru, en))
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
            problems.append(
                Problem(
                    rel(root, path),
                    None,
                    "страница лежит вне подраздела; перенесите её в одну из папок: "
                    + ", ".join(SUBSECTION_IDS),
                    "the page is outside any subsection; move it into one of: "
                    + ", ".join(SUBSECTION_IDS),
                )
            )
        else:
            by_section.setdefault(parts[0], []).append(path)
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in BY_ID or child.is_symlink():
            continue
        if child.is_dir():
            problems.append(
                Problem(
                    rel(root, child),
                    None,
                    f"неизвестный подраздел «{child.name}»; допустимые папки: "
                    + ", ".join(SUBSECTION_IDS),
                    f"unknown subsection '{child.name}'; the folders are: "
                    + ", ".join(SUBSECTION_IDS),
                )
            )
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
        problems.append(
            Problem(
                relpath,
                None,
                "в имени файла нет суффикса языка сайта: назовите его «….ru.md» (русский) или "
                "по другому языку блока i18n в mkdocs.yml: "
                + ", ".join(f"«….{code}.md»" for code in others),
                "the file name has no suffix of a site language: name it '….ru.md' (Russian) "
                "or after another language of the i18n block of mkdocs.yml: "
                + ", ".join(f"'….{code}.md'" for code in others),
            )
        )
        return None
    m.page_files[section][lang].append(relpath)
    if path.parent != folder / section:
        problems.append(
            Problem(
                relpath,
                None,
                f"страница во вложенной папке; перенесите её прямо в папку {section}/",
                f"the page is in a nested folder; move it directly into {section}/",
            )
        )
        return None
    rule = BY_ID[section].name
    if not rule.accepts(stem):
        rule_ru, rule_en = rule.words["ru"], rule.words["en"]
        problems.append(
            Problem(
                relpath,
                None,
                f"имя файла «{path.name}» не по правилу подраздела: нужно «{rule_ru}.{lang}.md» "
                "(латиница в нижнем регистре, цифры, дефис; дата — настоящая)",
                f"the file name '{path.name}' breaks the subsection's rule: expected "
                f"'{rule_en}.{lang}.md' (lowercase latin letters, digits, hyphens; a real date)",
            )
        )
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
        problems.append(Problem(relpath, exc.line, exc.ru, exc.en))
        return None
    for line, ru, en in doc.problems:
        problems.append(Problem(relpath, line, ru, en))
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


def _draft_message(found: list[DraftLine]) -> tuple[str, str]:
    tail_ru = ("; пока это не сделано, страница не публикуется и не считается обновлением "
               "раздела")
    tail_en = "; until then the page is not published and does not count as an update"
    if found[0].empty:
        return ("черновик: у страницы нет текста (после строки «---» пусто или одни "
                "комментарии); напишите текст страницы" + tail_ru,
                "draft: the page has no text (nothing but comments after the '---' line); "
                "write the page's text" + tail_en)
    ru_where = ", ".join(f"строка {f.line} ({'поле «' + f.field + '»' if f.field else 'текст'})"
                         for f in found)
    en_where = ", ".join(f"line {f.line} ({'field ' + repr(f.field) if f.field else 'text'})"
                         for f in found)
    return (f"черновик: не заполнено то, что оставила команда extrel new — {ru_where}; "
            f"замените текст «{DRAFT_MARK} — …» настоящим" + tail_ru,
            f"draft: what extrel new left for you to write is still there — {en_where}; "
            f"replace the text '{DRAFT_MARK} — …' with the real one" + tail_en)


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
    for lang in sorted(entry.pages, key=lambda code: (code != DEFAULT_LANGUAGE, code)):
        page = entry.pages.get(lang)
        if page is None:
            continue
        data = dict(page.meta)
        if page is not base:
            for key, value in shared.items():
                data.setdefault(key, value)
            for key, value in page.meta.items():
                if key in shared and _comparable(value) != _comparable(shared[key]):
                    assert base is not None
                    problems.append(
                        Problem(
                            page.path,
                            page.lines.get(key),
                            f"поле «{key}» ({value}) противоречит русской версии "
                            f"{base.path} ({shared[key]}); исправьте одно из них или удалите поле "
                            "из этого файла — оно берётся из русского",
                            f"field '{key}' ({value}) contradicts the Russian file {base.path} "
                            f"({shared[key]}); fix one of them, or remove the field from this "
                            "file: it is taken from the Russian one",
                        )
                    )
            if base is not None and "files" in page.meta and "files" in base.meta:
                if _comparable(page.meta["files"]) != _comparable(base.meta["files"]):
                    problems.append(
                        Problem(
                            page.path,
                            page.lines.get("files"),
                            f"список файлов («files») отличается от русской версии {base.path}: "
                            "файлы и их виды должны совпадать, различаться могут только названия",
                            f"the 'files' list differs from the Russian file {base.path}: files "
                            "and kinds must be the same; only the titles may differ",
                        )
                    )
        validated, errs = schema.validate(model, data, page.lines)
        for line, ru, en in errs:
            # a field inherited from the Russian file is reported there, not twice
            if page is not base and _field_of(ru) in shared and _field_of(ru) not in page.meta:
                continue
            problems.append(Problem(page.path, line, ru, en))
        if validated is not None:
            entry.data[lang] = validated
            _check_page(run, folder, entry, page, validated)


def _field_of(message: str) -> str:
    match = re.search(r"«([a-z_]+)", message)
    return match.group(1) if match else ""


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
        run.add(page.path, page.lines.get(where),
                f"адрес «{value}» вместо файла допустим только для видео (kind: video); "
                "документы кладите рядом со страницей",
                f"an address ('{value}') instead of a file is allowed for videos only "
                "(kind: video); put documents next to the page")
    elif host not in run.hosts:
        allowed = ", ".join(sorted(run.hosts)) or "—"
        host = host or value[:60]
        run.add(page.path, page.lines.get(where),
                f"видео с сайта «{host}» нельзя встроить; разрешены: {allowed} "
                "(allowed_iframe_hosts в mkdocs.yml)",
                f"a video from '{host}' cannot be embedded; allowed hosts: {allowed} "
                "(allowed_iframe_hosts in mkdocs.yml)")


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
        problems.append(
            Problem(
                page.path,
                page.lines.get("year"),
                f"год в поле «year» ({meta.year}) не совпадает с именем файла ({entry.slug}); "
                "исправьте одно из них",
                f"'year' ({meta.year}) does not match the file name ({entry.slug}); fix one",
            )
        )
    if sub.dated and page.lang == DEFAULT_LANGUAGE:
        own = entry.date
        named = sub.name.date(entry.slug)
        if own is not None and own != named:
            key = sub.date_field or "date"
            problems.append(
                Problem(
                    page.path,
                    page.lines.get(key),
                    f"дата в поле «{key}» ({own.isoformat()}) не совпадает с датой в имени файла "
                    f"({named.isoformat()}); переименуйте файл или исправьте дату",
                    f"'{key}' ({own.isoformat()}) differs from the date in the file name "
                    f"({named.isoformat()}); rename the file or fix the date",
                    severity="warning",
                )
            )
