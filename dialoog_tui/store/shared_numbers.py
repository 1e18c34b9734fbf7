"""The numbers shareable outputs give contributions: those shown are numbered 1, 2, 3 … in
their session, without the gaps that the ones not shown (removed, off the record) would
leave (`core.consent_gate.shared_number`). Counted from those few, by an index of them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session, col, select

from dialoog_tui.core.consent_gate import seq_of_shared, shared_number
from dialoog_tui.store.schema.tables import UNSHARED, ContributionRow


class SharedNumbers:
    """Shared numbers for contributions read a chunk at a time: each session's unshared
    numbers are read once, with the first chunk that holds one of its contributions."""

    def __init__(self, db: Session) -> None:
        self._db = db
        self._unshared: dict[int, list[int]] = {}
        self._read: set[int] = set()

    def read(self, session_ids: Iterable[int]) -> None:
        """Make ready the sessions of the next chunk: the numbers of their contributions no
        shareable output shows, sorted (few: the index holds only those)."""
        new = sorted(set(session_ids) - self._read)
        self._read.update(new)
        if not new:
            return
        rows = self._db.exec(
            select(ContributionRow.session_id, ContributionRow.seq)
            .where(col(ContributionRow.session_id).in_(new), text(f"({UNSHARED})"))
            .order_by(col(ContributionRow.session_id), col(ContributionRow.seq))
        ).all()
        for session_id, seq in rows:
            self._unshared.setdefault(session_id, []).append(seq)

    def of(self, session_id: int, seq: int) -> int:
        """The shared number of contribution `seq` of a session `read` made ready."""
        return shared_number(seq, self._unshared.get(session_id, ()))

    def seq(self, session_id: int, number: int) -> int:
        """The reverse of `of`: the session's own number of the one shared as `number`."""
        return seq_of_shared(number, self._unshared.get(session_id, ()))


def numbered(db: Session, session_id: int, number: int) -> int | None:
    """The id of the contribution that shareable outputs number `number` in a session (None:
    they number none so)."""
    numbers = SharedNumbers(db)
    numbers.read([session_id])
    seq = numbers.seq(session_id, number)
    return db.exec(
        select(ContributionRow.id).where(
            ContributionRow.session_id == session_id, ContributionRow.seq == seq
        )
    ).first()
