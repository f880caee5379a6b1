"""The plugin's configuration only passes the user's options on to ``Options``."""

from __future__ import annotations

from pathlib import Path

from extrel.core.options import INTERNAL_KEYS, Options, parse_options
from extrel.mkdocs.config import ExtrelConfig


def test_plugin_config_and_options_accept_the_same_options() -> None:
    plugin = set(dict(ExtrelConfig().items())) - INTERNAL_KEYS
    assert plugin == set(Options.model_fields)


def test_plugin_config_adds_no_defaults_of_its_own() -> None:
    config = ExtrelConfig()
    config.load_dict({})
    errors, warnings = config.validate()
    assert errors == [] and warnings == []
    options, problems = parse_options(dict(config))
    assert problems == [] and options == Options()
    given = {"timezone": "Europe/Ulyanovsk", "stale_log_level": "warning",
             "freshness": {"max_age_days": 40}, "allowed_iframe_hosts": ["video.example"],
             "fail_on_stale": True, "workers": 2, "enabled": True}
    config = ExtrelConfig()
    config.load_dict(given)
    assert config.validate() == ([], [])
    options, problems = parse_options(dict(config))
    assert problems == []
    assert options == Options.model_validate(given)


def test_the_portals_docs_folder_is_one_per_process_and_follows_the_content(
        tmp_path: Path) -> None:
    """The portal's docs folder (links to content/'s own pages) is made once per process and
    made again for each build: a long-running ``extrel serve`` left one temporary folder per
    rebuild behind, and a page added between builds must appear."""
    from extrel.mkdocs import siteconfig

    content = tmp_path / "content"
    (content / "alpha").mkdir(parents=True)
    (content / "index.ru.md").write_text("# Портал\n", encoding="utf-8")
    first = siteconfig._portal_docs(content)
    assert sorted(p.name for p in first.iterdir()) == ["index.ru.md"]
    (content / "about.ru.md").write_text("# О портале\n", encoding="utf-8")
    (content / "index.ru.md").unlink()
    second = siteconfig._portal_docs(content)
    assert second == first
    assert sorted(p.name for p in second.iterdir()) == ["about.ru.md"]
    assert (second / "about.ru.md").resolve() == (content / "about.ru.md").resolve()
