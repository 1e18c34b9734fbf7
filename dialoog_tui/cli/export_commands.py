"""`dialoog export`: a session as Markdown, HTML or JSON, or the theme report across sessions."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dialoog_tui.cli.data_commands import with_database
from dialoog_tui.config import language_from_locale
from dialoog_tui.errors import InvalidInput
from dialoog_tui.files import write_new_file

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database


def export(args: argparse.Namespace) -> int:
    """`dialoog export SESSION --format md|html|json [--anonymize] [-o DIR_OR_FILE] [--force]`
    and `dialoog export --themes [SESSION …|--all] --format md|html [--anonymize] [-o …]`."""
    from dialoog_tui.services.exports import ExportChoice, session_export, themes_export

    choice = ExportChoice(
        format=args.format or ("md" if args.themes else "json"),
        anonymize=args.anonymize,
        lang=args.lang or language_from_locale(),
        include_off_record=args.include_off_record,
    )
    now = datetime.now(UTC)
    if args.themes:
        if args.sessions and args.all:
            raise InvalidInput("name sessions or give --all, not both")
        if args.include_off_record:
            raise InvalidInput("--include-off-record is for the JSON session export only")
        made = with_database(
            args,
            lambda database: themes_export(
                database, _session_ids(database, args.sessions), choice, now=now
            ),
        )
    else:
        if args.all:
            raise InvalidInput("--all goes with --themes")
        if len(args.sessions) != 1:
            raise InvalidInput("name one session to export (or use --themes)")
        made = with_database(
            args, lambda database: session_export(database, args.sessions[0], choice, now=now)
        )
    if not args.output:
        sys.stdout.write(made.text)
        return 0
    written = write_new_file(Path(args.output), made.file_name, made.text, force=args.force)
    print(f"wrote {written}")
    return 0


def _session_ids(database: Database, keys: list[str]) -> list[int] | None:
    """The sessions named (None: all of them)."""
    from dialoog_tui.services.sessions import session_ids

    return session_ids(database, keys) if keys else None
