"""The file system side: what pages refer to, and every file a municipality's folder publishes."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import Finding, Problem, Verdict
from .images import RASTER_SUFFIXES, ImageChecker
from .scan import local_path, scan_body, scan_html, short, url_kind
from .values import markup_in_value

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A page, a registry entry or an SVG larger than this is refused rather than read."""

RUNNABLE = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".php", ".phtml", ".phar",
    ".asp", ".aspx", ".jsp", ".cgi",
})
"""Files a browser or a web server would run: never published from the content."""


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


_PAGE_SUFFIXES = (".ru.md", ".en.md", ".md")


class Resolver:
    """Checks the files pages refer to: inside the allowed folder, present, images sound."""

    def __init__(self, root: Path, images: ImageChecker) -> None:
        self.root = os.path.realpath(root)
        self.images = images
        self._real: dict[str, str] = {}

    def real(self, folder: Path | str) -> str:
        key = str(folder)
        if key not in self._real:
            self._real[key] = os.path.realpath(key)
        return self._real[key]

    def check(self, allowed: Path, base: Path, url: str, *, image: bool, loads: bool,
              generated: re.Pattern[str] | None = None) -> Verdict | None:
        """What is wrong with a reference written in a page, or None.

        ``generated``: for links followed by readers, the pages extrel generates (paths
        relative to ``allowed``); a link may also name a page without its language suffix."""
        kind = url_kind(url)
        shown = short(url.strip(), 60)
        if kind in ("empty", "anchor", "data", "script"):
            return None  # a script address is reported where it is written
        if kind == "external":
            if not loads:
                return None
            return Verdict("problem.path.external", {"path": shown})
        if kind in ("absolute", "file"):
            return Verdict("problem.path.absolute", {"path": shown})
        relpath = local_path(url)
        lexical = os.path.normpath(os.path.join(base, relpath))
        folder = os.path.relpath(allowed, self.root).replace(os.sep, "/")
        if not inside(lexical, self.root):
            return Verdict("problem.path.outside_repository", {"path": shown})
        if not inside(lexical, str(allowed)):
            return Verdict("problem.path.outside_folder", {"path": shown, "folder": folder})
        real = os.path.realpath(lexical)
        if not inside(real, self.real(allowed)):
            return Verdict("problem.path.symlink_out", {"path": shown, "folder": folder})
        if os.path.isfile(real):
            if image and Path(real).suffix.lower() in RASTER_SUFFIXES:
                return self.images.check(Path(real), shown)
            return None
        if generated is not None and not loads and self._page_exists(
            str(allowed), lexical, generated
        ):
            return None
        return Verdict("problem.path.not_found", {"path": shown})

    def _page_exists(self, allowed: str, lexical: str, generated: re.Pattern[str]) -> bool:
        """A link to a page by its name without the language suffix, or to a folder's page."""
        if os.path.isdir(lexical):
            return True
        stem = lexical
        for ending in ("/index.html", "/index.md", ".html", ".md"):
            if stem.endswith(ending.replace("/", os.sep)):
                stem = stem[: -len(ending)]
                break
        if any(os.path.isfile(stem + suffix) for suffix in _PAGE_SUFFIXES):
            return True
        rel = os.path.relpath(stem, allowed).replace(os.sep, "/")
        return rel == "." or bool(generated.match(rel))


def read_text(path: Path, relpath: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a problem when it is not UTF-8, empty or unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IsADirectoryError(relpath)
        if info.st_size > MAX_FILE_BYTES:
            problems.append(Problem(relpath, None, "problem.file.too_large", {
                "size": info.st_size // 1024, "limit": MAX_FILE_BYTES // 1024}))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(relpath, None, "problem.file.unreadable",
                                {"reason": exc.strerror or type(exc).__name__}))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(relpath, line, "problem.file.not_utf8"))
        return None
    if not text.strip():
        problems.append(Problem(relpath, None, "problem.file.empty"))
        return None
    return text


@dataclass
class Checks:
    """The safety checks of one load: its root, allowed iframe hosts, image cache, findings."""

    root: Path
    hosts: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    resolver: Resolver = field(init=False)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.root, ImageChecker())

    def add(self, relpath: str, line: int | None, key: str, /, **params: Any) -> None:
        self.problems.append(Problem(relpath, line, key, params))

    def found(self, relpath: str, finding: Finding) -> None:
        self.problems.append(finding.problem(relpath))

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def links_out(self, path: Path, allowed: Path) -> bool:
        """Report a symbolic link leading outside ``allowed``; True when it does."""
        if not path.is_symlink() or inside(os.path.realpath(path), self.resolver.real(allowed)):
            return False
        folder = self.rel(allowed) if allowed != self.root else "."
        self.add(self.rel(path), None, "problem.file.symlink_out", folder=folder)
        return True

    def walk(self, folder: Path) -> list[Path]:
        """Every file of a municipality's folder, as MkDocs would publish it: no links leading
        out, only regular files, nothing a browser or server would run. Returns the pages."""
        pages: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            kept = []
            for name in sorted(dirnames):
                if not name.startswith(".") and not self.links_out(here / name, folder):
                    if not (here / name).is_symlink():  # links inside: harmless, not followed
                        kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                path = here / name
                if name.startswith(".") or self.links_out(path, folder):
                    continue
                self.check_file(path, pages)
        return pages

    def check_file(self, path: Path, pages: list[Path]) -> None:
        """A file that would be published: regular, not runnable; a page goes to ``pages``."""
        relpath, suffix = self.rel(path), path.suffix.lower()
        try:
            mode = path.stat().st_mode
        except OSError:
            mode = 0
        if not stat.S_ISREG(mode):
            self.add(relpath, None, "problem.file.not_regular")
        elif path.name.endswith(".md"):
            pages.append(path)
        elif suffix in RUNNABLE:
            self.add(relpath, None, "problem.file.runnable", suffix=suffix)
        elif suffix == ".svg":
            text = read_text(path, relpath, self.problems)
            for finding in scan_html(text or "", 1, ()).problems:
                self.found(relpath, finding)

    def body(self, allowed: Path, base: Path, relpath: str, body: str, first_line: int,
             generated: re.Pattern[str]) -> None:
        """Script, links and images of a page's body."""
        scan = scan_body(body, first_line, self.hosts)
        found = list(scan.problems)
        for ref in scan.refs:
            wrong = self.resolver.check(allowed, base, ref.url, image=ref.image,
                                        loads=ref.loads, generated=generated)
            if wrong:
                found.append(wrong.at(ref.line))
        for finding in sorted(found, key=lambda f: f.line or 0):
            self.found(relpath, finding)

    def markup(self, relpath: str, meta: dict[str, Any], lines: dict[str, int]) -> None:
        """HTML in front matter texts: templates show them as they are."""
        for key, value in meta.items():
            listed = isinstance(value, list)
            for i, item in enumerate(value if listed else [value]):
                name = f"{key}.{i}" if listed else key
                texts = item.items() if isinstance(item, dict) else [("", item)]
                for sub, text in texts:
                    if not isinstance(text, str):
                        continue
                    full = f"{name}.{sub}" if sub else name
                    line = lines.get(full) or lines.get(name) or lines.get(str(key))
                    problem = markup_in_value(full, text, line)
                    if problem:
                        self.found(relpath, problem)
