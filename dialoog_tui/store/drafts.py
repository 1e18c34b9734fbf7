"""Drafts: the half-typed input line of a session, kept so that a crash loses nothing."""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema import statements
from dialoog_tui.store.schema.tables import DraftRow


def save_draft(*, db: Session, session_id: int, text: str) -> None:
    """Remember the input line; an empty line removes the draft."""
    row = db.get(DraftRow, session_id)
    if not text:
        if row is not None:
            db.delete(row)
        return
    if row is None:
        row = DraftRow(session_id=session_id, text=text, updated_at=utc_now())
    else:
        row.text = text
        row.updated_at = utc_now()
    db.add(row)


def load_draft(*, db: Session, session_id: int) -> str:
    """The saved input line, or an empty string."""
    row = db.get(DraftRow, session_id)
    return row.text if row is not None else ""


def clear_draft(*, db: Session, session_id: int) -> None:
    """Forget the saved input line (its text was just logged)."""
    # One prebuilt statement, no read first: this runs inside every logging transaction.
    statements.execute(db, statements.CLEAR_DRAFT, session_id=session_id)
