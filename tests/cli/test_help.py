"""Every command, found by walking the click group (not a list that can fall behind), has help
that says what it does and lists its options."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from extrel.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


COMMANDS = _commands(cli)


def test_the_walk_finds_the_commands_of_the_contract() -> None:
    names = {path[0] for path in COMMANDS if path}
    assert {"build", "check", "new", "report", "serve"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "extrel")
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="extrel",
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    usage, _, rest = result.output.partition("\n")
    assert usage.startswith("Usage: extrel" if path else "Usage: "), result.output
    # a description (the command's docstring) and at least the --help option
    command = cli
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"{' '.join(path)} has no description"
    assert (command.help or "").split()[0] in rest
    assert "--help" in rest


def _normal(text: str) -> str:
    """Without white space: click wraps the help to the terminal, also after a hyphen."""
    return "".join(text.split())


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "extrel")
def test_every_help_is_the_catalogues_in_the_language_of_messages(
        path: tuple[str, ...], lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's description and every option's help are catalogue keys, shown in the
    language of messages (here from the environment, as an editor's locale gives it), and
    not in the other language."""
    from extrel.cli_errors import Worded
    from extrel.core.messages import catalogue, t

    monkeypatch.setenv("EXTREL_LANG", lang)
    other = "en" if lang == "ru" else "ru"
    command = _command(path)
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="extrel",
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = _normal(result.output)
    assert isinstance(command, Worded) and command.help_key in catalogue(lang)
    said = _normal(t(command.help_key, lang, **command.help_params))
    assert said in shown
    assert _normal(t(command.help_key, other, **command.help_params)) not in shown
    for param in command.get_params(click.Context(command)):
        if not isinstance(param, click.Option) or param.hidden:
            continue
        if "--help" in param.opts:
            assert _normal(t("help.help", lang)) in shown
            continue
        assert isinstance(param, Worded) and param.help_key in catalogue(lang), param.opts
        assert _normal(t(param.help_key, lang)) in shown, param.opts


def test_lang_on_the_line_words_the_help_whatever_the_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from extrel.core.messages import t

    monkeypatch.setenv("EXTREL_LANG", "ru")
    for args, lang in ((["check", "--lang", "en", "--help"], "en"),
                       (["check", "--help", "--lang=en"], "en"),
                       (["check", "--help"], "ru")):
        result = CliRunner().invoke(cli, args, prog_name="extrel", catch_exceptions=False)
        assert result.exit_code == 0
        shown = _normal(result.output)
        assert _normal(t("help.check", lang)) in shown, args
        assert _normal(t("help.check.no_freshness", lang)) in shown, args
    # the Russian words are the catalogue's, not a copy in the code
    assert t("help.check", "ru").startswith("Проверить содержание")
