"""The ladder of interests and values: the report, what was done with an interest, the
commitments ledger, and the shared vocabulary."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from dialoog_tui.core.ladder import Commitment, Term, TermKind
from dialoog_tui.core.ladder_report import InterestState, InterestStatus, LadderReport
from dialoog_tui.store import commitments, interests, vocabulary
from dialoog_tui.store.changes import mark_changed
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.ladder import load_ladder
from dialoog_tui.store.sessions import find_session
from dialoog_tui.store.tables import table_of_the_session


def report(
    database: Database,
    session_ids: list[int] | None,
    *,
    include_off_record: bool = False,
    table: str | None = None,
) -> LadderReport:
    """The ladder over these sessions (all: None), through the consent gate; complete with
    `include_off_record`, for the note-taker's own screen only. With `table`, what was said
    at that table of the one session given."""

    def read(db: Session) -> LadderReport:
        table_id = None
        if table is not None:
            table_id = table_of_the_session(db=db, session_ids=session_ids, name=table).id
        return load_ladder(
            db=db,
            session_ids=session_ids,
            include_off_record=include_off_record,
            table_id=table_id,
        )

    return database.read(read)


def set_interest_status(
    database: Database,
    session: int | str,
    interest: str,
    status: InterestStatus,
    *,
    answered_by_id: int | None = None,
) -> InterestState:
    """Record what was done with an interest in a session (id, or a key: id or slug)."""

    def record(db: Session) -> InterestState:
        session_id = session if isinstance(session, int) else find_session(db=db, key=session).id
        return interests.set_interest_status(
            db=db,
            session_id=session_id,
            interest=interest,
            status=status,
            answered_by_id=answered_by_id,
        )

    return database.write(record)


def set_commitment(
    database: Database,
    contribution_id: int,
    *,
    owner: str | None = None,
    due_on: date | None = None,
    done: bool | None = None,
) -> Commitment:
    """A commitment's owner, due date or done-ness; what is not given stays. Screens open
    on its session hear of it (their log shows owner and date)."""

    def record(db: Session) -> Commitment:
        entry = commitments.set_commitment(
            db=db, contribution_id=contribution_id, owner=owner, due_on=due_on, done=done
        )
        mark_changed(db, [contribution_id])
        return entry

    return database.write(record)


def shared_vocabulary(database: Database, kind: TermKind) -> list[tuple[Term, int]]:
    """The vocabulary as a shareable listing shows it, with how often each term is used."""
    return database.read(lambda db: vocabulary.shared_vocabulary(db=db, kind=kind))


def rename_term(database: Database, kind: TermKind, old: str, new: str) -> Term:
    """Rename a term; onto an existing name, the two merge."""
    return database.write(lambda db: vocabulary.rename_term(db=db, kind=kind, old=old, new=new))


def merge_terms(database: Database, kind: TermKind, source: str, target: str) -> Term:
    """Merge `source` into `target`; every link is kept."""
    return database.write(
        lambda db: vocabulary.merge_terms(db=db, kind=kind, source=source, target=target)
    )
