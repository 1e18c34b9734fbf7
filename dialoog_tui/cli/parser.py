"""The command line: `dialoog [options] [command …]`. Parsing only; commands live beside it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import partial
from typing import Any

from dialoog_tui import __version__
from dialoog_tui.cli.common import OneLineParser, global_options, translated

DESCRIPTION = (
    "dialoog: capture live dialogue meetings from the keyboard. "
    "Without a command, opens the session picker."
)


LAUNCHING = (None, "new", "open", "room")
"""The command words that start the TUI (None: no command, the picker)."""

VALUED_OPTIONS = frozenset({"--db", "--lang", "--theme"})
"""Global options followed by a value."""


def command_word(argv: Sequence[str]) -> str | None:
    """The command `argv` asks for (None: none), skipping the global options."""
    words = iter(argv)
    for word in words:
        if word in VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(*, launch_only: bool = False) -> argparse.ArgumentParser:
    """The full parser: each command module registers its own sub-commands, with the
    function that runs them (`handler`). With `launch_only`, only the commands that start
    the TUI: the TUI's start then skips making some hundred arguments it will not read
    (about 15 ms of a 300 ms start)."""
    from dialoog_tui.cli import launch

    modules: tuple[Any, ...] = (launch,)
    if not launch_only:
        from dialoog_tui.cli import (
            correction_commands,
            curation_commands,
            data_commands,
            export_commands,
            ladder_commands,
            search_commands,
            theme_commands,
            wall_commands,
        )

        modules = (
            launch,
            data_commands,
            export_commands,
            theme_commands,
            curation_commands,
            ladder_commands,
            correction_commands,
            search_commands,
            wall_commands,
        )

    parser = OneLineParser(prog="dialoog", description=DESCRIPTION)
    parser.add_argument(
        "--version",
        action="version",
        version=f"dialoog {__version__}",
        help="show program's version number and exit",
    )
    global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    def command(name: str, help_text: str, *, captures: bool) -> argparse.ArgumentParser:
        help_text = translated(help_text)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        global_options(sub, defaults=False, captures=captures)
        return sub

    for module in modules:
        # Only the commands that open the TUI show its options (theme, live panel) in help.
        module.register(partial(command, captures=module is launch))
    return parser
