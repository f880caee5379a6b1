"""``extrel report``: the year's activity counts, or what was published in a month, per
municipality, as text, JSON, CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..core import export
from ..core.loader import load_region
from ..core.messages import t
from ..core.report import monthly_report, yearly_report
from .common import config_path, fail, load_project, print_problems


def report(config_file: str, year: int | None, month: str | None, fmt: str,
           output: str | None, today: dt.date | None, lang: str) -> None:
    """The yearly report as of ``today`` (default: today in the region's time zone), or the
    month's publications."""
    if (year is None) == (month is None):
        fail(t("cli.report.year_or_month", lang))
    project = load_project(config_path(config_file), lang)
    region = load_region(project.root, project.docs_dir,
                         allowed_iframe_hosts=project.options.allowed_iframe_hosts,
                         languages=project.languages)
    problems = [*project.problems, *region.problems]
    if any(p.severity == "error" for p in problems):
        print_problems(problems, lang)
        fail(t("cli.report.errors_first", lang))
    if month is not None:
        try:
            when = dt.date.fromisoformat(month + "-01")
        except ValueError:
            fail(t("cli.report.bad_month", lang, month=month))
        result: object = monthly_report(region, when.year, when.month)
    else:
        assert year is not None
        result = yearly_report(region, year, project.today(today))
    if fmt == "xlsx":
        if not output:
            fail(t("cli.report.xlsx_needs_output", lang))
        export.as_xlsx(result, lang, Path(output))  # type: ignore[arg-type]
        click.echo(t("cli.written", lang) + output, err=True)
        return
    text = {
        "text": lambda: export.as_text(result, lang),  # type: ignore[arg-type]
        "json": lambda: export.as_json(result),  # type: ignore[arg-type]
        "csv": lambda: export.as_csv(result, lang),  # type: ignore[arg-type]
    }[fmt]()
    if output:
        Path(output).write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        click.echo(t("cli.written", lang) + output, err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))

