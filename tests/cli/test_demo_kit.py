"""The demo's presentation kit is the model editors copy: every kind the standard lists, tagged
PDFs a screen reader can follow (structure, language, figures with alternative text), light,
and a check of the demo that warns about nothing of its own."""

from __future__ import annotations

import ctypes
import json
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
import yaml
from click.testing import CliRunner

from extrel.cli import cli
from extrel.core.documents import EXPECTED_KINDS, OVERVIEW_PAGES, pdf_info

REPO = Path(__file__).resolve().parents[2]
MUNICIPALITIES = ("inza", "dimitrovgrad", "novospasskoe")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _text(fn: object, handle: object, wide: bool = False) -> str:
    size = fn(handle, None, 0)  # type: ignore[operator]
    buffer = ctypes.create_string_buffer(size)
    target = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)) if wide else buffer
    fn(handle, target, size)  # type: ignore[operator]
    return buffer.raw.decode("utf-16-le").rstrip("\x00")


def structure(path: Path) -> list[tuple[str, str]]:
    """(type, alternative text) of every structure element of every page."""
    found: list[tuple[str, str]] = []
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            tree = raw.FPDF_StructTree_GetForPage(page.raw)
            stack = [raw.FPDF_StructTree_GetChildAtIndex(tree, i)
                     for i in range(raw.FPDF_StructTree_CountChildren(tree))]
            while stack:
                element = stack.pop()
                if not element:
                    continue
                found.append((_text(raw.FPDF_StructElement_GetType, element),
                              _text(raw.FPDF_StructElement_GetAltText, element)))
                stack += [raw.FPDF_StructElement_GetChildAtIndex(element, i)
                          for i in range(raw.FPDF_StructElement_CountChildren(element))]
            raw.FPDF_StructTree_Close(tree)
            page.close()
    finally:
        pdf.close()
    return found


def language(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return _text(raw.FPDFCatalog_GetLanguage, pdf.raw, wide=True)
    finally:
        pdf.close()


@pytest.mark.parametrize("mid", MUNICIPALITIES)
def test_every_kind_the_standard_lists_in_both_languages(mid: str) -> None:
    folder = REPO / "content" / mid / "presentation"
    for lang in ("ru", "en"):
        files = front_matter(folder / f"index.{lang}.md")["files"]
        kinds = {f["kind"] for f in files}
        assert all(kinds & set(group) for group in EXPECTED_KINDS), kinds
        assert all((folder / f["file"]).is_file() for f in files)
    video = next(f["file"] for f in front_matter(folder / "index.ru.md")["files"]
                 if f["kind"] == "video")
    assert video.endswith(".mp4")
    # the transcript of the captioned video is on both pages
    for lang, heading in (("ru", "## Видеоролик: текст субтитров"), ("en", "## Video transcript")):
        assert heading in (folder / f"index.{lang}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("mid", MUNICIPALITIES)
def test_presentation_pdfs_are_tagged_and_light(mid: str) -> None:
    folder = REPO / "content" / mid / "presentation"
    files = front_matter(folder / "index.ru.md")["files"]
    total = 0
    for item in files:
        path = folder / item["file"]
        total += path.stat().st_size
        if path.suffix != ".pdf":
            continue
        info = pdf_info(path)
        assert info is not None and info.tagged, path.name
        if item["kind"] == "overview":
            assert OVERVIEW_PAGES[0] <= info.pages <= OVERVIEW_PAGES[1]
        assert language(path) == "ru", path.name
        elements = structure(path)
        types = {t for t, _ in elements}
        assert "Document" in types and {"H1", "H2"} & types and {"P", "L"} & types, types
        figures = [alt for t, alt in elements if t == "Figure"]
        assert all(alt.strip() for alt in figures), (path.name, figures)
    assert total < 600 * 1024, f"{mid}: {total} bytes of presentation files"


def test_the_demo_checks_without_warnings_of_its_own() -> None:
    # checked on the day of the demo's last commit (or later): a commit dated after the check
    # date is rightly a warning, and the demo's commits are made on real days
    last = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%cs", "--", "content"],
                          capture_output=True, text=True, check=False).stdout.strip()
    today = max(last or "2026-11-23", "2026-11-23")
    result = CliRunner().invoke(
        cli, ["check", "-f", str(REPO / "mkdocs.yml"), "--today", today, "--format", "json"],
        catch_exceptions=False)
    report = json.loads(result.output)
    assert [p for p in report["problems"] if p["file"].startswith("content/")] == []
