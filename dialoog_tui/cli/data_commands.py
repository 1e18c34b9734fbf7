"""The data commands: sessions, import, export, demo and domains."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from dialoog_tui.cli.common import CommandMaker, with_database
from dialoog_tui.core.display import visible
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    pass

T = TypeVar("T")


def _count(number: int, noun: str) -> str:
    """`1 session`, `2 sessions`: the CLI's counts in plain English."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


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
        print(
            "No sessions yet. Start one with: dialoog new TITLE   (or load the demo: dialoog demo)"
        )
        return 0
    slug_width = max(len(s.session.slug) for s in summaries)
    print(f"{'ID':>4}  {'DATE':<16}  {'COUNT':>5}  {'SLUG':<{slug_width}}  TITLE")
    for s in summaries:
        session = s.session
        when = session.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        count = s.contribution_count
        slug = session.slug
        title = visible(session.title)
        print(f"{session.id:>4}  {when:<16}  {count:>5}  {slug:<{slug_width}}  {title}")
    return 0


def import_file(args: argparse.Namespace) -> int:
    """`dialoog import FILE [--session S] [--skip-bad]`."""
    from dialoog_tui.services.imports import import_text

    path = Path(args.file)
    content = _read_text(path)
    report = with_database(
        args,
        lambda database: import_text(
            database,
            content,
            is_csv=path.suffix.lower() in (".csv", ".tsv"),
            session_key=args.session,
            fallback_title=path.stem,
            skip_bad=args.skip_bad,
            source=str(path),
        ),
    )
    titles = ", ".join(f"{visible(s.title)} ({s.slug})" for s in report.sessions.values())
    new = f", {report.created_sessions} new" if report.created_sessions else ""
    imported, into = (
        _count(report.imported, "contribution"),
        _count(len(report.sessions), "session"),
    )
    print(f"imported {imported} into {into}{new}:")
    print(f"  {titles}")
    for problem in report.skipped:
        print(f"skipped line {problem.line}: {visible(problem.message)}", file=sys.stderr)
    return 0


def demo(args: argparse.Namespace) -> int:
    """`dialoog demo`: the demo series, loaded once."""
    from dialoog_tui.services import demo as demo_series

    loaded, present = with_database(args, demo_series.load)
    if loaded:
        total = sum(count for _title, count in loaded)
        print(f"loaded the demo: {len(loaded)} sessions, {total} contributions")
        for title, count in loaded:
            print(f"  {visible(title)}: {count}")
    if present:
        print(f"already there (not loaded again): {', '.join(present)}")
    print("open one with: dialoog   (or: dialoog sessions, then dialoog open SLUG)")
    print("see what recurs across the sessions with: dialoog themes --all")
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


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a file") from None
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path} is not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise InvalidInput(f"{path} cannot be read ({error.strerror})") from None


def register(command: CommandMaker) -> None:
    """`sessions`, `import`, `demo` and `domains`."""
    sessions_ = command("sessions", "list sessions")
    sessions_.add_argument("--json", action="store_true", help="print JSON instead of a table")

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

    demo_ = command("demo", "load a Dutch demo series of three sessions (once)")

    domains_ = command("domains", "list the domains participants speak from, or add one")
    domains_.add_argument("--add", metavar="NAME", help="add a domain")
    sessions_.set_defaults(handler=sessions)
    import_.set_defaults(handler=import_file)
    demo_.set_defaults(handler=demo)
    domains_.set_defaults(handler=domains)
