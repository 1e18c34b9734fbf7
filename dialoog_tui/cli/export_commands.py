"""`dialoog export`: a session as Markdown, HTML, JSON or a REFI-QDA project, or the theme
report across sessions."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dialoog_tui.cli.common import CommandMaker, say, with_database
from dialoog_tui.config import language_from_locale
from dialoog_tui.core.export import SESSION_FORMATS
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database


def export(args: argparse.Namespace) -> int:
    """`dialoog export SESSION --format md|html|json [--anonymize] [-o DIR_OR_FILE] [--force]`
    and `dialoog export --themes [SESSION …|--all] --format md|html [--anonymize] [-o …]`."""
    from dialoog_tui.services.exports import (
        ExportChoice,
        session_export,
        themes_export,
        write_export,
    )

    choice = ExportChoice(
        format=_format(args),
        anonymize=args.anonymize,
        lang=args.lang or language_from_locale(),
        include_off_record=args.include_off_record,
        layout=args.layout,
        pictures=bool(args.output),
        table=args.table,
    )
    now = datetime.now(UTC)
    if args.themes:
        if args.sessions and args.all:
            raise InvalidInput(key="cli.themes.both")
        if args.include_off_record:
            raise InvalidInput(key="cli.export.off_record_json")
        if args.table is not None:
            raise InvalidInput(key="cli.export.table_themes")
        made = with_database(
            args,
            lambda database: themes_export(
                database, _session_ids(database, args.sessions), choice, now=now
            ),
        )
    else:
        if args.all:
            raise InvalidInput(key="cli.export.all_themes")
        if len(args.sessions) != 1:
            raise InvalidInput(key="cli.export.one_session")
        made = with_database(
            args, lambda database: session_export(database, args.sessions[0], choice, now=now)
        )
    if not args.output:
        if made.data is not None:
            raise InvalidInput(key="cli.export.qdpx_file")
        sys.stdout.write(made.text)
        return 0
    for written in write_export(args.output, made, force=args.force):
        print(say("cli.export.wrote", path=written))
    return 0


def _format(args: argparse.Namespace) -> str:
    """The format asked for: `--format`, else the extension of the file `-o` names (`-o
    verslag.md` means Markdown), else the theme report's Markdown or a session's JSON."""
    named = _named_format(args.output)
    foreign = _foreign_extension(args.output)
    if foreign is not None:
        raise InvalidInput(
            key="cli.export.unknown_extension",
            name=args.output,
            extension=foreign,
            formats=", ".join(f".{name}" for name in SESSION_FORMATS),
        )
    if args.format and named and named != args.format:
        # Written into a folder called `verslag.md`, as a name without the format's extension
        # would be, the export would not be where its writer looks.
        raise InvalidInput(
            key="cli.export.other_extension", name=args.output, format=args.format, named=named
        )
    return args.format or named or ("md" if args.themes else "json")


def _extension(output: str | None) -> str:
    """The extension of the file `-o` names, lower case ("" for a folder or none)."""
    if not output or output.endswith(("/", os.sep)) or os.path.isdir(output):
        return ""
    return os.path.splitext(output)[1].lower().removeprefix(".")


def _named_format(output: str | None) -> str | None:
    """The format whose extension the file `-o` names has (None: a folder, or no format's)."""
    extension = _extension(output)
    return extension if extension in SESSION_FORMATS else None


def _foreign_extension(output: str | None) -> str | None:
    """The extension of a file `-o` names that no format of ours writes (`verslag.pdf`):
    written as a folder of that name, the export would not be where its writer looks. A
    name whose dot is not an extension (`versie 1.2`) has none."""
    extension = _extension(output)
    looks_like_one = 2 <= len(extension) <= 5 and extension.isalpha()
    return extension if looks_like_one and extension not in SESSION_FORMATS else None


def _session_ids(database: Database, keys: list[str]) -> list[int] | None:
    """The sessions named (None: all of them)."""
    from dialoog_tui.services.sessions import session_ids

    return session_ids(database, keys) if keys else None


def register(command: CommandMaker) -> None:
    """`export`."""
    export_ = command("export", "export a session, or the theme report (--themes)")
    export_.add_argument(
        "sessions",
        nargs="*",
        metavar="SESSION",
        help="id or slug (with --themes: the sessions to report on)",
    )
    export_.add_argument(
        "--themes", action="store_true", help="the theme report across sessions (md or html)"
    )
    export_.add_argument("--all", action="store_true", help="with --themes: every session")
    export_.add_argument(
        "--format",
        choices=SESSION_FORMATS,
        default=None,
        help="md, html, json, or qdpx (a REFI-QDA project for ATLAS.ti, NVivo, MAXQDA, …);"
        " without it, the extension of the file -o names",
    )
    export_.add_argument(
        "--layout",
        choices=("minutes", "by-kind"),
        default="minutes",
        help="a session summary as minutes (the meeting as it went; default) or by kind",
    )
    export_.add_argument(
        "--table",
        metavar="NAME",
        help="a session's minutes (md, html) of what was said at this table only",
    )
    export_.add_argument(
        "--anonymize",
        action="store_true",
        help="replace every participant name with a pseudonym per domain",
    )
    export_.add_argument(
        "-o",
        "--output",
        metavar="DIR_OR_FILE",
        help="write into this folder (made when missing; a name from title and date) or to"
        " this file (a name with the format's extension)",
    )
    export_.add_argument("--force", action="store_true", help="overwrite an existing file")
    export_.add_argument(
        "--include-off-record",
        action="store_true",
        help="also off-the-record contributions (JSON only; for a private backup)",
    )
    export_.set_defaults(handler=export)
