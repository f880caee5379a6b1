"""Front matter schemas of the seven subsections and of a municipality's registry entry.

One pydantic model per subsection. ``LANG_FIELDS`` are the fields written in each language;
every other field is language-independent and read from the Russian file.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .sections import ACTIVITY_KINDS

ActivityKind = Literal[
    "presentation",
    "delegation-in-russia",
    "delegation-in-foreign",
    "friendship-day",
    "business-visit",
    "trade-mission",
    "conference",
    "humanitarian-action",
    "youth-exchange",
    "new-partner",
    "other",
]
assert set(ActivityKind.__args__) == set(ACTIVITY_KINDS)  # type: ignore[attr-defined]

PresentationKind = Literal[
    "overview", "investment", "tourism", "export", "catalog", "video", "info-sheet"
]

LANG_FIELDS: frozenset[str] = frozenset(
    {"title", "summary", "image_alt", "place", "directions", "files"}
)
"""Fields each language writes for itself (``files``: only the titles differ)."""


def _country(value: object) -> object:
    if isinstance(value, str) and not (len(value) == 2 and value.isascii() and value.isupper()):
        raise ValueError("country")
    return value


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    title: str = Field(min_length=1)


class _WithImage(_Meta):
    image: str | None = None
    image_alt: str | None = None

    @model_validator(mode="after")
    def _alt_with_image(self) -> _WithImage:
        if self.image and not self.image_alt:
            raise ValueError("image_alt")
        return self


class NewsMeta(_WithImage):
    date: dt.date
    summary: str | None = None
    partner: str | None = None
    kind: ActivityKind | None = None
    tags: list[str] = []


class PartnerMeta(_Meta):
    country: str
    type: Literal["twin", "partner", "agreement"]
    status: Literal["active", "paused", "planned", "ended"]
    since: dt.date | None = None
    agreement: str | None = None
    directions: list[str] = []
    last_contact: dt.date | None = None

    _check_country = field_validator("country")(_country)


class PlanMeta(_Meta):
    year: int = Field(ge=2000, le=2100)
    approved: dt.date | None = None


class AnnouncementMeta(_Meta):
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None
    place: str | None = None
    kind: ActivityKind | None = None
    partner: str | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date_stays_date(cls, value: object) -> object:
        """A bare ``2026-12-01`` is an all-day date, not midnight (pydantic tries datetime first)."""
        if isinstance(value, str) and len(value.strip()) == 10:
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return value
        return value

    @model_validator(mode="after")
    def _end_after_start(self) -> AnnouncementMeta:
        if self.end is not None and _as_date(self.end) < _as_date(self.start):
            raise ValueError("end_before_start")
        return self


class OrganizationMeta(_Meta):
    country: str | None = None
    since: dt.date | None = None
    url: str | None = None

    _check_country = field_validator("country")(_country)


class ParticipationMeta(_Meta):
    date: dt.date
    place: str | None = None
    country: str | None = None
    kind: ActivityKind | None = None

    _check_country = field_validator("country")(_country)


class PresentationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    file: str
    title: str
    kind: PresentationKind


class PresentationMeta(_Meta):
    files: list[PresentationFile] = []


SCHEMAS: dict[str, type[_Meta]] = {
    "news": NewsMeta,
    "partners": PartnerMeta,
    "plan": PlanMeta,
    "announcements": AnnouncementMeta,
    "organizations": OrganizationMeta,
    "participation": ParticipationMeta,
    "presentation": PresentationMeta,
}


class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    ru: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Coordinator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized
    email: str | None = None
    phone: str | None = None


class MunicipalityMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized
    kind: Literal["district", "city", "settlement"]
    coat_of_arms: str | None = None
    coordinator: Coordinator | None = None
    website: str | None = None


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --- turning pydantic's errors into editors' messages ----------------------------------------

_EXAMPLE_DATE = "2026-11-17"


def explain(
    error: dict[str, Any], model: type[BaseModel], lines: dict[str, int]
) -> tuple[int | None, str, str]:
    """Line, Russian and English message for one pydantic error."""
    loc = [str(p) for p in error.get("loc", ())]
    name = ".".join(loc)
    field = loc[0] if loc else ""
    line = lines.get(name) or lines.get(".".join(loc[:2])) or lines.get(field) or None
    kind = error["type"]
    value = error.get("input")
    shown = f"«{value}»" if not isinstance(value, (dict, list)) else ""
    ctx_error = str(error.get("ctx", {}).get("error", ""))

    if kind == "missing":
        return (
            1,
            f"нет обязательного поля «{name}»; добавьте в блок свойств строку «{field}: ...»",
            f"the required field '{name}' is missing; add a line '{field}: ...' to the front matter",
        )
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        guess = difflib.get_close_matches(loc[-1], allowed, n=1, cutoff=0.6)
        hint_ru = f"возможно, имелось в виду «{guess[0]}»" if guess else ""
        hint_en = f"did you mean '{guess[0]}'?" if guess else ""
        return (
            line,
            f"неизвестное поле «{name}»; {hint_ru + '; ' if hint_ru else ''}"
            f"допустимые поля: {', '.join(allowed)}",
            f"unknown field '{name}'; {hint_en + ' ' if hint_en else ''}"
            f"allowed fields: {', '.join(allowed)}",
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            line,
            f"поле «{name}»: дата {shown} не существует или записана неверно; "
            f"формат ГГГГ-ММ-ДД, например {_EXAMPLE_DATE}",
            f"field '{name}': {shown or 'the value'} is not a real date; "
            f"use YYYY-MM-DD, for example {_EXAMPLE_DATE}",
        )
    if kind in ("literal_error", "enum"):
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        expected = expected.replace(" or ", ", ")
        return (
            line,
            f"поле «{name}»: значение {shown} не допускается; допустимые значения: {expected}",
            f"field '{name}': {shown} is not allowed; expected one of: {expected}",
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return (
            line,
            f"поле «{name}»: ожидается целое число, а записано {shown}",
            f"field '{name}': expected a whole number, got {shown}",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return (
            line,
            f"поле «{name}»: значение {shown} вне допустимого диапазона",
            f"field '{name}': {shown} is out of range",
        )
    if kind == "list_type":
        return (
            line,
            f"поле «{name}»: ожидается список, каждый элемент с новой строки после «- »",
            f"field '{name}': expected a list, one item per line after '- '",
        )
    if kind in ("string_type", "string_too_short"):
        return (
            line,
            f"поле «{name}»: ожидается непустой текст",
            f"field '{name}': expected a non-empty text",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            line,
            f"поле «{name}»: ожидаются вложенные поля (например «ru: ...» и «en: ...» с отступом)",
            f"field '{name}': expected nested fields (for example indented 'ru: ...' and 'en: ...')",
        )
    if kind == "value_error":
        if ctx_error == "image_alt":
            return (
                lines.get("image"),
                "у изображения нет описания: добавьте поле «image_alt» — что изображено на снимке "
                "(его прочтут незрячие посетители)",
                "the image has no alternative text: add 'image_alt' describing what it shows "
                "(screen reader users hear it)",
            )
        if ctx_error == "country":
            return (
                line,
                f"поле «{name}»: {shown} — не код страны; укажите двухбуквенный код ISO 3166-1 "
                "заглавными латинскими буквами, например BY, KZ, DE",
                f"field '{name}': {shown} is not a country code; use the two-letter "
                "ISO 3166-1 code in capitals, e.g. BY, KZ, DE",
            )
        if ctx_error == "end_before_start":
            return (
                lines.get("end"),
                "дата окончания («end») раньше даты начала («start»)",
                "the end date ('end') is before the start date ('start')",
            )
    return (
        line,
        f"поле «{name}»: недопустимое значение {shown} ({error.get('msg', '')})",
        f"field '{name}': invalid value {shown} ({error.get('msg', '')})",
    )


def _fields_at(model: type[BaseModel], loc: list[str]) -> set[str]:
    """Field names allowed at a location (top level, or inside a nested model)."""
    current: Any = model
    for part in loc:
        if part.isdigit():
            continue
        info = current.model_fields.get(part)
        if info is None:
            return set()
        annotation = info.annotation
        args = getattr(annotation, "__args__", ())
        for candidate in (annotation, *args):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return set(current.model_fields)


def validate(
    model: type[BaseModel], data: dict[str, object], lines: dict[str, int]
) -> tuple[BaseModel | None, list[tuple[int | None, str, str]]]:
    """Validate data; return the model (or None) and every problem found."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [explain(e, model, lines) for e in exc.errors()]  # type: ignore[arg-type]
