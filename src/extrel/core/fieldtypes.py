"""The front matter's shared value types: the lists of codes editors choose from, the checks of
single values (country, location, web address, e-mail, phone), and what a field carries for
the editors besides its type — its description (``hint``) and the catalogue keys of its label
and of its options' labels (``labelled``), which the web editor's forms read (core/cms.py).

The per-subsection models that use them are core/schema.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import WithJsonSchema
from pydantic.json_schema import JsonDict
from pydantic_core import PydanticCustomError

from .messages import t
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
PartnerType = Literal["twin", "partner", "agreement"]
PartnerStatus = Literal["active", "paused", "planned", "ended"]
MunicipalityKind = Literal["district", "city", "settlement"]

LANG_FIELDS: frozenset[str] = frozenset(
    {"title", "summary", "image_alt", "place", "directions", "files"}
)
"""Fields each language writes for itself (``files``: only the titles differ)."""

EDITORS_LANGUAGE = "ru"
"""The language of the fields' descriptions in the JSON Schemas (editors read them)."""

LABEL = "x-label"
"""A field's JSON Schema key holding the catalogue key of its label in the web editor."""
OPTIONS = "x-options"
"""A field's JSON Schema key mapping each of its values to the catalogue key of its label."""
EDITOR_KEYS = (LABEL, OPTIONS)
"""The keys only extrel's web editor reads: left out of the JSON Schemas ``extrel schema``
writes."""


def words(prefix: str, codes: Iterable[str] | Any) -> dict[str, str]:
    """Each code's catalogue key, ``<prefix>.<code>``: the words the site shows for a code
    (core/labels.word) are the words an editor chooses it by. ``codes``: a tuple or a
    ``Literal``."""
    values = codes if isinstance(codes, tuple) else get_args(codes)
    return {code: f"{prefix}.{code}" for code in values}


def labelled(label: str, options: Mapping[str, str] | None = None,
             extra: JsonDict | None = None) -> JsonDict:
    """A field's ``json_schema_extra``: the catalogue key of its label, those of its
    options' labels, and any further JSON Schema keys."""
    result: JsonDict = {**(extra or {}), LABEL: label}
    if options is not None:
        result[OPTIONS] = dict(options)
    return result


def hint(key: str, /, **params: Any) -> str:
    """A field's description in the JSON Schemas, from the message catalogue."""
    return t(key, EDITORS_LANGUAGE, **params)


def listed(key: str, options: Mapping[str, str]) -> str:
    """The description of a field of codes: the catalogue's template with ``{values}``, each
    code with its word (``twin — город-побратим, …``), the words being the options'."""
    values = ", ".join(f"{code} — {t(word, EDITORS_LANGUAGE)}" for code, word in options.items())
    return hint(key, values=values)


def country(value: object) -> object:
    if isinstance(value, str) and not (len(value) == 2 and value.isascii() and value.isupper()):
        raise PydanticCustomError("country_invalid", "not a country code")
    return value


def location(value: object) -> object:
    """``[lat, lon]``: two numbers, latitude within ±90, longitude within ±180."""
    if value is None:
        return value
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)):
        raise PydanticCustomError("location_invalid", "not a location")
    return value


def web_url(value: object) -> object:
    """Shown as a link: only a web address as a browser reads it (http or https, a host, no
    ``user@``, port, backslash or space), never ``javascript:`` or a local path."""
    if isinstance(value, str) and web_address(value, https_only=False) is None:
        raise PydanticCustomError("url_invalid", "not a web address")
    return value


def email(value: object) -> object:
    """An e-mail address by the RFCs' syntax (email-validator; no look-up of the domain)."""
    if isinstance(value, str):
        # imported here: 15 ms that every command would pay, for the registry's few addresses
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise PydanticCustomError("email_invalid", "not an e-mail address") from None
    return value


def phone(value: object) -> object:
    """Digits, spaces, ``+``, ``(…)``, ``-`` and an extension: nothing that could leave the
    ``tel:`` link the template makes of it."""
    if isinstance(value, str) and not is_phone(value):
        raise PydanticCustomError("phone_invalid", "not a phone number")
    return value


# JSON Schema hints for what the validators above check (``extrel schema``)
COUNTRY_SCHEMA: JsonDict = {"pattern": "^[A-Z]{2}$", "examples": ["BY", "KZ", "DE"]}
LOCATION_SCHEMA: JsonDict = {"examples": [[52.21, 24.36]]}
URL_SCHEMA: JsonDict = {"pattern": "^https?://[^\\s]+$", "examples": ["https://example.org"]}

DateOrTime = Annotated[
    dt.datetime | dt.date,
    WithJsonSchema({
        "type": "string",
        "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$",
        "examples": ["2026-11-17", "2026-11-17 10:00"],
    }),
]
"""A date, or a date and time as editors write it (``2026-11-17 10:00``)."""

BRACES = {"lb": "{", "rb": "}"}
"""The braces of a YAML mapping in a description (a template's own braces are its
placeholders)."""


def as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
