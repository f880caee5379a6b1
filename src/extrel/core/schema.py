"""Front matter schemas of the seven subsections and of a municipality's registry entry.

One pydantic model per subsection. ``LANG_FIELDS`` are the fields written in each language;
every other field is language-independent and read from the Russian file. Each field of a
subsection carries the catalogue keys of its label and options in the web editor
(``fieldtypes.labelled``); the value types and checks they share are core/fieldtypes.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import fieldtypes
from .fieldtypes import (  # noqa: F401  # ACTIVITY_KINDS, EDITORS_LANGUAGE, LANG_FIELDS: read through here
    ACTIVITY_KINDS,
    BRACES,
    COUNTRY_SCHEMA,
    EDITORS_LANGUAGE,
    LANG_FIELDS,
    LOCATION_SCHEMA,
    URL_SCHEMA,
    ActivityKind,
    DateOrTime,
    MunicipalityKind,
    PartnerStatus,
    PartnerType,
    PresentationKind,
    as_date,
    hint,
    labelled,
    listed,
    words,
)
from .languages import DEFAULT_LANGUAGE
from .messages import t, worded

_ACTIVITY = words("label.activity", ACTIVITY_KINDS)


def _kind() -> Any:
    return Field(default=None, description=listed("schema.kind", _ACTIVITY),
                 json_schema_extra=labelled("cms.label.activity", _ACTIVITY))


def _partner() -> Any:
    return Field(default=None, description=hint("schema.partner"),
                 json_schema_extra=labelled("cms.partner.label"))


def _place() -> Any:
    return Field(default=None, description=hint("schema.place"),
                 json_schema_extra=labelled("schema.place"))


def _location_field() -> Any:
    return Field(default=None, description=hint("schema.location"),
                 json_schema_extra=labelled("cms.label.location", extra=LOCATION_SCHEMA))


def _country_field(example: str) -> Any:
    return Field(default=None, description=hint("schema.country", example=example),
                 json_schema_extra=labelled("cms.label.country", extra=COUNTRY_SCHEMA))


def _date(key: str, label: str) -> Any:
    """An optional date field: its description's key and its label's key."""
    return Field(default=None, description=hint(key), json_schema_extra=labelled(label))


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              defer_build=True)
    title: str = Field(min_length=1, description=hint("schema.title"),
                       json_schema_extra=labelled("schema.title"))


class _WithImage(_Meta):
    model_config = ConfigDict(json_schema_extra={"dependencies": {"image": ["image_alt"]}})
    image: str | None = Field(default=None, description=hint("schema.image"),
                              json_schema_extra=labelled("cms.label.image"))
    image_alt: str | None = Field(default=None, description=hint("schema.image_alt"),
                                  json_schema_extra=labelled("cms.label.image_alt"))

    @model_validator(mode="after")
    def _alt_with_image(self) -> _WithImage:
        if self.image and not self.image_alt:
            raise PydanticCustomError("image_alt_missing", "an image without image_alt")
        return self


class NewsMeta(_WithImage):
    date: dt.date = Field(description=hint("schema.news.date"),
                          json_schema_extra=labelled("cms.label.news.date"))
    summary: str | None = Field(default=None, description=hint("schema.news.summary"),
                                json_schema_extra=labelled("schema.news.summary"))
    partner: str | None = _partner()
    kind: ActivityKind | None = _kind()
    tags: list[str] = Field(default=[], description=hint("schema.tags"),
                            json_schema_extra=labelled("cms.label.tags"))


_TYPES = words("label.type", PartnerType)
_STATUSES = words("label.partner", PartnerStatus)


class PartnerMeta(_Meta):
    country: str = Field(description=hint("schema.partners.country"),
                         json_schema_extra=labelled("cms.label.country", extra=COUNTRY_SCHEMA))
    type: PartnerType = Field(description=listed("schema.partners.type", _TYPES),
                              json_schema_extra=labelled("cms.label.type", _TYPES))
    status: PartnerStatus = Field(description=listed("schema.partners.status", _STATUSES),
                                  json_schema_extra=labelled("cms.label.status", _STATUSES))
    since: dt.date | None = _date("schema.since", "cms.label.since")
    expires: dt.date | None = _date("schema.partners.expires", "cms.label.expires")
    ended: dt.date | None = _date("schema.partners.ended", "cms.label.ended")
    agreement: str | None = Field(default=None, description=hint("schema.partners.agreement"),
                                  json_schema_extra=labelled("cms.label.agreement"))
    directions: list[str] = Field(default=[], description=hint("schema.partners.directions"),
                                  json_schema_extra=labelled("cms.label.directions"))
    last_contact: dt.date | None = _date("schema.partners.last_contact",
                                         "cms.label.last_contact")
    location: tuple[float, float] | None = _location_field()

    _check_country = field_validator("country")(fieldtypes.country)
    _check_location = field_validator("location", mode="before")(fieldtypes.location)


class PlanMeta(_Meta):
    year: int = Field(ge=2000, le=2100, description=hint("schema.plan.year"),
                      json_schema_extra=labelled("cms.label.year"))
    approved: dt.date | None = _date("schema.plan.approved", "cms.label.approved")


class AnnouncementMeta(_Meta):
    start: DateOrTime = Field(description=hint("schema.announcements.start"),
                              json_schema_extra=labelled("cms.label.start"))
    end: DateOrTime | None = _date("schema.announcements.end", "cms.label.end")
    place: str | None = _place()
    kind: ActivityKind | None = _kind()
    partner: str | None = _partner()

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
        if self.end is not None and as_date(self.end) < as_date(self.start):
            raise PydanticCustomError("end_before_start", "the end is before the start")
        return self


class OrganizationMeta(_Meta):
    country: str | None = _country_field("DE")
    since: dt.date | None = _date("schema.since", "cms.label.since")
    url: str | None = Field(default=None, description=hint("schema.organizations.url"),
                            json_schema_extra=labelled("cms.label.url", extra=URL_SCHEMA))

    _check_country = field_validator("country")(fieldtypes.country)
    _check_url = field_validator("url")(fieldtypes.web_url)


class ParticipationMeta(_Meta):
    date: dt.date = Field(description=hint("schema.participation.date"),
                          json_schema_extra=labelled("cms.label.participation.date"))
    place: str | None = _place()
    country: str | None = _country_field("KZ")
    kind: ActivityKind | None = _kind()

    _check_country = field_validator("country")(fieldtypes.country)


_FILE_KINDS = words("label.file", PresentationKind)


class PresentationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              defer_build=True)
    file: str = Field(description=hint("schema.file.file"),
                      json_schema_extra=labelled("cms.label.file"))
    title: str = Field(description=hint("schema.file.title"),
                       json_schema_extra=labelled("schema.file.title"))
    kind: PresentationKind = Field(description=listed("schema.file.kind", _FILE_KINDS),
                                   json_schema_extra=labelled("cms.label.kind", _FILE_KINDS))


class PresentationMeta(_Meta):
    files: list[PresentationFile] = Field(
        default=[], description=hint("schema.presentation.files", **BRACES),
        json_schema_extra=labelled("cms.label.files"))


class Localized(BaseModel):
    """A name in Russian and English, and in any further language of the region (``zh:
    因扎区``, a key per language of the i18n block); a language without its own shows the
    English one (``get``)."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, frozen=True,
                              defer_build=True,
                              json_schema_extra={"description": hint("schema.localized")})
    ru: str = Field(min_length=1, description=hint("schema.localized.ru"))
    en: str = Field(min_length=1, description=hint("schema.localized.en"))
    __pydantic_extra__: dict[str, Annotated[str, Field(min_length=1)]] = Field(init=False)

    @model_validator(mode="after")
    def _region_languages(self, info: ValidationInfo) -> Localized:
        """Each further key is a language of the region (``LANGUAGES_CONTEXT``; a typo such
        as ``eng`` is told, not kept). Read back from the cache, without that context, the
        keys were checked when the entry was first read."""
        languages = (info.context or {}).get(LANGUAGES_CONTEXT)
        if languages is not None:
            for code in self.__pydantic_extra__ or {}:
                if code not in languages:
                    raise PydanticCustomError(
                        "language_unknown", "not a language of the region: {code}",
                        {"code": code, "languages": ", ".join(languages)})
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang``: its own where written, else the English (Russian for
        Russian)."""
        own = (self.__pydantic_extra__ or {}).get(lang)
        if own is not None:
            return own
        return self.ru if lang == DEFAULT_LANGUAGE else self.en


LANGUAGES_CONTEXT = "languages"
"""The validation context's key of the region's language codes (``validate``)."""


class Coordinator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              defer_build=True)
    name: Localized = Field(description=hint("schema.coordinator.name", **BRACES))
    email: str | None = Field(default=None, description=hint("schema.coordinator.email"))
    phone: str | None = Field(default=None, description=hint("schema.coordinator.phone"))

    _check_email = field_validator("email")(fieldtypes.email)
    _check_phone = field_validator("phone")(fieldtypes.phone)


class MunicipalityMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              defer_build=True)
    name: Localized = Field(description=hint("schema.municipality.name", **BRACES))
    kind: MunicipalityKind = Field(description=hint("schema.municipality.kind"))
    coat_of_arms: str | None = Field(
        default=None, description=hint("schema.municipality.coat_of_arms"))
    coordinator: Coordinator | None = Field(
        default=None, description=hint("schema.municipality.coordinator"))
    website: str | None = Field(default=None, description=hint("schema.municipality.website"),
                                json_schema_extra=URL_SCHEMA)
    location: tuple[float, float] | None = Field(
        default=None, description=hint("schema.location"), json_schema_extra=LOCATION_SCHEMA)
    group: Localized | None = Field(
        default=None, description=hint("schema.municipality.group", **BRACES))

    _check_website = field_validator("website")(fieldtypes.web_url)
    _check_location = field_validator("location", mode="before")(fieldtypes.location)


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
    if kind == "language_unknown":  # a model's own check: its line is the key's
        ctx = error.get("ctx", {})
        key = f"{name}.{ctx.get('code')}"
        return Finding(lines.get(key) or line, field, "problem.localized.language",
                       {"name": key, "code": ctx.get("code"), "languages": ctx.get("languages")})
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
    model: type[BaseModel], data: dict[str, object], lines: dict[str, int],
    languages: Iterable[str] | None = None,
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate data; return the model (or None) and every problem found. ``languages``: the
    region's, where a name may be given in each (``Localized``)."""
    context = {LANGUAGES_CONTEXT: tuple(languages)} if languages is not None else None
    try:
        return model.model_validate(data, context=context), []
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
