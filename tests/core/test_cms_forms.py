"""The web editor's forms as editors see them, pinned: every collection's labels, every
field's label, hint, options and format message (tests/core/cms_forms.json).

The forms are generated from the schemas' catalogue keys (core/cms.py); a change of a word an
editor reads shows here as a diff of the pinned file, never silently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extrel.core import cms

PINNED = Path(__file__).with_name("cms_forms.json")
NAMES = {"inza": "Инзенский район"}


def _fields(fields: list[dict[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for f in fields:
        shown: dict[str, Any] = {"label": f["label"], "widget": f["widget"]}
        for key in ("hint", "pattern"):
            if key in f:
                shown[key] = f[key]
        if "options" in f:
            shown["options"] = [[o["value"], o["label"]] for o in f["options"]]
        if "fields" in f:
            shown["fields"] = _fields(f["fields"])
        seen[f["name"]] = shown
    return seen


def forms() -> dict[str, Any]:
    """What an editor reads in each collection's menu entry and form."""
    return {c["name"]: {"label": c["label"], "label_singular": c["label_singular"],
                        "description": c["description"], "fields": _fields(c["fields"])}
            for c in cms.config(NAMES, local_url="http://127.0.0.1:9/api/v1")["collections"]}


def test_the_forms_words_are_the_pinned_ones() -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    now = forms()
    assert set(now) == set(pinned)
    for name, collection in pinned.items():
        assert now[name] == collection, name


if __name__ == "__main__":  # re-pin after a deliberate change of words
    PINNED.write_text(json.dumps(forms(), ensure_ascii=False, indent=1) + "\n", "utf-8")


def test_a_choices_words_are_the_ones_the_site_shows_for_the_code() -> None:
    """An editor chooses ``investment`` by the words a visitor reads for it (core/labels)."""
    from extrel.core.labels import word

    groups = {"news": ("kind", "activity"), "partners": ("type", "type"),
              "presentation": ("files", "file")}
    for section, (name, group) in groups.items():
        found = {f["name"]: f for f in cms.section_fields(section)}[name]
        if section == "presentation":
            found = {f["name"]: f for f in found["fields"]}["kind"]
        for option in found["options"]:
            code = option["value"]
            assert option["label"] == f"{word(f'{group}.{code}', cms.EDITOR_LANG)} ({code})"
            assert f"{code} — {word(f'{group}.{code}', cms.EDITOR_LANG)}" in found["hint"]
    status = {f["name"]: f for f in cms.section_fields("partners")}["status"]
    assert [o["label"] for o in status["options"]][0] == (
        f"{word('partner.active', cms.EDITOR_LANG)} (active)")


def test_the_written_schemas_leave_the_editors_keys_out() -> None:
    """The catalogue keys the forms read are extrel's own: not in ``extrel schema``'s files,
    and in the forms' schema for every field of every subsection."""
    from extrel.core.fieldtypes import EDITOR_KEYS, LABEL
    from extrel.core.jsonschema import all_schemas, dump, section_schema
    from extrel.core.sections import SUBSECTION_IDS

    written = "".join(dump(s) for s in all_schemas().values())
    assert all(key not in written for key in EDITOR_KEYS)
    for section in SUBSECTION_IDS:
        schema = section_schema(section, editor_keys=True)
        props = [*schema["properties"].values(),
                 *(p for d in schema.get("$defs", {}).values()
                   for p in d.get("properties", {}).values())]
        assert all(LABEL in p for p in props), section
