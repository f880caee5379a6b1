"""The web editor's configuration (Decap CMS), generated from the front matter's JSON Schemas.

One collection per municipality and subsection, ``content/<id>/<subsection>/``, with i18n
``multiple_files``: a page is ``<stem>.ru.md`` and ``<stem>.en.md`` side by side. Every field
comes from ``jsonschema.section_schema`` (itself generated from the pydantic models the
loader uses): the Russian schema's required fields are required, enums become lists to choose
from, patterns are checked as the editor types, dates get a date picker. A field's label and
its options' words are the catalogue's, by the keys each field carries (``fieldtypes.LABEL``,
``OPTIONS``; an option's words are those the site shows for that code); its description is
the hint beneath. The fields of ``LANG_FIELDS`` are written in each language
(``i18n: true``); every other field is edited once and written to the Russian file only
(``i18n: none``), as PRODUCT.md allows.

A page's file name is not a field (extrel's schemas forbid unknown fields): the admin page's
script (``editor/static/extrel.js``) computes it when a new page is saved, into the hidden
key ``FILE_KEY`` that the slug template reads and the file writer leaves out. ``RULES`` say
how: ``date`` (the dated subsections: ``YYYY-MM-DD-`` and a latin slug of the title), ``year``
(the plan: the year), ``fixed`` (the presentation: ``index``), else the slug of the title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .fieldtypes import LABEL, OPTIONS
from .jsonschema import section_schema
from .languages import DEFAULT_LANGUAGE, REQUIRED
from .messages import t
from .schema import LANG_FIELDS
from .sections import BY_ID, SCHEMAS, SLUG, SUBSECTION_IDS, SUBSECTIONS, Subsection

FILE_KEY = "_extrel_file"
"""Hidden key of a new page's data: its file name without the language and ``.md``."""
FORMAT = "extrel-frontmatter"
"""The custom file format extrel.js registers: Decap's front matter without ``FILE_KEY``."""

EDITOR_LANG = DEFAULT_LANGUAGE
"""The language of the editor's own words (Decap's locale, the forms' labels and hints): the
editors' language."""

SHORT_TITLES = {
    "news": "cms.title.news",
    "partners": "cms.title.partners",
    "plan": "cms.title.plan",
    "announcements": "cms.title.announcements",
    "organizations": "cms.title.organizations",
    "participation": "cms.title.participation",
    "presentation": "cms.title.presentation",
}
"""The catalogue's short name of each subsection in the editor's menu."""

FILE_WIDGETS = {"image": "image", "agreement": "file", "file": "file"}
"""Fields holding a file beside the page, and the widget that uploads it."""


def _rule(sub: Subsection) -> dict[str, str]:
    """The subsection's file-name rule (its record's ``name``) as extrel.js applies it: the
    date from a field, the year from a field, a fixed name, or the slug alone."""
    if sub.dated and sub.date_field:
        return {"date": sub.date_field}
    if sub.yearly and sub.date_field:
        return {"year": sub.date_field}
    if sub.single:
        return {"fixed": sub.name.make(dt.date.min, "")}
    return {}


RULES: dict[str, dict[str, str]] = {sub.id: _rule(sub) for sub in SUBSECTIONS}
"""How extrel.js names a new page's file in each subsection (PRODUCT.md, "Pages")."""

def _label(prop: Mapping[str, Any]) -> str:
    """The field's label: the catalogue's words for its key (``fieldtypes.LABEL``)."""
    return t(prop[LABEL], EDITOR_LANG)


def _options(values: Sequence[str], prop: Mapping[str, Any]) -> list[dict[str, str] | str]:
    """A select's options: each value with the catalogue's words for it
    (``fieldtypes.OPTIONS``), the words the site shows for that code."""
    keys: Mapping[str, str] = prop.get(OPTIONS, {})
    return [{"label": f"{t(keys[v], EDITOR_LANG)} ({v})" if v in keys else v, "value": v}
            for v in values]


def _plain(prop: Mapping[str, Any]) -> tuple[Mapping[str, Any], bool]:
    """The property without ``anyOf [..., null]``, and whether null was allowed."""
    options = prop.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            return {**rest[0], **{k: v for k, v in prop.items() if k != "anyOf"}}, True
    return prop, False


def _resolve(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return {**defs[ref.removeprefix("#/$defs/")],
                **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def field(name: str, prop: Mapping[str, Any], required: bool, defs: Mapping[str, Any],
          i18n: bool | str | None = None) -> dict[str, Any]:
    """One Decap field from one JSON Schema property."""
    prop, _nullable = _plain(_resolve(prop, defs))
    description = str(prop.get("description", ""))
    result: dict[str, Any] = {"name": name, "label": _label(prop),
                              "required": required}
    if description and description != result["label"]:
        result["hint"] = description
    if i18n is not None:
        result["i18n"] = i18n
    if prop.get("type") == "array" and i18n == "none":
        # Decap's list takes a boolean only; left out, a field is "none" (the default file)
        del result["i18n"]
    kind = prop.get("type")
    if name in FILE_WIDGETS:
        result["widget"] = FILE_WIDGETS[name]
        result["choose_url"] = False
    elif "enum" in prop or "const" in prop:
        values = prop.get("enum") or [prop["const"]]
        result.update(widget="select", options=_options(values, prop))
    elif kind == "string" and prop.get("format") == "date":
        result.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD",
                      time_format=False, picker_utc=True)
    elif kind == "integer":
        result.update(widget="number", value_type="int")
        for key, decap in (("minimum", "min"), ("maximum", "max")):
            if key in prop:
                result[decap] = prop[key]
    elif kind == "array":
        items = _resolve(prop.get("items", {}), defs)
        if items.get("type") == "object":
            inner_required = set(items.get("required", []))
            result.update(widget="list", fields=[
                field(sub, sub_prop, sub in inner_required, defs,
                      None if i18n is None else ("duplicate" if sub != "title" else True))
                for sub, sub_prop in items.get("properties", {}).items()])
            result["summary"] = "{{fields.title}} — {{fields.file}}"
        else:
            result.update(widget="list", allow_add=True)
    else:
        result["widget"] = "string"
    pattern = prop.get("pattern")
    if isinstance(pattern, str) and result["widget"] == "string":
        example = ", ".join(str(e) for e in prop.get("examples", [])[:2])
        result["pattern"] = [pattern, t("cms.bad_format_example", EDITOR_LANG, example=example)
                             if example else t("cms.bad_format", EDITOR_LANG)]
    if name == "partner" and result["widget"] == "string":
        result["pattern"] = [SLUG.pattern, t("cms.partner.pattern", EDITOR_LANG)]
    return result


def section_fields(section: str) -> list[dict[str, Any]]:
    """The fields of a ``section`` page, in the model's order, then the text."""
    schema = section_schema(section, DEFAULT_LANGUAGE, editor_keys=True)
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    fields = [field(name, prop, name in required, defs, True if name in LANG_FIELDS else "none")
              for name, prop in schema["properties"].items()]
    fields.append({"name": "body", "label": t("cms.body.label", EDITOR_LANG),
                   "widget": "markdown", "i18n": True, "required": True,
                   "hint": t("cms.body.hint", EDITOR_LANG)})
    return fields


def _partner_choice(field_: dict[str, Any], municipality: str) -> dict[str, Any]:
    """``partner`` chosen among the municipality's partners by title; stored as the
    partner's code (its file name), which is what the schema's pattern asks for."""
    result = {k: v for k, v in field_.items() if k not in ("widget", "pattern")}
    result.update(label=t("cms.partner.label", EDITOR_LANG), widget="relation",
                  collection=f"{municipality}-partners",
                  hint=t("cms.partner.hint", EDITOR_LANG),
                  value_field="{{slug}}", search_fields=["title"],
                  display_fields=["title"], options_length=50)
    return result


def collection(municipality: str, name: str, section: str) -> dict[str, Any]:
    folder = f"content/{municipality}/{section}"
    sub = BY_ID[section]
    fields = [_partner_choice(f, municipality) if f["name"] == "partner" else f
              for f in section_fields(section)]
    short = t(SHORT_TITLES[section], EDITOR_LANG)
    return {
        "name": f"{municipality}-{section}",
        "label": f"{name}: {short}",
        "label_singular": short,
        "description": sub.title_in(EDITOR_LANG),
        "folder": folder,
        "extension": "md",
        "format": FORMAT,
        "create": True,
        "delete": True,
        "slug": "{{fields." + FILE_KEY + "}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "media_folder": "",
        "public_folder": "",
        "i18n": True,
        "fields": fields,
        # the presentation is one page, presentation/index.<lang>.md (Decap's file
        # collections cannot keep languages in separate files)
        **({"limit": 1} if BY_ID[section].single else {}),
    }


def backend(editor: Mapping[str, Any] | None, local_url: str | None = None) -> dict[str, Any]:
    """The ``backend`` block: the local decap-server, or the region's GitLab or Forgejo."""
    if local_url is not None:
        return {"name": "proxy", "proxy_url": local_url, "branch": "main"}
    assert editor is not None
    kind = editor["backend"]
    base = str(editor["base_url"]).rstrip("/")
    result: dict[str, Any] = {"name": kind, "repo": editor["repo"],
                              "branch": editor.get("branch", "main"),
                              "base_url": base, "app_id": editor["app_id"]}
    if kind == "gitlab":
        result.update(auth_type="pkce", api_root=f"{base}/api/v4", auth_endpoint="oauth/authorize")
    else:  # gitea / forgejo: Decap's own backend of that name, PKCE as well
        result.update(api_root=f"{base}/api/v1")
    return result


def config(municipalities: Mapping[str, str], *, editor: Mapping[str, Any] | None = None,
           local_url: str | None = None, site_url: str | None = None,
           languages: Sequence[str] = REQUIRED) -> dict[str, Any]:
    """The CMS's configuration: ``municipalities`` maps ids to Russian names; ``languages``
    are the region's, the first (Russian) holding the language-independent fields."""
    result: dict[str, Any] = {
        "backend": backend(editor, local_url),
        "locale": EDITOR_LANG,
        "load_config_file": False,
        "media_folder": "content",
        "public_folder": "",
        "omit_empty_optional_fields": True,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": list(languages),
                 "default_locale": languages[0]},
        "collections": [collection(mid, name, section)
                        for mid, name in sorted(municipalities.items())
                        for section in SUBSECTION_IDS],
    }
    if site_url:
        result["site_url"] = site_url
        result["display_url"] = site_url
    return result


def rules() -> dict[str, Any]:
    """What extrel.js needs: the hidden key, the file-name rules, the slug pattern."""
    return {"file_key": FILE_KEY, "format": FORMAT, "slug": SLUG.pattern,
            "sections": {s: RULES[s] for s in SCHEMAS}}
