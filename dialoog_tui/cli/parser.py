"""The command line: `dialoog [options] [command …]`. Parsing only; commands live beside it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
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
    new.add_argument(
        "--consent",
        default="named",
        help="default consent for its contributions: named, anonymous, paraphrase, off_record",
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

    export = command("export", "export a session, or the theme report (--themes)")
    export.add_argument(
        "sessions",
        nargs="*",
        metavar="SESSION",
        help="id or slug (with --themes: the sessions to report on)",
    )
    export.add_argument(
        "--themes", action="store_true", help="the theme report across sessions (md or html)"
    )
    export.add_argument("--all", action="store_true", help="with --themes: every session")
    export.add_argument(
        "--format", choices=("md", "html", "json"), default=None, help="md, html or json"
    )
    export.add_argument(
        "--anonymize",
        action="store_true",
        help="replace every participant name with a pseudonym per domain (md, html)",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="DIR_OR_FILE",
        help="write into this folder (a name from title and date) or to this file",
    )
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument(
        "--include-off-record",
        action="store_true",
        help="also off-the-record contributions (JSON only; for a private backup)",
    )

    command("demo", "load a Dutch demo series of three sessions (once)")

    domains = command("domains", "list the domains participants speak from, or add one")
    domains.add_argument("--add", metavar="NAME", help="add a domain")
    _ladder_commands(command)
    _theme_commands(command)
    return parser


def _theme_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """themes."""
    themes = command("themes", "find the themes that recur across sessions")
    themes.add_argument("sessions", nargs="*", metavar="SESSION", help="ids or slugs")
    themes.add_argument("--all", action="store_true", help="across all sessions")
    themes.add_argument(
        "--min-sessions",
        type=int,
        default=2,
        metavar="N",
        help="a theme heard in N or more sessions is recurring (default: 2)",
    )
    themes.add_argument("--json", action="store_true", help="print JSON (docs/themes-json.md)")
    themes.add_argument(
        "--last", action="store_true", help="show the stored themes of the last run; no clustering"
    )
    themes.add_argument(
        "--fresh",
        action="store_true",
        help="cluster again even when nothing changed since the last run",
    )
    themes.add_argument(
        "--progress", action="store_true", help="report each step on stderr, however small the run"
    )

    curate = command("theme", "curate a theme: accept, rename, merge, split, move, remove, reject")
    actions = curate.add_subparsers(
        dest="theme_action", metavar="ACTION", parser_class=OneLineParser, required=True
    )
    actions.add_parser("accept", help="accept a theme").add_argument("theme", metavar="THEME")
    rename = actions.add_parser("rename", help="give a theme a name (empty: back to its label)")
    rename.add_argument("theme", metavar="THEME")
    rename.add_argument("name", metavar="NAME")
    merge = actions.add_parser("merge", help="merge themes; prints the surviving id")
    merge.add_argument("themes", nargs="+", metavar="THEME")
    split = actions.add_parser("split", help="contributions into a new theme; prints its id")
    split.add_argument("theme", metavar="THEME")
    split.add_argument("contributions", nargs="+", type=int, metavar="CONTRIBUTION")
    move = actions.add_parser("move", help="move a contribution into a theme")
    move.add_argument("contribution", type=int, metavar="CONTRIBUTION")
    move.add_argument("theme", metavar="THEME")
    remove = actions.add_parser("remove", help="take a contribution out of a theme, for good")
    remove.add_argument("theme", metavar="THEME")
    remove.add_argument("contribution", type=int, metavar="CONTRIBUTION")
    actions.add_parser("reject", help="mark a theme as not a theme").add_argument(
        "theme", metavar="THEME"
    )
    actions.add_parser("undo", help="undo the last curation action")
    history = actions.add_parser("history", help="every curation action: who, when, what")
    history.add_argument("--json", action="store_true", help="print JSON")


def _ladder_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """ladder, vocab, interest and commitment."""
    ladder = command("ladder", "values under resistance, open and bridging interests, ledger")
    ladder.add_argument("sessions", nargs="*", metavar="SESSION", help="ids or slugs")
    ladder.add_argument("--all", action="store_true", help="across all sessions")
    ladder.add_argument("--json", action="store_true", help="print JSON")

    vocab = command("vocab", "the shared vocabulary of interests and values")
    actions = vocab.add_subparsers(
        dest="vocab_action", metavar="ACTION", parser_class=OneLineParser
    )
    listing = actions.add_parser("list", help="list the terms with how often each is used")
    listing.add_argument("--kind", choices=("value", "interest"), default="value")
    rename = actions.add_parser("rename", help="rename a term (onto an existing name: merge)")
    rename.add_argument("kind", choices=("value", "interest"))
    rename.add_argument("old")
    rename.add_argument("new")
    merge = actions.add_parser("merge", help="fold one term into another, keeping every link")
    merge.add_argument("kind", choices=("value", "interest"))
    merge.add_argument("source", metavar="FROM")
    merge.add_argument("target", metavar="INTO")

    interest = command("interest", "record what was done with an interest raised in a session")
    interest.add_argument("session", metavar="SESSION")
    interest.add_argument("interest", metavar="INTEREST")
    interest.add_argument("status", choices=("open", "acknowledged", "answered"))
    interest.add_argument(
        "--answered-by", type=int, metavar="CONTRIBUTION", help="the contribution that answered it"
    )

    commitment = command("commitment", "set a commitment's owner, due date or done-ness")
    commitment.add_argument("contribution", type=int, metavar="CONTRIBUTION")
    commitment.add_argument("--owner", help="who will do it")
    commitment.add_argument("--due", help="by when: 2026-05-01 or 1-5-2026")
    done = commitment.add_mutually_exclusive_group()
    done.add_argument("--done", action="store_true", default=None, help="mark it done")
    done.add_argument("--not-done", dest="done", action="store_false", help="mark it not done")
