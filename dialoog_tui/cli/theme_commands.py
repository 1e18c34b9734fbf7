"""`dialoog themes`: find the themes that recur across sessions, store and print them."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING

from dialoog_tui.cli.common import CommandMaker, decimal, say, with_database
from dialoog_tui.core.display import visible
from dialoog_tui.core.themes.progress import Progress, Step, progress_line
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    from dialoog_tui.core.themes.explain import Quote, ThemeSummary
    from dialoog_tui.core.themes.run import ThemeReport
    from dialoog_tui.services.database import Database

PROGRESS_FROM = 1000
"""Runs over this many contributions or more report their steps on stderr."""


def themes(args: argparse.Namespace) -> int:
    """`dialoog themes [SESSION …|--all] [--table NAME] [--min-sessions N] [--json] [--last]
    [--fresh]`."""
    from dialoog_tui.services import themes as theme_service
    from dialoog_tui.services.sessions import session_ids

    if not args.sessions and not args.all:
        raise InvalidInput(key="cli.themes.need_scope")
    if args.sessions and args.all:
        raise InvalidInput(key="cli.themes.both")
    if args.min_sessions < 1:
        raise InvalidInput(key="cli.themes.min_sessions")

    def work(database: Database) -> ThemeReport:
        scope = session_ids(database, None if args.all else args.sessions)
        if not scope:
            raise InvalidInput(key="cli.themes.no_sessions")
        table = None
        if args.table is not None:
            if args.all:  # a table is one session's
                raise InvalidInput(key="error.table_one_session")
            table = theme_service.table_name(database, scope, args.table)
        if not args.last:
            count = theme_service.contribution_count(database, scope)
            run = theme_service.run_themes(
                database,
                scope,
                all_sessions=args.all,
                progress=_progress(count, always=args.progress),
                fresh=args.fresh,
            )
            scope = list(run.session_ids)
        shown = theme_service.latest_report(
            database, scope, min_sessions=args.min_sessions, table=table
        )
        if shown is None:
            raise InvalidInput(key="cli.themes.none_stored")
        return shown

    result = with_database(args, work)
    if args.json:
        from dialoog_tui.core.themes.themes_json import report_to_json

        print(json.dumps(report_to_json(result), ensure_ascii=False, indent=2))
    else:
        print_report(result)
    return 0


def _progress(count: int, *, always: bool = False) -> Progress | None:
    if count < PROGRESS_FROM and not always:
        return None
    started = time.perf_counter()

    def say(step: Step) -> None:
        sys.stderr.write(progress_line(step, time.perf_counter() - started) + "\n")
        sys.stderr.flush()

    return say


def print_report(result: ThemeReport) -> None:
    """The report as text for the terminal."""
    run = result.run
    recurring = result.recurring()
    when = run.at.astimezone().strftime("%Y-%m-%d %H:%M")
    clustered = len(result.unassigned) + sum(theme.size for theme in result.themes)
    sessions = say("cli.sessions", count=len(run.session_ids))
    contributions = say("cli.contributions", count=clustered)
    print(
        say(
            "cli.themes.head", sessions=sessions, contributions=contributions, run=run.id, when=when
        )
    )
    if result.table is not None:
        print(say("cli.themes.at_table", table=visible(result.table)))
    print(
        say(
            "cli.themes.counts",
            themes=say("cli.themes.count", count=len(result.themes)),
            recurring=len(recurring),
            min=result.min_sessions,
            unassigned=say("cli.contributions", count=len(result.unassigned)),
        )
    )
    if not result.themes:
        print(say("cli.themes.empty"))
    for number, theme in enumerate(result.themes, start=1):
        print()
        _print_theme(number, theme, result)


def _print_theme(number: int, theme: ThemeSummary, result: ThemeReport) -> None:
    recurs = theme.recurs(result.min_sessions)
    mark = say("cli.theme.recurring") if recurs else say("cli.theme.one_session")
    if not recurs and len(theme.sessions) > 1:
        mark = say("cli.sessions", count=len(theme.sessions))
    status = (
        say("cli.theme.accepted")
        if theme.accepted
        else say("cli.theme.curated")
        if theme.curated
        else ""
    )
    cohesion = decimal(theme.cohesion) if theme.cohesion is not None else "—"
    print(f"{number:>2}. {visible(theme.title)}")
    if theme.name:
        print(f"    {say('cli.theme.label')}: {visible(theme.label)}")
    line = say(
        "cli.theme.line",
        id=theme.id,
        status=status,
        mark=mark,
        contributions=say("cli.contributions", count=theme.size),
        sessions=say("cli.sessions", count=len(theme.sessions)),
        cohesion=cohesion,
    )
    print(f"    {line}")
    print(f"    {say('cli.theme.terms')}: {visible(', '.join(theme.terms))}")
    sessions = " · ".join(
        f"{visible(result.session_titles.get(sid, str(sid)))} {count}"
        for sid, count in theme.sessions
    )
    print(f"    {say('cli.theme.sessions')}: {sessions}")
    domains = " · ".join(
        f"{visible(name) if name else say('cli.no_domain')} {count}"
        for name, count in theme.domains.items()
    )
    print(f"    {say('cli.theme.domains')}: {domains}")
    if theme.tables and result.table is None:
        several = len(result.run.session_ids) > 1
        tables = " · ".join(
            f"{visible(name)}"
            + (f" ({visible(result.session_titles.get(sid, str(sid)))})" if several else "")
            + f" {count}"
            for sid, name, count in theme.tables
        )
        print(f"    {say('cli.theme.tables')}: {tables}")
    for quote in theme.quotes:
        nobody = say("cli.theme.anonymous") if quote.anonymous else say("cli.theme.room")
        who = visible(quote.speaker or nobody)
        domain = f", {visible(quote.domain)}" if quote.domain else ""
        print(f"    “{visible(quote.text)}” — {who}{domain} ({_where(quote, result)})")


def _where(quote: Quote, result: ThemeReport) -> str:
    """`Avond 2 #13 · id 109`: where the log and the minutes show it, and the id the
    curation commands take."""
    title = result.session_titles.get(quote.session_id) if quote.session_id else None
    if quote.seq is None or title is None:
        return f"id {quote.contribution_id}"
    return f"{visible(title)} #{quote.seq} · id {quote.contribution_id}"


def register(command: CommandMaker) -> None:
    """`themes`."""
    themes_ = command("themes", "find the themes that recur across sessions")
    themes_.add_argument("sessions", nargs="*", metavar="SESSION", help="ids or slugs")
    themes_.add_argument("--all", action="store_true", help="across all sessions")
    themes_.add_argument(
        "--min-sessions",
        type=int,
        default=2,
        metavar="N",
        help="a theme heard in N or more sessions is recurring (default: 2)",
    )
    themes_.add_argument(
        "--table",
        metavar="NAME",
        help="read the themes of the one session given at this table: what was said there",
    )
    themes_.add_argument("--json", action="store_true", help="print JSON (docs/themes-json.md)")
    themes_.add_argument(
        "--last", action="store_true", help="show the stored themes of the last run; no clustering"
    )
    themes_.add_argument(
        "--fresh",
        action="store_true",
        help="cluster again even when nothing changed since the last run",
    )
    themes_.add_argument(
        "--progress", action="store_true", help="report each step on stderr, however small the run"
    )
    themes_.set_defaults(handler=themes)
