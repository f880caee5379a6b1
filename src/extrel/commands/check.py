"""``extrel check``: the content's problems and every subsection's freshness, per language."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import orjson

from ..core import siteurl
from ..core.freshness import freshness_to_dict
from ..core.labels import word
from ..core.messages import t
from ..core.sections import SUBSECTIONS
from .common import (
    EXIT_BEHIND,
    EXIT_INVALID,
    concerning,
    load_project,
    load_snapshot,
    print_problems,
)

if TYPE_CHECKING:
    from ..core.snapshot import Snapshot

STATUS_COLOURS = {"fresh": "green", "due": "yellow", "stale": "red", "missing": "magenta"}


def check(config_file: Path, today: dt.date | None, only: tuple[str, ...], fmt: str,
          allow_shallow: bool, no_freshness: bool, lang: str) -> None:
    """Print the check in ``fmt``; exit 2 on invalid content, 1 when something is stale or
    missing (unless ``no_freshness``)."""
    # a check reports problems and freshness: the entries' front matter is not needed
    project = load_project(config_file, lang)
    snapshot = load_snapshot(project, today, only, allow_shallow, lang, entries=False)
    rated = [f for mid, f in snapshot.freshness.items() if not only or mid in only]
    told = concerning(snapshot.problems, only, project)
    # mkdocs.yml without site_url: a warning about publishing, not about the content. It is
    # printed with the problems (standard error), and in JSON it is a key of its own
    # ("warnings"), so that standard output stays one JSON object and "problems" stays the
    # content's; the exit code stays what the content makes it
    publishing = siteurl.missing(config_file)
    if fmt == "json":
        data = freshness_to_dict(snapshot.today, snapshot.options.timezone, rated,
                                 [p.to_dict(lang) for p in told])
        data.update(siteurl.json_keys(config_file, lang))
        # orjson: the same bytes as json.dumps(indent=2, ensure_ascii=False), and a national
        # check's report (17,500 municipalities, ~60 MB) in a fraction of a second
        click.echo(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode())
    elif fmt == "csv":
        click.echo(freshness_csv(rated), nl=False)
        print_problems([*publishing, *told], lang)
    else:
        print_problems([*publishing, *told], lang)
        click.echo(freshness_table(snapshot, rated, lang))
    if not snapshot.ok():
        sys.exit(EXIT_INVALID)
    if not no_freshness and any(f.status in ("stale", "missing") for f in rated):
        sys.exit(EXIT_BEHIND)


def freshness_csv(rated: list[Any]) -> str:
    from ..core.spreadsheet import csv_writer  # formula-like cells neutralized (OWASP)

    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    names = list(rated[0].name) if rated else []
    writer.writerow(["municipality", "section", "language", "status", "last_updated",
                     "age_days", "pages", "due_by", "untranslated", "unfinished",
                     *(f"name_{code}" for code in names)])
    for f in rated:
        for s in f.sections:
            for code, lf in s.languages.items():
                writer.writerow([f.id, s.id, code, lf.status,
                                 lf.last_updated.isoformat() if lf.last_updated else "",
                                 "" if lf.age_days is None else lf.age_days, lf.pages,
                                 lf.due_by.isoformat() if lf.due_by else "",
                                 "" if lf.untranslated is None else lf.untranslated,
                                 lf.unfinished, *(f.name.get(code, "") for code in names)])
    return out.getvalue()


def freshness_table(snapshot: Snapshot, rated: list[Any], lang: str) -> str:
    lines = [
        t("cli.check.freshness_as_of", lang)
        + f"{snapshot.today.isoformat()} ({snapshot.options.timezone})",
        "",
    ]
    width = max(len(s.id) for s in SUBSECTIONS) + 2
    for f in rated:
        name = snapshot.region.municipalities[f.id].name(lang)
        lines.append(f"{name} [{f.id}]: " + _status(f.status, lang))
        for s in f.sections:
            cells = []
            for code in snapshot.region.languages:
                lf = s.languages[code]
                when = (f"{lf.last_updated.isoformat()}, {lf.age_days} "
                        + t("cli.check.days", lang)) if lf.last_updated else "—"
                when += _coverage_note(lf, lang)
                cells.append(f"{code}: {_status(lf.status, lang)} ({when})")
            lines.append(f"  {s.id:<{width}}" + "   ".join(cells))
        lines.append("")
    counts = {k: 0 for k in ("fresh", "due", "stale", "missing")}
    for f in rated:
        counts[f.status] += 1
    lines.append(t("cli.check.municipalities", lang)
                 + ", ".join(f"{word('status.' + k, lang)} — {v}" for k, v in counts.items()))
    return "\n".join(lines)


def _coverage_note(lf: Any, lang: str) -> str:
    """The due date, items without a translation and drafts of one table cell."""
    notes = [t("cli.check.due_by", lang) + lf.due_by.isoformat()] if lf.due_by else []
    if lf.age_days is not None and lf.age_days < 0:
        notes.append(t("cli.check.dated_after_check", lang))
    if lf.untranslated:
        notes.append(t("cli.check.untranslated", lang) + str(lf.untranslated))
    if lf.unfinished:
        notes.append(t("cli.check.drafts", lang) + str(lf.unfinished))
    return "".join("; " + n for n in notes)


def _status(status: str, lang: str) -> str:
    return click.style(word(f"status.{status}", lang), fg=STATUS_COLOURS[status], bold=True)

