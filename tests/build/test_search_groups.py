"""A portal of groups (a national one: ``group`` in the registry entries) has a search index
per group, each with its municipalities' pages and the portal's own, and a rebuild after an
edit indexes again only the group whose pages changed (the others' files are kept as they
were: hard links). A region without groups keeps its one index (test_search_pages.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from regions import (
    GROUPS,
    build,
    commit_all,
    fragments,
    inodes,
    make_grouped_region,
    set_group,
    write,
)

from extrel.core import regionsearch
from extrel.core.loader import load_region


def urls(index: Path) -> set[str]:
    """The URLs of the pages in the Pagefind index folder ``index``."""
    return {str(record["url"]) for record in fragments(index).values()}


def group_ids(root: Path) -> dict[str, str]:
    """Each municipality's group id, as the build computes it."""
    region = load_region(root)
    return {mid: g.id for g in regionsearch.groups(region) for mid in g.members}


@pytest.fixture()
def region(tmp_path: Path) -> Path:
    config = make_grouped_region(tmp_path / "r")
    write(tmp_path / "r", "content/about.ru.md", "---\ntitle: О портале\n---\n\nСведения.\n")
    commit_all(config.parent, "2026-11-21T12:00:00+04:00")
    return config


def test_each_group_has_an_index_of_its_pages_and_the_portals(region: Path) -> None:
    build(region)
    site = region.parent / "site"
    ids = group_ids(region.parent)
    assert set(ids.values()) == {p.name for p in (site / "pagefind").iterdir() if p.is_dir()}
    assert not (site / "pagefind" / "pagefind-entry.json").exists()  # no whole-region index
    listed = json.loads((site / "pagefind" / regionsearch.GROUPS).read_text(encoding="utf-8"))
    assert listed == {ids["alpha"]: ["alpha"], ids["beta"]: ["beta"]}
    alpha, beta = (urls(site / "pagefind" / ids[mid]) for mid in ("alpha", "beta"))
    assert "/alpha/news/2026-11-05-kutaisi/" in alpha
    assert "/alpha/en/news/2026-11-05-kutaisi/" in alpha
    assert "/beta/news/2026-08-01-hello/" in beta
    assert not any(url.startswith("/beta/") for url in alpha), alpha
    assert not any(url.startswith("/alpha/") for url in beta), beta
    assert "/about/" in alpha and "/about/" in beta  # the portal's own page in every group
    entry = json.loads((site / "pagefind" / ids["beta"] / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "ru"]


def test_the_portal_offers_the_groups_by_name_in_each_language(region: Path) -> None:
    build(region)
    site = region.parent / "site"
    ids = group_ids(region.parent)
    ru = (site / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<label for="x-search-group">Где искать</label>' in ru
    assert '<label for="x-search-group">Search in</label>' in en
    for mid, (name_ru, name_en) in GROUPS.items():
        assert f'<option value="{ids[mid]}">{name_ru}</option>' in ru
        assert f'<option value="{ids[mid]}">{name_en}</option>' in en
    assert ru.index(GROUPS["alpha"][0]) < ru.index(GROUPS["beta"][0])  # by name
    assert 'data-pagefind="pagefind/"' in ru
    # a section's page keeps its own (lunr) search: no choice there
    assert "x-search-group" not in (site / "alpha" / "index.html").read_text(encoding="utf-8")


def test_an_edit_indexes_again_only_its_group(region: Path) -> None:
    root = region.parent
    build(region)
    site = root / "site"
    ids = group_ids(root)
    before = inodes(site / "pagefind")
    page = root / "content/alpha/news/2026-11-05-kutaisi.ru.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nСлово-новинка Зюзюкино.\n",
                    encoding="utf-8")
    commit_all(root, "2026-11-22T12:00:00+04:00", "edit")
    build(region)
    after = inodes(site / "pagefind")
    beta = [p for p in after if p.startswith(ids["beta"] + "/")]
    alpha = [p for p in after if p.startswith(ids["alpha"] + "/")]
    assert beta and all(after[p] == before.get(p) for p in beta), "beta's index was remade"
    assert any(after[p] != before.get(p) for p in alpha if p.endswith(".pf_meta")) or \
        any(p not in before for p in alpha), "alpha's index was kept"
    # what a full index of the new site holds, the updated one holds
    whole = root / "whole"
    whole.mkdir()
    for child in site.iterdir():
        if child.name != "pagefind":
            (whole / child.name).symlink_to(child)
    region_groups = regionsearch.groups(load_region(root))
    for group in region_groups:
        regionsearch.index_region(
            site, regionsearch.group_glob(site, group, ["alpha", "beta"]),
            f"../whole-{group.id}")
        assert urls(root / f"whole-{group.id}") == urls(site / "pagefind" / group.id)


def test_a_municipality_moved_to_another_group_moves_in_the_search(region: Path) -> None:
    root = region.parent
    build(region)
    set_group(root, "beta", *GROUPS["alpha"])
    commit_all(root, "2026-11-22T12:00:00+04:00", "one group")
    build(region)
    site = root / "site"
    (gid,) = set(group_ids(root).values())
    assert sorted(p.name for p in (site / "pagefind").iterdir() if p.is_dir()) == [gid]
    found = urls(site / "pagefind" / gid)
    assert "/beta/news/2026-08-01-hello/" in found and "/alpha/news/2026-11-05-kutaisi/" in found


def test_a_municipality_without_a_group_is_searched_among_the_others(tmp_path: Path) -> None:
    make_grouped_region(tmp_path / "r")
    path = tmp_path / "r/municipalities/beta.yml"
    path.write_text("".join(line for line in path.read_text(encoding="utf-8")
                            .splitlines(keepends=True) if not line.startswith("group:")),
                    encoding="utf-8")
    groups = regionsearch.groups(load_region(tmp_path / "r"))
    assert [(g.name("ru"), g.members) for g in groups] == [
        ("Альфинская область", ("alpha",)), ("Другие муниципалитеты", ("beta",))]
    assert groups[1].name("en") == "Other municipalities"
    assert groups[1].name("zh") == "Other municipalities"


def test_a_region_without_groups_has_none(tmp_path: Path) -> None:
    from regions import make_region

    make_region(tmp_path / "r")
    assert regionsearch.groups(load_region(tmp_path / "r")) == []


def test_check_warns_of_an_index_too_large_and_says_how_to_split_it(tmp_path: Path) -> None:
    """Above GROUP_LIMIT municipalities in one index (the portal's or a group's) a visitor's
    first search fetches more than half a megabyte: a warning names the fix (the exit code
    stays what the content makes it)."""
    from types import SimpleNamespace

    from extrel.core.schema import Localized

    many = {f"m{n}": SimpleNamespace(meta=SimpleNamespace(group=None))
            for n in range(regionsearch.GROUP_LIMIT + 1)}
    (warning,) = regionsearch.size_warnings(many)
    assert warning.severity == "warning"
    text = warning.to_dict("ru")["message"]
    assert f"— {regionsearch.GROUP_LIMIT + 1}, больше {regionsearch.GROUP_LIMIT}" in text
    assert "group: {ru: Ульяновская область, en: Ulyanovsk Oblast}" in text
    assert regionsearch.size_warnings(dict(list(many.items())[:regionsearch.GROUP_LIMIT])) == []
    big = Localized(ru="Большая область", en="Big Oblast")
    grouped = {mid: SimpleNamespace(meta=SimpleNamespace(group=big)) for mid in many}
    grouped["small"] = SimpleNamespace(meta=SimpleNamespace(
        group=Localized(ru="Малая область", en="Small Oblast")))
    (warning,) = regionsearch.size_warnings(grouped)
    assert "«Большая область»" in warning.to_dict("ru")["message"]
    assert "“Big Oblast”" in warning.to_dict("en")["message"]


def test_shares_put_together_get_every_groups_index_from_portal_only(region: Path) -> None:
    """A national portal is built in shares: each share holds part of the pages, so the
    groups' indexes are made once the shares are together (``--portal-only``), and equal a
    whole build's."""
    root = region.parent
    build(region, "--site-dir", str(root / "whole"))
    merged = root / "merged"
    merged.mkdir()
    for k in (1, 2):
        part = root / f"share{k}"
        build(region, "--shard", f"{k}/2", "--site-dir", str(part))
        assert not (part / "pagefind").exists()
        for path in sorted(part.rglob("*")):
            target = merged / path.relative_to(part)
            if path.is_dir():
                target.mkdir(exist_ok=True)
            elif not target.exists():
                os.link(path, target)
    build(region, "--portal-only", "--site-dir", str(merged))
    ids = set(group_ids(root).values())
    assert {p.name for p in (merged / "pagefind").iterdir() if p.is_dir()} == ids
    for gid in ids:
        assert urls(merged / "pagefind" / gid) == urls(root / "whole" / "pagefind" / gid)


def test_a_hostile_group_name_is_refused_and_a_tricky_one_is_text(region: Path) -> None:
    """A group's name comes from the registry: markup there is refused with the file, line
    and field; what is allowed is shown as text."""
    from click.testing import CliRunner

    from extrel.cli import cli

    root = region.parent
    set_group(root, "beta", "'<img src=x onerror=alert(1)>'", "'</option><script>x()</script>'")
    commit_all(root, "2026-11-22T12:00:00+04:00", "hostile")
    result = CliRunner().invoke(cli, ["build", "-f", str(region), "--today", "2026-11-23",
                                      "--workers", "1"])
    assert result.exit_code == 2, result.output
    assert "municipalities/beta.yml:" in result.output and "«group.ru»" in result.output
    assert "«group.en»" in result.output and not (root / "site").exists()
    set_group(root, "beta", "'Бета & Ко: «область» 1 < 2'", "'Beta & Co \"Oblast\" 1 < 2'")
    commit_all(root, "2026-11-22T13:00:00+04:00", "tricky")
    build(region)
    ru = (root / "site" / "index.html").read_text(encoding="utf-8")
    en = (root / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert ">Бета &amp; Ко: «область» 1 &lt; 2</option>" in ru
    assert ">Beta &amp; Co &#34;Oblast&#34; 1 &lt; 2</option>" in en


def test_portal_pages_with_any_name_are_searched_in_every_group(region: Path) -> None:
    """An editor names a portal page as they like (Cyrillic, spaces); one whose name holds a
    glob's pattern characters is left out of the index, never taken as a pattern."""
    root = region.parent
    write(root, "content/о регионе.ru.md", "---\ntitle: О регионе\n---\n\nСведения о крае.\n")
    write(root, "content/a{b,c}.ru.md", "---\ntitle: Скобки\n---\n\nСтраница со скобками.\n")
    commit_all(root, "2026-11-22T12:00:00+04:00", "portal pages")
    build(region)
    site = root / "site"
    for gid in set(group_ids(root).values()):
        found = urls(site / "pagefind" / gid)
        assert "/о регионе/" in found or "/%D0%BE%20%D1%80%D0%B5%D0%B3%D0%B8%D0%BE%D0%BD%D0%B5/" \
            in found, found
        assert not any("{" in url or "%7B" in url for url in found), found


def test_a_group_of_thousands_with_long_ids_is_indexed(tmp_path: Path) -> None:
    """A group's glob names every municipality of the group: with thousands of long ids it
    is longer than one command-line argument may be (128 KB on Linux), so it goes in
    Pagefind's configuration file, with common beginnings written once (Pagefind refuses a
    few thousand long names listed one by one)."""
    import hashlib

    site = tmp_path / "site"
    ids = sorted(hashlib.sha1(str(n).encode()).hexdigest()[:10] + "-gorodskoe-poselenie"
                 for n in range(5001))
    members, outsider = tuple(ids[:-1]), ids[-1]
    assert sum(len(mid) + 1 for mid in members) > 128 * 1024  # listed one by one
    for mid in (members[0], members[-1], outsider):
        page = site / mid / "news" / "x" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text('<html lang="ru"><body><article><h1>Делегация</h1><p>О визите.</p>'
                        "</article></body></html>", encoding="utf-8")
    group = regionsearch.Group("g0", (("ru", "Большая"), ("en", "Big")), members)
    regionsearch.index_groups(site, [group], [group], ids)
    assert urls(site / "pagefind" / "g0") == {f"/{members[0]}/news/x/",
                                              f"/{members[-1]}/news/x/"}


def test_check_names_a_group_written_two_ways_and_two_groups_one_english_name(
        region: Path) -> None:
    """The registry entries of one group must agree on its English name, and two groups
    need two English names: check warns, naming the files and the names."""
    from click.testing import CliRunner

    from extrel.cli import cli

    root = region.parent
    set_group(root, "beta", GROUPS["alpha"][0], "Alfa Region")
    commit_all(root, "2026-11-22T12:00:00+04:00", "two names")
    result = CliRunner().invoke(cli, ["check", "-f", str(region), "--today", "2026-11-23"])
    assert ("municipalities/alpha.yml: группа поиска «Альфинская область» названа "
            "по-английски по-разному: Alpha Oblast (alpha); Alfa Region (beta)") in result.output
    set_group(root, "beta", "Другая область", GROUPS["alpha"][1])
    commit_all(root, "2026-11-22T13:00:00+04:00", "one english name")
    result = CliRunner().invoke(cli, ["check", "-f", str(region), "--today", "2026-11-23"])
    assert ("у групп поиска «Альфинская область», «Другая область» одно английское название "
            "«Alpha Oblast»") in result.output
    assert result.exit_code in (0, 1), result.output  # warnings: the content is still valid
