"""Usage errors of the ``extrel`` command in the editor's language: click's own exceptions are
caught where the group parses and invokes, and raised again as ``Usage``, which shows itself
in Russian (click's English words with ``--lang en`` or an English locale), with a guess at
what was meant. Nothing of click is patched: a ``Group`` subclass and a ``Choice`` subclass."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from typing import IO, Any

import click

from .commands.common import default_lang

TRANSLITERATED = {
    "novosti": "news", "partnery": "partners", "partnyory": "partners", "plany": "plan",
    "anonsy": "announcements", "afisha": "announcements", "organizacii": "organizations",
    "organizatsii": "organizations", "uchastie": "participation",
    "prezentaciya": "presentation", "prezentatsiya": "presentation",
    "новости": "news", "партнеры": "partners", "партнёры": "partners", "план": "plan",
    "анонсы": "announcements", "организации": "organizations", "участие": "participation",
    "презентация": "presentation",
}
"""What an editor may type for a subsection in Russian or in its transliteration."""


def did_you_mean(value: str, choices: Sequence[str]) -> str | None:
    """The closest of ``choices`` to a mistyped ``value`` (None when nothing is close)."""
    known = TRANSLITERATED.get(value.lower())
    if known in choices:
        return known
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


class BadChoice(click.BadParameter):
    """A value that is none of a ``Choice``'s: keeps the value for the Russian message."""

    def __init__(self, message: str, value: str, choices: Sequence[str],
                 ctx: click.Context | None, param: click.Parameter | None) -> None:
        super().__init__(message, ctx=ctx, param=param)
        self.value, self.choices = value, list(choices)


class Choice(click.Choice):
    """``click.Choice`` whose refusal keeps the value and the choices."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            raise BadChoice(exc.message, str(value), [str(c) for c in self.choices],
                            ctx, param) from None


class Usage(click.UsageError):
    """A usage error shown in the language of messages."""

    def __init__(self, original: click.UsageError, lang: str) -> None:
        super().__init__(original.message, original.ctx)
        self.original, self.lang = original, lang

    def show(self, file: IO[Any] | None = None) -> None:
        if self.lang == "en":
            self.original.show(file)
            return
        out = file or sys.stderr
        ctx = self.ctx
        if ctx is not None:
            usage = ctx.get_usage().replace("Usage:", "Вызов:", 1)
            click.echo(usage, file=out, err=True)
            click.echo(f"Справка: {ctx.command_path} --help", file=out, err=True)
            click.echo("", file=out, err=True)
        click.echo(f"Ошибка: {russian(self.original)}", file=out, err=True)


def _names(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return " / ".join(param.opts)
    return param.human_readable_name


def russian(exc: click.UsageError) -> str:
    """The Russian words for one of click's usage errors, from its type and parameter."""
    if isinstance(exc, click.NoSuchOption):
        guess = sorted(exc.possibilities or [])
        tail = f"; может быть, {', '.join(guess)}?" if guess else ""
        return f"нет параметра «{exc.option_name}»{tail}"
    if isinstance(exc, click.MissingParameter):
        if isinstance(exc.param, click.Argument):
            return f"не указан {_names(exc.param)}"
        return f"не указан обязательный параметр {_names(exc.param)}"
    if isinstance(exc, BadChoice):
        meant = did_you_mean(exc.value, exc.choices)
        hint = f"может быть, {meant}? " if meant else ""
        return (f"«{exc.value}» — нет такого значения для {_names(exc.param)}; {hint}"
                f"допустимые: {', '.join(exc.choices)}")
    if isinstance(exc, NoSuchCommand):
        meant = did_you_mean(exc.name, exc.commands)
        hint = f"; может быть, {meant}?" if meant else ""
        return f"нет команды «{exc.name}»{hint} Команды: {', '.join(exc.commands)}"
    if isinstance(exc, click.BadParameter):
        # extrel's own checks already say it in Russian (and in English after " / ")
        return f"{_names(exc.param)}: {exc.message}" if exc.param else exc.message
    if exc.message.startswith("Got unexpected extra argument"):
        extra = exc.message.split("(", 1)[-1].rstrip(")")
        return f"лишнее в команде: {extra}; значения с пробелами заключите в кавычки"
    if exc.message.startswith("Option") and "requires" in exc.message:
        option = exc.message.split("'")[1] if "'" in exc.message else ""
        return f"после {option} нужно значение"
    return exc.message


class NoSuchCommand(click.UsageError):
    def __init__(self, name: str, commands: Sequence[str], ctx: click.Context) -> None:
        guess = did_you_mean(name, commands)
        hint = f" Did you mean '{guess}'?" if guess else ""
        super().__init__(f"No such command '{name}'.{hint}", ctx)
        self.name, self.commands = name, list(commands)


class Group(click.Group):
    """The ``extrel`` group: its usage errors, and those of its commands, in the language of
    messages (``--lang en`` anywhere on the line, else the locale)."""

    lang = "ru"

    def main(self, args: Sequence[str] | None = None, *a: Any, **kw: Any) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        self.lang = _lang_of(given)
        return super().main(given, *a, **kw)

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Usage:
            raise
        except click.UsageError as exc:
            raise Usage(exc, self.lang) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Usage:
            raise
        except click.UsageError as exc:
            raise Usage(exc, self.lang) from None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise NoSuchCommand(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)


def _lang_of(args: list[str]) -> str:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "ru"
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "ru"
    return default_lang()
