"""`dialoog participant|phase|session|corrections`: the corrections of the TUI's F6 screen,
scriptable. Each prints what it changed; each is recorded (`dialoog corrections`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from dialoog_tui.cli.common import (
    CommandMaker,
    OneLineParser,
    current_language,
    say,
    subcommand,
    with_database,
)
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import visible
from dialoog_tui.errors import InvalidInput

if TYPE_CHECKING:
    from dialoog_tui.core.corrections import Correction, SessionFacts
    from dialoog_tui.services.database import Database

UNCHANGED = None
"""An option not given: that field stays as it is."""


def _done(correction: Correction) -> int:
    from dialoog_tui.core.corrections import described

    _subject, _id, _action, detail = described(correction, current_language())
    print(say("cli.fixed", detail=visible(detail)))
    return 0


# --- participant -----------------------------------------------------------------------


def participant(args: argparse.Namespace) -> int:
    """`dialoog participant list|edit|merge|remove …`."""
    from dialoog_tui.core.corrections import ParticipantFacts, pick_domain
    from dialoog_tui.services import corrections, sessions

    action = args.participant_action
    if action == "list":
        people = with_database(args, lambda db: corrections.participants(db, args.session))
        for person in people:
            extra = " · ".join(x for x in (person.domain, person.organisation) if x)
            print(
                f"{person.id:>5}  {visible(person.name)}"
                + (f"  ({visible(extra)})" if extra else "")
            )
        return 0

    def work(database: Database) -> Correction:
        person = corrections.find_participant(database, args.participant, session_key=args.session)
        if action == "merge":
            kept = corrections.find_participant(database, args.into, session_key=args.session)
            return corrections.merge_participants(database, person.id, kept.id)
        if action == "remove":
            return corrections.remove_participant(database, person.id)
        if args.name is None and args.domain is None and args.organisation is None:
            raise InvalidInput(key="cli.no_change")
        domains = [d.name for d in sessions.domains(database)]
        facts = ParticipantFacts.of(person)
        try:
            domain = facts.domain if args.domain is None else pick_domain(args.domain, domains)
        except ValueError as problem:
            raise InvalidInput(str(problem)) from None
        after = ParticipantFacts(
            name=facts.name if args.name is None else args.name,
            domain=domain,
            organisation=facts.organisation if args.organisation is None else args.organisation,
        )
        return corrections.change_participant(database, person.id, after)

    return _done(with_database(args, work))


# --- phase -----------------------------------------------------------------------------


def phase(args: argparse.Namespace) -> int:
    """`dialoog phase list|rename|move|delete SESSION …`."""
    from dialoog_tui.services import corrections
    from dialoog_tui.services.sessions import agenda, session_ids

    def work(database: Database) -> Correction | None:
        session_id = session_ids(database, [args.session])[0]
        if args.phase_action == "list":
            for item in agenda(database, session_id):
                print(f"{item.position:>3}. {visible(item.title)}")
            return None
        chosen = corrections.find_phase(database, session_id, args.phase)
        if args.phase_action == "rename":
            return corrections.rename_phase(database, chosen.id, args.title)
        if args.phase_action == "move":
            return corrections.move_phase(database, chosen, args.position)
        into = corrections.find_phase(database, session_id, args.into).id if args.into else None
        return corrections.remove_phase(database, chosen.id, into=into)

    made = with_database(args, work)
    return _done(made) if made is not None else 0


# --- session ---------------------------------------------------------------------------


def session(args: argparse.Namespace) -> int:
    """`dialoog session edit|delete|restore|deleted …`."""
    from dialoog_tui.cli.data_commands import print_sessions
    from dialoog_tui.services import corrections
    from dialoog_tui.services.sessions import listing, session_ids

    action = args.session_action
    if action == "deleted":
        gone = with_database(args, lambda db: listing(db, deleted=True))
        if gone:
            print_sessions(gone)
        else:
            print(say("cli.no_deleted"))
        return 0
    if action == "restore":
        back = with_database(args, lambda db: corrections.restore_session(db, args.session))
        print(say("cli.session.restored", title=visible(back.title), slug=back.slug))
        return 0

    refused = False

    def work(database: Database) -> Correction | None:
        nonlocal refused
        session_id = session_ids(database, [args.session])[0]
        if action == "delete":
            summary = next(s for s in listing(database) if s.session.id == session_id)
            people = len(corrections.participants(database, str(session_id)))
            what = {
                "title": visible(summary.session.title),
                "contributions": say("cli.contributions", count=summary.contribution_count),
                "people": say("fix.people_count", count=people),
            }
            if not args.yes and not _confirmed(say("cli.session.ask", **what)):
                print(say("cli.session.confirm", **what))
                refused = True
                return None
            deleted = corrections.delete_session(database, session_id)
            print(
                say("cli.session.deleted", title=visible(deleted.title), slug=summary.session.slug)
            )
            return None
        return corrections.edit_session(
            database, session_id, _edited(args, corrections.session_facts(database, session_id))
        )

    made = with_database(args, work)
    if made is None:
        return 1 if refused else 0
    return _done(made)


def _confirmed(question: str) -> bool:
    """Asked at a terminal, whether the person says yes; elsewhere (a script, a pipe) no:
    there --yes says it."""
    if not sys.stdin.isatty():
        return False
    # On stderr, as a prompt: stdout may go to a file while the person answers here.
    sys.stderr.write(question + " ")
    sys.stderr.flush()
    answer = sys.stdin.readline()  # "" at the end of input: no
    return answer.strip().casefold() in {"j", "ja", "y", "yes"}


def _edited(args: argparse.Namespace, facts: SessionFacts) -> SessionFacts:
    """The session's facts with the options given (the rest as they are)."""
    from dialoog_tui.core.corrections import SessionFacts, read_when

    started_at = facts.started_at
    if args.date is not None:
        try:
            started_at = read_when(args.date)
        except ValueError:
            raise InvalidInput(key="error.bad_date", value=args.date) from None
    consent = facts.default_consent
    if args.consent is not None:
        named = Consent.from_name(args.consent)
        if named is None:
            names = ", ".join(c.label(current_language()) for c in Consent)
            raise InvalidInput(key="error.bad_consent", value=args.consent, names=names)
        consent = named

    def given(value: str | None, before: str | None) -> str | None:
        return before if value is None else value

    after = SessionFacts(
        title=args.title if args.title is not None else facts.title,
        question=given(args.question, facts.question),
        location=given(args.location, facts.location),
        organiser=given(args.organiser, facts.organiser),
        note_taker=given(args.note_taker, facts.note_taker),
        started_at=started_at,
        default_consent=consent,
    )
    if after == facts:
        options = (args.title, args.question, args.location, args.organiser, args.note_taker)
        asked = any(v is not None for v in (*options, args.date, args.consent))
        raise InvalidInput(key="cli.already_so" if asked else "cli.no_change")
    return after


def corrections_history(args: argparse.Namespace) -> int:
    """`dialoog corrections [--limit N]`: who corrected what, and when."""
    from dialoog_tui.core.corrections import detail_in
    from dialoog_tui.services.corrections import history

    lang = current_language()
    for when, who, action, detail in with_database(args, lambda db: history(db, limit=args.limit)):
        local = when.astimezone().strftime("%Y-%m-%d %H:%M")  # in the user's zone, not UTC
        print(f"{local}  {visible(who)}  {_action(action)}  {visible(detail_in(detail, lang))}")
    return 0


def _action(recorded: str) -> str:
    """A recorded action (`merge`, `undo merge`) in the interface's language; one this
    version does not know as it was recorded."""
    from dialoog_tui.core.corrections import RECORDED_ACTIONS

    undone = recorded.startswith("undo ")
    action = recorded.removeprefix("undo ")
    named = say(f"cli.correction.{action}") if action in RECORDED_ACTIONS else action
    return say("cli.correction.undo", action=named) if undone else named


# --- the parsers -----------------------------------------------------------------------


def register(command: CommandMaker) -> None:
    """`participant`, `phase`, `session` and `corrections`."""
    people = command(
        "participant", "correct a participant: rename, domain, organisation, merge, remove"
    )
    people_actions = people.add_subparsers(
        dest="participant_action", metavar="ACTION", required=True, parser_class=OneLineParser
    )
    listed = subcommand(people_actions, "list", "list participants (of one session with --session)")
    edit = subcommand(
        people_actions, "edit", "give a participant another name, domain or organisation"
    )
    merge = subcommand(
        people_actions, "merge", "merge a participant into another: every contribution follows"
    )
    remove = subcommand(people_actions, "remove", "remove a participant who has no contributions")
    for sub in (edit, merge, remove):
        sub.add_argument(
            "participant", metavar="PARTICIPANT", help="a participant: id, name or its beginning"
        )
    for sub in (listed, edit, merge, remove):
        sub.add_argument(
            "--session", metavar="SESSION", help="look only among this session's participants"
        )
    edit.add_argument("--name", help="new name")
    edit.add_argument("--domain", help="new domain (empty: none)")
    edit.add_argument("--organisation", help="new organisation (empty: none)")
    merge.add_argument("into", metavar="INTO", help="the participant who stays")
    people.set_defaults(handler=participant)

    phases = command("phase", "correct the agenda: rename, move or delete a phase")
    phase_actions = phases.add_subparsers(
        dest="phase_action", metavar="ACTION", required=True, parser_class=OneLineParser
    )
    listing_ = subcommand(phase_actions, "list", "list the agenda")
    rename = subcommand(phase_actions, "rename", "give a phase another title")
    move = subcommand(phase_actions, "move", "move a phase to another place on the agenda")
    delete = subcommand(phase_actions, "delete", "take a phase off the agenda")
    for sub in (listing_, rename, move, delete):
        sub.add_argument("session", metavar="SESSION", help="the session (id or slug)")
    for sub in (rename, move, delete):
        sub.add_argument("phase", metavar="PHASE", help="a phase: number, title or its beginning")
    rename.add_argument("title", metavar="TITLE", help="new title")
    move.add_argument("position", metavar="POSITION", type=int, help="new place (1 is first)")
    delete.add_argument(
        "--into", metavar="PHASE", help="the phase its contributions go to (default: none)"
    )
    phases.set_defaults(handler=phase)

    sessions_ = command("session", "edit, delete or restore a session")
    session_actions = sessions_.add_subparsers(
        dest="session_action", metavar="ACTION", required=True, parser_class=OneLineParser
    )
    edit_session = subcommand(
        session_actions,
        "edit",
        "change a session's title, question, place, organiser, note-taker, date or consent",
    )
    delete_session = subcommand(session_actions, "delete", "delete a session (it can be restored)")
    restore = subcommand(session_actions, "restore", "bring a deleted session back")
    subcommand(session_actions, "deleted", "list the deleted sessions")
    for sub in (edit_session, delete_session, restore):
        sub.add_argument("session", metavar="SESSION", help="the session (id or slug)")
    edit_session.add_argument("--title", help="new title")
    edit_session.add_argument("--question", help="the question the meeting works on")
    edit_session.add_argument("--location", help="where the meeting takes place")
    edit_session.add_argument("--organiser", help="who organised it")
    edit_session.add_argument("--note-taker", dest="note_taker", help="who logs it")
    edit_session.add_argument("--date", help="new date: 2026-11-03 19:30")
    edit_session.add_argument(
        "--consent", help="new default consent: named, anonymous, paraphrase, off_record"
    )
    delete_session.add_argument("--yes", action="store_true", help="delete without asking")
    sessions_.set_defaults(handler=session)

    history = command("corrections", "who corrected what, and when")
    history.add_argument(
        "--limit", type=int, default=30, metavar="N", help="how many (default: 30)"
    )
    history.set_defaults(handler=corrections_history)
