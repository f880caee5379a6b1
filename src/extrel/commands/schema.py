"""``extrel schema``: JSON Schemas of the front matter, per subsection and language."""

from __future__ import annotations

from pathlib import Path

import click

from ..core.jsonschema import all_schemas, dump
from ..core.languages import STANDARD
from ..core.messages import t
from .common import config_path, fail, load_project


def schema(output: str, check_only: bool, lang: str, config_file: str) -> None:
    folder = Path(output)
    # the region's languages where there is a region here; schemas need nothing else of it
    languages = (load_project(config_path(config_file), lang).languages
                 if Path(config_file).is_file() else STANDARD)
    texts = {name: dump(s) for name, s in all_schemas(languages.codes).items()}
    if check_only:
        stale = [name for name, text in texts.items()
                 if not (folder / name).is_file()
                 or (folder / name).read_text(encoding="utf-8") != text]
        if stale:
            names = ", ".join(stale)
            fail(t("cli.schema.outdated", lang, names=names, output=output), code=1)
        click.echo(t("cli.schema.current", lang, output=output))
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(t("cli.schema.write_failed", lang, output=output, reason=exc.strerror))
    click.echo(t("cli.schema.written", lang, count=len(texts), output=output))

