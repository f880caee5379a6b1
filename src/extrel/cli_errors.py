"""The ``extrel`` command in the editor's language: its help and its usage errors.

Help: every command's and option's help is a key of the message catalogue (``help_key``),
worded when click shows it, in the language of messages (Russian; English with ``--lang en``
or an English locale). Usage errors: click's own exceptions are caught where the group parses
and invokes, and raised again as ``Usage``, which shows itself in Russian (click's English
words with ``--lang en``), with a guess at what was meant. Nothing of click is patched:
subclasses of ``Group``, ``Command``, ``Option`` and ``Choice``."""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any

import click

from .commands.common import default_lang
from .core.messages import bilingual, t

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


class Deferred(Mapping[str, Any]):
    """``help_params`` whose values are worked out when the help is shown (from a module that
    every other command can do without loading): ``Deferred(types=lambda: ...)``."""

    def __init__(self, **values: Callable[[], Any]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[key]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class LazyChoice(Choice):
    """A ``Choice`` whose values ``load`` gives when first needed (a command's values from a
    module that every other command can do without loading)."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        return self._load()

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:  # click's __init__ sets them: ignored
        pass


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
        lang = self.lang
        if ctx is not None:
            usage = ctx.get_usage().replace("Usage:", t("cli.usage.usage", lang), 1)
            click.echo(usage, file=out, err=True)
            click.echo(t("cli.usage.help", lang, command=ctx.command_path), file=out, err=True)
            click.echo("", file=out, err=True)
        click.echo(t("cli.usage.error", lang, message=worded(self.original, lang)), file=out,
                   err=True)


def _names(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return " / ".join(param.opts)
    return param.human_readable_name


def worded(exc: click.UsageError, lang: str) -> str:
    """The catalogue's words for one of click's usage errors, from its type and parameter."""
    if isinstance(exc, click.NoSuchOption):
        guess = sorted(exc.possibilities or [])
        tail = t("cli.did_you_mean", lang, guess=", ".join(guess)) if guess else ""
        return t("cli.usage.no_such_option", lang, option=exc.option_name, tail=tail)
    if isinstance(exc, click.MissingParameter):
        if isinstance(exc.param, click.Argument):
            return t("cli.usage.missing_argument", lang, name=_names(exc.param))
        return t("cli.usage.missing_option", lang, name=_names(exc.param))
    if isinstance(exc, BadChoice):
        meant = did_you_mean(exc.value, exc.choices)
        hint = t("cli.usage.maybe_head", lang, guess=meant) if meant else ""
        return t("cli.usage.bad_choice", lang, value=exc.value, name=_names(exc.param),
                 hint=hint, choices=", ".join(exc.choices))
    if isinstance(exc, NoSuchCommand):
        meant = did_you_mean(exc.name, exc.commands)
        hint = t("cli.did_you_mean", lang, guess=meant) if meant else ""
        return t("cli.usage.no_such_command", lang, name=exc.name, hint=hint,
                 commands=", ".join(exc.commands))
    if isinstance(exc, click.BadParameter):
        # extrel's own checks already say it in both languages (Russian, " / ", English)
        return f"{_names(exc.param)}: {exc.message}" if exc.param else exc.message
    if exc.message.startswith("Got unexpected extra argument"):
        extra = exc.message.split("(", 1)[-1].rstrip(")")
        return t("cli.usage.extra_argument", lang, extra=extra)
    if exc.message.startswith("Option") and "requires" in exc.message:
        option = exc.message.split("'")[1] if "'" in exc.message else ""
        return t("cli.usage.needs_value", lang, option=option)
    return exc.message


class NoSuchCommand(click.UsageError):
    def __init__(self, name: str, commands: Sequence[str], ctx: click.Context) -> None:
        guess = did_you_mean(name, commands)
        hint = f" Did you mean '{guess}'?" if guess else ""
        super().__init__(f"No such command '{name}'.{hint}", ctx)
        self.name, self.commands = name, list(commands)


def current_lang() -> str:
    """The language of messages of the command line being run: the group's (``--lang``
    anywhere on the line, else the locale); the locale's outside a run."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().command if ctx is not None else None
    return root.lang if isinstance(root, Group) else default_lang()


class Worded:
    """A command or option whose help is the catalogue's message ``help_key`` (filled with
    ``help_params``), worded in the language of messages whenever click reads it."""

    help_key: str | None = None
    help_params: Mapping[str, Any] = {}  # noqa: RUF012 - read only, replaced per instance
    _help: str | None = None

    @property
    def help(self) -> str | None:
        if self.help_key is None:
            return self._help
        return t(self.help_key, current_lang(), **self.help_params)

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value  # a docstring or help= given to click: the key goes first


class _WordedCommand(Worded):
    """A worded command or group: ``--help``'s own help from the catalogue too."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``--help``, its own help worded too (the catalogue's ``help.help``)."""
        found: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if found is not None:
            found.help = t("help.help", current_lang())
        return found


class Command(_WordedCommand, click.Command):
    """An ``extrel`` command: ``@click.command(cls=Command, help_key="help.check")``."""

    def __init__(self, *args: Any, help_key: str, help_params: Mapping[str, Any] | None = None,
                 **kwargs: Any) -> None:
        self.help_key, self.help_params = help_key, help_params or {}
        super().__init__(*args, **kwargs)


class Option(Worded, click.Option):
    """An option whose help is a catalogue key: ``option("--today", key="help.today")``."""

    def __init__(self, *args: Any, help_key: str, **kwargs: Any) -> None:
        self.help_key = help_key
        super().__init__(*args, **kwargs)


def option(*decls: str, key: str, **kwargs: Any) -> Any:
    """``click.option`` with its help from the catalogue's ``key``."""
    return click.option(*decls, cls=Option, help_key=key, **kwargs)


class Group(_WordedCommand, click.Group):
    """The ``extrel`` group: its help, and its usage errors and those of its commands, in the
    language of messages (``--lang en`` anywhere on the line, else the locale)."""

    lang = "ru"

    def __init__(self, *args: Any, help_key: str, **kwargs: Any) -> None:
        self.help_key = help_key
        super().__init__(*args, **kwargs)

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


# --- dates on the command line -----------------------------------------------------------

FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
"""The check dates extrel accepts: the date arithmetic of freshness and feeds stays far from
the calendar's ends (``--today 9999-12-31`` would overflow it)."""


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(bilingual("cli.bad_date", value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise click.BadParameter(bilingual("cli.date_out_of_range", value=value,
                                           first=FIRST_DAY, last=LAST_DAY))
    return day
