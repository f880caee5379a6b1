"""The plugin's configuration only passes the user's options on to ``Options``."""

from __future__ import annotations

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
