"""The command line: `dialoog [options] [command …]`. Parsing only; commands live beside it."""

from __future__ import annotations

import argparse

from dialoog_tui import __version__
from dialoog_tui.cli.common import OneLineParser

DESCRIPTION = (
    "dialoog: capture live dialogue meetings from the keyboard. "
    "Without a command, opens the session picker."
)


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """--db, --lang, --theme and --no-live-themes, accepted before or after the command."""
    default = None if defaults else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=default,
        help="SQLite file or postgresql:// URL (default: $DIALOOG_DB, else the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("nl", "en"), default=default, help="interface language (default: locale)"
    )
    parser.add_argument(
        "--theme", metavar="NAME", default=default, help="colour theme (remembered for next time)"
    )
    parser.add_argument(
        "--no-live-themes",
        dest="live_themes",
        action="store_false",
        default=True if defaults else argparse.SUPPRESS,
        help="capture without the live themes panel (F4 shows it)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The full parser: each command module registers its own sub-commands, with the
    function that runs them (`handler`)."""
    from dialoog_tui.cli import (
        curation_commands,
        data_commands,
        export_commands,
        ladder_commands,
        launch,
        theme_commands,
    )

    parser = OneLineParser(prog="dialoog", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"dialoog {__version__}")
    _global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, defaults=False)
        return sub

    for module in (
        launch,
        data_commands,
        export_commands,
        theme_commands,
        curation_commands,
        ladder_commands,
    ):
        module.register(command)
    return parser
