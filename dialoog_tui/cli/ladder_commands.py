"""The ladder commands: ladder, vocab, interest and commitment."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from dialoog_tui.cli.common import (
    CommandMaker,
    OneLineParser,
    current_language,
    say,
    with_database,
)
from dialoog_tui.core.display import telling_titles, visible
from dialoog_tui.core.ladder import Commitment, TermKind
from dialoog_tui.core.ladder_report import InterestState, InterestStatus, LadderReport

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database
from dialoog_tui.errors import InvalidInput


def ladder(args: argparse.Namespace) -> int:
    """`dialoog ladder [SESSION …|--all] [--json]`."""
    from dialoog_tui.core.export.ladder_json import ladder_to_json
    from dialoog_tui.services import ladder as ladder_service
    from dialoog_tui.services.sessions import session_ids

    if not args.sessions and not args.all:
        raise InvalidInput(key="cli.themes.need_scope")
    if args.sessions and args.all:
        raise InvalidInput(key="cli.themes.both")

    def read(database: Database) -> LadderReport:
        ids = None if args.all else session_ids(database, args.sessions)
        return ladder_service.report(database, ids, table=args.table)

    report = with_database(args, read)
    if args.json:
        print(json.dumps(ladder_to_json(report), ensure_ascii=False, indent=2))
    else:
        print_ladder(report, table=args.table)
    return 0


T = TypeVar("T")


def _or_none(items: Sequence[T]) -> Sequence[T]:
    """`items`, after saying "(geen)" under the heading when there are none."""
    if not items:
        print(f"  {say('cli.ladder.none')}")
    return items


def print_ladder(report: LadderReport, *, table: str | None = None) -> None:
    """The report as text for the terminal (consent applied, as in the JSON)."""
    from dialoog_tui.core.consent_gate import shareable_commitments
    from dialoog_tui.core.export.ladder_json import shareable_item

    # Over several sessions a number alone does not say whose: what tells its session first.
    told = telling_titles(dict(report.sessions)) if len(report.sessions) > 1 else {}

    def quote(item_json: dict[str, object]) -> str:
        session = told.get(item_json["session_id"])  # type: ignore[call-overload]
        where = f"{session} " if session else ""
        anonymous = item_json["consent"] == "anonymous"
        nobody = say("cli.theme.anonymous") if anonymous else say("cli.theme.room")
        speaker = item_json["speaker"] or nobody
        text = item_json["text"]
        if text is None:  # paraphrase only: the note-taker's words, marked as such
            paraphrase, marked = item_json["paraphrase"], f"[{say('cli.ladder.paraphrase')}]"
            text = f"≈ {paraphrase} {marked}" if paraphrase else marked
        return visible(
            f"{where}#{item_json['seq']} {speaker} "
            f"({item_json['domain'] or say('cli.no_domain')}): {text}"
        )

    titles = ", ".join(visible(title) for _id, title in report.sessions)
    if table is not None:
        titles += f" — {visible(table)}"
    sessions = say("cli.sessions", count=len(report.sessions))
    print(f"{say('cli.ladder.head', sessions=sessions)}: {titles}\n")
    print(say("cli.ladder.values"))
    # Under this heading only what was raised under resistance: a value named elsewhere only
    # is in the JSON (`overall`), not here with a 0.
    resisted = _or_none([count for count in report.values or () if count.under_resistance])
    for count in resisted:
        domains = ", ".join(
            f"{d or say('cli.no_domain')} {n}" for d, n in sorted(count.by_domain.items(), key=str)
        )
        name, under = visible(count.value), count.under_resistance
        overall = say("cli.ladder.overall", count=count.overall)
        print(f"  {name:<28} {under:>3}  {domains}  ({overall})")
    print("\n" + say("cli.ladder.open"))
    for state in _or_none(report.open_interests):
        raised = say("cli.contributions", count=len(state.raised_by))
        print(f"  {visible(state.interest):<36} {raised:>16}  — {visible(state.session_title)}")
    print("\n" + say("cli.ladder.bridging"))
    for bridge in _or_none(report.bridging):
        against, for_ = bridge.domains
        sides = say("cli.ladder.sides", against=", ".join(against), supporting=", ".join(for_))
        print(f"  {visible(bridge.interest)}: {sides}")
        for item in bridge.resisting:
            print(f"    ! {quote(shareable_item(item))}")
        for item in bridge.supporting:
            print(f"    + {quote(shareable_item(item))}")
    print("\n" + say("cli.ladder.commitments"))
    for item, entry in _or_none(shareable_commitments(report.commitments)):
        done = say("cli.ladder.done") if entry.done_at else say("cli.ladder.open_state")
        due = entry.due_on.isoformat() if entry.due_on else say("cli.ladder.no_date")
        owner = visible(entry.owner or "—")
        # With the id 'dialoog commitment' takes, as `dialoog themes` gives the curation's.
        handle = f"id {item.contribution_id}"
        print(f"  [{done}] {quote(shareable_item(item))}  — {owner}, {due} · {handle}")


def vocab(args: argparse.Namespace) -> int:
    """`dialoog vocab list|rename|merge`."""
    from dialoog_tui.services import ladder as ladder_service

    action = args.vocab_action or "list"
    kind = TermKind(getattr(args, "kind", "value"))
    if action == "rename":
        term = with_database(
            args, lambda database: ladder_service.rename_term(database, kind, args.old, args.new)
        )
        print(f"{kind.value}: {visible(term.name)}")
        return 0
    if action == "merge":
        term = with_database(
            args,
            lambda database: ladder_service.merge_terms(database, kind, args.source, args.target),
        )
        print(say("cli.vocab.merged", kind=kind.value, name=visible(term.name)))
        return 0

    listed = with_database(args, lambda database: ladder_service.shared_vocabulary(database, kind))
    for term, used in listed:
        english = f"  ({visible(term.name_en)})" if term.name_en else ""
        print(f"{used:>5}  {visible(term.name)}{english}")
    return 0


def interest(args: argparse.Namespace) -> int:
    """`dialoog interest SESSION INTEREST STATUS [--answered-by CONTRIBUTION]`."""
    from dialoog_tui.services import ladder as ladder_service
    from dialoog_tui.services.references import contribution_id, quoted

    status = InterestStatus(args.status)

    def record(database: Database) -> tuple[InterestState, str | None]:
        answer = None
        if args.answered_by is not None:
            answer = contribution_id(database, args.answered_by, session=str(args.session))
        state = ladder_service.set_interest_status(
            database, str(args.session), args.interest, status, answered_by_id=answer
        )
        return state, quoted(database, answer) if answer is not None else None

    state, said = with_database(args, record)
    # As it was typed ('#13' in this session says more than the id it stands for), and
    # what it says (see `commitment`).
    answered = args.answered_by.strip() if args.answered_by else ""
    answered += f" {said}" if said else ""
    answer = say("cli.ladder.answered_by", id=visible(answered)) if state.answered_by_id else ""
    print(f"{visible(state.interest)}: {state.status.label(current_language())}{answer}")
    return 0


def commitment(args: argparse.Namespace) -> int:
    """`dialoog commitment CONTRIBUTION [--owner] [--due] [--done|--not-done]`."""
    from dialoog_tui.core.dates import parse_due
    from dialoog_tui.services import ladder as ladder_service

    due = None
    if args.due:
        due = parse_due(args.due, date.today())
        if due is None:
            raise InvalidInput(key="error.bad_due", value=args.due)
    from dialoog_tui.services.references import contribution_id, quoted

    def record(database: Database) -> tuple[Commitment, str | None]:
        entry = ladder_service.set_commitment(
            database,
            contribution_id(database, args.contribution),
            owner=args.owner,
            due_on=due,
            done=args.done,
        )
        return entry, quoted(database, entry.contribution_id)

    entry, said = with_database(args, record)
    state = say("cli.ladder.done") if entry.done_at else say("cli.ladder.open_state")
    when = entry.due_on.isoformat() if entry.due_on else say("cli.ladder.no_date")
    # As it was typed (the id, or the number in its session the minutes give), and what it
    # says: a number from minutes read before a consent changed may mean another line now.
    typed = visible(args.contribution.strip()) + (f" {visible(said)}" if said else "")
    print(f"{typed}: {visible(entry.owner or '—')}, {when}, {state}")
    return 0


def register(command: CommandMaker) -> None:
    """`ladder`, `vocab`, `interest` and `commitment`."""
    ladder_ = command("ladder", "values under resistance, open and bridging interests, ledger")
    ladder_.add_argument("sessions", nargs="*", metavar="SESSION", help="ids or slugs")
    ladder_.add_argument("--all", action="store_true", help="across all sessions")
    ladder_.add_argument("--json", action="store_true", help="print JSON")
    ladder_.add_argument(
        "--table", metavar="NAME", help="what was said at this table of the one session given"
    )

    vocab_ = command("vocab", "the shared vocabulary of interests and values")
    actions = vocab_.add_subparsers(
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

    interest_ = command("interest", "record what was done with an interest raised in a session")
    interest_.add_argument("session", metavar="SESSION")
    interest_.add_argument("interest", metavar="INTEREST")
    interest_.add_argument("status", choices=("open", "acknowledged", "answered"))
    interest_.add_argument(
        "--answered-by",
        metavar="CONTRIBUTION",
        help="the contribution that answered it: #NUMBER as the minutes number it, or its id",
    )

    commitment_ = command("commitment", "set a commitment's owner, due date or done-ness")
    commitment_.add_argument(
        "contribution",
        metavar="CONTRIBUTION",
        help="the commitment: SESSION#NUMBER as the minutes number it (avond-2#13), or its id",
    )
    commitment_.add_argument("--owner", help="who will do it")
    commitment_.add_argument("--due", help="by when: 2026-05-01 or 1-5-2026")
    done = commitment_.add_mutually_exclusive_group()
    done.add_argument("--done", action="store_true", default=None, help="mark it done")
    done.add_argument("--not-done", dest="done", action="store_false", help="mark it not done")
    ladder_.set_defaults(handler=ladder)
    vocab_.set_defaults(handler=vocab)
    interest_.set_defaults(handler=interest)
    commitment_.set_defaults(handler=commitment)
