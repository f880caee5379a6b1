"""allowed_iframe_hosts are host names the Content-Security-Policy can name: anything else is a
configuration problem with a message, never a crash of the build."""

from __future__ import annotations

import pytest

from extrel.core.csp import policy
from extrel.core.options import parse_options


def test_host_names_are_normalised_and_reach_the_policy() -> None:
    options, problems = parse_options({"allowed_iframe_hosts": [" RuTube.ru", "www.youtube.com"]})
    assert problems == []
    assert options.allowed_iframe_hosts == ["rutube.ru", "www.youtube.com"]
    assert "frame-src https://rutube.ru https://www.youtube.com;" in policy(
        options.allowed_iframe_hosts)


@pytest.mark.parametrize("bad", ["https://www.youtube.com", "*.youtube.com", "youtube.com:443",
                                 "evil.example\\@www.youtube.com", "a b", "localhost", ""])
def test_anything_but_a_host_name_is_a_configuration_problem(bad: str) -> None:
    options, problems = parse_options({"allowed_iframe_hosts": ["vk.com", bad]})
    assert len(problems) == 1
    assert problems[0].file == "mkdocs.yml"
    assert "allowed_iframe_hosts" in problems[0].format("ru")
    assert "например www.youtube.com" in problems[0].format("ru")
    assert "e.g. www.youtube.com" in problems[0].format("en")
    # the defaults stand in, so the policy can still be written
    policy(options.allowed_iframe_hosts)
