"""``extrel edit``: the web editor on this machine (editor/local.py), the preview beside it.

The click command lives here with what it does (``cli`` registers it in one line); like
cli_remind, it imports nothing of ``extrel.cli``."""

from __future__ import annotations

import signal
import sys
import time
from typing import Any

import click

from ..cli_errors import Command, option
from ..core.messages import t


@click.command(cls=Command, help_key="help.edit")
@click.argument("municipality", required=False)
@option("-f", "--config-file", key="help.config_file", default="mkdocs.yml",
        show_default=True)
@option("--port", key="help.edit.port", type=click.IntRange(0, 65535), default=8010,
        show_default=True)
@option("--preview-port", key="help.edit.preview_port", type=click.IntRange(0, 65535),
        default=8000, show_default=True)
def edit(municipality: str | None, config_file: str, port: int, preview_port: int) -> None:
    """The web editor (Decap CMS) and the preview beside it (editor/local.py)."""
    from ..editor.admin import MissingCMS
    from ..editor.local import run
    from .common import config_path, default_lang, fail, load_project, load_snapshot

    lang = default_lang()
    path = config_path(config_file)
    project = load_project(path, lang)
    snapshot = load_snapshot(project, None, (municipality,) if municipality else (), True,
                             lang, entries=False)
    region = snapshot.region.municipalities
    names = {mid: m.name("ru") for mid, m in region.items()
             if municipality is None or mid == municipality}
    preview = municipality or (next(iter(region)) if len(region) == 1 else None)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with run(project.root, names, config_file=path, preview=preview,
                 languages=project.languages.codes, admin_port=port,
                 preview_port=preview_port) as editor:
            click.echo(t("cli.edit.editor_at", lang, url=editor.admin_url), err=True)
            if editor.preview_url:
                click.echo(t("cli.edit.preview_at", lang, url=editor.preview_url), err=True)
            else:
                click.echo(t("cli.edit.no_preview", lang,
                             example=next(iter(region), "inza")), err=True)
            click.echo(t("cli.edit.open_it", lang), err=True)
            while editor.alive():
                time.sleep(0.5)
            fail(t("cli.edit.died", lang))
    except MissingCMS as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        click.echo(t("cli.edit.stopped", lang), err=True)
    except RuntimeError as exc:
        fail(t("cli.edit.failed", lang, reason=exc))
    sys.exit(0)


