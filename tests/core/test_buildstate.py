"""The build plan: what is built and why, from the manifest and the inputs' fingerprints."""

from __future__ import annotations

import os
from pathlib import Path

from extrel.core.buildstate import (
    Manifest,
    load_manifest,
    manifest_path,
    next_manifest,
    plan,
    save_manifest,
)
from extrel.core.fingerprint import Fingerprint, fingerprint

A = {"content": "a1", "dates": "d1", "check date": "2026-11-23"}
B = {"content": "b1", "dates": "d1", "check date": "2026-11-23"}
PORTAL = {"freshness": "f1", "registry": "r1"}


def last() -> Manifest:
    return Manifest(sections={"alpha": A, "beta": B}, portal=PORTAL)


def test_nothing_changed_builds_nothing() -> None:
    p = plan(last(), {"alpha": A, "beta": B}, PORTAL, current=["alpha", "beta"],
             present={"alpha", "beta"}, portal_present=True, site_exists=True)
    assert p.nothing and p.reuse == ["alpha", "beta"] and p.reasons == {}


def test_each_rebuild_says_why() -> None:
    edited = {**A, "content": "a2"}
    portal = {**PORTAL, "freshness": "f2"}
    p = plan(last(), {"alpha": edited, "beta": B, "gamma": B}, portal,
             current=["alpha", "beta", "gamma"], present={"alpha"}, portal_present=True,
             site_exists=True)
    assert p.build == ["alpha", "beta", "gamma"] and p.portal
    assert p.reasons == {"alpha": "content changed", "beta": "missing from the site",
                         "gamma": "not built before", "portal": "freshness changed"}


def test_a_removed_municipality_goes() -> None:
    p = plan(last(), {"alpha": A}, PORTAL, current=["alpha"], present={"alpha", "beta"},
             portal_present=True, site_exists=True)
    assert p.remove == ["beta"] and p.reasons == {"beta": "no longer in the registry"}
    assert next_manifest(last(), {"alpha": A}, PORTAL, current=["alpha"], quick=None,
                         summary=None).sections == {"alpha": A}


def test_an_incomplete_manifest_or_no_site_trusts_nothing() -> None:
    for manifest, exists in ((Manifest(complete=False, sections=last().sections,
                                       portal=PORTAL), True), (last(), False)):
        p = plan(manifest, {"alpha": A, "beta": B}, PORTAL, current=["alpha", "beta"],
                 present={"alpha", "beta"}, portal_present=True, site_exists=exists)
        assert p.build == ["alpha", "beta"] and p.portal


def test_the_manifest_round_trips_and_anything_else_reads_as_incomplete(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    save_manifest(site, last())
    assert load_manifest(site) == last()
    assert manifest_path(site).name == "site.extrel-manifest.json"
    for text in ("", "{", '{"/portal": "x"}', '{"version": 1}', '{"version": 2, "x": 1}'):
        manifest_path(site).write_text(text, encoding="utf-8")
        assert load_manifest(site).complete is False
    manifest_path(site).unlink()
    assert load_manifest(site).complete is False


def test_a_fingerprint_frames_its_parts(tmp_path: Path) -> None:
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    (tmp_path / "f").write_text("x", encoding="utf-8")
    by_content = Fingerprint().tree(tmp_path, content=True).hexdigest()
    by_time = Fingerprint().tree(tmp_path).hexdigest()
    st = (tmp_path / "f").stat()
    os.utime(tmp_path / "f", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert Fingerprint().tree(tmp_path, content=True).hexdigest() == by_content
    assert Fingerprint().tree(tmp_path).hexdigest() != by_time
