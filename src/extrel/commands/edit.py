"""``extrel edit``: the web editor on this machine (editor/local.py), the preview beside it.

The click command lives here with what it does (``cli`` registers it in one line); like
cli_remind, it imports nothing of ``extrel.cli``."""

from __future__ import annotations

import signal
import sys
import time
from typing import Any

import click


@click.command()
@click.argument("municipality", required=False)
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True,
              help="Файл настроек региона / the region's mkdocs.yml.")
@click.option("--port", type=click.IntRange(0, 65535), default=8010, show_default=True,
              help="Порт страницы редактора (0 — любой свободный) / the editor page's port.")
@click.option("--preview-port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Порт просмотра / the preview's port.")
def edit(municipality: str | None, config_file: str, port: int, preview_port: int) -> None:
    """Редактор в браузере (Decap CMS) и просмотр рядом / the web editor and the preview.

    Без MUNICIPALITY в редакторе все муниципалитеты региона; просмотр — того, что указан,
    или единственного."""
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
            click.echo(f"Редактор:  {editor.admin_url}", err=True)
            if editor.preview_url:
                click.echo(f"Просмотр:  {editor.preview_url}", err=True)
            else:
                click.echo("Просмотр не запущен: укажите муниципалитет, например "
                           f"«extrel edit {next(iter(region), 'inza')}».", err=True)
            click.echo("Откройте адрес редактора в браузере. Ctrl+C — остановить.", err=True)
            while editor.alive():
                time.sleep(0.5)
            fail("Редактор остановлен: один из его процессов завершился.")
    except MissingCMS as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        click.echo("Редактор остановлен.", err=True)
    except RuntimeError as exc:
        fail(f"Редактор не запустился: {exc}")
    sys.exit(0)


