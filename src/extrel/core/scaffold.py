"""``extrel new``: a page in every language, named by its subsection's rule, ready to edit,
and what tells a page still holding its placeholders (a draft) from a finished one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .languages import REQUIRED
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
    pass for real."""
    sub = BY_ID[section]
    stem = sub.name.make(when, slug or slugify(title_en or title))
    fields: Scaffold = globals()[sub.scaffold]
    base_fields, other_fields, base_body = fields(when)
    files = {languages[0]: f"---\ntitle: {_q(title)}\n{base_fields}---\n\n{base_body}\n"}
    for lang in languages[1:]:
        own = title_en if lang == "en" and title_en else None
        head = _q(own) if own else _draft(f"translate the title: {title}")
        body = _body("translate the Russian text here, then delete this line")
        files[lang] = f"---\ntitle: {head}\n{other_fields}---\n\n{body}\n"
    return NewPage(stem, files)


Scaffold = Callable[[dt.date], tuple[str, str, str]]
"""A subsection's scaffold (``Subsection.scaffold`` names it): the front matter of the default
language's file, of the others, and the default body, for a page dated ``when``."""


def news_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"date: {d}\nsummary: {_draft('одно-два предложения для списка новостей')}\n"
        "# image: photo.jpg          # снимок рядом со страницей\n"
        "# image_alt: \"Что на снимке\"\n"
        "# kind: delegation-in-russia  # вид мероприятия для годового отчёта\n"
        "# partner: kutaisi           # код партнёра из partners/\n"
        "# tags: [культура]\n",
        f"summary: {_draft('one or two sentences for the news list')}\n"
        "# image_alt: \"What the photo shows\"\n",
        _body("напишите, что произошло, с кем и какой итог; эту строку удалите"),
    )


def partners_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"country: {_draft('код страны ISO 3166-1, например GE')}\n"
        f"type: {_draft('twin | partner | agreement')}\n"
        f"status: {_draft('active | paused | planned | ended')}\n"
        f"# since: {d}               # дата заключения соглашения\n"
        "# directions: [культура, образование]\n"
        f"# last_contact: {d}\n",
        "# directions: [culture, education]\n",
        _body("история и содержание сотрудничества; эту строку удалите"),
    )


def plan_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"year: {when.year}\n# approved: {d}\n", "",
        "| Месяц | Мероприятие | Ответственный | Партнёр |\n|---|---|---|---|\n"
        f"| {DRAFT_MARK} | … | … | … |",
    )


def announcements_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"start: {d}\n# end: {d}\nplace: {_draft('место проведения')}\n"
        "# kind: conference\n# partner: kutaisi\n",
        f"place: {_draft('venue')}\n",
        _body("о чём событие, кто приглашён, как принять участие; эту строку удалите"),
    )


def organizations_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        "# country: KZ\n" f"# since: {d}\n" "# url: https://example.org\n", "",
        _body("чем занимается организация и в чём сотрудничество; эту строку удалите"),
    )


def participation_fields(when: dt.date) -> tuple[str, str, str]:
    d = when.isoformat()
    return (
        f"date: {d}\nplace: {_draft('город')}\n# country: KZ\n# kind: conference\n",
        f"place: {_draft('city')}\n",
        _body("кто участвовал, с чем выступили, какие договорённости; эту строку удалите"),
    )


def presentation_fields(when: dt.date) -> tuple[str, str, str]:
    return (
        "# files:\n#   - {file: presentation.pdf, title: \"Общая презентация\", kind: overview}\n",
        "# files:\n#   - {file: presentation.pdf, title: \"General presentation\", "
        "kind: overview}\n",
        _body("кратко о муниципальном образовании: положение, экономика, партнёры; "
              "эту строку удалите"),
    )
