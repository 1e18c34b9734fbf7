"""Phases: the agenda items of a session."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from dialoog_tui.core.model import Phase
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.convert import to_phase
from dialoog_tui.store.schema.tables import PhaseRow
from dialoog_tui.store.sessions import set_current_phase


def list_phases(*, db: Session, session_id: int) -> list[Phase]:
    """The session's agenda in order."""
    rows = db.exec(
        select(PhaseRow).where(PhaseRow.session_id == session_id).order_by(col(PhaseRow.position))
    ).all()
    return [to_phase(row) for row in rows]


def add_phase(*, db: Session, session_id: int, title: str) -> Phase:
    """Add an agenda item at the end."""
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("a phase needs a title", key="error.needs_phase_title")
    last = db.exec(
        select(func.max(PhaseRow.position)).where(PhaseRow.session_id == session_id)
    ).one()
    row = PhaseRow(
        session_id=session_id, position=(last or 0) + 1, title=title, created_at=utc_now()
    )
    db.add(row)
    db.flush()
    return to_phase(row)


def find_or_add_phase(*, db: Session, session_id: int, title: str) -> Phase:
    """The phase with this title (ignoring case), added to the agenda if it is new."""
    wanted = " ".join(title.split()).lower()
    for phase in list_phases(db=db, session_id=session_id):
        if phase.title.lower() == wanted:
            return phase
    return add_phase(db=db, session_id=session_id, title=title)


def enter_phase(*, db: Session, session_id: int, phase_id: int | None) -> None:
    """Make `phase_id` the session's current agenda item (None: no phase)."""
    if phase_id is not None:
        row = db.get(PhaseRow, phase_id)
        if row is None or row.session_id != session_id:
            raise InvalidInput("that phase belongs to another session")
    set_current_phase(db=db, session_id=session_id, phase_id=phase_id)
