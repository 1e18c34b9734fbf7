"""The data commands: sessions, import, export, demo and domains."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from dialoog_tui.cli.common import CommandMaker, say, with_database
from dialoog_tui.core.display import visible
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    from dialoog_tui.core.model import SessionSummary
    from dialoog_tui.services.imports import ImportReport

T = TypeVar("T")

ROWS_NAMED = 50
"""Bad rows named one by one; a file with more is most likely not an import file at all."""


def sessions(args: argparse.Namespace) -> int:
    """`dialoog sessions [--json]`."""
    from dialoog_tui.services import sessions as session_service

    summaries = with_database(args, session_service.listing)
    if args.json:
        listing = [
            {
                "id": s.session.id,
                "slug": s.session.slug,
                "title": s.session.title,
                "date": s.session.started_at.astimezone().isoformat(),
                "contributions": s.contribution_count,
            }
            for s in summaries
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(say("cli.no_sessions"))
        return 0
    print_sessions(summaries)
    return 0


def print_sessions(summaries: list[SessionSummary]) -> None:
    """The sessions as a table: id, date, count, slug and title."""
    slug_width = max(len(s.session.slug) for s in summaries)
    id_, date, count, slug, title = say("cli.sessions.head").split("  ")
    print(f"{id_:>4}  {date:<16}  {count:>6}  {slug:<{slug_width}}  {title}")
    for s in summaries:
        session = s.session
        when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"{session.id:>4}  {when:<16}  {s.contribution_count:>6}"
            f"  {session.slug:<{slug_width}}  {visible(session.title)}"
        )


def import_file(args: argparse.Namespace) -> int:
    """`dialoog import FILE [--session S] [--skip-bad] [--again]`: every bad row is named
    (up to `ROWS_NAMED`); rows a session holds already are counted, not doubled."""
    from dialoog_tui.services.imports import ImportFailed

    path = Path(args.file)
    content = _read_text(path)
    try:
        report = _import(args, path, content)
    except ImportFailed as failed:
        for problem in failed.problems[:ROWS_NAMED]:
            message = say(problem.key, **problem.values)
            print(visible(say("error.row", line=problem.line, message=message)), file=sys.stderr)
        count = len(failed.problems)
        if count > ROWS_NAMED:
            print(say("cli.rows_more", count=count - ROWS_NAMED), file=sys.stderr)
        raise InvalidInput(
            str(failed),
            key="error.import_failed",
            problems=say("cli.rows_bad", count=count),
        ) from None
    titles = ", ".join(f"{visible(s.title)} ({s.slug})" for s in report.sessions.values())
    new = say("cli.imported.new", count=report.created_sessions) if report.created_sessions else ""
    imported = say("cli.contributions", count=report.imported)
    into = say("cli.sessions", count=len(report.sessions))
    print(say("cli.imported", contributions=imported, sessions=into, new=new))
    print(f"  {titles}")
    if report.already:
        print(say("cli.imported.already", already=report.already, imported=report.imported))
    if report.left_out:
        print(say("cli.imported.moderated", count=report.left_out))
    for problem in report.skipped:
        message = say(problem.key, **problem.values)
        print(visible(say("cli.skipped", line=problem.line, message=message)), file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, path: Path, content: str) -> ImportReport:
    from dialoog_tui.core.consultation import parse_mapping
    from dialoog_tui.services.imports import import_text

    return with_database(
        args,
        lambda database: import_text(
            database,
            content,
            is_csv=path.suffix.lower() in (".csv", ".tsv"),
            session_key=args.session,
            fallback_title=path.stem,
            skip_bad=args.skip_bad,
            again=args.again,
            source=str(path),
            mapping=parse_mapping(args.map) if args.map else None,
            online=args.online,
        ),
    )


def demo(args: argparse.Namespace) -> int:
    """`dialoog demo`: the demo series, loaded once."""
    from dialoog_tui.services import demo as demo_series

    loaded, present = with_database(args, demo_series.load)
    if loaded:
        total = sum(count for _title, count in loaded)
        print(say("cli.demo.loaded", sessions=len(loaded), contributions=total))
        for title, count in loaded:
            print(f"  {visible(title)}: {count}")
    if present:
        print(say("cli.demo.present", titles=", ".join(present)))
    print(say("cli.demo.open"))
    print(say("cli.demo.themes"))
    return 0


def domains(args: argparse.Namespace) -> int:
    """`dialoog domains [--add NAME]`."""
    from dialoog_tui.services import sessions

    if args.add:
        with_database(args, lambda database: sessions.add_domain(database, args.add))
    listed = with_database(args, sessions.domains)
    for domain in listed:
        print(domain.name)
    return 0


def person(args: argparse.Namespace) -> int:
    """`dialoog person [NAME]`: who takes the notes (for histories and contributions)."""
    from msgspec.structs import replace

    from dialoog_tui.config import current_user, load_settings, save_settings
    from dialoog_tui.paths import settings_path

    if args.name is not None:
        name = " ".join(args.name.split())
        if not name:
            raise InvalidInput(key="error.needs_name")
        save_settings(settings_path(), replace(load_settings(settings_path()), person=name))
    print(visible(current_user()))
    return 0


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist", key="error.file_missing", path=path) from None
    except IsADirectoryError:
        raise InvalidInput(
            f"{path} is a folder, not a file", key="error.file_is_folder", path=path
        ) from None
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {error.start})",
            key="error.file_not_utf8",
            path=path,
            byte=error.start,
        ) from None
    except OSError as error:
        raise InvalidInput(
            f"{path} cannot be read ({error.strerror})",
            key="error.file_unreadable",
            path=path,
            reason=error.strerror,
        ) from None


def register(command: CommandMaker) -> None:
    """`sessions`, `import`, `demo` and `domains`."""
    sessions_ = command("sessions", "list sessions")
    sessions_.add_argument("--json", action="store_true", help="print JSON instead of a table")

    import_ = command("import", "import contributions from CSV or a text/Markdown file")
    import_.add_argument(
        "file", metavar="FILE", help="a CSV file, or notes as text or Markdown (.txt, .md)"
    )
    import_.add_argument(
        "--session",
        metavar="SESSION_OR_TITLE",
        help="put every row in this session (created if new)",
    )
    import_.add_argument(
        "--skip-bad", action="store_true", help="import the good rows and list the bad ones"
    )
    import_.add_argument(
        "--again",
        action="store_true",
        help="also import rows the session holds already (by ref, or speaker, time and text)",
    )
    import_.add_argument(
        "--map",
        metavar="FIELD=COLUMN,…",
        help="a survey CSV: which of its columns is what (text=Antwoord,speaker=Naam,at=Tijd)",
    )
    import_.add_argument(
        "--online",
        action="store_true",
        help="the rows are an online consultation's: a new session is marked online"
        " (a Pol.is comment export is recognised by itself)",
    )

    demo_ = command("demo", "load a Dutch demo series of three sessions (once)")

    domains_ = command("domains", "list the domains participants speak from, or add one")
    domains_.add_argument("--add", metavar="NAME", help="add a domain")
    person_ = command("person", "show or set your name, kept in histories and on contributions")
    person_.add_argument("name", nargs="?", metavar="NAME", help="your name (remembered)")
    person_.set_defaults(handler=person)
    sessions_.set_defaults(handler=sessions)
    import_.set_defaults(handler=import_file)
    demo_.set_defaults(handler=demo)
    domains_.set_defaults(handler=domains)
