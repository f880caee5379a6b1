"""A small change costs work in proportion to the change: the replaced site is kept beside
the new one as the start of the next staging folder, and the search index is made again
only for the languages whose pages changed. Each result equals a fresh build, file for file."""

from __future__ import annotations

import json
from pathlib import Path

from regions import build, commit_all, git, inodes, make_region, tree

from extrel.core import regionsearch
from extrel.core.buildstate import Manifest, load_manifest
from extrel.mkdocs import previoussite, searchindex

NEWS = "content/beta/news/2026-08-01-hello"


def edit(root: Path, lang: str, words: str, day: int) -> None:
    page = root / f"{NEWS}.{lang}.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    git(root, "commit", "-qam", f"edit {day}", date=f"2026-11-{day:02d}T10:00:00+04:00")


def index_files(files: dict[str, int], lang: str) -> dict[str, int]:
    """The inodes of one language's files of the search index, of a site's ``inodes``."""
    return {k: v for k, v in files.items() if k.startswith(regionsearch.FOLDER + "/")
            and regionsearch.language_of_file(Path(k).name) == lang}


def built_region(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """``make_region`` committed and built once: its mkdocs.yml, root, site folder, and where
    the previous site would be kept."""
    config = make_region(tmp_path / "r")
    root = config.parent
    commit_all(root, "2026-11-10T12:00:00+04:00")
    build(config)
    return config, root, root / "site", previoussite.folder(root / "site")


def test_an_edit_relinks_one_section_and_indexes_one_language(tmp_path: Path) -> None:
    config, root, site, kept = built_region(tmp_path)
    first = inodes(site)
    # a first build replaces nothing, and keeps a copy of itself made of links (but its
    # search index, always made anew) for the next build to start from
    assert {k: v for k, v in inodes(kept).items() if k != previoussite.MARKER} == \
        {k: v for k, v in first.items() if not k.startswith(regionsearch.FOLDER + "/")}
    held = Manifest.model_validate_json((kept / previoussite.MARKER).read_text("utf-8"))
    assert held == load_manifest(site) and held.complete
    # a later last update: the portal's freshness table changes, in every language, but the
    # Russian pages' indexed content does not: only the English index is made again
    edit(root, "en", "Second English paragraph.", 12)
    assert "(собрано 1, без изменений 1)" in build(config)
    second = inodes(site)
    # the replaced site is kept whole, and nothing of it is published
    assert kept.is_dir() and previoussite.MARKER not in {p.name for p in site.iterdir()}
    assert {k: v for k, v in inodes(kept).items() if k != previoussite.MARKER} == first
    assert index_files(second, "ru") == index_files(first, "ru") != {}
    assert index_files(second, "en") != index_files(first, "en")
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(site) == tree(fresh)

    # the same day again: only beta's English pages change. The build starts from the
    # kept site, where alpha (unchanged since) is the current site's files; only the
    # English index is made again, the Russian files are the same files
    edit(root, "en", "Third English paragraph.", 12)
    assert "(собрано 1, без изменений 1)" in build(config)
    third = inodes(site)
    assert {k: v for k, v in third.items() if k.startswith("alpha/")} == \
        {k: v for k, v in second.items() if k.startswith("alpha/")}
    assert index_files(third, "ru") == index_files(second, "ru") != {}
    assert index_files(third, "en") != index_files(second, "en")
    entry = json.loads((site / regionsearch.FOLDER / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["en", "ru"]
    fresh2 = tmp_path / "fresh2"
    build(config, "--site-dir", str(fresh2))
    assert tree(site) == tree(fresh2)

    # and a Russian edit (the first one dates the Russian page anew, which the English
    # pages show too; the second changes the Russian pages only): the English index is kept
    edit(root, "ru", "Второй абзац.", 12)
    build(config)
    third = inodes(site)
    edit(root, "ru", "Третий абзац.", 12)
    assert "(собрано 1, без изменений 1)" in build(config)
    fourth = inodes(site)
    assert index_files(fourth, "en") == index_files(third, "en") != {}
    assert index_files(fourth, "ru") != index_files(third, "ru")
    fresh3 = tmp_path / "fresh3"
    build(config, "--site-dir", str(fresh3))
    assert tree(site) == tree(fresh3)
    assert "Третий абзац." in (site / "beta/news/2026-08-01-hello/index.html").read_text(
        encoding="utf-8")


def test_a_tampered_or_missing_marker_means_a_whole_staging_folder(tmp_path: Path) -> None:
    config, root, site, kept = built_region(tmp_path)
    edit(root, "ru", "Второй абзац.", 12)
    build(config)
    # a kept site whose marker lies (or that someone changed) is not trusted file by file:
    # without a marker it is emptied, so a stray file in it never reaches the site
    (kept / previoussite.MARKER).unlink()
    (kept / "alpha/stray.html").write_text("stray", encoding="utf-8")
    edit(root, "ru", "Третий абзац.", 13)
    build(config)
    assert not (site / "alpha/stray.html").exists()
    (kept / previoussite.MARKER).write_text("{not json", encoding="utf-8")
    (kept / "alpha/stray.html").write_text("stray", encoding="utf-8")
    edit(root, "ru", "Четвёртый абзац.", 14)
    build(config)
    assert not (site / "alpha/stray.html").exists()
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(site) == tree(fresh)


def test_an_index_made_again_shares_the_files_that_did_not_change(tmp_path: Path) -> None:
    """The edited language's index is made in a folder holding hard links to the current
    index's files named by a hash; Pagefind writes only the files whose contents changed
    (never one already there), the files the new index does not use are removed, and the
    entry file (rewritten by the build) is never the current site's. No file of the current
    site changes, and the site equals a fresh build."""
    config, root, site, _kept = built_region(tmp_path)
    edit(root, "ru", "Второй абзац.", 12)
    build(config)
    before = inodes(site)
    live = tree(site / regionsearch.FOLDER)
    edit(root, "ru", "Третий абзац.", 12)
    build(config)
    after = inodes(site)
    ru_before, ru_after = index_files(before, "ru"), index_files(after, "ru")
    kept = {k for k, v in ru_after.items() if ru_before.get(k) == v}
    new = set(ru_after) - kept
    fragments = [k for k in ru_after if k.endswith(".pf_fragment")]
    # one page's text changed: its fragment, the word index and the metadata are new
    assert len(fragments) > 4 and 0 < len(new) < len(fragments) / 2, new
    assert {k for k in kept if k.endswith(".pf_fragment")}, "unchanged pages' fragments"
    gone = set(ru_before) - set(ru_after)
    assert any(k.endswith(".pf_fragment") for k in gone), "the edited page's old fragment"
    entry = f"{regionsearch.FOLDER}/{regionsearch.ENTRY}"
    assert after[entry] != before[entry]
    # the previous site (kept beside for the next build) has every index file as it was
    previous = previoussite.folder(site) / regionsearch.FOLDER
    assert tree(previous) == live
    fresh = tmp_path / "fresh"
    build(config, "--site-dir", str(fresh))
    assert tree(site) == tree(fresh)


def test_a_page_language_comes_from_where_it_lives() -> None:
    others = ["en", "zh"]
    assert searchindex.language_of("index.html", others) == "ru"
    assert searchindex.language_of("en/index.html", others) == "en"
    assert searchindex.language_of("alpha/index.html", others) == "ru"
    assert searchindex.language_of("alpha/zh/news/x/index.html", others) == "zh"
    assert searchindex.language_of("alpha/news/en/index.html", others) == "ru"


def test_a_glob_names_the_pages_of_one_language(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for page in ("index.html", "en/index.html", "freshness/index.html",
                 "alpha/index.html", "alpha/news/x/index.html", "alpha/en/index.html",
                 "alpha/en/news/x/index.html", "pagefind/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("", encoding="utf-8")
    assert searchindex.pages_glob(site, ["en"], ["en"]) == \
        "{en/**/index.html,*/en/**/index.html}"
    assert searchindex.pages_glob(site, ["ru"], ["en"]) == (
        "{index.html,alpha/index.html,alpha/news/**/index.html,freshness/index.html}")
    (site / "beta{x}").mkdir()
    assert searchindex.pages_glob(site, ["ru"], ["en"]) is None


def test_a_page_changes_the_index_only_where_pagefind_reads_it(tmp_path: Path) -> None:
    def page(name: str, body: str, outside: str) -> Path:
        path = tmp_path / name
        path.write_text(f"<html lang=ru><body><article><h1 data-pagefind-body>{body}</h1>"
                        f"<p>{outside}</p></article></body></html>", encoding="utf-8")
        return path

    old = page("old.html", "Кутаиси", "обновлено 5 ноября")
    assert searchindex._same_for_index(page("a.html", "Кутаиси", "обновлено 12 ноября"), old,
                                       bodies_only=True)
    assert not searchindex._same_for_index(page("b.html", "Кутаиси!", "обновлено 5 ноября"),
                                           old, bodies_only=True)
    # a region whose pages carry no mark: Pagefind reads every article, any change counts
    assert not searchindex._same_for_index(page("c.html", "Кутаиси", "обновлено 12 ноября"),
                                           old, bodies_only=False)
    # a page that appears or goes away counts only where Pagefind reads it
    plain = tmp_path / "plain.html"
    plain.write_text("<html><body><article>список</article></body></html>", encoding="utf-8")
    assert searchindex._same_for_index(plain, tmp_path / "missing.html", bodies_only=True)
    assert not searchindex._same_for_index(old, tmp_path / "missing.html", bodies_only=True)
