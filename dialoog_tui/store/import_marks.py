"""What an import compares its rows with: each contribution of a session as it was stored,
removed ones too, and again with the words it had before an edit (`core/import_marks.py`)."""

from __future__ import annotations

from sqlalchemy import select as select_columns
from sqlmodel import Session, col

from dialoog_tui.core.import_marks import StoredMark
from dialoog_tui.store.schema.tables import ContributionRevisionRow, ContributionRow


def import_marks(*, db: Session, session_id: int) -> list[StoredMark]:
    """What identifies each contribution of a session for an import (ref, speaker, time,
    text), removed ones too, and again with the words each had before an edit."""
    current = select_columns(
        col(ContributionRow.id),
        col(ContributionRow.ref),
        col(ContributionRow.participant_id),
        col(ContributionRow.at),
        col(ContributionRow.text),
    ).where(col(ContributionRow.session_id) == session_id)
    before_edits = (
        select_columns(
            col(ContributionRow.id),
            col(ContributionRow.ref),
            col(ContributionRevisionRow.participant_id),
            col(ContributionRow.at),
            col(ContributionRevisionRow.text),
        )
        .join(
            ContributionRevisionRow,
            col(ContributionRevisionRow.contribution_id) == col(ContributionRow.id),
        )
        .where(col(ContributionRow.session_id) == session_id)
    )
    connection = db.connection()
    return [
        StoredMark(int(cid or 0), ref, participant_id, at, text)
        for statement in (current, before_edits)
        for cid, ref, participant_id, at, text in connection.execute(statement)
    ]
