"""The numbers shareable outputs give contributions: those shown are numbered 1, 2, 3 … in
their session, without the gaps that the ones not shown (removed, off the record) would
leave (`core.consent_gate.shared_number`). Counted from those few, by an index of them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session, col, select

from dialoog_tui.core.consent_gate import shared_number
from dialoog_tui.store.schema.tables import UNSHARED, ContributionRow


def unshared_numbers(db: Session, session_ids: Iterable[int]) -> dict[int, list[int]]:
    """Per session: the numbers of its contributions no shareable output shows, sorted."""
    found: dict[int, list[int]] = {}
    wanted = sorted(set(session_ids))
    if not wanted:
        return found
    rows = db.exec(
        select(ContributionRow.session_id, ContributionRow.seq)
        .where(col(ContributionRow.session_id).in_(wanted), text(f"({UNSHARED})"))
        .order_by(col(ContributionRow.session_id), col(ContributionRow.seq))
    ).all()
    for session_id, seq in rows:
        found.setdefault(session_id, []).append(seq)
    return found


class SharedNumbers:
    """Shared numbers for contributions read a chunk at a time: each session's unshared
    numbers are read once, with the first chunk that holds one of its contributions."""

    def __init__(self, db: Session) -> None:
        self._db = db
        self._unshared: dict[int, list[int]] = {}
        self._read: set[int] = set()

    def read(self, session_ids: Iterable[int]) -> None:
        """Make ready the sessions of the next chunk."""
        new = set(session_ids) - self._read
        self._unshared.update(unshared_numbers(self._db, new))
        self._read |= new

    def of(self, session_id: int, seq: int) -> int:
        """The shared number of contribution `seq` of a session `read` made ready."""
        return shared_number(seq, self._unshared.get(session_id, ()))
