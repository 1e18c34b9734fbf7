"""Each session counts the changes made to its contributions, and a contribution keeps the
count of its latest change: a screen open on the session reads what changed after the
count it saw (`contributions.changed_since`) and shows it as it is now.

What counts: an edit, a removal or its undo, a consent, ladder or paraphrase
(`contributions._changed`), the contributions a correction moves to another phase or
participant (`mark_changed`), and a correction of who takes part or of the agenda
(`setup_changed`: a rename, a merge, a phase added or moved), after which a screen reads the
session's people and agenda anew. A new contribution does not: screens read those by
number, and an Enter never waits on the session's row.

On PostgreSQL a change holds its session's row until it commits, so two changes never share
a count and counts commit in order: a screen that saw count N has seen every change up to
it. Rows are locked contributions first, then sessions in id order, as every writer here
does, and a correction of a participant or a phase counts its sessions (once each, in
one pass) before it touches their rows or seats, so two corrections never wait on each
other in a circle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import update
from sqlmodel import Session, col, select

from dialoog_tui.store.db.watch import announce
from dialoog_tui.store.schema.tables import ContributionRow, SessionRow


def changes_made(*, db: Session, session_id: int) -> int:
    """The session's count of changes to its contributions so far."""
    return db.exec(select(SessionRow.changes).where(SessionRow.id == session_id)).one()


def count_change(db: Session, session_id: int) -> int:
    """One more change in the session: its new count."""
    counted = update(SessionRow).where(col(SessionRow.id) == session_id)
    statement = counted.values(changes=SessionRow.changes + 1).returning(col(SessionRow.changes))
    return int(db.connection().execute(statement).scalar_one())


def mark_changed(
    db: Session, contribution_ids: Sequence[int], *, setup: Iterable[int] = ()
) -> None:
    """These contributions were changed in bulk (moved to another phase or participant):
    one change in each of their sessions, which the screens watching hear of on commit;
    and in the `setup` sessions, whose people or agenda changed with them (see
    `setup_changed`), in the same pass: every session is locked once, in id order."""
    moved: set[int] = set()
    if contribution_ids:
        db.flush()  # the contributions' rows first (see the module's docstring)
        moved = set(
            db.exec(
                select(ContributionRow.session_id)
                .where(col(ContributionRow.id).in_(contribution_ids))
                .distinct()
            ).all()
        )
    for session_id in sorted(moved | set(setup)):
        count = count_change(db, session_id)
        if session_id in moved:
            db.exec(
                update(ContributionRow)
                .where(col(ContributionRow.id).in_(contribution_ids))
                .where(col(ContributionRow.session_id) == session_id)
                .values(changed_in=count)
            )
        announce(db, session_id)


def setup_changed(db: Session, session_ids: Iterable[int]) -> None:
    """Who takes part in these sessions, or their agenda or facts, changed (a correction):
    one change in each, so the screens watching read the session's people and agenda anew.
    Called before the correction touches those rows (a merge's lines come first:
    `mark_changed(…, setup=…)`)."""
    mark_changed(db, (), setup=session_ids)
