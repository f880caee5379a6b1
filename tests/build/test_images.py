"""A phone photo goes in; light, upright, metadata-free variants come out."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from PIL import Image
from regions import commit_all, make_region

from extrel.cli import cli


def phone_photo(path: Path) -> None:
    """4000×3000 pixels as the sensor stores them, to be shown rotated (EXIF orientation 6),
    with GPS coordinates in its EXIF."""
    image = Image.new("RGB", (4000, 3000), "white")
    image.paste((200, 30, 30), (0, 0, 400, 3000))  # a red band on the sensor's left edge
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    gps = {1: "N", 2: (54.0, 19.0, 0.0), 3: "E", 4: (48.0, 24.0, 0.0)}
    exif[0x8825] = gps
    image.save(path, "JPEG", quality=95, exif=exif.tobytes())


def build(config: Path, site: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_phone_photo_is_published_upright_light_and_without_metadata(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    original = root / "content/alpha/news/photo.jpg"
    phone_photo(original)
    commit_all(root, "2026-11-10T12:00:00+04:00")
    site = tmp_path / "site"
    build(config, site)

    news = site / "alpha/news"
    assert not (news / "photo.jpg").exists()  # the 4000×3000 original is not published
    variants = sorted(p.name for p in news.glob("photo.*"))
    assert variants == ["photo.1600.jpg", "photo.1600.webp", "photo.480.jpg", "photo.480.webp",
                        "photo.960.jpg", "photo.960.webp"]
    with Image.open(news / "photo.960.jpg") as out:
        assert out.size == (960, 1280)  # portrait: the orientation was applied
        assert not out.getexif()  # no EXIF at all: no GPS, no camera
        assert "exif" not in out.info and "icc_profile" not in out.info
        top_left = out.getpixel((5, 5))
        assert top_left[0] > 150 and top_left[1] < 100  # the red band is now on top
    assert (news / "photo.960.jpg").stat().st_size < 120_000
    assert sum(p.stat().st_size for p in news.glob("photo.*")) < original.stat().st_size / 2

    page = BeautifulSoup((site / "alpha/news/index.html").read_text(encoding="utf-8"), "lxml")
    pic = page.select_one(".x-news__item picture")
    assert pic.source["type"] == "image/webp"
    img = pic.img
    assert img["alt"] == "Участники встречи"
    assert img["width"] == "960" and img["height"] == "1280"
    for part in img["srcset"].split(", "):
        url = part.split(" ")[0]
        assert (site / "alpha/news" / url).resolve().is_file(), url


def test_second_build_processes_no_image(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    phone_photo(root / "content/alpha/news/photo.jpg")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, tmp_path / "one")
    cache = root / ".cache/extrel/images"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert len(before) == 7  # six variants and their description
    build(config, tmp_path / "two")  # another site folder: the sections are really rebuilt
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert after == before
    assert (tmp_path / "two/alpha/en/news/photo.960.webp").is_file()


def truncated_phone_photo(path: Path) -> bytes:
    """A phone photo with GPS in its EXIF, cut off halfway as an interrupted upload leaves it:
    its headers (EXIF included) are whole, its picture data is not."""
    phone_photo(path)
    data = path.read_bytes()
    assert b"PhoneMaker" in data[:2000]  # the EXIF (GPS included) is in the head
    cut = data[: len(data) // 2]
    path.write_bytes(cut)
    with Image.open(path) as opened:
        opened.verify()  # the headers alone pass: what the check used to look at
    return cut


def test_truncated_photo_referenced_by_a_page_is_refused_with_file_and_line(
        tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    truncated_phone_photo(root / "content/alpha/news/photo.jpg")  # the news item's image
    commit_all(root, "2026-11-10T12:00:00+04:00")
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "content/alpha/news/2026-11-10-only-russian.ru.md:" in result.output
    assert "photo.jpg" in result.output and "поврежден" in result.output
    assert "Traceback" not in result.output
    assert not site.exists() or not list(site.rglob("photo*"))


def test_truncated_photo_nobody_references_is_never_published(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    cut = truncated_phone_photo(root / "content/alpha/news/stray.jpg")
    commit_all(root, "2026-11-10T12:00:00+04:00")
    site = tmp_path / "site"
    build(config, site)
    assert list((site / "alpha/news").glob("photo.*.jpg"))  # the good photo is there
    published = [p for p in site.rglob("*") if p.is_file() and "stray" in p.name]
    assert published == []
    leaked = [p for p in site.rglob("*.jp*g") if p.read_bytes()[:4000] == cut[:4000]]
    assert leaked == []
