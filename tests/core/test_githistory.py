"""The walk of a history, on hand-made logs (children first, as ``git log --topo-order``)."""

from __future__ import annotations

import pytest

from extrel.core.githistory import HEADER, last_changes, parse_log

# commit: (sha, parents, timestamp, changes)
LINEAR_SKEWED = [
    ("c3", ("c2",), 300, [("M", ["a.md"])]),  # the child, with the oldest clock
    ("c2", ("c1",), 900, [("M", ["a.md"]), ("M", ["b.md"])]),
    ("c1", (), 500, [("A", ["a.md"]), ("A", ["b.md"])]),
]
PARALLEL = [
    # m merges x (main) and y (side); both changed a.md, the merge took x's version as is
    ("m", ("x", "y"), 1000, []),
    ("y", ("base",), 700, [("M", ["a.md"])]),
    ("x", ("base",), 400, [("M", ["a.md"])]),
    ("base", (), 100, [("A", ["a.md"])]),
]
RESOLVED = [("m", ("x", "y"), 1000, [("M", ["a.md"])]), *PARALLEL[1:]]


@pytest.mark.parametrize(
    ("log", "ignored", "expected"),
    [
        (LINEAR_SKEWED, set(), {"a.md": 300, "b.md": 900}),
        (LINEAR_SKEWED, {"c3"}, {"a.md": 900, "b.md": 900}),
        (PARALLEL, set(), {"a.md": 700}),  # neither is an ancestor: the later date
        (RESOLVED, set(), {"a.md": 1000}),  # the conflict resolution
        (RESOLVED, {"m"}, {"a.md": 700}),
        ([("r", ("c",), 800, [("R100", ["old.md", "a.md"])]),
          ("c", (), 200, [("A", ["old.md"])])], set(), {"a.md": 200}),
        ([("r", ("c",), 800, [("R090", ["old.md", "a.md"])]),
          ("c", (), 200, [("A", ["old.md"])])], set(), {"a.md": 800}),
    ],
)
def test_last_changes(log, ignored, expected) -> None:
    assert last_changes(log, set(expected), ignored) == expected


def test_parse_log_reads_merges_as_changes() -> None:
    out = "\0".join([
        f"{HEADER}m 1000 x y", "", "MM", "a.md",
        f"{HEADER}y 700 base\n", "R100", "old.md", "b.md",
        f"{HEADER}base 100 \n", "A", "a.md", "",
    ])
    assert list(parse_log(out)) == [
        ("m", ("x", "y"), 1000, [("M", ["a.md"])]),
        ("y", ("base",), 700, [("R100", ["old.md", "b.md"])]),
        ("base", (), 100, [("A", ["a.md"])]),
    ]
