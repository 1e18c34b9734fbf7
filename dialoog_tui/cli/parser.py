"""The command line: `dialoog [options] [command …]`. Parsing only; commands live beside it."""

from __future__ import annotations

import argparse

from dialoog_tui import __version__
from dialoog_tui.cli.common import OneLineParser, global_options, translated

DESCRIPTION = (
    "dialoog: capture live dialogue meetings from the keyboard. "
    "Without a command, opens the session picker."
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser: each command module registers its own sub-commands, with the
    function that runs them (`handler`)."""
    from dialoog_tui.cli import (
        correction_commands,
        curation_commands,
        data_commands,
        export_commands,
        ladder_commands,
        launch,
        theme_commands,
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

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        help_text = translated(help_text)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        global_options(sub, defaults=False)
        return sub

    for module in (
        launch,
        data_commands,
        export_commands,
        theme_commands,
        curation_commands,
        ladder_commands,
        correction_commands,
    ):
        module.register(command)
    return parser
