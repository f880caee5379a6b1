"""Cells that open safely in a spreadsheet: the one guard of every CSV and XLSX extrel writes.

A spreadsheet takes a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return) for a formula: a partner titled
``=HYPERLINK("http://evil","x")`` would become a live link, or worse, on the regional
office's computer (OWASP, "CSV Injection"). OWASP's rule: prefix such a cell with a single
quote, so that it is shown as the text it is. Real numbers stay numbers: an ``int`` or a
``float`` is never touched, nor a text that is only a number (``-3``), which no spreadsheet
reads as a formula.

In a workbook (openpyxl) a string starting with ``=`` is stored as a formula; ``sheet_row``
neutralizes the values and ``no_formulas`` makes sure, before saving, that no cell is one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""The first characters a spreadsheet may read as the start of a formula (OWASP)."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def safe_cell(value: Any) -> Any:
    """``value``, with a leading ``'`` when it is a text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


class SafeWriter:
    """A ``csv.writer`` whose every cell passes through ``safe_cell``.

    A cell holding a line break is always quoted: ``csv.writer`` quotes only the characters
    of its own line terminator, so with ``"\n"`` a bare carriage return would split the row
    for a reader."""

    def __init__(self, out: Any, lineterminator: str = "\r\n", **kwargs: Any) -> None:
        self._out = out
        self._end = lineterminator
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n", **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(safe_row(row))
        return self._out.write(self._buffer.getvalue()[:-2] + self._end)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: Any, **kwargs: Any) -> SafeWriter:
    """``csv.writer(out, **kwargs)`` that neutralizes formula-like cells."""
    return SafeWriter(out, **kwargs)


def no_formulas(workbook: Any) -> None:
    """Turn any formula cell of ``workbook`` (openpyxl) into the neutralized text: extrel
    never means a formula, so one found here came from content."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.value = safe_cell(str(cell.value))
                    cell.data_type = "s"


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def save(workbook: Any, path: Path, when: dt.date) -> None:
    """Save ``workbook`` (openpyxl) to ``path``, formula-free and byte for byte the same for
    the same content: the document's dates and every zip entry's time are ``when`` (the
    check date), not the moment of writing, so that a rebuild of unchanged content
    reproduces the file."""
    no_formulas(workbook)
    moment = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC).replace(tzinfo=None)
    workbook.properties.created = moment
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buffer = io.BytesIO()
    workbook.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the moment it saves
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())
