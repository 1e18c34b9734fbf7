"""Statements on the capture path, built once and run with parameters.

Building a SQLAlchemy statement and computing its cache key costs more than SQLite takes to
run it and commit durably: logging one contribution with statements made on the spot took
some 3-4 ms, with these 1.5 ms (bench/capture.py measures the whole Enter). Every Enter runs
them, so they are made at import and given values through bind parameters.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select
from sqlmodel import Session, col

from dialoog_tui.store.schema.tables import (
    ContributionRow,
    DraftRow,
    PhaseRow,
    SessionParticipantRow,
    SessionRow,
)

SESSION_MEMBER = select(col(SessionParticipantRow.position)).where(
    col(SessionParticipantRow.session_id) == bindparam("session_id"),
    col(SessionParticipantRow.participant_id) == bindparam("participant_id"),
)
LAST_SEQ = select(func.max(col(ContributionRow.seq))).where(
    col(ContributionRow.session_id) == bindparam("session_id")
)
DEFAULT_CONSENT = select(col(SessionRow.default_consent)).where(
    col(SessionRow.id) == bindparam("session_id")
)
PHASE_SESSION = select(col(PhaseRow.session_id)).where(col(PhaseRow.id) == bindparam("phase_id"))
CONTRIBUTION_SESSION = select(col(ContributionRow.session_id)).where(
    col(ContributionRow.id) == bindparam("contribution_id")
)
INSERT_CONTRIBUTION = insert(ContributionRow).returning(col(ContributionRow.id))
CLEAR_DRAFT = delete(DraftRow).where(col(DraftRow.session_id) == bindparam("session_id"))


def scalar(db: Session, statement: Any, **values: Any) -> Any:
    """The first column of the first row `statement` gives with `values`, or None."""
    return db.connection().execute(statement, values).scalar()


def execute(db: Session, statement: Any, **values: Any) -> None:
    """Run `statement` with `values` in the session's transaction."""
    db.connection().execute(statement, values)
