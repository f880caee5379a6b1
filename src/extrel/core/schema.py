"""Front matter schemas of the seven subsections and of a municipality's registry entry.

One pydantic model per subsection. ``LANG_FIELDS`` are the fields written in each language;
every other field is language-independent and read from the Russian file.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonDict

from .safety.urls import is_phone, web_address

ACTIVITY_KINDS: tuple[str, ...] = (
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
)
"""The kinds of activity the yearly report counts (also read through ``sections``)."""

ActivityKind = Literal[ACTIVITY_KINDS]  # type: ignore[valid-type]  # the one list

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


def _location(value: object) -> object:
    """``[lat, lon]``: two numbers, latitude within ±90, longitude within ±180."""
    if value is None:
        return value
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)):
        raise ValueError("location")
    return value


def _web_url(value: object) -> object:
    """Shown as a link: only a web address as a browser reads it (http or https, a host, no
    ``user@``, port, backslash or space), never ``javascript:`` or a local path."""
    if isinstance(value, str) and web_address(value, https_only=False) is None:
        raise ValueError("web_url")
    return value


def _email(value: object) -> object:
    """An e-mail address by the RFCs' syntax (email-validator; no look-up of the domain)."""
    if isinstance(value, str):
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise ValueError("email") from None
    return value


def _phone(value: object) -> object:
    """Digits, spaces, ``+``, ``(…)``, ``-`` and an extension: nothing that could leave the
    ``tel:`` link the template makes of it."""
    if isinstance(value, str) and not is_phone(value):
        raise ValueError("phone")
    return value


# JSON Schema hints for what the validators above check (``extrel schema``)
_COUNTRY_SCHEMA: JsonDict = {"pattern": "^[A-Z]{2}$", "examples": ["BY", "KZ", "DE"]}
_LOCATION_SCHEMA: JsonDict = {"examples": [[52.21, 24.36]]}
_LOCATION = ("Координаты города: [широта, долгота] в градусах, например [52.21, 24.36] "
             "(для карты партнёров)")
_URL_SCHEMA: JsonDict = {"pattern": "^https?://[^\\s]+$", "examples": ["https://example.org"]}
_DATE = "дата в формате ГГГГ-ММ-ДД, например 2026-11-17"
_KIND = (
    "Вид мероприятия для годового отчёта: presentation — презентация, delegation-in-russia — "
    "делегация в России, delegation-in-foreign — делегация за рубежом, friendship-day — "
    "День дружбы, business-visit — деловой визит, trade-mission — торговая миссия, "
    "conference — конференция, humanitarian-action — гуманитарная акция, youth-exchange — "
    "молодёжный обмен, new-partner — новый партнёр, other — другое"
)
DateOrTime = Annotated[
    dt.datetime | dt.date,
    WithJsonSchema({
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
        "examples": ["2026-11-17", "2026-11-17 10:00"],
    }),
]
"""A date, or a date and time as editors write it (``2026-11-17 10:00``)."""
_PARTNER = "Код партнёра: имя его файла в partners/ без «.ru.md», например kobrin"


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    title: str = Field(min_length=1, description="Заголовок страницы на языке файла")


class _WithImage(_Meta):
    model_config = ConfigDict(json_schema_extra={"dependencies": {"image": ["image_alt"]}})
    image: str | None = Field(
        default=None, description="Изображение: файл рядом со страницей, например photo.jpg"
    )
    image_alt: str | None = Field(
        default=None,
        description="Описание изображения для незрячих посетителей: что на снимке "
        "(обязательно, если есть image)",
    )

    @model_validator(mode="after")
    def _alt_with_image(self) -> _WithImage:
        if self.image and not self.image_alt:
            raise ValueError("image_alt")
        return self


class NewsMeta(_WithImage):
    date: dt.date = Field(description="Дата события: " + _DATE)
    summary: str | None = Field(default=None, description="Краткое содержание для списка новостей")
    partner: str | None = Field(default=None, description=_PARTNER)
    kind: ActivityKind | None = Field(default=None, description=_KIND)
    tags: list[str] = Field(default=[], description="Метки, например [culture, tourism]")


class PartnerMeta(_Meta):
    country: str = Field(
        description="Страна: двухбуквенный код ISO 3166-1 заглавными буквами, например BY",
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    type: Literal["twin", "partner", "agreement"] = Field(
        description="twin — город-побратим, partner — партнёр, agreement — соглашение"
    )
    status: Literal["active", "paused", "planned", "ended"] = Field(
        description="active — действует, paused — приостановлено, planned — планируется, "
        "ended — завершено"
    )
    since: dt.date | None = Field(default=None, description="С какого времени: " + _DATE)
    expires: dt.date | None = Field(default=None, description="Действует до: " + _DATE)
    ended: dt.date | None = Field(default=None, description="Прекращено: " + _DATE)
    agreement: str | None = Field(
        default=None, description="Файл соглашения рядом со страницей, например agreement.pdf"
    )
    directions: list[str] = Field(default=[], description="Направления сотрудничества (список)")
    last_contact: dt.date | None = Field(default=None, description="Последний контакт: " + _DATE)
    location: tuple[float, float] | None = Field(
        default=None, description=_LOCATION, json_schema_extra=_LOCATION_SCHEMA)

    _check_country = field_validator("country")(_country)
    _check_location = field_validator("location", mode="before")(_location)


class PlanMeta(_Meta):
    year: int = Field(ge=2000, le=2100, description="Год плана, как в имени файла, например 2026")
    approved: dt.date | None = Field(default=None, description="Дата утверждения: " + _DATE)


class AnnouncementMeta(_Meta):
    start: DateOrTime = Field(
        description="Начало: " + _DATE + " (или с временем: 2026-11-17 10:00)"
    )
    end: DateOrTime | None = Field(
        default=None, description="Окончание (не раньше начала): " + _DATE
    )
    place: str | None = Field(default=None, description="Место проведения")
    kind: ActivityKind | None = Field(default=None, description=_KIND)
    partner: str | None = Field(default=None, description=_PARTNER)

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date_stays_date(cls, value: object) -> object:
        """A bare ``2026-12-01`` is an all-day date, not midnight (pydantic tries datetime
        first)."""
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
    country: str | None = Field(
        default=None, description="Страна: код ISO 3166-1, например DE",
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    since: dt.date | None = Field(default=None, description="С какого времени: " + _DATE)
    url: str | None = Field(
        default=None, description="Сайт организации: адрес https://…",
        json_schema_extra=_URL_SCHEMA,
    )

    _check_country = field_validator("country")(_country)
    _check_url = field_validator("url")(_web_url)


class ParticipationMeta(_Meta):
    date: dt.date = Field(description="Дата участия: " + _DATE)
    place: str | None = Field(default=None, description="Место проведения")
    country: str | None = Field(
        default=None, description="Страна: код ISO 3166-1, например KZ",
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    kind: ActivityKind | None = Field(default=None, description=_KIND)

    _check_country = field_validator("country")(_country)


class PresentationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    file: str = Field(description="Файл рядом со страницей, например overview.pdf")
    title: str = Field(description="Название файла на языке страницы")
    kind: PresentationKind = Field(
        description="overview — общая презентация, investment — инвестиционная, tourism — "
        "туристическая, export — экспортная, catalog — каталог, video — видео, info-sheet — "
        "информационный листок"
    )


class PresentationMeta(_Meta):
    files: list[PresentationFile] = Field(
        default=[], description="Файлы презентации: список {file, title, kind}"
    )




class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    ru: str = Field(min_length=1, description="По-русски")
    en: str = Field(min_length=1, description="По-английски")


class Coordinator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized = Field(description="Фамилия, имя, отчество: {ru: ..., en: ...}")
    email: str | None = Field(default=None, description="Электронная почта")
    phone: str | None = Field(default=None, description="Телефон, например +7 (84241) 2-51-37")

    _check_email = field_validator("email")(_email)
    _check_phone = field_validator("phone")(_phone)


class MunicipalityMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized = Field(description="Название: {ru: Инзенский район, en: Inza District}")
    kind: Literal["district", "city", "settlement"] = Field(
        description="district — район, city — городской округ, settlement — поселение"
    )
    coat_of_arms: str | None = Field(
        default=None, description="Герб: файл в папке municipalities/, например inza.png"
    )
    coordinator: Coordinator | None = Field(
        default=None, description="Кто отвечает за раздел: name, email, phone"
    )
    website: str | None = Field(
        default=None, description="Официальный сайт муниципалитета: адрес https://…",
        json_schema_extra=_URL_SCHEMA,
    )

    location: tuple[float, float] | None = Field(
        default=None, description=_LOCATION, json_schema_extra=_LOCATION_SCHEMA)

    _check_website = field_validator("website")(_web_url)
    _check_location = field_validator("location", mode="before")(_location)


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
    text = str(value).replace("\n", " ")
    text = text if len(text) <= 60 else text[:59] + "…"
    shown = f"«{text}»" if not isinstance(value, (dict, list)) else ""
    ctx_error = str(error.get("ctx", {}).get("error", ""))

    if kind == "missing":
        return (
            1,
            f"нет обязательного поля «{name}»; добавьте в блок свойств строку «{field}: ...»",
            f"the required field '{name}' is missing; add a line '{field}: ...' to the front "
            "matter",
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
            f"поле «{name}»: ожидаются вложенные поля (например «ru: ...» и «en: ...» с "
            "отступом)",
            f"field '{name}': expected nested fields (for example indented 'ru: ...' and "
            "'en: ...')",
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
        if ctx_error == "location":
            return (
                line,
                f"поле «{name}»: {text} — не координаты; укажите [широта, долгота] числами в "
                "градусах (широта от -90 до 90, долгота от -180 до 180), например [52.21, 24.36]",
                f"field '{name}': {text} is not a location; give [latitude, longitude] as "
                "numbers in degrees (latitude -90 to 90, longitude -180 to 180), "
                "e.g. [52.21, 24.36]",
            )
        if ctx_error == "web_url":
            return (
                line,
                f"поле «{name}»: {shown} — не адрес сайта; укажите полный адрес, начинающийся "
                "с https://, без пробелов, «\\», имени пользователя и порта, например "
                "https://example.org",
                f"field '{name}': {shown} is not a web address; give the full address starting "
                "with https://, without spaces, '\\', a user name or a port, e.g. "
                "https://example.org",
            )
        if ctx_error == "phone":
            return (
                line,
                f"поле «{name}»: {shown} — не номер телефона; допустимы цифры, пробелы, «+», "
                "скобки, дефис и добавочный номер, например +7 (84241) 2-51-37 доб. 12",
                f"field '{name}': {shown} is not a phone number; use digits, spaces, '+', "
                "brackets, hyphens and an extension, e.g. +7 (84241) 2-51-37 ext. 12",
            )
        if ctx_error == "email":
            return (
                line,
                f"поле «{name}»: {shown} — не адрес электронной почты; пример: name@example.org",
                f"field '{name}': {shown} is not an email address; e.g. name@example.org",
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
