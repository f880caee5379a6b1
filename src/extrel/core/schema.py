"""Front matter schemas of the seven subsections and of a municipality's registry entry.

One pydantic model per subsection. ``LANG_FIELDS`` are the fields written in each language;
every other field is language-independent and read from the Russian file.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Annotated, Any, Literal, NamedTuple

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
from pydantic_core import PydanticCustomError

from .messages import t, worded
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
        raise PydanticCustomError("country_invalid", "not a country code")
    return value


def _location(value: object) -> object:
    """``[lat, lon]``: two numbers, latitude within ±90, longitude within ±180."""
    if value is None:
        return value
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)):
        raise PydanticCustomError("location_invalid", "not a location")
    return value


def _web_url(value: object) -> object:
    """Shown as a link: only a web address as a browser reads it (http or https, a host, no
    ``user@``, port, backslash or space), never ``javascript:`` or a local path."""
    if isinstance(value, str) and web_address(value, https_only=False) is None:
        raise PydanticCustomError("url_invalid", "not a web address")
    return value


def _email(value: object) -> object:
    """An e-mail address by the RFCs' syntax (email-validator; no look-up of the domain)."""
    if isinstance(value, str):
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise PydanticCustomError("email_invalid", "not an e-mail address") from None
    return value


def _phone(value: object) -> object:
    """Digits, spaces, ``+``, ``(…)``, ``-`` and an extension: nothing that could leave the
    ``tel:`` link the template makes of it."""
    if isinstance(value, str) and not is_phone(value):
        raise PydanticCustomError("phone_invalid", "not a phone number")
    return value


# JSON Schema hints for what the validators above check (``extrel schema``)
_COUNTRY_SCHEMA: JsonDict = {"pattern": "^[A-Z]{2}$", "examples": ["BY", "KZ", "DE"]}
_LOCATION_SCHEMA: JsonDict = {"examples": [[52.21, 24.36]]}
_URL_SCHEMA: JsonDict = {"pattern": "^https?://[^\\s]+$", "examples": ["https://example.org"]}
EDITORS_LANGUAGE = "ru"
"""The language of the fields' descriptions in the JSON Schemas (editors read them)."""


def _hint(key: str, /, **params: Any) -> str:
    """A field's description in the JSON Schemas, from the message catalogue."""
    return t(key, EDITORS_LANGUAGE, **params)


_LOCATION = _hint("schema.location")
_KIND = _hint("schema.kind")
DateOrTime = Annotated[
    dt.datetime | dt.date,
    WithJsonSchema({
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
        "examples": ["2026-11-17", "2026-11-17 10:00"],
    }),
]
"""A date, or a date and time as editors write it (``2026-11-17 10:00``)."""
_PARTNER = _hint("schema.partner")
_BRACES = {"lb": "{", "rb": "}"}
"""The braces of a YAML mapping in a description (a template's own braces are its
placeholders)."""


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    title: str = Field(min_length=1, description=_hint("schema.title"))


class _WithImage(_Meta):
    model_config = ConfigDict(json_schema_extra={"dependencies": {"image": ["image_alt"]}})
    image: str | None = Field(
        default=None, description=_hint("schema.image")
    )
    image_alt: str | None = Field(
        default=None,
        description=_hint("schema.image_alt"),
    )

    @model_validator(mode="after")
    def _alt_with_image(self) -> _WithImage:
        if self.image and not self.image_alt:
            raise PydanticCustomError("image_alt_missing", "an image without image_alt")
        return self


class NewsMeta(_WithImage):
    date: dt.date = Field(description=_hint("schema.news.date"))
    summary: str | None = Field(default=None, description=_hint("schema.news.summary"))
    partner: str | None = Field(default=None, description=_PARTNER)
    kind: ActivityKind | None = Field(default=None, description=_KIND)
    tags: list[str] = Field(default=[], description=_hint("schema.tags"))


class PartnerMeta(_Meta):
    country: str = Field(
        description=_hint("schema.partners.country"),
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    type: Literal["twin", "partner", "agreement"] = Field(
        description=_hint("schema.partners.type")
    )
    status: Literal["active", "paused", "planned", "ended"] = Field(
        description=_hint("schema.partners.status")
    )
    since: dt.date | None = Field(default=None, description=_hint("schema.since"))
    expires: dt.date | None = Field(default=None, description=_hint("schema.partners.expires"))
    ended: dt.date | None = Field(default=None, description=_hint("schema.partners.ended"))
    agreement: str | None = Field(
        default=None, description=_hint("schema.partners.agreement")
    )
    directions: list[str] = Field(default=[], description=_hint("schema.partners.directions"))
    last_contact: dt.date | None = Field(
        default=None, description=_hint("schema.partners.last_contact"))
    location: tuple[float, float] | None = Field(
        default=None, description=_LOCATION, json_schema_extra=_LOCATION_SCHEMA)

    _check_country = field_validator("country")(_country)
    _check_location = field_validator("location", mode="before")(_location)


class PlanMeta(_Meta):
    year: int = Field(ge=2000, le=2100, description=_hint("schema.plan.year"))
    approved: dt.date | None = Field(default=None, description=_hint("schema.plan.approved"))


class AnnouncementMeta(_Meta):
    start: DateOrTime = Field(
        description=_hint("schema.announcements.start")
    )
    end: DateOrTime | None = Field(
        default=None, description=_hint("schema.announcements.end")
    )
    place: str | None = Field(default=None, description=_hint("schema.place"))
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
            raise PydanticCustomError("end_before_start", "the end is before the start")
        return self


class OrganizationMeta(_Meta):
    country: str | None = Field(
        default=None, description=_hint("schema.country", example="DE"),
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    since: dt.date | None = Field(default=None, description=_hint("schema.since"))
    url: str | None = Field(
        default=None, description=_hint("schema.organizations.url"),
        json_schema_extra=_URL_SCHEMA,
    )

    _check_country = field_validator("country")(_country)
    _check_url = field_validator("url")(_web_url)


class ParticipationMeta(_Meta):
    date: dt.date = Field(description=_hint("schema.participation.date"))
    place: str | None = Field(default=None, description=_hint("schema.place"))
    country: str | None = Field(
        default=None, description=_hint("schema.country", example="KZ"),
        json_schema_extra=_COUNTRY_SCHEMA,
    )
    kind: ActivityKind | None = Field(default=None, description=_KIND)

    _check_country = field_validator("country")(_country)


class PresentationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    file: str = Field(description=_hint("schema.file.file"))
    title: str = Field(description=_hint("schema.file.title"))
    kind: PresentationKind = Field(
        description=_hint("schema.file.kind")
    )


class PresentationMeta(_Meta):
    files: list[PresentationFile] = Field(
        default=[], description=_hint("schema.presentation.files", **_BRACES)
    )




class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    ru: str = Field(min_length=1, description=_hint("schema.localized.ru"))
    en: str = Field(min_length=1, description=_hint("schema.localized.en"))


class Coordinator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized = Field(description=_hint("schema.coordinator.name", **_BRACES))
    email: str | None = Field(default=None, description=_hint("schema.coordinator.email"))
    phone: str | None = Field(default=None, description=_hint("schema.coordinator.phone"))

    _check_email = field_validator("email")(_email)
    _check_phone = field_validator("phone")(_phone)


class MunicipalityMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    name: Localized = Field(description=_hint("schema.municipality.name", **_BRACES))
    kind: Literal["district", "city", "settlement"] = Field(
        description=_hint("schema.municipality.kind")
    )
    coat_of_arms: str | None = Field(
        default=None, description=_hint("schema.municipality.coat_of_arms")
    )
    coordinator: Coordinator | None = Field(
        default=None, description=_hint("schema.municipality.coordinator")
    )
    website: str | None = Field(
        default=None, description=_hint("schema.municipality.website"),
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

_BY_TYPE = {
    "literal_error": "problem.value.not_allowed",
    "enum": "problem.value.not_allowed",
    "int_parsing": "problem.value.not_integer",
    "int_type": "problem.value.not_integer",
    "int_from_float": "problem.value.not_integer",
    "greater_than_equal": "problem.value.out_of_range",
    "less_than_equal": "problem.value.out_of_range",
    "list_type": "problem.value.not_list",
    "string_type": "problem.value.empty_text",
    "string_too_short": "problem.value.empty_text",
    "model_type": "problem.value.not_nested",
    "dict_type": "problem.value.not_nested",
    "model_attributes_type": "problem.value.not_nested",
    # the codes this module's validators raise (``PydanticCustomError``)
    "country_invalid": "problem.country.invalid",
    "url_invalid": "problem.url.invalid",
    "phone_invalid": "problem.phone.invalid",
    "email_invalid": "problem.email.invalid",
}
"""The catalogue's key for each pydantic error type (a field's value)."""

_OF_MODEL = {
    "image_alt_missing": ("problem.image.no_alt", "image_alt", "image"),
    "end_before_start": ("problem.dates.end_before_start", "end", "end"),
}
"""A model validator's code: its message, the field it is about, the field whose line it is
reported on."""


class Finding(NamedTuple):
    """One pydantic error in the editors' terms: where, about which field, which message."""

    line: int | None
    field: str
    """The top-level field the error is about (a field inherited from the Russian file is
    reported there alone)."""
    key: str
    params: dict[str, Any]

    @property
    def ru(self) -> str:
        return t(self.key, "ru", **self.params)

    @property
    def en(self) -> str:
        return t(self.key, "en", **self.params)


def explain(
    error: Mapping[str, Any], model: type[BaseModel], lines: dict[str, int]
) -> Finding:
    """The line, field and message of one pydantic error."""
    loc = [str(p) for p in error.get("loc", ())]
    name = ".".join(loc)
    field = loc[0] if loc else ""
    line = lines.get(name) or lines.get(".".join(loc[:2])) or lines.get(field) or None
    kind = error["type"]
    value = error.get("input")
    text = str(value).replace("\n", " ")
    text = text if len(text) <= 60 else text[:59] + "…"
    shown = f"«{text}»" if not isinstance(value, (dict, list)) else ""

    if kind == "missing":
        return Finding(1, field, "problem.field.missing", {"name": name, "field": field})
    if kind == "extra_forbidden":
        allowed = ", ".join(sorted(_fields_at(model, loc[:-1])))
        guess = difflib.get_close_matches(loc[-1], allowed.split(", "), n=1, cutoff=0.6)
        if guess:
            return Finding(line, field, "problem.field.unknown_guess",
                           {"name": name, "guess": guess[0], "allowed": allowed})
        return Finding(line, field, "problem.field.unknown", {"name": name, "allowed": allowed})
    if kind.startswith("date") or kind.startswith("datetime"):
        return Finding(line, field, "problem.date.invalid", {
            "name": name, "value": shown or worded("problem.value.the_value"),
            "example": _EXAMPLE_DATE})
    if kind == "location_invalid":  # the value as written: a list, not one quoted value
        return Finding(line, field, "problem.location.invalid", {"name": name, "value": text})
    if kind in _OF_MODEL:
        key, about, at = _OF_MODEL[kind]
        return Finding(lines.get(at), about, key, {})
    params: dict[str, Any] = {"name": name, "value": shown}
    if kind in ("literal_error", "enum"):
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        params["expected"] = expected.replace(" or ", ", ")
    if kind in _BY_TYPE:
        return Finding(line, field, _BY_TYPE[kind], params)
    return Finding(line, field, "problem.value.invalid", {**params, "detail": error.get("msg", "")})


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
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate data; return the model (or None) and every problem found."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = exc.errors()
    found = [explain(e, model, lines) for e in errors]
    # pydantic runs a model's own checks only once every field is valid: the one across
    # fields is told in the same run as a broken date (every problem at once)
    if (issubclass(model, _WithImage) and data.get("image") and not data.get("image_alt")
            and not any(e["type"] == "image_alt_missing" or e["loc"][:1] == ("image_alt",)
                        for e in errors)):
        found.append(explain({"type": "image_alt_missing", "loc": (), "input": None},
                             model, lines))
    return None, found
