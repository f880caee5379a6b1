"""``extrel new``: a page in both languages, named by its subsection's rule, ready to edit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class NewPage:
    stem: str
    """File name without ``.<lang>.md``."""
    files: dict[str, str]
    """Text of each language's file."""


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_page(section: str, title: str, title_en: str | None, when: dt.date,
             slug: str | None = None) -> NewPage:
    sub = BY_ID[section]
    slug = slug or slugify(title_en or title)
    if sub.dated:
        stem = f"{when.isoformat()}-{slug}"
    elif section == "plan":
        stem = str(when.year)
    elif section == "presentation":
        stem = "index"
    else:
        stem = slug
    en_title = title_en or f"[EN] {title}"
    ru_fields, en_fields, ru_body, en_body = _fields(section, when)
    ru = f"---\ntitle: {_q(title)}\n{ru_fields}---\n\n{ru_body}\n"
    en = f"---\ntitle: {_q(en_title)}\n{en_fields}---\n\n{en_body}\n"
    return NewPage(stem, {"ru": ru, "en": en})


def _fields(section: str, when: dt.date) -> tuple[str, str, str, str]:
    d = when.isoformat()
    ru_body = "Текст страницы. Напишите, что произошло, с кем и какой итог."
    en_body = "<!-- Translate the Russian text here. -->"
    if section == "news":
        return (
            f"date: {d}\nsummary: \"Одно-два предложения для списка новостей\"\n"
            "# image: photo.jpg          # снимок рядом со страницей\n"
            "# image_alt: \"Что на снимке\"\n"
            "# kind: delegation-in-russia  # вид мероприятия для годового отчёта\n"
            "# partner: kutaisi           # код партнёра из partners/\n"
            "# tags: [культура]\n",
            "summary: \"One or two sentences for the news list\"\n"
            "# image_alt: \"What the photo shows\"\n",
            ru_body, en_body,
        )
    if section == "partners":
        return (
            "country: BY                 # код страны ISO 3166-1\n"
            "type: twin                  # twin | partner | agreement\n"
            "status: active              # active | paused | planned | ended\n"
            f"since: {d}\n"
            "directions:\n  - культура\n  - образование\n"
            f"last_contact: {d}\n",
            "directions:\n  - culture\n  - education\n",
            "История и содержание сотрудничества.", en_body,
        )
    if section == "plan":
        return (
            f"year: {when.year}\n# approved: {d}\n", "",
            "| Месяц | Мероприятие | Ответственный | Партнёр |\n|---|---|---|---|\n"
            "| Январь | … | … | … |", en_body,
        )
    if section == "announcements":
        return (
            f"start: {d}\n# end: {d}\nplace: \"Место проведения\"\n# kind: conference\n"
            "# partner: kutaisi\n",
            "place: \"Venue\"\n",
            "О чём событие, кто приглашён, как принять участие.", en_body,
        )
    if section == "organizations":
        return (
            "# country: KZ\n" f"since: {d}\n" "# url: https://example.org\n", "",
            "Чем занимается организация и в чём сотрудничество.", en_body,
        )
    if section == "participation":
        return (
            f"date: {d}\nplace: \"Город\"\ncountry: KZ\nkind: conference\n",
            "place: \"City\"\n",
            "Кто участвовал, с чем выступили, какие договорённости.", en_body,
        )
    return (
        "files:\n  - {file: presentation.pdf, title: \"Общая презентация\", kind: overview}\n",
        "files:\n  - {file: presentation.pdf, title: \"General presentation\", kind: overview}\n",
        "Кратко о муниципальном образовании: положение, экономика, партнёры.", en_body,
    )
