"""Starting the TUI: check the database cheaply, then let the app open it in the background."""

from __future__ import annotations

import argparse
from pathlib import Path

from dialoog_tui.cli.common import CommandMaker
from dialoog_tui.config import language_from_locale
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import NewSession, SessionRequest
from dialoog_tui.core.speakers import split_participant
from dialoog_tui.errors import InvalidInput
from dialoog_tui.paths import settings_path
from dialoog_tui.services.database import DatabaseTarget, check_before_start, resolve_target


def run_tui(args: argparse.Namespace) -> int:
    """`dialoog`, `dialoog new …` and `dialoog open …`."""
    target = resolve_target(args.db)
    request = _request(args)
    if args.command == "new" and args.no_open:
        return _create_only(target, request, table=args.table)
    # A foreign, newer or unwritable file, or a session it does not hold, is refused before
    # the screen ever appears.
    check_before_start(target, session=request if isinstance(request, str) else None)
    return run_app(
        target,
        request,
        lang=args.lang,
        theme=args.theme,
        live_themes=args.live_themes,
        table=getattr(args, "table", None),
        room=args.command == "room",
    )


def run_app(
    target: DatabaseTarget,
    request: SessionRequest | None,
    *,
    lang: str | None,
    theme: str | None,
    settings_file: Path | None = None,
    live_themes: bool = True,
    table: str | None = None,
    room: bool = False,
) -> int:
    """Run the app until it exits; returns its exit status."""
    from dialoog_tui.tui.app import make_app

    app = make_app(
        target,
        request,
        lang=lang or language_from_locale(),
        theme=theme,
        settings_file=settings_file or settings_path(),
        live_themes=live_themes,
        table=table,
        room=room,
    )
    try:
        app.run()
    finally:
        app.gateway.close()
    return app.return_code or 0


def _request(args: argparse.Namespace) -> SessionRequest | None:
    if args.command in ("open", "room"):
        return str(args.session)
    if args.command == "new":
        return NewSession(
            title=args.title,
            question=args.question,
            location=args.location,
            organiser=args.organiser,
            note_taker=args.note_taker,
            participants=tuple(split_participant(p) for p in args.participant),
            phases=tuple(args.phase),
            default_consent=_consent(args.consent),
        )
    return None


def _consent(name: str) -> Consent:
    consent = Consent.from_name(name)
    if consent is None:
        choices = ", ".join(c.value for c in Consent)
        raise InvalidInput(key="error.bad_consent", value=name, names=choices)
    return consent


def _create_only(
    target: DatabaseTarget, request: SessionRequest | None, *, table: str | None
) -> int:
    from dialoog_tui.services import capture, sessions
    from dialoog_tui.services.database import open_database

    assert isinstance(request, NewSession)
    database = open_database(target)
    try:
        session = sessions.create(database, request)
        if table is not None:
            capture.take_seat(database, session.id, table, note_taker=request.note_taker)
    finally:
        database.close()
    print(f"{session.id}\t{session.slug}")
    return 0


def register(command: CommandMaker) -> None:
    """`new` and `open` (and, without a command, the session picker)."""
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
    for parser in (new, open_):
        parser.add_argument(
            "--table",
            metavar="NAME",
            help="capture at this table of the session (set up when new); others see it live",
        )
    room = command("room", "the facilitator's view of a session: every table, live")
    room.add_argument("session", metavar="SESSION", help="id or slug (see 'dialoog sessions')")
    for parser in (new, open_, room):
        parser.set_defaults(handler=run_tui)
