"""``extrel build``: the portal and every municipality's section, in every language, into
the site folder; the previous build stays in place unless the new one is complete."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..core import siteurl
from ..core.labels import word
from ..core.messages import t
from ..core.problems import Problem
from ..mkdocs import builder, siteconfig
from ..mkdocs.builder import BuildError, build_region
from .common import (
    EXIT_BEHIND,
    concerning,
    fail,
    load_project,
    load_snapshot,
    print_problems,
    unknown_message,
    unregistered,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from ..core.project import Project


def build(config_file: Path, only: tuple[str, ...], shard: tuple[int, int] | None,
          portal_only: bool, site_dir: str | None, today: dt.date | None, allow_shallow: bool,
          fail_on_stale: bool | None, workers: int | None, progress: bool | None,
          lang: str) -> None:
    """Build; exit 2 on invalid content or a failed build, 1 when asked to fail on stale
    content and something is stale or missing."""
    started = time.monotonic()
    path = config_file
    _quiet_mkdocs()
    print_problems(siteurl.missing(path), lang)  # no site_url: relative feed links (a warning)
    out = Path(site_dir) if site_dir else path.parent / "site"
    quick = None
    if not (only or shard or portal_only):
        # nothing changed since the last full build: say what it said, without reading a page
        quick = _quick_key(path, today, out, allow_shallow)
        last = builder.unchanged_since(out.resolve(), quick) if quick else None
        # (a manifest written before the message catalogue tells its problems otherwise)
        if last is not None and all("key" in p for p in last["problems"]):
            print_problems([Problem(**p) for p in last["problems"]], lang)
            counts = last["counts"]
            _build_summary(lang, last["sections"], 0, time.monotonic() - started, out, counts)
            strict = fail_on_stale if fail_on_stale is not None else last["fail_on_stale"]
            if strict and (counts["stale"] or counts["missing"]):
                sys.exit(EXIT_BEHIND)
            return
    project = load_project(path, lang)
    # the processes an edit needs start now, and get ready while this one reads the region
    # (not where the plan may well be to build nothing: part of a region)
    early = 0 if (only or shard or portal_only) else builder.early_workers(
        builder.worker_count(workers, project.options), len(project.languages))
    with builder.started_workers(early) as pool:
        _build(path, project, out, started, only=only, shard=shard, portal_only=portal_only,
               today=today, allow_shallow=allow_shallow, fail_on_stale=fail_on_stale,
               workers=workers, progress=progress, lang=lang, quick=quick, pool=pool)


def _build(path: Path, project: Project, out: Path, started: float, *,
           only: tuple[str, ...], shard: tuple[int, int] | None, portal_only: bool,
           today: dt.date | None, allow_shallow: bool, fail_on_stale: bool | None,
           workers: int | None, progress: bool | None, lang: str, quick: str | None,
           pool: ProcessPoolExecutor | None) -> None:
    snapshot = load_snapshot(project, today, (), allow_shallow, lang)
    unknown = unregistered(path.parent, only, snapshot)
    if unknown:
        fail(unknown_message(project.registry, unknown, lang))
    told = concerning(snapshot.problems, only, project)
    print_problems(told, lang)
    for code in snapshot.region.languages:
        for note in siteconfig.language_notes(code):
            click.echo(t(note, lang, code=code), err=True)
    if not snapshot.ok():
        n = sum(1 for p in snapshot.problems if p.severity == "error")
        shown = sum(1 for p in told if p.severity == "error")
        others = t("cli.build.errors_elsewhere", lang, k=n - shown) if n > shown else ""
        fail(t("cli.build.stopped" if _built_before(out) else "cli.build.stopped_first", lang,
               n=n, others=others, out=out))
    show = progress if progress is not None else (sys.stderr.isatty() and not os.environ.get("CI"))
    counts = {k: 0 for k in ("fresh", "due", "stale", "missing")}
    for f in snapshot.freshness.values():
        counts[f.status] += 1
    remember = {builder.QUICK_KEY: quick, builder.SUMMARY_KEY: {
        "problems": [dataclasses.asdict(p) for p in snapshot.problems],
        "counts": counts, "sections": len(snapshot.region.municipalities),
        "fail_on_stale": snapshot.options.fail_on_stale}} if quick else None

    def report(result: Any, done: int, total: int) -> None:
        if show:
            click.echo(t("cli.build.progress", lang, done=done, total=total,
                         municipality=result.municipality, seconds=result.seconds,
                         elapsed=time.monotonic() - started), err=True)

    try:
        result = build_region(path, snapshot, out, only=only or None, shard=shard,
                              workers=workers, progress=report, portal_only=portal_only,
                              remember=remember, pool=pool)
    except BuildError as exc:
        fail(t("cli.build.failed" if _built_before(out) else "cli.build.failed_first", lang)
             + str(exc))
    for section in result.sections:
        for message in section.warnings:
            click.echo(f"{section.municipality}: {message}", err=True)
    for message in result.portal_warnings:
        click.echo(f"portal: {message}", err=True)
    slowest = max(result.sections, key=lambda r: r.seconds, default=None)
    reused = sum(1 for r in result.sections if r.reused)
    _build_summary(lang, len(result.sections), len(result.sections) - reused, result.seconds,
                   out, counts,
                   (" " + t("cli.build.slowest", lang, municipality=slowest.municipality,
                                seconds=slowest.seconds) if slowest and show else ""))
    strict = fail_on_stale if fail_on_stale is not None else snapshot.options.fail_on_stale
    if strict and (counts["stale"] or counts["missing"]):
        sys.exit(EXIT_BEHIND)


def _built_before(out: Path) -> bool:
    """Whether a previous build is there to stay unchanged (its home page)."""
    return (out / "index.html").is_file()


def _build_summary(lang: str, total: int, built: int, seconds: float, out: Path,
                   counts: dict[str, int], extra: str = "") -> None:
    reused = total - built
    click.echo(
        t("cli.build.summary", lang, total=total, built=built, reused=reused, seconds=seconds,
          out=out)
        + extra)
    click.echo(t("cli.build.freshness", lang)
               + ", ".join(f"{word('status.' + k, lang)} — {counts.get(k, 0)}"
                           for k in ("fresh", "due", "stale", "missing")))


def _quick_key(config_file: Path, today: dt.date | None, out: Path,
               allow_shallow: bool) -> str | None:
    """``builder.quick_key`` for this build, or None when it cannot be taken cheaply (an
    unreadable mkdocs.yml or time zone: the full path reports those)."""
    try:
        when = siteconfig.project(config_file).today(today)
        return builder.quick_key(config_file, when, out, allow_shallow=allow_shallow)
    except Exception:  # noqa: BLE001 - any doubt means: build as usual
        return None


def _quiet_mkdocs() -> None:
    """MkDocs' own INFO lines are noise here; its warnings are collected per build and shown."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.propagate = False

