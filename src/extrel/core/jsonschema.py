"""JSON Schemas of the front matter, generated from the same pydantic models the loader uses.

Editors' editors read them to complete and check fields as they type; ``extrel schema``
writes them, and the committed ``schemas/`` folder is tested to equal what it writes.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

from .fieldtypes import EDITOR_KEYS
from .languages import DEFAULT_LANGUAGE, REQUIRED
from .messages import t
from .schema import EDITORS_LANGUAGE, LANG_FIELDS, MunicipalityMeta
from .sections import BY_ID, SCHEMAS

DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the newest one the YAML language server (VS Code's YAML extension) fully reads.
pydantic's ``$defs`` are reached by JSON pointers, which every draft resolves."""


def _finish(schema: dict[str, Any], title: str, description: str,
            editor_keys: bool = False) -> dict[str, Any]:
    """Add the dialect and a Russian title; drop pydantic's English titles ("Image Alt") and,
    unless ``editor_keys``, the catalogue keys only the web editor reads."""
    dropped = ("title",) if editor_keys else ("title", *EDITOR_KEYS)
    for model in [schema, *schema.get("$defs", {}).values()]:
        model.pop("title", None)
        for prop in model.get("properties", {}).values():
            for key in dropped:
                prop.pop(key, None)
    return {"$schema": DIALECT, "title": title, "description": description, **schema}


def section_schema(section: str, lang: str = DEFAULT_LANGUAGE, *,
                   editor_keys: bool = False) -> dict[str, Any]:
    """The front matter of a ``<section>`` page in ``lang``. In a translation the fields that
    do not depend on the language may be left out: they are read from the Russian file.
    ``editor_keys``: keep each field's catalogue keys of its label and options
    (``fieldtypes.LABEL``, ``OPTIONS``), which the web editor's forms read."""
    schema = copy.deepcopy(SCHEMAS[section].model_json_schema())
    sub = BY_ID[section]
    if lang == DEFAULT_LANGUAGE:
        description = t("schema.section.russian", EDITORS_LANGUAGE, title=sub.title,
                        section=section)
    else:
        schema["required"] = [f for f in schema.get("required", []) if f in LANG_FIELDS]
        description = t("schema.section.translation", EDITORS_LANGUAGE, title=sub.title,
                        section=section, lang=lang)
    return _finish(schema, f"extrel: {section} ({lang})", description, editor_keys)


def municipality_schema() -> dict[str, Any]:
    schema = copy.deepcopy(MunicipalityMeta.model_json_schema())
    description = t("schema.municipality", EDITORS_LANGUAGE)
    return _finish(schema, "extrel: municipality", description)


def all_schemas(languages: Sequence[str] = REQUIRED) -> dict[str, dict[str, Any]]:
    """File name → schema: ``<section>.schema.json`` for the Russian files,
    ``<section>.<lang>.schema.json`` for each translation (each of ``languages``, the
    region's), ``municipality.schema.json``."""
    result = {}
    for section in SCHEMAS:
        for lang in languages:
            suffix = "" if lang == DEFAULT_LANGUAGE else f".{lang}"
            result[f"{section}{suffix}.schema.json"] = section_schema(section, lang)
    result["municipality.schema.json"] = municipality_schema()
    return result


def dump(schema: dict[str, Any]) -> str:
    """The text written to a file: stable, readable, Cyrillic as is."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
