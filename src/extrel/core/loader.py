"""Reading a site repository: ``municipalities/*.yml`` and ``content/<id>/<subsection>/``.

Never stops at the first mistake: every problem is collected into ``Region.problems``
and the valid rest is still loaded.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from . import schema
from .frontmatter import FrontMatterError, load_yaml, parse
from .model import Entry, Municipality, Page, Region
from .problems import Problem
from .schema import LANG_FIELDS, SCHEMAS, MunicipalityMeta
from .sections import BY_ID, DEFAULT_LANGUAGE, LANGUAGES, SUBSECTION_IDS

log = logging.getLogger(__name__)

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
YEAR = re.compile(r"^\d{4}$")

_NAME_RULES = {
    "news": ("ГГГГ-ММ-ДД-название", "YYYY-MM-DD-slug"),
    "announcements": ("ГГГГ-ММ-ДД-название", "YYYY-MM-DD-slug"),
    "participation": ("ГГГГ-ММ-ДД-название", "YYYY-MM-DD-slug"),
    "partners": ("код-партнёра", "partner-id"),
    "organizations": ("название", "slug"),
    "plan": ("ГГГГ", "YYYY"),
    "presentation": ("index", "index"),
}


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def read_text(path: Path, relpath: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a problem when it is not UTF-8 or is empty."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                relpath,
                line,
                "файл не в кодировке UTF-8; сохраните его как «UTF-8» "
                "(в Блокноте: «Сохранить как» → Кодировка UTF-8)",
                "the file is not UTF-8; save it with the UTF-8 encoding",
            )
        )
        return None
    if not text.strip():
        problems.append(
            Problem(
                relpath,
                None,
                "файл пуст; заполните его по образцу (extrel new ...) или удалите",
                "the file is empty; fill it in from a template (extrel new ...) or delete it",
            )
        )
        return None
    return text


def load_region(
    root: Path, content_dir: str = "content", only: Iterable[str] | None = None
) -> Region:
    root = root.resolve()
    problems: list[Problem] = []
    wanted = set(only) if only else None
    registry = _load_registry(root, wanted, problems)
    content = root / content_dir
    municipalities: dict[str, Municipality] = {}
    portal_pages: list[str] = []
    if content.is_dir():
        for child in sorted(content.iterdir()):
            name = child.name
            if name.startswith((".", "_")):
                continue
            if child.is_file():
                if name.endswith(".md"):
                    portal_pages.append(rel(root, child))
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
            if meta is None:
                if name not in registry:
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
                continue
            m = Municipality(
                id=name,
                meta=meta,
                registry_path=f"municipalities/{name}.yml",
                content_path=rel(root, child),
            )
            _load_municipality(root, child, m, problems)
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
    return Region(root, content_dir, municipalities, portal_pages, problems)


def _load_registry(
    root: Path, wanted: set[str] | None, problems: list[Problem]
) -> dict[str, MunicipalityMeta | None]:
    """Registry entries by id; None marks an entry that exists but is invalid."""
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
        text = read_text(path, relpath, problems)
        result[mid] = None
        if text is None:
            continue
        try:
            data, lines = load_yaml(text)
        except Exception as exc:  # yaml.YAMLError and its marks
            mark = getattr(exc, "problem_mark", None)
            problems.append(
                Problem(
                    relpath,
                    mark.line + 1 if mark else None,
                    f"ошибка в записи YAML: {getattr(exc, 'problem', exc)}; проверьте отступы и "
                    "двоеточия",
                    f"invalid YAML: {getattr(exc, 'problem', exc)}; check indentation and colons",
                )
            )
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
        model, errs = schema.validate(MunicipalityMeta, data, lines)
        for line, ru, en in errs:
            problems.append(Problem(relpath, line, ru, en))
        if model is None:
            continue
        assert isinstance(model, MunicipalityMeta)
        if model.coat_of_arms:
            _check_asset(root, folder, folder, model.coat_of_arms, relpath,
                         lines.get("coat_of_arms"), problems)
        result[mid] = model
    return result


def _load_municipality(root: Path, folder: Path, m: Municipality, problems: list[Problem]) -> None:
    by_key: dict[tuple[str, str], dict[str, Page]] = {}
    for child in sorted(folder.iterdir()):
        relpath = rel(root, child)
        if child.is_file():
            if child.name.endswith(".md"):
                problems.append(
                    Problem(
                        relpath,
                        None,
                        "страница лежит вне подраздела; перенесите её в одну из папок: "
                        + ", ".join(SUBSECTION_IDS),
                        "the page is outside any subsection; move it into one of: "
                        + ", ".join(SUBSECTION_IDS),
                    )
                )
            continue
        if child.name.startswith("."):
            continue
        if child.name not in BY_ID:
            problems.append(
                Problem(
                    relpath,
                    None,
                    f"неизвестный подраздел «{child.name}»; допустимые папки: "
                    + ", ".join(SUBSECTION_IDS),
                    f"unknown subsection '{child.name}'; the folders are: "
                    + ", ".join(SUBSECTION_IDS),
                )
            )
            continue
        for path in sorted(child.rglob("*.md")):
            page = _load_page(root, folder, child.name, path, m, problems)
            if page is not None:
                by_key.setdefault((page.section, page.slug), {})[page.lang] = page
    for (section, slug), pages in sorted(by_key.items()):
        entry = Entry(m.id, section, slug, pages)
        _validate_entry(root, folder, entry, problems)
        if entry.data:
            m.entries[section].append(entry)


def _load_page(
    root: Path, folder: Path, section: str, path: Path, m: Municipality, problems: list[Problem]
) -> Page | None:
    relpath = rel(root, path)
    name = path.name[: -len(".md")]
    stem, _, lang = name.rpartition(".")
    if lang not in LANGUAGES or not stem:
        problems.append(
            Problem(
                relpath,
                None,
                "в имени файла нет суффикса языка: назовите его «…"
                + ".ru.md» (русский) или «….en.md» (английский)",
                "the file name has no language suffix: name it '….ru.md' or '….en.md'",
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
    if not _name_ok(section, stem):
        rule_ru, rule_en = _NAME_RULES[section]
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
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        problems.append(Problem(relpath, exc.line, exc.ru, exc.en))
        return None
    return Page(relpath, m.id, section, stem, lang, doc.meta, doc.lines, doc.body, doc.body_line)


def _name_ok(section: str, stem: str) -> bool:
    if BY_ID[section].dated:
        match = DATED.match(stem)
        if not match:
            return False
        try:
            dt.date.fromisoformat(match.group(1))
        except ValueError:
            return False
        return True
    if section == "plan":
        return bool(YEAR.match(stem))
    if section == "presentation":
        return stem == "index"
    return bool(SLUG.match(stem))


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k != "title"}
    return str(value).strip() if value is not None else None


def _validate_entry(root: Path, folder: Path, entry: Entry, problems: list[Problem]) -> None:
    model = SCHEMAS[entry.section]
    base = entry.pages.get(DEFAULT_LANGUAGE)
    shared = {k: v for k, v in base.meta.items() if k not in LANG_FIELDS} if base else {}
    for lang in LANGUAGES:
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
                            "из английского файла — оно берётся из русского",
                            f"field '{key}' ({value}) contradicts the Russian file {base.path} "
                            f"({shared[key]}); fix one of them, or remove the field from the "
                            "English file: it is taken from the Russian one",
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
            _check_page(root, folder, entry, page, validated, problems)


def _field_of(message: str) -> str:
    match = re.search(r"«([a-z_]+)", message)
    return match.group(1) if match else ""


def _check_page(
    root: Path, folder: Path, entry: Entry, page: Page, meta: Any, problems: list[Problem]
) -> None:
    page_dir = (root / page.path).parent
    for key in ("image", "agreement"):
        value = getattr(meta, key, None)
        if value and key in page.meta:
            _check_asset(root, folder, page_dir, value, page.path, page.lines.get(key), problems)
    if page.lang == DEFAULT_LANGUAGE or "files" in page.meta:
        for i, item in enumerate(getattr(meta, "files", []) or []):
            _check_asset(root, folder, page_dir, item.file, page.path,
                         page.lines.get(f"files.{i}"), problems)
    if entry.section == "plan" and str(meta.year) != entry.slug:
        problems.append(
            Problem(
                page.path,
                page.lines.get("year"),
                f"год в поле «year» ({meta.year}) не совпадает с именем файла ({entry.slug}); "
                "исправьте одно из них",
                f"'year' ({meta.year}) does not match the file name ({entry.slug}); fix one",
            )
        )
    if BY_ID[entry.section].dated and page.lang == DEFAULT_LANGUAGE:
        own = entry.date
        named = dt.date.fromisoformat(entry.slug[:10])
        if own is not None and own != named:
            key = "start" if entry.section == "announcements" else "date"
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


def _check_asset(
    root: Path,
    allowed: Path,
    base: Path,
    value: str,
    relpath: str,
    line: int | None,
    problems: list[Problem],
) -> None:
    """An asset must exist, inside ``allowed`` (the municipality's folder), not via links out."""
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or re.match(r"^[a-zA-Z]:", value) or "://" in value:
        problems.append(
            Problem(
                relpath,
                line,
                f"путь «{value}» абсолютный или ведёт на другой сайт; укажите файл рядом со "
                "страницей, например «photo.jpg»",
                f"the path '{value}' is absolute or points to another site; name a file next "
                "to the page, e.g. 'photo.jpg'",
            )
        )
        return
    target = base / Path(*posix.parts) if posix.parts else base
    resolved = Path(os.path.realpath(target))
    inside = resolved.is_relative_to(Path(os.path.realpath(allowed)))
    if not inside:
        problems.append(
            Problem(
                relpath,
                line,
                f"путь «{value}» выходит за пределы папки {rel(root, allowed)}; храните файлы "
                "рядом со страницей",
                f"the path '{value}' leads outside {rel(root, allowed)}; keep files next to "
                "the page",
            )
        )
        return
    if not resolved.is_file():
        problems.append(
            Problem(
                relpath,
                line,
                f"файл «{value}» не найден рядом со страницей; проверьте имя (регистр букв "
                "важен) или добавьте файл",
                f"the file '{value}' was not found next to the page; check the name (case "
                "matters) or add the file",
            )
        )
