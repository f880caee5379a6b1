"""Validating an entry: its pages in every language against the subsection's schema, the
translations against the Russian page, and the files, images and videos they name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import schema
from .model import Entry, Page
from .problems import Problem
from .safety import Checks
from .safety.urls import web_address
from .schema import LANG_FIELDS
from .sections import BY_ID, DEFAULT_LANGUAGE


def _comparable(value: Any) -> Any:
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k != "title"}
    return str(value).strip() if value is not None else None


def validate_entry(run: Checks, folder: Path, entry: Entry) -> None:
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
                problems.append(found.problem(page.path, page.lines.get(where)))
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
