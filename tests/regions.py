"""Small real regions written into a temporary folder, for build and CLI tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

REPO = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: Тестовый регион
docs_dir: content
theme:
  name: material
  custom_dir: theme
  language: ru
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: ru, name: Русский, default: true}
        - {locale: en, name: English, site_name: Test region}
  - extrel:
      timezone: Europe/Ulyanovsk
"""

MUNICIPALITY = """\
name: {{ru: {ru}, en: {en}}}
kind: district
coat_of_arms: {id}.png
coordinator:
  name: {{ru: Иванова Анна Петровна, en: Anna Ivanova}}
  email: {id}@example.org
  phone: +7 (84241) 2-00-00
website: https://example.org/{id}
"""


def write(root: Path, relpath: str, text: str) -> Path:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(fields: dict[str, object], body: str = "Текст страницы.") -> str:
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines += ["---", "", body, ""]
    return "\n".join(lines)


def image(path: Path, size: tuple[int, int] = (60, 40), colour: str = "steelblue") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


def make_region(root: Path) -> Path:
    """Two municipalities: ``alpha`` has every subsection in both languages, one news item
    in Russian only; ``beta`` has only one news item. Returns the mkdocs.yml path."""
    root.mkdir(parents=True, exist_ok=True)
    write(root, "mkdocs.yml", MKDOCS_YML)
    write(root, "theme/main.html", '{% extends "base.html" %}\n')
    write(root, "content/index.ru.md", page({"title": "Портал региона"}, "Добро пожаловать."))
    write(root, "content/index.en.md", page({"title": "Regional portal"}, "Welcome."))
    for mid, ru, en in (("alpha", "Альфинский район", "Alpha District"),
                        ("beta", "Бетинский район", "Beta District")):
        write(root, f"municipalities/{mid}.yml", MUNICIPALITY.format(id=mid, ru=ru, en=en))
        image(root / f"municipalities/{mid}.png", (40, 48), "darkred")
    a = "content/alpha"
    for day, slug, ru, en in (("2026-10-01", "forum", "Форум в Казани", "Forum in Kazan"),
                              ("2026-11-05", "kutaisi", "Делегация из Кутаиси",
                               "Delegation from Kutaisi"),
                              ("2026-09-12", "minsk", "Визит в Минск", "Visit to Minsk")):
        write(root, f"{a}/news/{day}-{slug}.ru.md", page(
            {"title": ru, "date": day, "summary": "Кратко о событии.", "kind": "conference"},
            "Подробный рассказ о событии."))
        write(root, f"{a}/news/{day}-{slug}.en.md", page(
            {"title": en, "summary": "In brief."}, "The full story."))
    write(root, f"{a}/news/2026-11-10-only-russian.ru.md", page(
        {"title": "Только по-русски", "date": "2026-11-10", "image": "photo.jpg",
         "image_alt": "Участники встречи"}, "Эта новость ещё не переведена."))
    image(root / f"{a}/news/photo.jpg", (120, 80))
    write(root, f"{a}/partners/kutaisi.ru.md", page(
        {"title": "Кутаиси, Грузия", "country": "GE", "type": "twin", "status": "active",
         "since": "2019-05-01", "directions": "[культура, образование]"}))
    write(root, f"{a}/partners/kutaisi.en.md", page(
        {"title": "Kutaisi, Georgia", "directions": "[culture, education]"}))
    for year in (2025, 2026):
        write(root, f"{a}/plan/{year}.ru.md", page(
            {"title": f"План на {year} год", "year": year, "approved": f"{year}-01-15"}))
        write(root, f"{a}/plan/{year}.en.md", page({"title": f"Plan for {year}"}))
    for day, ru, en in (("2026-12-05", "Форум в декабре", "December forum"),
                        ("2026-06-01", "Летний фестиваль", "Summer festival")):
        write(root, f"{a}/announcements/{day}-event.ru.md", page(
            {"title": ru, "start": day, "place": "Инза"}))
        write(root, f"{a}/announcements/{day}-event.en.md", page({"title": en, "place": "Inza"}))
    write(root, f"{a}/organizations/uclg.ru.md",
          page({"title": "ОГМВ Евразия", "since": "2020-01-01"}))
    write(root, f"{a}/organizations/uclg.en.md", page({"title": "UCLG Eurasia"}))
    write(root, f"{a}/participation/2026-09-20-expo.ru.md", page(
        {"title": "Выставка в Ташкенте", "date": "2026-09-20", "place": "Ташкент",
         "country": "UZ", "kind": "trade-mission"}))
    write(root, f"{a}/participation/2026-09-20-expo.en.md", page(
        {"title": "Expo in Tashkent", "place": "Tashkent"}))
    files_ru = '[{file: overview.pdf, title: "Общая презентация", kind: overview}]'
    files_en = '[{file: overview.pdf, title: "General presentation", kind: overview}]'
    write(root, f"{a}/presentation/index.ru.md", page({"title": "О районе", "files": files_ru}))
    write(root, f"{a}/presentation/index.en.md", page({"title": "About the district",
                                                        "files": files_en}))
    (root / f"{a}/presentation/overview.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    write(root, "content/beta/news/2026-08-01-hello.ru.md", page(
        {"title": "Привет", "date": "2026-08-01"}))
    write(root, "content/beta/news/2026-08-01-hello.en.md", page({"title": "Hello"}))
    return root / "mkdocs.yml"


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    for var in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):
        env.pop(var, None)
    return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env,
                          check=True, capture_output=True, text=True).stdout


def commit_all(root: Path, date: str, message: str = "content") -> None:
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


def copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst)


def add_language(root: Path, code: str, name: str, site_name: str | None = None) -> None:
    """Add a language to the region's i18n block, as a region with partners speaking it
    would (nothing else in mkdocs.yml changes)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    extra = f", site_name: {site_name}" if site_name else ""
    anchor = "        - {locale: en, name: English, site_name: Test region}\n"
    assert anchor in text
    text = text.replace(anchor, anchor + f"        - {{locale: {code}, name: {name}{extra}}}\n")
    config.write_text(text, encoding="utf-8")


def make_zh_region(root: Path) -> Path:
    """``make_region`` with Chinese as a third language: ``alpha`` has its home subsections'
    first news item, a partner and the presentation in Chinese; the rest is not translated
    (shown in Russian, marked). Returns the mkdocs.yml path."""
    config = make_region(root)
    add_language(root, "zh", "中文", "对外关系")
    a = "content/alpha"
    write(root, f"{a}/news/2026-11-05-kutaisi.zh.md", page(
        {"title": "库塔伊西代表团来访", "summary": "简讯。"}, "详细报道。"))
    write(root, f"{a}/partners/kutaisi.zh.md", page(
        {"title": "格鲁吉亚库塔伊西", "directions": "[文化, 教育]"}))
    write(root, f"{a}/presentation/index.zh.md", page(
        {"title": "关于本区",
         "files": '[{file: overview.pdf, title: "总体介绍", kind: overview}]'}))
    return config


GROUPS = {"alpha": ("Альфинская область", "Alpha Oblast"),
          "beta": ("Бетинская область", "Beta Oblast")}
"""The search groups of ``make_grouped_region`` (a national portal's federal subjects)."""


def set_group(root: Path, mid: str, ru: str, en: str) -> None:
    """Name ``mid``'s search group in its registry entry (replacing the one it had)."""
    path = root / f"municipalities/{mid}.yml"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("group:")]
    lines.append(f"group: {{ru: {ru}, en: {en}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_grouped_region(root: Path) -> Path:
    """``make_region`` as a portal of groups: ``alpha`` and ``beta`` each in a group of its
    own (``GROUPS``). Returns the mkdocs.yml path."""
    config = make_region(root)
    for mid, (ru, en) in GROUPS.items():
        set_group(root, mid, ru, en)
    return config


# --- built sites, compared ---------------------------------------------------------------------


def build(config: Path, *extra: str) -> str:
    """``extrel build`` of the region at ``config`` on the tests' check date, in this process;
    its output (the build must succeed)."""
    from click.testing import CliRunner

    from extrel.cli import cli

    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", "2026-11-23",
                                      "--workers", "1", *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed (BeautifulSoup with lxml)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path: its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` by its relative path: its inode (hard links share one)."""
    return {p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fragments(index: Path) -> dict[str, dict[str, object]]:
    """The pages of the Pagefind index folder ``index`` by the name of their fragment file
    (``ru_….pf_fragment``): each page's record as the search shows it (URL, text, title)."""
    import gzip
    import json

    found = {}
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found[path.name] = json.loads(data[data.index(b"{"):])
    return found


@contextlib.contextmanager
def memory_disk(folder: Path, size: str) -> Iterator[Path]:
    """A file system of its own in memory (tmpfs) of ``size`` (``24m``, ``256k``) at
    ``folder``, to fill up; the test is skipped where it cannot be mounted."""
    import pytest

    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
