"""Reading one municipality's folder, ``content/<id>/``: every file it would publish, each
page's front matter and body, drafts; the entries are validated by ``entries``. Also the
portal's own pages (``content/*.md``), checked as a section's are."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from . import cachecodec
from .documents import presentation_warnings
from .entries import validate_entry
from .frontmatter import FrontMatterError, parse, starts_with_fence
from .languages import STANDARD
from .messages import CATALOGUES, t, worded
from .model import Entry, EntryFacts, Municipality, Page
from .problems import Problem
from .safety import Checks, read_text
from .scaffold import DRAFT_MARK, DraftLine, draft_lines
from .schema import MunicipalityMeta
from .sections import BY_ID, DEFAULT_LANGUAGE, SUBSECTION_IDS

RAW_FIELDS_KEPT = frozenset({"start", "end"})
"""Front matter fields kept as the editor wrote them once a page is validated: the calendar
needs to know whether ``start`` and ``end`` were written with a time (``feeds``). The rest
is in ``Entry.data``; a national check holds hundreds of thousands of pages."""

_SECTION_PAGES = re.compile(r"^(?:news/\d{4}|" + "|".join(SUBSECTION_IDS) + ")$")
"""Pages extrel generates in a section (relative to the municipality's folder)."""
_PORTAL_PAGES = re.compile(r"^freshness$")

Folder = tuple[bytes, dict[str, dict[str, list[str]]], list[Problem], list[Problem],
               list[EntryFacts], list[str]]
"""What reading one municipality's folder found: its entries (as JSON, so that a check that
needs only the rest never rebuilds them), page files, problems, warnings, entry facts,
drafts."""


def read_folder(root: Path, hosts: tuple[str, ...], folder: Path, mid: str,
                 langs: tuple[str, ...] = STANDARD.codes) -> Folder:
    """Read one municipality's folder (in a worker process, or in this one)."""
    run = Checks(root, hosts, [])
    m = Municipality(id=mid, meta=MunicipalityMeta.model_construct(name=None, kind="district"),
                     registry_path="", content_path=run.rel(folder))
    m.page_files = {sid: {lang: [] for lang in langs} for sid in SUBSECTION_IDS}
    _load_municipality(run, folder, m)
    facts = [EntryFacts.of(e) for e in m.all_entries()]
    # an impossible date is told once, when the schema finds it too
    problems = list(dict.fromkeys(run.problems))
    return (cachecodec.dump_entries(m.entries), m.page_files, problems,
            presentation_warnings(root, m), facts, m.drafts)


def _load_municipality(run: Checks, folder: Path, m: Municipality) -> None:
    problems = run.problems
    by_section: dict[str, list[Path]] = {}
    for path in run.walk(folder):
        parts = path.relative_to(folder).parts
        if len(parts) == 1:
            problems.append(Problem(run.rel(path), None, "problem.page.outside_subsection",
                                    {"folders": ", ".join(SUBSECTION_IDS)}))
        else:
            by_section.setdefault(parts[0], []).append(path)
    for child in sorted(folder.iterdir()):
        if child.name.startswith(".") or child.name in BY_ID or child.is_symlink():
            continue
        if child.is_dir():
            meant = difflib.get_close_matches(child.name.lower(), SUBSECTION_IDS, n=1,
                                              cutoff=0.6)
            guess = worded("problem.page.subsection_guess", guess=meant[0]) if meant else ""
            problems.append(Problem(run.rel(child), None, "problem.page.unknown_subsection",
                                    {"name": child.name, "guess": guess,
                                     "folders": ", ".join(SUBSECTION_IDS)}))
    by_key: dict[tuple[str, str], dict[str, Page]] = {}
    for section in SUBSECTION_IDS:
        for path in sorted(by_section.get(section, [])):
            page = _load_page(run, folder, section, path, m)
            if page is not None:
                by_key.setdefault((page.section, page.slug), {})[page.lang] = page
    drafts = set(m.drafts)
    for (section, slug), pages in sorted(by_key.items()):
        entry = Entry(m.id, section, slug, pages)
        validate_entry(run, folder, entry)
        for lang in [lang for lang, page in pages.items() if page.path in drafts]:
            del pages[lang]
            entry.data.pop(lang, None)
        for page in pages.values():
            # validated: keep of the raw front matter only what later steps read as written
            page.meta = {k: v for k, v in page.meta.items() if k in RAW_FIELDS_KEPT}
        if entry.data:
            m.entries[section].append(entry)


def _load_page(
    run: Checks, folder: Path, section: str, path: Path, m: Municipality
) -> Page | None:
    problems = run.problems
    relpath = run.rel(path)
    name = path.name[: -len(".md")]
    stem, _, lang = name.rpartition(".")
    if lang not in m.page_files[section] or not stem:
        others = [code for code in m.page_files[section] if code != DEFAULT_LANGUAGE]
        suffixes = {lang: ", ".join(t("problem.page.suffix", lang, lang=code) for code in others)
                    for lang in CATALOGUES}
        problems.append(Problem(relpath, None, "problem.page.no_language_suffix",
                                {"suffixes": suffixes}))
        return None
    m.page_files[section][lang].append(relpath)
    if path.parent != folder / section:
        problems.append(Problem(relpath, None, "problem.page.nested", {"section": section}))
        return None
    rule = BY_ID[section].name
    if not rule.accepts(stem):
        problems.append(Problem(relpath, None, "problem.page.name_rule", {
            "file": path.name, "rule": rule.worded(),
            "lang": lang}))
        return None
    text = read_text(path, relpath, problems)
    if text is None:
        return None
    if _is_draft(problems, relpath, text):
        m.page_files[section][lang].remove(relpath)
        m.drafts.append(relpath)
        return None
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        problems.append(exc.problem(relpath))
        return None
    problems.extend(found.problem(relpath) for found in doc.refusals)
    # the presentation's content may be its files alone (a translation inherits them): only
    # the placeholders make it a draft; missing files are warned of (``documents``)
    body = None if BY_ID[section].single else doc.body
    if _is_draft(problems, relpath, text, body, doc.body_line):
        # an empty body: still validated (its mistakes are reported now, not once it has
        # text), then left out of its entry (``_load_municipality``)
        m.page_files[section][lang].remove(relpath)
        m.drafts.append(relpath)
    run.markup(relpath, doc.meta, doc.lines)
    run.body(folder, path.parent, relpath, doc.body, doc.body_line, _SECTION_PAGES)
    return Page(relpath, m.id, section, stem, lang, doc.meta, doc.lines, doc.body_line)


def _is_draft(problems: list[Problem], relpath: str, text: str, body: str | None = None,
              body_line: int = 1) -> bool:
    """A page still holding what ``extrel new`` wrote (``scaffold.draft_lines``) is a draft:
    not built, not counted for freshness, listed as unfinished (a warning)."""
    found = draft_lines(text, body, body_line)
    if not found:
        return False
    problems.append(Problem(relpath, found[0].line, *_draft_message(found), severity="warning"))
    return True


def _draft_message(found: list[DraftLine]) -> tuple[str, dict[str, Any]]:
    if found[0].empty:
        return "problem.draft.empty", {}
    where = {lang: ", ".join(t("problem.draft.at_field", lang, line=f.line, field=f.field)
                             if f.field else t("problem.draft.at_text", lang, line=f.line)
                             for f in found)
             for lang in CATALOGUES}
    return "problem.draft.placeholders", {"where": where, "mark": DRAFT_MARK}


def check_portal_page(run: Checks, content: Path, path: Path) -> None:
    relpath = run.rel(path)
    text = read_text(path, relpath, run.problems)
    if text is None:
        return
    if starts_with_fence(text):
        try:
            doc = parse(text)
        except FrontMatterError as exc:
            run.problems.append(exc.problem(relpath))
            return
        for found in doc.refusals:
            run.found(relpath, found)
        run.markup(relpath, doc.meta, doc.lines)
        body, first_line = doc.body, doc.body_line
    else:
        body, first_line = text, 1  # the portal's own pages may do without front matter
    run.body(content, content, relpath, body, first_line, _PORTAL_PAGES)
