"""The commitment ledger: who promised what, by when, and whether it was done."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.speakers import name_key
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.tables import CommitmentRow, ContributionRow


def _to_commitment(row: CommitmentRow) -> Commitment:
    return Commitment(
        contribution_id=row.contribution_id, owner=row.owner, due_on=row.due_on, done_at=row.done_at
    )


def set_commitment(
    *,
    db: Session,
    contribution_id: int,
    owner: str | None = None,
    due_on: date | None = None,
    done: bool | None = None,
    keep_unset: bool = True,
) -> Commitment:
    """Record a commitment's owner, due date or done-ness. With `keep_unset`, arguments left
    at None keep what was there."""
    contribution = db.get(ContributionRow, contribution_id)
    if contribution is None:
        raise NotFound(
            f"no contribution with id {contribution_id}",
            key="error.no_contribution_id",
            id=contribution_id,
        )
    if contribution.kind != Kind.COMMITMENT.value:
        raise InvalidInput(
            f"contribution {contribution_id} is not a commitment (afspraak)",
            key="error.not_a_commitment",
        )
    row = db.get(CommitmentRow, contribution_id) or CommitmentRow(contribution_id=contribution_id)
    if owner is not None or not keep_unset:
        row.owner = (owner or "").strip() or None
    if due_on is not None or not keep_unset:
        row.due_on = due_on
    if done is not None:
        row.done_at = (row.done_at or utc_now()) if done else None
    db.add(row)
    db.flush()
    return _to_commitment(row)


def commitments_of(*, db: Session, contribution_ids: list[int]) -> dict[int, Commitment]:
    """The ledger entries of these contributions (those that have one)."""
    if not contribution_ids:
        return {}
    rows = db.exec(
        select(CommitmentRow).where(col(CommitmentRow.contribution_id).in_(contribution_ids))
    ).all()
    return {row.contribution_id: _to_commitment(row) for row in rows}


def rename_owner(
    db: Session, session_ids: Iterable[int], old: str, new: str
) -> tuple[tuple[int, str], ...]:
    """The commitments of these sessions owned by `old` (as names compare) owned by `new`
    from now: a commitment's owner is its speaker's name as it was then, and a typo fixed in
    the name must not stay in the ledger. What each owner was, by contribution id, for
    `give_back_owners`."""
    sessions = sorted(set(session_ids))
    if not sessions:
        return ()
    rows = db.exec(
        select(CommitmentRow)
        .join(ContributionRow, col(ContributionRow.id) == col(CommitmentRow.contribution_id))
        .where(
            col(ContributionRow.session_id).in_(sessions),
            col(CommitmentRow.owner).is_not(None),
        )
    ).all()
    changed = []
    for row in rows:
        if row.owner is not None and name_key(row.owner) == name_key(old):
            changed.append((row.contribution_id, row.owner))
            row.owner = new
            db.add(row)
    db.flush()
    return tuple(changed)


def give_back_owners(db: Session, owners: Iterable[tuple[int, str]]) -> None:
    """Reverse `rename_owner`: each commitment's owner as it was."""
    for contribution_id, owner in owners:
        row = db.get(CommitmentRow, contribution_id)
        if row is not None:
            row.owner = owner
            db.add(row)
    db.flush()
