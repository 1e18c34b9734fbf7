"""Phases: the agenda items of a session, and their corrections (each with its reversal)."""

from __future__ import annotations

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from dialoog_tui.core.corrections import PhaseRemoved, PhaseRenamed, PhasesReordered
from dialoog_tui.core.model import Phase
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.changes import mark_changed, setup_changed
from dialoog_tui.store.db.claims import claim_name
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.convert import to_phase
from dialoog_tui.store.schema.tables import ContributionRow, PhaseRow, SessionRow
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
    setup_changed(db, [session_id])  # the other tables' agendas take it in
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
    """The phase with this title (ignoring case), added to the agenda if it is new; once,
    when screens at several tables add it at the same moment."""
    wanted = " ".join(title.split()).lower()
    claim_name(db, "phase", session_id, wanted)
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


def _phase_row(db: Session, phase_id: int) -> PhaseRow:
    row = db.get(PhaseRow, phase_id)
    if row is None:
        raise NotFound(f"no phase with id {phase_id}")
    return row


def agenda_order(db: Session, session_id: int) -> tuple[int, ...]:
    """The session's phase ids, first to last."""
    ids = db.exec(
        select(PhaseRow.id)
        .where(PhaseRow.session_id == session_id)
        .order_by(col(PhaseRow.position))
    )
    return tuple(i for i in ids if i is not None)


def rename_phase(db: Session, phase_id: int, title: str) -> PhaseRenamed:
    """Give an agenda item another title."""
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("a phase needs a title", key="error.needs_phase_title")
    row = _phase_row(db, phase_id)
    setup_changed(db, [row.session_id])  # screens on the session show the new title
    before = row.title
    row.title = title
    db.add(row)
    db.flush()
    return PhaseRenamed(phase_id, before, title)


def reorder_phases(
    db: Session, session_id: int, order: tuple[int, ...], *, since: bool = False
) -> PhasesReordered:
    """Put the agenda in `order` (every phase id of the session, first to last). With
    `since` (undo and redo), `order` is an agenda as it was: phases added since keep their
    place after it, phases gone since are left out."""
    setup_changed(db, [session_id])  # screens on the session read the new agenda
    before = agenda_order(db, session_id)
    if since:
        order = (*(p for p in order if p in before), *(p for p in before if p not in order))
    if sorted(order) != sorted(before):
        raise InvalidInput("the new order must name every phase of the session once")
    rows = {
        row.id: row for row in db.exec(select(PhaseRow).where(PhaseRow.session_id == session_id))
    }
    # Positions are unique per session: park every row on a negative place first, so no
    # intermediate state has two phases on one place.
    for number, phase_id in enumerate(order, start=1):
        rows[phase_id].position = -number
        db.add(rows[phase_id])
    db.flush()
    for number, phase_id in enumerate(order, start=1):
        rows[phase_id].position = number
        db.add(rows[phase_id])
    db.flush()
    titles = tuple(rows[phase_id].title for phase_id in order)
    return PhasesReordered(session_id, before, order, titles)


def remove_phase(db: Session, phase_id: int, into: int | None) -> PhaseRemoved:
    """Take an agenda item off; its contributions go to phase `into` (None: no phase)."""
    row = _phase_row(db, phase_id)
    phase = to_phase(row)
    if into is not None and (
        into == phase_id or _phase_row(db, into).session_id != phase.session_id
    ):
        raise InvalidInput("the contributions must go to another phase of the same session")
    order = agenda_order(db, phase.session_id)
    moved = tuple(
        i
        for i in db.exec(
            select(ContributionRow.id)
            .where(ContributionRow.phase_id == phase_id)
            .order_by(col(ContributionRow.id))
        )
        if i is not None
    )
    if moved:
        db.exec(
            update(ContributionRow).where(col(ContributionRow.id).in_(moved)).values(phase_id=into)
        )
    # Its lines, then its session (the agenda changes), then the agenda's rows.
    mark_changed(db, moved, setup=[phase.session_id])
    session = db.get(SessionRow, phase.session_id)
    assert session is not None
    was_current = session.current_phase_id == phase_id
    if was_current:
        session.current_phase_id = into
        db.add(session)
    db.delete(row)
    db.flush()
    reorder_phases(db, phase.session_id, tuple(p for p in order if p != phase_id))
    into_title = _phase_row(db, into).title if into is not None else None
    return PhaseRemoved(phase, order, into, moved, was_current, into_title)


def bring_back_phase(db: Session, removed: PhaseRemoved) -> None:
    """Reverse a removal: the phase returns in its place with its contributions."""
    phase = removed.phase
    last = db.exec(
        select(func.max(PhaseRow.position)).where(PhaseRow.session_id == phase.session_id)
    ).one()
    db.add(
        PhaseRow(
            id=phase.id,
            session_id=phase.session_id,
            position=(last or 0) + 1,
            title=phase.title,
            created_at=utc_now(),
        )
    )
    db.flush()
    # Its lines, then its session (the agenda changes), then the agenda's rows.
    if removed.moved:
        db.exec(
            update(ContributionRow)
            .where(col(ContributionRow.id).in_(removed.moved))
            .values(phase_id=phase.id)
        )
    mark_changed(db, removed.moved, setup=[phase.session_id])
    reorder_phases(db, phase.session_id, removed.order, since=True)
    if removed.was_current:
        session = db.get(SessionRow, phase.session_id)
        assert session is not None
        session.current_phase_id = phase.id
        db.add(session)
    db.flush()
