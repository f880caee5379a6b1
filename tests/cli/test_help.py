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
