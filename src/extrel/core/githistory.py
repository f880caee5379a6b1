"""The last change of each file, read from one walk of the whole git history.

Pure: `parse_log` reads the output of one ``git log`` (run by ``gitdates``), and
`last_changes` dates each wanted path from it, following PRODUCT.md's "Freshness" (see the
rules in ``gitdates``' docstring): the last change in history order, merges that change a
file counted, ignored revisions and pure renames not.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

HEADER = "\x01"
"""Marks the start of a commit in our `git log` format (never a status letter)."""

LOG_ARGS = (
    "log",
    "-z",
    "--topo-order",  # children before parents, so renames are met before older edits
    f"--format={HEADER}%H %ct %P",
    "--name-status",
    "-M",
    "--diff-merges=dense-combined",
)
"""The ``git`` arguments whose output (followed by the revision and ``--``) `parse_log`
reads."""

LogEntry = tuple[str, tuple[str, ...], int, list[tuple[str, list[str]]]]
"""(hash, parents, committer timestamp, [(status, paths)]) of one commit."""


def parse_log(out: str) -> Iterator[LogEntry]:
    """The commits of ``git <LOG_ARGS> HEAD --`` output, in its order: children before
    parents (``--topo-order``).

    A merge lists the paths whose version differs from every parent's (``dense-combined``
    diff, one combined status such as ``MM`` per path), given here as ``M``; other commits
    their changes against their parent, renames detected."""
    tokens = out.split("\0")
    i, n = 0, len(tokens)
    commit: tuple[str, tuple[str, ...], int] | None = None
    changes: list[tuple[str, list[str]]] = []
    while i < n:
        token = tokens[i]
        i += 1
        if token.startswith(HEADER):
            if commit is not None:
                yield *commit, changes
            sha, ts, *parents = token[1:].split()
            commit, changes = (sha, tuple(parents), int(ts)), []
            continue
        status = token.lstrip("\n")
        if not status:
            continue  # the trailing empty token, or the empty line after a merge's header
        merge = commit is not None and len(commit[1]) > 1
        count = 2 if status[0] in "RC" and not merge else 1
        changes.append(("M" if merge else status, tokens[i : i + count]))
        i += count
    if commit is not None:
        yield *commit, changes


def last_changes(log: Iterable[LogEntry], wanted: set[str], ignored: Container[str]
                 ) -> dict[str, int]:
    """Committer timestamp of the last update of each wanted path that has one.

    Walks ``log`` (``parse_log``), children first, keeping `alias`: which wanted path each
    name stands for at the current point of the walk.  A rename `old -> new`
    makes `old` stand for whatever `new` stood for; an addition ends a name's
    history (an older file of the same name was another file).

    The first counted change met is the last in history order.  A change met later can
    only be the later one when it is not an ancestor of a change already met (parallel
    branches); that is asked only when its date is later than the one found, which in a
    history whose dates follow its order never happens.
    """
    alias: dict[str, str] = {p: p for p in wanted}
    latest: dict[str, int] = {}
    changed_by: dict[str, list[str]] = {}  # counted changes met so far, per target
    earliest_any: dict[str, int] = {}  # fallback when no commit counts
    graph = _Graph()

    for sha, parents, ts, changes in log:
        graph.add(sha, parents)
        counts = sha not in ignored
        removed: list[str] = []
        added: list[tuple[str, str]] = []
        for status, names in changes:
            kind = status[0]
            new = names[-1]
            target = alias.get(new)
            if target is None:
                continue
            earliest_any[target] = min(ts, earliest_any.get(target, ts))
            update = counts and (kind in "ACMT" or (kind == "R" and status[1:] != "100"))
            if update:
                seen = changed_by.setdefault(target, [])
                if not seen or (ts > latest[target] and not graph.reaches(seen, sha)):
                    latest[target] = ts
                seen.append(sha)
            if kind == "R":
                removed.append(new)
                added.append((names[0], target))
            elif kind in "AC":
                removed.append(new)
            # "D": the name is deleted here and re-created later; nothing to date.
        for name in removed:
            alias.pop(name, None)
        alias.update(added)

    for target, ts in earliest_any.items():
        latest.setdefault(target, ts)
    return latest


class _Graph:
    """The commits walked so far (children before parents) and their parents."""

    def __init__(self) -> None:
        self.parents: dict[str, tuple[str, ...]] = {}

    def add(self, sha: str, parents: tuple[str, ...]) -> None:
        self.parents[sha] = parents

    def reaches(self, starts: Iterable[str], target: str) -> bool:
        """Whether `target` (the commit walked last) is an ancestor of one of `starts`.

        Only commits already walked can lie between them: every descendant of `target` was
        walked before it."""
        todo = list(starts)
        visited = set(todo)
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent == target:
                    return True
                if parent not in visited and parent in self.parents:
                    visited.add(parent)
                    todo.append(parent)
        return False
