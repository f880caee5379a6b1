"""Last-update dates from real git repositories built in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from extrel.core.gitdates import GitError, ShallowCloneError, last_updates
from extrel.core.loadcache import LoadCache

MOSCOW = ZoneInfo("Europe/Moscow")  # UTC+3
ULYANOVSK = ZoneInfo("Europe/Ulyanovsk")  # UTC+4
UTC = ZoneInfo("UTC")

# Variables of the surrounding git (a hook running the tests, say) that must
# not reach the repositories built here.
_GIT_LOCATION_VARS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_CEILING_DIRECTORIES",
)


@pytest.fixture(autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No user or system git configuration, no surrounding repository."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    for var in _GIT_LOCATION_VARS:
        monkeypatch.delenv(var, raising=False)
    # The directories above pytest's base temporary directory (which may sit
    # inside a repository, with --basetemp) must not be taken for a repository.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(home.parent))


class GitRepo:
    """A git work tree in which every commit has an explicit date."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Редактор",
            "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Редактор",
            "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
        }
        proc = subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return proc.stdout.strip()

    def write(self, name: str, text: str = "text\n") -> Path:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def commit(self, when: str, files: dict[str, str] | None = None, message: str = "") -> str:
        """Write `files`, commit everything at `when` (ISO with offset); return the hash."""
        for name, text in (files or {}).items():
            self.write(name, text)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message or f"change at {when}", when=when)
        return self.git("rev-parse", "HEAD")


def set_mtime(path: Path, moment: datetime) -> None:
    ts = moment.timestamp()
    os.utime(path, (ts, ts))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo(tmp_path / "site")


PAGE = "content/inza/news/2026-10-30-kutaisi.ru.md"


def test_committer_date_of_last_change(repo: GitRepo) -> None:
    repo.commit("2026-09-01T10:00:00+03:00", {PAGE: "one\n"})
    repo.commit("2026-10-15T10:00:00+03:00", {PAGE: "two\n"})
    repo.commit("2026-10-20T10:00:00+03:00", {"content/inza/other.ru.md": "x\n"})
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 10, 15)}


@pytest.mark.parametrize(
    ("tz", "expected"),
    [(UTC, date(2026, 10, 31)), (MOSCOW, date(2026, 11, 1)), (ULYANOVSK, date(2026, 11, 1))],
)
def test_date_is_taken_in_the_site_time_zone(repo: GitRepo, tz: ZoneInfo, expected: date) -> None:
    repo.commit("2026-10-31T23:30:00+00:00", {PAGE: "late\n"})
    assert last_updates(repo.path, [PAGE], tz) == {PAGE: expected}


def test_committer_offset_is_honoured(repo: GitRepo) -> None:
    # 01:30 on Nov 1 at UTC+5 is 20:30 on Oct 31 UTC, 23:30 in Moscow.
    repo.commit("2026-11-01T01:30:00+05:00", {PAGE: "x\n"})
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 10, 31)}
    assert last_updates(repo.path, [PAGE], ULYANOVSK) == {PAGE: date(2026, 11, 1)}


def test_committer_date_not_author_date(repo: GitRepo) -> None:
    repo.write(PAGE, "x\n")
    repo.git("add", "-A")
    env_when = "2026-10-10T12:00:00+03:00"
    repo.git("commit", "-q", "-m", "rebased", "--date", "2026-01-01T12:00:00+03:00", when=env_when)
    # --date sets the author date only; the committer date stays env_when.
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 10, 10)}


def test_asset_commit_does_not_refresh_the_page(repo: GitRepo) -> None:
    repo.commit("2026-09-01T12:00:00+03:00", {PAGE: "page\n"})
    repo.commit("2026-10-20T12:00:00+03:00", {"content/inza/news/kutaisi.jpg": "jpeg\n"})
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 9, 1)}


def test_pure_rename_keeps_the_old_date(repo: GitRepo) -> None:
    old, new = "content/inza/partners/kutaisy.ru.md", "content/inza/partners/kutaisi.ru.md"
    repo.commit("2026-08-01T12:00:00+03:00", {old: "Кутаиси\n" * 20})
    repo.move(old, new)
    repo.commit("2026-10-01T12:00:00+03:00", message="fix the slug")
    assert last_updates(repo.path, [new], MOSCOW) == {new: date(2026, 8, 1)}


def test_pure_rename_follows_several_renames(repo: GitRepo) -> None:
    repo.commit("2026-05-01T12:00:00+03:00", {"a.ru.md": "content\n" * 20})
    repo.commit("2026-06-01T12:00:00+03:00", {"a.ru.md": "content\n" * 19 + "edit\n"})
    repo.move("a.ru.md", "b.ru.md")
    repo.commit("2026-07-01T12:00:00+03:00")
    repo.move("b.ru.md", "dir/c.ru.md")
    repo.commit("2026-08-01T12:00:00+03:00")
    assert last_updates(repo.path, ["dir/c.ru.md"], MOSCOW) == {"dir/c.ru.md": date(2026, 6, 1)}


def test_rename_with_edits_gets_the_new_date(repo: GitRepo) -> None:
    old, new = "content/inza/partners/kutaisy.ru.md", "content/inza/partners/kutaisi.ru.md"
    repo.commit("2026-08-01T12:00:00+03:00", {old: "Кутаиси\n" * 20})
    repo.move(old, new)
    repo.write(new, "Кутаиси\n" * 20 + "Новый абзац\n")
    repo.commit("2026-10-01T12:00:00+03:00", message="rename and edit")
    assert last_updates(repo.path, [new], MOSCOW) == {new: date(2026, 10, 1)}


def test_ignored_reformat_does_not_refresh(repo: GitRepo) -> None:
    repo.commit("2026-07-01T12:00:00+03:00", {PAGE: "text\n"})
    repo.commit("2026-08-01T12:00:00+03:00", {PAGE: "text, edited\n"})
    sha = repo.commit("2026-10-01T12:00:00+03:00", {PAGE: "text,  edited\n"}, "reformat")
    repo.commit(
        "2026-10-02T12:00:00+03:00",
        {".git-blame-ignore-revs": f"# mass reformatting\n\n{sha}\n"},
        "ignore the reformat in blame and freshness",
    )
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 8, 1)}


def test_ignored_bulk_rename_with_edits_keeps_old_dates(repo: GitRepo) -> None:
    repo.commit("2026-03-01T12:00:00+03:00", {"docs/a.ru.md": "line\n" * 30})
    repo.move("docs/a.ru.md", "content/a.ru.md")
    repo.write("content/a.ru.md", "line\n" * 30 + "<!-- moved -->\n")
    sha = repo.commit("2026-10-01T12:00:00+03:00", message="move docs/ to content/")
    repo.write(".git-blame-ignore-revs", f"{sha[:12]}  # the move, abbreviated\n")
    assert last_updates(repo.path / "content", ["a.ru.md"], MOSCOW) == {"a.ru.md": date(2026, 3, 1)}


def test_file_created_by_an_ignored_commit_gets_that_date(repo: GitRepo) -> None:
    sha = repo.commit("2026-04-01T12:00:00+03:00", {PAGE: "imported\n"}, "bulk import")
    repo.commit("2026-10-01T12:00:00+03:00", {".git-blame-ignore-revs": sha + "\n"})
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 4, 1)}


def test_uncommitted_and_untracked_files_count_by_mtime(repo: GitRepo) -> None:
    tracked, untracked, staged = PAGE, "content/inza/news/new.ru.md", "content/inza/plan/2026.ru.md"
    repo.commit("2026-01-10T12:00:00+03:00", {tracked: "v1\n", staged: "v1\n"})
    set_mtime(repo.write(tracked, "v2, not committed\n"), datetime(2026, 3, 5, 12, tzinfo=MOSCOW))
    set_mtime(repo.write(untracked), datetime(2026, 3, 6, 12, tzinfo=MOSCOW))
    repo.write(staged, "v2, staged\n")
    repo.git("add", staged)
    set_mtime(repo.path / staged, datetime(2026, 3, 7, 12, tzinfo=MOSCOW))
    assert last_updates(repo.path, [tracked, untracked, staged], MOSCOW) == {
        tracked: date(2026, 3, 5),
        untracked: date(2026, 3, 6),
        staged: date(2026, 3, 7),
    }


def test_clean_file_ignores_its_mtime(repo: GitRepo) -> None:
    repo.commit("2026-01-10T12:00:00+03:00", {PAGE: "v1\n"})
    set_mtime(repo.path / PAGE, datetime(2026, 6, 1, 12, tzinfo=MOSCOW))  # a fresh checkout
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 1, 10)}


def test_mtime_is_taken_in_the_site_time_zone(repo: GitRepo) -> None:
    repo.commit("2026-01-10T12:00:00+03:00", {"other.md": "x\n"})
    set_mtime(repo.write(PAGE), datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    assert last_updates(repo.path, [PAGE], UTC) == {PAGE: date(2026, 10, 31)}
    assert last_updates(repo.path, [PAGE], ULYANOVSK) == {PAGE: date(2026, 11, 1)}


def test_unknown_and_deleted_paths_are_left_out(repo: GitRepo) -> None:
    repo.commit("2026-01-10T12:00:00+03:00", {PAGE: "x\n", "gone.ru.md": "x\n"})
    (repo.path / "gone.ru.md").unlink()
    assert last_updates(repo.path, [PAGE, "gone.ru.md", "never.ru.md"], MOSCOW) == {
        PAGE: date(2026, 1, 10)
    }


def test_repository_without_commits_uses_mtimes(repo: GitRepo) -> None:
    set_mtime(repo.write(PAGE), datetime(2026, 2, 2, 12, tzinfo=MOSCOW))
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 2, 2)}


def test_directory_outside_git_uses_mtimes(tmp_path: Path) -> None:
    content = tmp_path / "plain"
    page = content / "inza" / "news" / "a.ru.md"
    page.parent.mkdir(parents=True)
    page.write_text("x\n", encoding="utf-8")
    set_mtime(page, datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    assert last_updates(content, ["inza/news/a.ru.md", "inza/none.md"], MOSCOW) == {
        "inza/news/a.ru.md": date(2026, 11, 1)
    }


def test_shallow_clone_is_refused_unless_allowed(repo: GitRepo, tmp_path: Path) -> None:
    repo.commit("2026-01-10T12:00:00+03:00", {PAGE: "v1\n"})
    repo.commit("2026-10-10T12:00:00+03:00", {"other.md": "x\n"})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repo.path.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    with pytest.raises(ShallowCloneError, match="git fetch --unshallow") as err:
        last_updates(clone, [PAGE], MOSCOW)
    assert "fetch-depth: 0" in str(err.value)
    assert "GIT_DEPTH: 0" in str(err.value)
    assert "shallow" in str(err.value)
    # Without the history every file looks as new as the last commit: that is the risk.
    assert last_updates(clone, [PAGE], MOSCOW, allow_shallow=True) == {PAGE: date(2026, 10, 10)}


def test_cyrillic_and_odd_file_names(repo: GitRepo) -> None:
    names = [
        "содержание/инза/новости/2026-10-05-кутаиси.ru.md",
        'content/with space/a "quoted" name.en.md',
        "content/tab\there.ru.md",
    ]
    repo.commit("2026-10-05T12:00:00+03:00", dict.fromkeys(names, "x\n"))
    assert last_updates(repo.path, names, MOSCOW) == dict.fromkeys(names, date(2026, 10, 5))


def test_root_in_a_subdirectory_of_the_work_tree(repo: GitRepo) -> None:
    repo.commit("2026-09-01T12:00:00+03:00", {"site/content/inza/a.ru.md": "x\n"})
    repo.commit("2026-09-02T12:00:00+03:00", {"a.ru.md": "same name at top level\n"})
    set_mtime(repo.write("site/content/inza/b.ru.md"), datetime(2026, 9, 3, 12, tzinfo=MOSCOW))
    root = repo.path / "site"
    assert last_updates(root, ["content/inza/a.ru.md", "content/inza/b.ru.md"], MOSCOW) == {
        "content/inza/a.ru.md": date(2026, 9, 1),
        "content/inza/b.ru.md": date(2026, 9, 3),
    }


def test_merged_branch_changes_count(repo: GitRepo) -> None:
    repo.commit("2026-09-01T12:00:00+03:00", {PAGE: "v1\n", "b.md": "b\n"})
    repo.git("checkout", "-q", "-b", "edit")
    repo.commit("2026-09-10T12:00:00+03:00", {PAGE: "v2\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("2026-09-05T12:00:00+03:00", {"b.md": "b2\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "edit", when="2026-09-20T12:00:00+03:00")
    assert last_updates(repo.path, [PAGE, "b.md"], MOSCOW) == {
        PAGE: date(2026, 9, 10),
        "b.md": date(2026, 9, 5),
    }


def merge_with_conflict(repo: GitRepo, branch: str) -> None:
    with pytest.raises(subprocess.CalledProcessError) as failed:
        repo.git("merge", "-q", branch)
    assert "CONFLICT" in failed.value.stdout


def test_a_child_with_an_older_committer_date_is_the_later_change(repo: GitRepo) -> None:
    # a clock set wrong (or a rebase) gives the child an older date than its parent: the
    # child is still the last change, as `git log -1 -- <file>` says
    repo.commit("2026-03-01T12:00:00+03:00", {PAGE: "v1\n"})
    repo.commit("2026-10-01T12:00:00+03:00", {PAGE: "v2\n"})
    wrong_clock = "made on a machine with a wrong clock"
    repo.commit("2026-06-01T12:00:00+03:00", {PAGE: "v3\n"}, wrong_clock)
    assert repo.git("log", "-1", "--format=%s", "--", PAGE) == wrong_clock
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 6, 1)}


def test_an_older_change_does_not_win_by_its_date(repo: GitRepo) -> None:
    # the parent edited the page with a date later than every later commit
    repo.commit("2026-12-01T12:00:00+03:00", {PAGE: "v1\n", "b.md": "b\n"})
    repo.commit("2026-05-01T12:00:00+03:00", {PAGE: "v2\n"})
    repo.commit("2026-05-02T12:00:00+03:00", {"b.md": "b2\n"})
    assert last_updates(repo.path, [PAGE, "b.md"], MOSCOW) == {
        PAGE: date(2026, 5, 1), "b.md": date(2026, 5, 2)}


def test_parallel_branches_the_later_date_wins(repo: GitRepo) -> None:
    # neither change is an ancestor of the other: both are the last, the later date counts
    repo.commit("2026-01-01T12:00:00+03:00", {PAGE: "a\nb\nc\nd\ne\n", "b.md": "b\n"})
    repo.git("checkout", "-q", "-b", "side")
    repo.commit("2026-03-10T12:00:00+03:00", {"b.md": "side\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("2026-02-01T12:00:00+03:00", {"b.md": "main\n", PAGE: "A\nb\nc\nd\ne\n"})
    repo.git("checkout", "-q", "side")
    repo.commit("2026-02-20T12:00:00+03:00", {"c.md": "c\n"})
    repo.git("checkout", "-q", "main")
    # b.md conflicts: resolved in the merge, which is then b.md's last change
    merge_with_conflict(repo, "side")
    repo.write("b.md", "resolved\n")
    repo.git("add", "b.md")
    repo.git("commit", "-q", "--no-edit", when="2026-04-01T12:00:00+03:00")
    assert last_updates(repo.path, [PAGE, "b.md", "c.md"], MOSCOW) == {
        PAGE: date(2026, 2, 1),  # the merge took main's version as it was
        "b.md": date(2026, 4, 1),  # the conflict resolution
        "c.md": date(2026, 2, 20),  # the merge took side's version as it was
    }


def test_a_merge_that_resolves_a_conflict_counts(repo: GitRepo) -> None:
    repo.commit("2026-01-01T12:00:00+03:00", {PAGE: "v1\n"})
    repo.git("checkout", "-q", "-b", "side")
    repo.commit("2026-02-01T12:00:00+03:00", {PAGE: "side\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("2026-02-02T12:00:00+03:00", {PAGE: "main\n"})
    merge_with_conflict(repo, "side")
    repo.write(PAGE, "both\n")
    repo.git("add", PAGE)
    merge_when = "2026-03-15T12:00:00+03:00"
    repo.git("commit", "-q", "--no-edit", when=merge_when)
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 3, 15)}
    # listed in .git-blame-ignore-revs, the resolution does not count
    merge = repo.git("rev-parse", "HEAD")
    repo.commit("2026-03-20T12:00:00+03:00", {".git-blame-ignore-revs": merge + "\n"})
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 2, 2)}


def test_a_merge_taking_one_side_as_it_is_does_not_count(repo: GitRepo) -> None:
    repo.commit("2026-01-01T12:00:00+03:00", {PAGE: "v1\n", "b.md": "b\n"})
    repo.git("checkout", "-q", "-b", "side")
    repo.commit("2026-01-10T12:00:00+03:00", {PAGE: "side\n"})
    repo.git("checkout", "-q", "main")
    repo.commit("2026-02-01T12:00:00+03:00", {"b.md": "b2\n"})
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "side", when="2026-03-01T12:00:00+03:00")
    assert last_updates(repo.path, [PAGE], MOSCOW) == {PAGE: date(2026, 1, 10)}


def test_recreated_file_does_not_inherit_the_old_history(repo: GitRepo) -> None:
    ignored = repo.commit("2026-01-01T12:00:00+03:00", {"x.md": "old\n"})
    repo.git("rm", "-q", "x.md")
    repo.commit("2026-02-01T12:00:00+03:00")
    sha = repo.commit("2026-03-01T12:00:00+03:00", {"x.md": "new\n"}, "re-created")
    repo.write(".git-blame-ignore-revs", f"{sha}\n{ignored}\n")
    # Only ignored commits touch the current x.md: its own creation date, not the old file's.
    assert last_updates(repo.path, ["x.md"], MOSCOW) == {"x.md": date(2026, 3, 1)}


def test_many_files_are_read_in_one_pass(repo: GitRepo) -> None:
    files = {
        f"content/m{i % 7}/news/2026-01-{i % 28 + 1:02d}-p{i}.ru.md": f"{i}\n" for i in range(300)
    }
    repo.commit("2026-01-01T12:00:00+03:00", files)
    repo.commit("2026-02-01T12:00:00+03:00", {name: "edited\n" for name in list(files)[:100]})
    result = last_updates(repo.path, files, MOSCOW)
    assert len(result) == 300
    assert sum(d == date(2026, 2, 1) for d in result.values()) == 100


def test_git_failure_is_not_mistaken_for_no_repository(repo: GitRepo) -> None:
    repo.commit("2026-01-01T12:00:00+03:00", {PAGE: "x\n"})
    (repo.path / ".git" / "config").write_text("[core\n", encoding="utf-8")
    # A broken repository is reported, not silently dated by mtimes.
    with pytest.raises(GitError):
        last_updates(repo.path, [PAGE], MOSCOW)


# --- the cached walk -------------------------------------------------------


def cached(repo: GitRepo, paths: list[str]) -> dict[str, date]:
    cache = LoadCache(repo.path.parent / "cache", "salt")
    return last_updates(repo.path, paths, MOSCOW, cache=cache)


def test_cached_walk_is_reused_for_the_same_head(repo: GitRepo) -> None:
    repo.commit("2026-09-01T10:00:00+03:00", {PAGE: "one\n"})
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 9, 1)}
    # a second run on the same HEAD reads the stored walk: plant a different one under
    # the same key and it is what comes back
    stored = repo.path.parent / "cache" / "_git.json"
    key, history = stored.read_bytes().split(b"\n")
    walk = json.loads(history)
    walk[PAGE] = int(datetime(2026, 9, 5, 12, tzinfo=MOSCOW).timestamp())
    stored.write_bytes(key + b"\n" + json.dumps(walk).encode())
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 9, 5)}


def test_cached_walk_follows_new_commits_and_a_reset(repo: GitRepo) -> None:
    repo.commit("2026-09-01T10:00:00+03:00", {PAGE: "one\n"})
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 9, 1)}
    repo.commit("2026-10-15T10:00:00+03:00", {PAGE: "two\n"})
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 10, 15)}
    repo.git("reset", "-q", "--hard", "HEAD~1")
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 9, 1)}


def test_cached_walk_follows_a_new_ignore_list_and_new_paths(repo: GitRepo) -> None:
    other = "content/inza/news/2026-10-01-minsk.ru.md"
    repo.commit("2026-07-01T12:00:00+03:00", {PAGE: "text\n", other: "x\n"})
    sha = repo.commit("2026-10-01T12:00:00+03:00", {PAGE: "text \n"}, "reformat")
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 10, 1)}
    repo.write(".git-blame-ignore-revs", sha + "\n")  # not committed: HEAD is the same
    assert cached(repo, [PAGE]) == {PAGE: date(2026, 7, 1)}
    assert cached(repo, [PAGE, other]) == {PAGE: date(2026, 7, 1), other: date(2026, 7, 1)}
