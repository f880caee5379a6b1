"""``extrel new``: a page in every language, named by its subsection's rule, ready to edit,
and what tells a page still holding its placeholders (a draft) from a finished one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .languages import REQUIRED
from .messages import t
from .sections import BY_ID

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def slugify(text: str, max_words: int = 6) -> str:
    """An ASCII slug from a Russian or English title: «Визит в Кутаиси» → ``vizit-v-kutaisi``."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    words = re.findall(r"[a-z0-9]+", latin)
    return "-".join(words[:max_words]) or "page"


DRAFT_MARK = "extrel:draft"
"""The text every placeholder ``extrel new`` writes carries: a page that still holds it is a
draft (``draft_lines``). One string, in this one place, for the scaffold and the check."""

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FIELD = re.compile(r"^\s*#?\s*([A-Za-z_][A-Za-z0-9_]*)\s*:")


@dataclass(frozen=True)
class DraftLine:
    """A line of a page that still holds a placeholder of ``extrel new``."""

    line: int
    field: str | None
    """The front matter field it sits in; None in the body."""
    empty: bool = False
    """The body is empty (nothing but comments and blank lines) rather than marked."""


def draft_lines(text: str, body: str | None = None, body_line: int = 1) -> list[DraftLine]:
    """Where ``text`` (a whole page) still holds what ``extrel new`` wrote for the editor to
    replace: every line with ``DRAFT_MARK``, or, when ``body`` (the text after the front
    matter, starting on ``body_line``) is given and holds nothing but comments and blanks,
    that empty body. An empty list: the page is finished."""
    if DRAFT_MARK not in text:  # the common case, read at national scale: no line walk
        return [DraftLine(body_line, None, empty=True)] if _empty(body) else []
    found = []
    in_front = text.startswith("---")
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and in_front and line.strip() == "---":
            in_front = False
            continue
        if DRAFT_MARK in line:
            match = _FIELD.match(line) if in_front else None
            found.append(DraftLine(number, match.group(1) if match else None))
    if not found and _empty(body):
        found.append(DraftLine(body_line, None, empty=True))
    return found


def _empty(body: str | None) -> bool:
    """A body given and holding nothing but HTML comments and blanks."""
    if body is None:
        return False
    start = body.lstrip()
    if start and not start.startswith("<!--"):
        return False
    return not _COMMENT.sub("", body).strip()


def _draft(hint: str) -> str:
    """A front matter placeholder: quoted YAML, never a value that passes for real."""
    return _q(f"{DRAFT_MARK} — {hint}")


def _body(hint: str) -> str:
    return f"{DRAFT_MARK} — {hint}"


@dataclass(frozen=True)
class NewPage:
    stem: str
    """File name without ``.<lang>.md``."""
    files: dict[str, str]
    """Text of each language's file."""


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_page(section: str, title: str, title_en: str | None, when: dt.date,
             slug: str | None = None, languages: Sequence[str] = REQUIRED) -> NewPage:
    """The files of a new page in ``languages`` (the first is the default one, whose file
    carries the shared fields). Whatever the editor must still write is a placeholder with
    ``DRAFT_MARK``: a translation without its title, the text, fields without a sensible
    default (a partner's country, type, status; a place). Nothing is pre-filled that would
    pass for real. The hints are the catalogue's ``scaffold.*``, each file's in its language
    (English where the catalogue has none)."""
    sub = BY_ID[section]
    stem = sub.name.make(when, slug or slugify(title_en or title))
    fields: Scaffold = globals()[sub.scaffold]
    base = languages[0]
    base_fields, _, base_body = fields(when, base)
    files = {base: f"---\ntitle: {_q(title)}\n{base_fields}---\n\n{base_body}\n"}
    for lang in languages[1:]:
        own = title_en if lang == "en" and title_en else None
        head = _q(own) if own else _draft(t("scaffold.translate_title", lang, title=title))
        body = _body(t("scaffold.translate_text", lang))
        other_fields = fields(when, lang)[1]
        files[lang] = f"---\ntitle: {head}\n{other_fields}---\n\n{body}\n"
    return NewPage(stem, files)


Scaffold = Callable[[dt.date, str], tuple[str, str, str]]
"""A subsection's scaffold (``Subsection.scaffold`` names it): the front matter of the default
language's file, of the others, and the default body, for a page dated ``when``, worded in the
language given."""


def _hint(field: str, value: str, hint: str) -> str:
    """A commented-out example line with its hint: ``# since: 2026-11-21   # ...``."""
    return f"# {field}: {value}".ljust(29) + f" # {hint}\n"


def news_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    alt = _q(t("scaffold.news.image_alt", lang))
    return (
        f"date: {d}\nsummary: {_draft(t('scaffold.news.summary', lang))}\n"
        + _hint("image", "photo.jpg", t("scaffold.news.image", lang))
        + f"# image_alt: {alt}\n"
        + _hint("kind", "delegation-in-russia", t("scaffold.news.kind", lang))
        + _hint("partner", "kutaisi", t("scaffold.news.partner", lang))
        + f"# tags: [{t('scaffold.news.tags', lang)}]\n",
        f"summary: {_draft(t('scaffold.news.summary', lang))}\n"
        f"# image_alt: {alt}\n",
        _body(t("scaffold.news.body", lang)),
    )


def partners_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    directions = f"# directions: [{t('scaffold.partners.directions', lang)}]\n"
    return (
        f"country: {_draft(t('scaffold.partners.country', lang))}\n"
        f"type: {_draft('twin | partner | agreement')}\n"
        f"status: {_draft('active | paused | planned | ended')}\n"
        + _hint("since", d, t("scaffold.partners.since", lang))
        + directions
        + f"# last_contact: {d}\n",
        directions,
        _body(t("scaffold.partners.body", lang)),
    )


def plan_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"year: {when.year}\n# approved: {d}\n", "",
        f"| {t('scaffold.plan.columns', lang)} |\n|---|---|---|---|\n"
        f"| {DRAFT_MARK} | … | … | … |",
    )


def announcements_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    place = f"place: {_draft(t('scaffold.announcements.place', lang))}\n"
    return (
        f"start: {d}\n# end: {d}\n{place}# kind: conference\n# partner: kutaisi\n",
        place,
        _body(t("scaffold.announcements.body", lang)),
    )


def organizations_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        "# country: KZ\n" f"# since: {d}\n" "# url: https://example.org\n", "",
        _body(t("scaffold.organizations.body", lang)),
    )


def participation_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    d = when.isoformat()
    place = f"place: {_draft(t('scaffold.participation.place', lang))}\n"
    return (
        f"date: {d}\n{place}# country: KZ\n# kind: conference\n",
        place,
        _body(t("scaffold.participation.body", lang)),
    )


def presentation_fields(when: dt.date, lang: str) -> tuple[str, str, str]:
    files = ("# files:\n#   - {file: presentation.pdf, title: "
             + _q(t("scaffold.presentation.file_title", lang)) + ", kind: overview}\n")
    return (files, files, _body(t("scaffold.presentation.body", lang)))
