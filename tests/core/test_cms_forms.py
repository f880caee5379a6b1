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
