"""Presentation documents: page counts, tags, thumbnails and the standard's expected kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from regions import make_region, write

from extrel.core.documents import PdfInfo, pdf_info, presentation_warnings, thumbnail
from extrel.core.loader import load_region


def pdf(path: Path, pages: int) -> None:
    slides = [Image.new("RGB", (320, 180), (i * 10 % 255, 80, 120)) for i in range(pages)]
    slides[0].save(path, "PDF", save_all=True, append_images=slides[1:])


def test_pdf_info_counts_pages_and_sees_no_tags(tmp_path: Path) -> None:
    pdf(tmp_path / "a.pdf", 3)
    assert pdf_info(tmp_path / "a.pdf") == PdfInfo(pages=3, tagged=False)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    assert pdf_info(tmp_path / "broken.pdf") is None


def test_thumbnail_of_the_first_page_is_cached(tmp_path: Path) -> None:
    pdf(tmp_path / "a.pdf", 2)
    first = thumbnail(tmp_path / "a.pdf", tmp_path / "cache")
    assert first is not None
    with Image.open(first) as image:
        assert image.width == 320
    mtime = first.stat().st_mtime_ns
    assert thumbnail(tmp_path / "a.pdf", tmp_path / "cache") == first
    assert first.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("pages, warned", [(14, True), (15, False), (20, False), (21, True)])
def test_overview_should_have_15_to_20_slides(tmp_path: Path, pages: int, warned: bool) -> None:
    root = tmp_path / "r"
    make_region(root)
    pdf(root / "content/alpha/presentation/overview.pdf", pages)
    region = load_region(root)
    messages = [p.ru for p in presentation_warnings(root, region.municipalities["alpha"])]
    assert any("15–20 слайдов" in m for m in messages) == warned
    assert all(p.severity == "warning"
               for p in presentation_warnings(root, region.municipalities["alpha"]))


def test_missing_kinds_and_untagged_pdfs_are_named(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    pdf(root / "content/alpha/presentation/overview.pdf", 16)
    region = load_region(root)
    problems = presentation_warnings(root, region.municipalities["alpha"])
    kinds = next(p for p in problems if "перечисляет стандарт" in p.ru)
    assert kinds.file == "content/alpha/presentation/index.ru.md"
    assert "investment, tourism, export + catalog, video, info-sheet" in kinds.ru
    tags = next(p for p in problems if "без разметки" in p.ru)
    assert tags.line == 3 and "overview.pdf" in tags.ru
    # (with a line of text: a page with neither text nor files is a draft)
    write(root, "content/beta/presentation/index.ru.md", "---\ntitle: О районе\n---\nО районе.\n")
    region = load_region(root)
    assert "overview" in presentation_warnings(root, region.municipalities["beta"])[0].ru
