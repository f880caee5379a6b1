"""With fewer sections to build than processes (after an edit: one section), each section's
languages are built side by side, the other languages into folders of their own moved into
the section's once all are built (``builder._build_sections``). The site is the same, file
for file, as when the default language's build chains the others."""

from __future__ import annotations

from pathlib import Path

from regions import build, commit_all, git, make_region, make_zh_region, tree

from extrel.mkdocs import builder
from extrel.mkdocs.builder import SectionResult


def built(config: Path, site: str, workers: int) -> dict[str, bytes]:
    folder = config.parent / site
    build(config, "--site-dir", str(folder), "--workers", str(workers))
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]
    return tree(folder)


def test_languages_side_by_side_give_the_chained_site(tmp_path: Path) -> None:
    # two sections and the portal on four processes: every section is split
    config = make_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    assert built(config, "split", 4) == built(config, "chained", 1)


def test_a_third_language_is_built_beside_the_two(tmp_path: Path) -> None:
    config = make_zh_region(tmp_path / "r")
    commit_all(config.parent, "2026-11-10T12:00:00+04:00")
    split = built(config, "split", 8)
    assert any(k.startswith("alpha/zh/") for k in split)
    assert split == built(config, "chained", 1)


def test_an_edit_of_one_section_builds_its_languages_side_by_side(tmp_path: Path) -> None:
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config, "--workers", "3")
    page = root / "content/beta/news/2026-08-01-hello.ru.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nВторой абзац.\n", encoding="utf-8")
    git(root, "commit", "-qam", "edit", date="2026-11-12T10:00:00+04:00")
    out = build(config, "--workers", "3")
    assert "(собрано 1, без изменений 1)" in out
    assert tree(root / "site") == built(config, "fresh", 1)


def test_a_failed_language_fails_its_section(tmp_path: Path) -> None:
    """The other language's failure is the section's, its folder never moved in; the
    warnings are told as a chained build tells them, the default language's first."""
    staging = tmp_path / "staging"
    (staging / "alpha").mkdir(parents=True)
    (staging / ".alpha.en").mkdir()
    parts = {"en": SectionResult("alpha", 2.0, ["en warning"], "en: broken template"),
             "ru": SectionResult("alpha", 1.0, ["ru warning"])}
    joined = builder._joined(staging, "alpha", parts, ("en",))
    assert joined.error == "en: broken template"
    assert joined.warnings == ["ru warning", "en warning"]
    assert joined.seconds == 2.0
    assert not (staging / "alpha/en").exists()
    parts["en"] = SectionResult("alpha", 2.0, ["en warning"])
    joined = builder._joined(staging, "alpha", parts, ("en",))
    assert joined.error is None and (staging / "alpha/en").is_dir()
    assert not (staging / ".alpha.en").exists()
