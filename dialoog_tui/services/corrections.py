"""Correcting what was set up in a hurry: participants, phases and sessions.

Each use case runs in one transaction, writes a line in the record of corrections (who, when,
what) and returns the correction, which `reverse` undoes and `repeat` redoes exactly. The
TUI keeps them on its undo stack; the CLI prints what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session

from dialoog_tui.config import current_user
from dialoog_tui.core.agenda import phase_matches
from dialoog_tui.core.corrections import (
    Correction,
    ParticipantChanged,
    ParticipantFacts,
    ParticipantRemoved,
    ParticipantsMerged,
    PhaseRemoved,
    PhaseRenamed,
    PhasesReordered,
    SessionDeleted,
    SessionEdited,
    SessionFacts,
    described,
    moved_to,
    recorded_detail,
)
from dialoog_tui.core.model import Participant, Phase
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.numbers import typed_number
from dialoog_tui.core.speakers import name_key, prefix_matches
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store import corrections as store
from dialoog_tui.store import phases as agenda
from dialoog_tui.store import sessions as session_store
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_participants, list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.store.sessions import find_session, list_sessions

C = TypeVar("C", bound=Correction)


def _recorded(database: Database, work: Callable[[Session], C], *, undo: bool = False) -> C:
    """Run one correction (or its reversal) and record it, in one transaction."""

    def run(db: Session) -> C:
        correction = work(db)
        subject, subject_id, action, _line = described(correction)
        store.record(
            db,
            actor=current_user(),
            subject=subject,
            subject_id=subject_id,
            action=f"undo {action}" if undo else action,
            detail=recorded_detail(correction),
        )
        return correction

    return database.write(run)


# --- participants ----------------------------------------------------------------------


def change_participant(
    database: Database, participant_id: int, after: ParticipantFacts
) -> ParticipantChanged:
    """Rename a participant, or give them another domain or organisation."""
    return _recorded(database, lambda db: store.change_participant(db, participant_id, after))


def merge_participants(database: Database, gone_id: int, kept_id: int) -> ParticipantsMerged:
    """Merge `gone` into `kept` (a typo'd name into the real person)."""
    return _recorded(database, lambda db: store.merge_participants(db, gone_id, kept_id))


def remove_participant(database: Database, participant_id: int) -> ParticipantRemoved:
    """Remove a participant who has no contributions."""
    return _recorded(database, lambda db: store.remove_participant(db, participant_id))


def find_participant(
    database: Database, key: str, *, session_key: str | None = None
) -> Participant:
    """The participant `key` names: an id, a name, or the unique beginning of one (within a
    session when `session_key` is given)."""

    def find(db: Session) -> Participant:
        if session_key is not None:
            session = find_session(db=db, key=session_key)
            people = list_session_participants(db=db, session_id=session.id)
        else:
            people = list_participants(db=db)
        typed = key.strip().removeprefix("#")
        number = typed_number(typed)
        if number is not None:
            by_id = [p for p in people if p.id == number]
            if by_id:
                return by_id[0]
        wanted = name_key(typed)
        exact = [p for p in people if p.name.casefold() == wanted]
        found = exact or prefix_matches(wanted, people, lambda p: p.name)
        if not found:
            raise NotFound(f"no participant {key!r}", key="error.no_participant", typed=key)
        if len(found) > 1:
            names = ", ".join(f"{p.name} (#{p.id})" for p in found[:6])
            raise InvalidInput(
                f"{key!r} may mean more than one participant: {names}",
                key="error.ambiguous_participant",
                typed=key,
                names=names,
            )
        return found[0]

    return database.read(find)


def participants(database: Database, session_key: str | None) -> list[Participant]:
    """Everyone, or one session's participants in quick-key order."""

    def read(db: Session) -> list[Participant]:
        if session_key is None:
            return list_participants(db=db)
        session = find_session(db=db, key=session_key)
        return list_session_participants(db=db, session_id=session.id)

    return database.read(read)


# --- phases ----------------------------------------------------------------------------


def rename_phase(database: Database, phase_id: int, title: str) -> PhaseRenamed:
    """Give an agenda item another title."""
    return _recorded(database, lambda db: agenda.rename_phase(db, phase_id, title))


def move_phase(database: Database, phase: Phase, position: int) -> PhasesReordered:
    """Move an agenda item to 1-based `position`."""

    def move(db: Session) -> PhasesReordered:
        order = agenda.agenda_order(db, phase.session_id)
        return agenda.reorder_phases(db, phase.session_id, moved_to(order, phase.id, position))

    return _recorded(database, move)


def remove_phase(database: Database, phase_id: int, *, into: int | None) -> PhaseRemoved:
    """Take an agenda item off; its contributions go to phase `into` (None: no phase)."""
    return _recorded(database, lambda db: agenda.remove_phase(db, phase_id, into))


def find_phase(database: Database, session_id: int, typed: str) -> Phase:
    """The session's phase numbered, titled or begun by `typed`."""
    agenda = database.read(lambda db: list_phases(db=db, session_id=session_id))
    found = phase_matches(typed, agenda)
    if not found:
        raise NotFound(f"no phase {typed!r} in this session", key="error.no_phase", typed=typed)
    if len(found) > 1:
        titles = ", ".join(p.title for p in found)
        raise InvalidInput(
            f"{typed!r} begins more than one phase ({titles}): type more of it",
            key="error.ambiguous_phase",
            typed=typed,
            titles=titles,
        )
    return found[0]


# --- sessions --------------------------------------------------------------------------


def session_facts(database: Database, session_id: int) -> SessionFacts:
    """A session's editable facts as they are."""
    return database.read(lambda db: session_store.session_facts(db, session_id))


def edit_session(database: Database, session_id: int, after: SessionFacts) -> SessionEdited:
    """Change a session's title, question, place, people, date or default consent."""
    return _recorded(database, lambda db: session_store.edit_session(db, session_id, after))


def delete_session(database: Database, session_id: int) -> SessionDeleted:
    """Delete a session (it can be restored)."""
    return _recorded(database, lambda db: session_store.delete_session(db, session_id))


def restore_session(database: Database, key: str) -> DialogueSession:
    """Bring back the deleted session `key` names."""

    def restore(db: Session) -> SessionDeleted:
        session = find_session(db=db, key=key, deleted=True)
        session_store.restore_session(db, session.id)
        return SessionDeleted(session.id, session.title)

    restored = _recorded(database, restore, undo=True)
    return database.read(lambda db: find_session(db=db, key=str(restored.session_id)))


def deleted_sessions(database: Database) -> list[DialogueSession]:
    """The deleted sessions, newest first."""
    return [s.session for s in database.read(lambda db: list_sessions(db=db, deleted=True))]


def history(database: Database, *, limit: int = 50) -> list[tuple[datetime, str, str, str]]:
    """The newest corrections: (when, who, action, what), newest first."""
    return database.read(lambda db: store.recorded(db, limit=limit))


# --- undo and redo ---------------------------------------------------------------------


def reverse(database: Database, correction: Correction) -> Correction:
    """Undo a correction exactly; returns it (for the notification)."""

    def undo(db: Session) -> Correction:
        match correction:
            case ParticipantChanged():
                store.change_back(db, correction)
            case ParticipantsMerged():
                store.unmerge(db, correction)
            case ParticipantRemoved():
                store.bring_back_participant(db, correction)
            case PhaseRenamed(phase_id, before, _):
                agenda.rename_phase(db, phase_id, before)
            case PhasesReordered(session_id, before, _, _):
                agenda.reorder_phases(db, session_id, before, since=True)
            case PhaseRemoved():
                agenda.bring_back_phase(db, correction)
            case SessionEdited(session_id, before, _):
                session_store.edit_session(db, session_id, before)
            case SessionDeleted(session_id, _):
                session_store.restore_session(db, session_id)
        return correction

    return _recorded(database, undo, undo=True)


def repeat(database: Database, correction: Correction) -> Correction:
    """Redo a correction that was undone."""

    def redo(db: Session) -> Correction:
        match correction:
            case ParticipantChanged(participant_id, _, after):
                return store.change_participant(db, participant_id, after)
            case ParticipantsMerged(kept, gone, _, _):
                return store.merge_participants(db, gone.id, kept.id)
            case ParticipantRemoved(participant, _):
                return store.remove_participant(db, participant.id)
            case PhaseRenamed(phase_id, _, after):
                return agenda.rename_phase(db, phase_id, after)
            case PhasesReordered(session_id, _, after, _):
                return agenda.reorder_phases(db, session_id, after, since=True)
            case PhaseRemoved(phase, _, into, _, _):
                return agenda.remove_phase(db, phase.id, into)
            case SessionEdited(session_id, _, after):
                return session_store.edit_session(db, session_id, after)
            case SessionDeleted(session_id, _):
                return session_store.delete_session(db, session_id)

    return _recorded(database, redo)
