"""Last-update dates of files, from git history (or modification times).

The rules are those of PRODUCT.md, "Freshness":

- a file's last update is the committer date of the last commit that changed
  it, converted to the site's time zone;
- commits listed in ``.git-blame-ignore-revs`` (at the repository's top
  level) do not count, so a bulk reformat does not make every page fresh;
- "the last commit" is the last in the history's own order, not the one with
  the greatest committer date: a child commit whose date is older than its
  parent's (a wrong clock, a rebase) is still the later change.  Only where
  two changes sit on parallel branches, neither an ancestor of the other, does
  the later date win;
- a merge commit counts for a file when its version differs from every
  parent's (git's "dense combined" diff: a conflict resolution, or two
  branches' edits combined); a merge that takes one side's version as it is
  does not, that side's own commit does;
- renames follow the file: the history under the old name counts for the new
  one.  A *pure* rename (git similarity 100%, ``R100``) is not an update by
  itself, since the content did not change; a rename with edits is;
- a file that is untracked, or has uncommitted changes (staged or not),
  counts by its modification time; so does every file when the content is not
  in a git work tree at all.

The whole history is read by one ``git log`` process and the work tree's state
by one ``git status`` process, whatever the number of files.
"""

from __future__ import annotations

import logging
import os
import posixpath
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from . import githistory
from .fingerprint import Fingerprint
from .messages import bilingual

if TYPE_CHECKING:
    from .loadcache import LoadCache

log = logging.getLogger(__name__)

IGNORE_REVS_FILE = ".git-blame-ignore-revs"

# Variables that would point git at another repository than the one holding
# `root` (set, for instance, when extrel runs from a git hook): those of
# `git rev-parse --local-env-vars`, except the configuration ones, which users
# set on purpose (`GIT_CONFIG_COUNT` for `safe.directory` in CI, say).
_REPO_ENV_VARS = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_IMPLICIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR",
        "GIT_PREFIX",
        "GIT_INTERNAL_SUPER_PREFIX",
        "GIT_SHALLOW_FILE",
        "GIT_GRAFT_FILE",
        "GIT_REPLACE_REF_BASE",
    }
)

class GitError(RuntimeError):
    """git could not be run on the content's repository: a key of the message catalogue
    and its parameters; read as text, the message in Russian, then in English, then what
    git itself said (``detail``)."""

    def __init__(self, key: str, /, detail: str = "", **params: Any) -> None:
        self.key, self.params = key, params
        super().__init__(bilingual(key, sep="\n", **params) + (f"\n{detail}" if detail else ""))


class ShallowCloneError(GitError):
    """The repository is a shallow clone: dates from its history would be wrong."""

    def __init__(self, toplevel: Path | str) -> None:
        super().__init__("git.shallow", toplevel=str(toplevel))
        self.toplevel = toplevel


def last_updates(
    root: Path,
    paths: Iterable[str],
    tz: ZoneInfo,
    *,
    allow_shallow: bool = False,
    cache: LoadCache | None = None,
) -> dict[str, date]:
    """Last update date, in `tz`, of each given path (posix, relative to `root`).

    The result is keyed by the path strings exactly as given.  A path that has
    no history and does not exist on disk is left out, as is a path deleted in
    the work tree but not yet committed.

    `root` need not be the top level of the git work tree: paths are mapped to
    the repository through `git rev-parse --show-prefix`.

    Precedence, per path:

    1. untracked, or changed in the work tree or the index: its mtime;
    2. otherwise the committer date of the last commit that changed it, in history
       order (following renames, skipping pure renames and ignored revisions; a
       merge whose version differs from all its parents' counts);
    3. a file whose every commit is ignored or a pure rename (for instance one
       created by a bulk import listed in ``.git-blame-ignore-revs``) gets the
       date of the *earliest* of those commits, when it came into being, as
       git blame attributes such lines to the ignored commit for want of another;
    4. otherwise, when it exists on disk (an ignored file, say), its mtime.

    Renames are followed name by name back through the history as `git log`
    walks it.

    Raises `ShallowCloneError` for a shallow clone unless `allow_shallow`, and
    `GitError` when git fails on an existing repository (for instance
    "dubious ownership"), rather than silently falling back to mtimes.

    `cache`: keep the walk's result for the same HEAD, ignore list and paths, so that a
    second run on an unchanged history (an edit not yet committed, say) skips `git log`.
    """
    root = Path(root)
    wanted = list(dict.fromkeys(paths))
    repo = _find_repo(root)
    if repo is None:
        log.debug("%s is not in a git work tree: using modification times", root)
        return _by_mtime(root, wanted, tz)

    toplevel, prefix, shallow = repo
    if shallow and not allow_shallow:
        raise ShallowCloneError(toplevel)
    if shallow:
        log.info("shallow clone at %s: dates of old files will be too recent", toplevel)

    git_path = {p: _join(prefix, p) for p in wanted}
    dirty = _dirty_paths(toplevel)
    ignored = _IgnoredRevs.read(toplevel / IGNORE_REVS_FILE)
    history = _cached_history(toplevel, set(git_path.values()), ignored, cache)

    result: dict[str, date] = {}
    for p in wanted:
        gp = git_path[p]
        if gp in dirty:
            mtime = _mtime_date(root / p, tz)
            if mtime is not None:
                result[p] = mtime
            continue
        ts = history.get(gp)
        if ts is not None:
            result[p] = datetime.fromtimestamp(ts, tz).date()
            continue
        mtime = _mtime_date(root / p, tz)
        if mtime is not None:
            result[p] = mtime
    return result


# --- git plumbing ----------------------------------------------------------


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _REPO_ENV_VARS}
    env["LC_ALL"] = "C"  # messages we recognise ("not a git repository") in English
    env["GIT_OPTIONAL_LOCKS"] = "0"  # `git status` must not take the index lock
    cmd = [
        "git",
        "-c",
        "core.quotepath=off",
        "-c",
        "log.showSignature=false",
        "-c",
        "color.ui=never",
        *args,
    ]
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)
    except FileNotFoundError as e:
        raise GitError("git.missing", error=str(e)) from e
    if check and proc.returncode != 0:
        raise GitError("git.failed", cwd=str(cwd), command=" ".join(args),
                       code=proc.returncode, detail=_decode(proc.stderr).strip())
    return proc


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _find_repo(root: Path) -> tuple[Path, str, bool] | None:
    """(top level, prefix of `root` inside it, shallow?) or None outside a work tree."""
    if not root.is_dir():
        return None
    proc = _git(root, "rev-parse", "--is-inside-work-tree", check=False)
    if proc.returncode != 0:
        err = _decode(proc.stderr)
        if "not a git repository" in err:
            return None
        raise GitError("git.failed", cwd=str(root), command="rev-parse",
                       code=proc.returncode, detail=err.strip())
    if _decode(proc.stdout).strip() != "true":
        return None  # inside .git or a bare repository: no work tree
    out = _decode(
        _git(
            root, "rev-parse", "--is-shallow-repository", "--show-toplevel", "--show-prefix"
        ).stdout
    ).split("\n")
    shallow, toplevel, prefix = out[0].strip(), out[1], out[2]
    return Path(toplevel), prefix, shallow == "true"


def history_state(root: Path, paths: Iterable[str]) -> str | None:
    """What the dates of ``paths`` (folders or files relative to ``root``) depend on besides
    the files themselves: HEAD, the list of ignored revisions and which of them are changed
    or untracked. None when it cannot be told cheaply (no commit yet, git missing or
    failing): then compute the dates."""
    try:
        head = _git(root, "rev-parse", "--show-toplevel", "HEAD", check=False)
        if head.returncode != 0:
            return None
        toplevel = Path(_decode(head.stdout).split("\n")[0])
        status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--",
                      *(f":(literal){p}" for p in paths), check=False)
    except (GitError, OSError):
        return None
    if status.returncode != 0:
        return None
    try:
        revs = (toplevel / IGNORE_REVS_FILE).read_bytes()
    except FileNotFoundError:
        revs = b""
    except OSError:
        return None
    return Fingerprint(head.stdout, status.stdout, revs).hexdigest()


def _join(prefix: str, path: str) -> str:
    """Repository-relative posix path of `path` (relative to the prefix)."""
    return posixpath.normpath(posixpath.join(prefix, path.replace(os.sep, "/")))


def _dirty_paths(toplevel: Path) -> set[str]:
    """Paths (relative to the top level) that are untracked or differ from HEAD."""
    out = _git(
        toplevel,
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--ignore-submodules=all",
    ).stdout
    dirty: set[str] = set()
    for entry in _decode(out).split("\0"):
        # "XY path"; with --no-renames every entry names one path.
        if len(entry) > 3:
            dirty.add(entry[3:].rstrip("/"))
    return dirty


@dataclass
class _IgnoredRevs:
    """Revisions of `.git-blame-ignore-revs`: full hashes, or unambiguous abbreviations."""

    by_length: dict[int, set[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> _IgnoredRevs:
        revs = cls()
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return revs
        except OSError as e:
            log.warning("cannot read %s: %s", path, e)
            return revs
        for line in text.splitlines():
            rev = line.split("#", 1)[0].strip().lower()
            if not rev:
                continue
            if len(rev) < 4 or any(c not in "0123456789abcdef" for c in rev):
                log.warning("%s: not a commit hash, skipped: %r", path, rev)
                continue
            revs.by_length.setdefault(len(rev), set()).add(rev)
        return revs

    def __contains__(self, commit: object) -> bool:
        if not isinstance(commit, str):
            return False
        return any(commit[:n] in revs for n, revs in self.by_length.items())


def _log_output(toplevel: Path) -> str:
    """The whole history as ``githistory.parse_log`` reads it ("" without a commit)."""
    head = _git(toplevel, "rev-parse", "-q", "--verify", "HEAD", check=False)
    if head.returncode != 0:
        return ""  # no commit yet
    return _decode(_git(toplevel, *githistory.LOG_ARGS, "HEAD", "--").stdout)


def _history(toplevel: Path, wanted: set[str], ignored: _IgnoredRevs) -> dict[str, int]:
    return githistory.last_changes(githistory.parse_log(_log_output(toplevel)), wanted, ignored)


def _cached_history(toplevel: Path, wanted: set[str], ignored: _IgnoredRevs,
                    cache: LoadCache | None) -> dict[str, int]:
    """``_history``, or its result from a run on the same HEAD, ignore list and paths."""
    if cache is None:
        return _history(toplevel, wanted, ignored)
    head = _git(toplevel, "rev-parse", "-q", "--verify", "HEAD", check=False)
    if head.returncode != 0:
        return {}  # no commit yet
    from .cachecodec import HISTORY, dump
    from .loadcache import decode

    paths = Fingerprint(*sorted(wanted)).hexdigest()
    revs = repr(sorted((n, sorted(r)) for n, r in ignored.by_length.items()))
    key = cache.key("_git", _decode(head.stdout).strip(), revs, paths)
    stored = cache.get("_git", key, 1)
    found = decode(HISTORY, stored[0]) if stored else None
    if found is not None:
        return found
    history = _history(toplevel, wanted, ignored)
    cache.put("_git", key, dump(history))
    return history


# --- modification times ----------------------------------------------------


def _mtime_date(path: Path, tz: ZoneInfo) -> date | None:
    try:
        st = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return datetime.fromtimestamp(st.st_mtime, tz).date()


def _by_mtime(root: Path, paths: Iterable[str], tz: ZoneInfo) -> dict[str, date]:
    result: dict[str, date] = {}
    for p in paths:
        d = _mtime_date(root / p, tz)
        if d is not None:
            result[p] = d
    return result
