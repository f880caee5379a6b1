"""Documents of the presentation subsection: PDF facts (pages, tags) and first-page thumbnails,
and the standard's expectations of what a municipality presents."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Municipality
from .problems import Problem
from .sections import DOCUMENTS

THUMB_WIDTH = 320
OVERVIEW_PAGES = (15, 20)
"""The standard asks for a general presentation of 15–20 slides."""
EXPECTED_KINDS: tuple[tuple[str, ...], ...] = (
    ("overview",), ("investment",), ("tourism",), ("export", "catalog"), ("video",),
    ("info-sheet",),
)
"""What the standard lists; ``export`` and ``catalog`` go together."""


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    tagged: bool


def pdf_info(path: Path) -> PdfInfo | None:
    """Page count and whether the PDF is tagged (readable by screen readers); None if unreadable."""
    import pypdfium2 as pdfium  # only when a PDF is read: not on a check served from the cache

    try:
        pdf = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        return PdfInfo(len(pdf), bool(pdfium.raw.FPDFCatalog_IsTagged(pdf.raw)))
    finally:
        pdf.close()


def thumbnail(path: Path, cache: Path) -> Path | None:
    """A WebP of the first page, THUMB_WIDTH wide, cached by the PDF's content hash."""
    import pypdfium2 as pdfium

    with open(path, "rb") as fd:
        key = hashlib.file_digest(fd, "sha1").hexdigest()
    target = cache / key[:2] / f"{key}.webp"
    if target.is_file():
        return target
    try:
        pdf = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        page = pdf[0]
        scale = THUMB_WIDTH / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        pdf.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    image.save(tmp, "WEBP", quality=75)
    os.replace(tmp, target)
    return target


def presentation_warnings(root: Path, m: Municipality) -> list[Problem]:
    """What the standard expects of the presentation subsection, as warnings."""
    entries = [e for sub in DOCUMENTS for e in m.entries[sub.id]]
    if not entries:
        return []
    entry = entries[0]
    page = entry.pages.get("ru") or next(iter(entry.pages.values()))
    meta = entry.meta("ru")
    found: list[Problem] = []
    kinds = {f.kind for f in meta.files}
    missing = [" + ".join(group) for group in EXPECTED_KINDS if not kinds & set(group)]
    if missing:
        found.append(Problem(page.path, page.lines.get("files"), "problem.presentation.lacks",
                             {"missing": ", ".join(missing)}, severity="warning"))
    folder = (root / page.path).parent
    for i, item in enumerate(meta.files):
        path = folder / item.file
        if path.suffix.lower() != ".pdf" or not path.is_file():
            continue
        info = pdf_info(path)
        line = page.lines.get(f"files.{i}")
        if info is None:
            found.append(Problem(page.path, line, "problem.pdf.unreadable",
                                 {"file": item.file}, severity="warning"))
            continue
        low, high = OVERVIEW_PAGES
        if item.kind == "overview" and not low <= info.pages <= high:
            found.append(Problem(page.path, line, "problem.pdf.overview_pages", {
                "file": item.file, "pages": info.pages, "low": low, "high": high},
                severity="warning"))
        if not info.tagged:
            found.append(Problem(page.path, line, "problem.pdf.untagged", {"file": item.file},
                                 severity="warning"))
    return found
