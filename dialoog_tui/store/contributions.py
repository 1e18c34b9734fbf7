"""Contributions: logging, editing, removing and restoring what was said, and reading it back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution, Participant
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store.clock import utc_now
from dialoog_tui.store.convert import to_contribution
from dialoog_tui.store.drafts import clear_draft
from dialoog_tui.store.errors import InvalidInput, NotFound
from dialoog_tui.store.participants import realise_speaker
from dialoog_tui.store.tables import ContributionRevisionRow, ContributionRow, PhaseRow


@dataclass(frozen=True)
class Logged:
    """A contribution as stored, with the participant it was attributed to."""

    contribution: Contribution
    """The stored contribution."""
    participant: Participant | None
    """Its speaker (possibly just created), or None for the room."""


def log_contribution(
    *,
    db: Session,
    session_id: int,
    speaker: Speaker,
    kind: Kind,
    text: str,
    at: datetime,
    tags: Sequence[str] = (),
    phase_id: int | None = None,
    reply_to_id: int | None = None,
    ref: str | None = None,
    clear_draft_text: bool = False,
) -> Logged:
    """Store a new contribution with the next number in its session.

    With `clear_draft_text` the session's saved draft is emptied in the same transaction, so
    that after a crash the line is either logged or still in the input, never both or neither.
    """
    participant = realise_speaker(db=db, session_id=session_id, speaker=speaker)
    _check_links(db, session_id, phase_id=phase_id, reply_to_id=reply_to_id)
    last = db.exec(
        select(func.max(ContributionRow.seq)).where(ContributionRow.session_id == session_id)
    ).one()
    row = ContributionRow(
        session_id=session_id,
        seq=(last or 0) + 1,
        participant_id=participant.id if participant else None,
        at=at,
        kind=kind.value,
        text=text,
        tags=list(tags),
        phase_id=phase_id,
        reply_to_id=reply_to_id,
        ref=ref,
        created_at=utc_now(),
    )
    db.add(row)
    if clear_draft_text:
        clear_draft(db=db, session_id=session_id)
    db.flush()
    return Logged(to_contribution(row), participant)


def edit_contribution(
    *,
    db: Session,
    contribution_id: int,
    speaker: Speaker,
    kind: Kind,
    text: str,
    tags: Sequence[str] = (),
) -> Logged:
    """Change a contribution; the previous version is kept as a revision."""
    row = _row(db, contribution_id)
    participant = realise_speaker(db=db, session_id=row.session_id, speaker=speaker)
    now = utc_now()
    db.add(
        ContributionRevisionRow(
            contribution_id=contribution_id,
            replaced_at=now,
            participant_id=row.participant_id,
            kind=row.kind,
            text=row.text,
            tags=list(row.tags or ()),
        )
    )
    row.participant_id = participant.id if participant else None
    row.kind = kind.value
    row.text = text
    row.tags = list(tags)
    row.edited_at = now
    db.add(row)
    db.flush()
    return Logged(to_contribution(row), participant)


def remove_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """Take a contribution out of the record (kept, so that removal can be undone)."""
    row = _row(db, contribution_id)
    row.deleted_at = utc_now()
    db.add(row)
    db.flush()
    return to_contribution(row)


def restore_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """Bring a removed contribution back."""
    row = _row(db, contribution_id)
    row.deleted_at = None
    db.add(row)
    db.flush()
    return to_contribution(row)


def get_contribution(*, db: Session, contribution_id: int) -> Contribution:
    """One contribution, removed or not."""
    return to_contribution(_row(db, contribution_id))


def latest_contributions(
    *, db: Session, session_id: int, limit: int, before_seq: int | None = None
) -> list[Contribution]:
    """Up to `limit` live contributions before number `before_seq` (or the newest), oldest first."""
    query = select(ContributionRow).where(
        ContributionRow.session_id == session_id, col(ContributionRow.deleted_at).is_(None)
    )
    if before_seq is not None:
        query = query.where(ContributionRow.seq < before_seq)
    rows = db.exec(query.order_by(col(ContributionRow.seq).desc()).limit(limit)).all()
    return [to_contribution(row) for row in reversed(rows)]


def session_contributions(*, db: Session, session_id: int) -> list[Contribution]:
    """Every live contribution of a session, in order."""
    rows = db.exec(
        select(ContributionRow)
        .where(ContributionRow.session_id == session_id, col(ContributionRow.deleted_at).is_(None))
        .order_by(col(ContributionRow.seq))
    ).all()
    return [to_contribution(row) for row in rows]


def participation_counts(*, db: Session, session_id: int) -> dict[int | None, int]:
    """How many live contributions each participant (None: the room) made in the session."""
    rows = db.exec(
        select(ContributionRow.participant_id, func.count())
        .where(ContributionRow.session_id == session_id, col(ContributionRow.deleted_at).is_(None))
        .group_by(col(ContributionRow.participant_id))
    ).all()
    return {participant_id: count for participant_id, count in rows}


def _row(db: Session, contribution_id: int) -> ContributionRow:
    row = db.get(ContributionRow, contribution_id)
    if row is None:
        raise NotFound(f"no contribution with id {contribution_id}")
    return row


def _check_links(
    db: Session, session_id: int, *, phase_id: int | None, reply_to_id: int | None
) -> None:
    if phase_id is not None:
        phase = db.get(PhaseRow, phase_id)
        if phase is None or phase.session_id != session_id:
            raise InvalidInput("the phase belongs to another session")
    if reply_to_id is not None:
        target = db.get(ContributionRow, reply_to_id)
        if target is None or target.session_id != session_id:
            raise InvalidInput("a reply must answer a contribution of the same session")
