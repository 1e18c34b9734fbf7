"""The command line: `dialoog [options] [command …]`. Parsing only; commands live beside it."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from dialoog_tui import __version__

DESCRIPTION = (
    "dialoog: capture live dialogue meetings from the keyboard. "
    "Without a command, opens the session picker."
)


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error as one line (and exit status 2), not a screen of usage text."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """--db, --lang and --theme, accepted before or after the command."""
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


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = OneLineParser(prog="dialoog", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"dialoog {__version__}")
    _global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, defaults=False)
        return sub

    new = command("new", "create a session and open it for capture")
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--question", help="the question the meeting works on")
    new.add_argument("--location", help="where the meeting takes place")
    new.add_argument("--organiser", help="who organised it")
    new.add_argument("--note-taker", dest="note_taker", help="who logs it")
    new.add_argument(
        "--participant",
        action="append",
        default=[],
        metavar="NAME/DOMAIN",
        help="someone taking part (repeatable); the domain may be a prefix: Anna/inw",
    )
    new.add_argument(
        "--phase", action="append", default=[], metavar="TITLE", help="an agenda item (repeatable)"
    )
    new.add_argument("--no-open", action="store_true", help="only create it; print its id and slug")

    open_ = command("open", "resume a session in the capture screen")
    open_.add_argument("session", metavar="SESSION", help="id or slug (see 'dialoog sessions')")

    sessions = command("sessions", "list sessions")
    sessions.add_argument("--json", action="store_true", help="print JSON instead of a table")

    import_ = command("import", "import contributions from CSV or a text/Markdown file")
    import_.add_argument("file", metavar="FILE")
    import_.add_argument(
        "--session",
        metavar="SESSION_OR_TITLE",
        help="put every row in this session (created if new)",
    )
    import_.add_argument(
        "--skip-bad", action="store_true", help="import the good rows and list the bad ones"
    )

    export = command("export", "export a session")
    export.add_argument("session", metavar="SESSION", help="id or slug")
    export.add_argument("--format", choices=("json",), default="json", help="output format")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")

    command("demo", "load a Dutch demo series of three sessions (once)")

    domains = command("domains", "list the domains participants speak from, or add one")
    domains.add_argument("--add", metavar="NAME", help="add a domain")
    return parser
