"""Corrections of participants, each with its exact reversal, and the record of every
correction (those of phases and sessions stand beside their tables, in `phases.py` and
`sessions.py`).

Every function works inside the caller's unit of work (`db`) and returns the record that
`core.corrections` defines, so the reversal can put back precisely what was there: the same
ids, the same places in sessions, the same contributions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from dialoog_tui.core.corrections import (
    Membership,
    ParticipantChanged,
    ParticipantFacts,
    ParticipantRemoved,
    ParticipantsMerged,
)
from dialoog_tui.core.model import Participant
from dialoog_tui.core.speakers import name_key
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store import commitments, former_names
from dialoog_tui.store.changes import mark_changed, setup_changed
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.domains import domain_row_by_name
from dialoog_tui.store.schema.convert import to_participant
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    CorrectionRow,
    DomainRow,
    ParticipantRow,
    SessionParticipantRow,
)

# --- the record of corrections ---------------------------------------------------------


def record(
    db: Session, *, actor: str, subject: str, subject_id: int, action: str, detail: str
) -> None:
    """Note who corrected what, when (the detail names things, it does not give ids)."""
    db.add(
        CorrectionRow(
            at=utc_now(),
            actor=actor[:200],
            subject=subject,
            subject_id=subject_id,
            action=action,
            detail=detail,
        )
    )


def recorded(db: Session, *, limit: int = 50) -> list[tuple[datetime, str, str, str]]:
    """The newest corrections: (when, who, action, detail), newest first."""
    rows = db.exec(select(CorrectionRow).order_by(col(CorrectionRow.id).desc()).limit(limit))
    return [(row.at, row.actor, row.action, row.detail) for row in rows]


# --- participants ----------------------------------------------------------------------


def get_participant(db: Session, participant_id: int) -> Participant:
    """The participant with this id."""
    row = db.get(ParticipantRow, participant_id)
    if row is None:
        raise NotFound(f"no participant with id {participant_id}")
    domain = db.get(DomainRow, row.domain_id) if row.domain_id is not None else None
    return to_participant(row, domain)


def change_participant(
    db: Session, participant_id: int, after: ParticipantFacts
) -> ParticipantChanged:
    """Give a participant another name, domain or organisation; a name they leave behind
    is kept as a former name (`former_names`)."""
    before = ParticipantFacts.of(get_participant(db, participant_id))
    owners: tuple[tuple[int, str], ...] = ()
    changed = _set_facts(db, participant_id, after)
    if _renamed(before, changed):
        former_names.remember(db, participant_id, before.name)
        owners = _rename_owners(db, _sessions_of(db, participant_id), before.name, changed.name)
    return ParticipantChanged(participant_id, before, changed, owners)


def change_back(db: Session, changed: ParticipantChanged) -> None:
    """Reverse `change_participant` exactly, the former name it kept and the owners it
    renamed included."""
    _set_facts(db, changed.participant_id, changed.before)
    if _renamed(changed.before, changed.after):
        former_names.forget(db, changed.participant_id, changed.before.name)
    _give_back_owners(db, changed.owners)


def _renamed(before: ParticipantFacts, after: ParticipantFacts) -> bool:
    return name_key(before.name) != name_key(after.name)


def _rename_owners(
    db: Session, session_ids: set[int], old: str, new: str
) -> tuple[tuple[int, str], ...]:
    owners = commitments.rename_owner(db, session_ids, old, new)
    mark_changed(db, [contribution_id for contribution_id, _ in owners])  # screens show it
    return owners


def _give_back_owners(db: Session, owners: tuple[tuple[int, str], ...]) -> None:
    commitments.give_back_owners(db, owners)
    mark_changed(db, [contribution_id for contribution_id, _ in owners])


def _set_facts(db: Session, participant_id: int, after: ParticipantFacts) -> ParticipantFacts:
    name = " ".join(after.name.split())
    if not name:
        raise InvalidInput("a participant needs a name", key="error.needs_name")
    setup_changed(db, _sessions_of(db, participant_id))  # screens there show the new name
    row = db.get(ParticipantRow, participant_id)
    assert row is not None
    domain = domain_row_by_name(db=db, name=after.domain) if after.domain else None
    row.name = name
    row.domain_id = domain.id if domain is not None else None
    row.organisation = (after.organisation or "").strip() or None
    db.add(row)
    db.flush()
    return ParticipantFacts(name, domain.name if domain else None, row.organisation)


def _memberships(db: Session, participant_id: int) -> list[SessionParticipantRow]:
    return list(
        db.exec(
            select(SessionParticipantRow).where(
                SessionParticipantRow.participant_id == participant_id
            )
        )
    )


def _sessions_of(db: Session, participant_id: int) -> set[int]:
    """The sessions a participant sits in or spoke in."""
    spoken = db.exec(
        select(ContributionRow.session_id)
        .where(ContributionRow.participant_id == participant_id)
        .distinct()
    )
    return {row.session_id for row in _memberships(db, participant_id)} | set(spoken)


def _contribution_ids(db: Session, participant_id: int) -> tuple[int, ...]:
    ids = db.exec(
        select(ContributionRow.id)
        .where(ContributionRow.participant_id == participant_id)
        .order_by(col(ContributionRow.id))
    )
    return tuple(i for i in ids if i is not None)


def _move_contributions(
    db: Session, ids: Iterable[int], participant_id: int | None, *, setup: Iterable[int] = ()
) -> None:
    """Give these contributions another speaker; then one change in each of their sessions
    and of the `setup` sessions, whose seats change with them (each session once, in id
    order, before any seat is touched), so screens open on them show the new speaker."""
    ids = list(ids)
    if ids:
        db.exec(
            update(ContributionRow)
            .where(col(ContributionRow.id).in_(ids))
            .values(participant_id=participant_id)
        )
    mark_changed(db, ids, setup=setup)


def merge_participants(db: Session, gone_id: int, kept_id: int) -> ParticipantsMerged:
    """`gone` becomes `kept`: every contribution and every session place follows."""
    if gone_id == kept_id:
        raise InvalidInput("a participant cannot be merged into themselves", key="error.merge_self")
    gone, kept = get_participant(db, gone_id), get_participant(db, kept_id)
    heard_in = _sessions_of(db, gone_id)
    kept_sessions = {row.session_id for row in _memberships(db, kept_id)}
    seats = _memberships(db, gone_id)
    places = tuple(
        Membership(row.session_id, row.position, row.joined_at, row.session_id in kept_sessions)
        for row in seats
    )
    moved = _contribution_ids(db, gone_id)
    _move_contributions(db, moved, kept_id, setup=(place.session_id for place in places))
    handed_over = former_names.hand_over(db, gone_id, kept_id)
    former_names.remember(db, kept_id, gone.name)
    owners = _rename_owners(db, heard_in, gone.name, kept.name)
    for row in seats:
        db.delete(row)
    db.flush()
    _seat(db, kept_id, (place for place in places if not place.shared))
    db.delete(db.get(ParticipantRow, gone_id))
    db.flush()
    return ParticipantsMerged(kept, gone, moved, places, handed_over, owners)


def _bring_back_person(db: Session, participant: Participant) -> None:
    """Put a merged or removed participant back under their own id, which no one else has
    been given since (migration 0016); their seats follow (`_seat`)."""
    domain = domain_row_by_name(db=db, name=participant.domain) if participant.domain else None
    db.add(
        ParticipantRow(
            id=participant.id,
            name=participant.name,
            domain_id=domain.id if domain is not None else None,
            organisation=participant.organisation,
            created_at=utc_now(),
        )
    )
    db.flush()


def _seat(db: Session, participant_id: int, places: Iterable[Membership]) -> None:
    """Give a participant these places in their sessions."""
    for place in places:
        db.add(
            SessionParticipantRow(
                session_id=place.session_id,
                participant_id=participant_id,
                position=place.position,
                joined_at=place.joined_at,
            )
        )
    db.flush()


def unmerge(db: Session, merged: ParticipantsMerged) -> None:
    """Reverse a merge: `gone` returns with their contributions and places."""
    places = merged.memberships
    _bring_back_person(db, merged.gone)
    _move_contributions(
        db, merged.moved, merged.gone.id, setup=(place.session_id for place in places)
    )
    for place in places:
        if not place.shared:
            row = db.get(SessionParticipantRow, (place.session_id, merged.kept.id))
            if row is not None:
                db.delete(row)
    db.flush()
    _seat(db, merged.gone.id, places)
    former_names.forget(db, merged.kept.id, merged.gone.name)
    former_names.hand_back(db, merged.handed_over, merged.gone.id)
    _give_back_owners(db, merged.owners)


def remove_participant(db: Session, participant_id: int) -> ParticipantRemoved:
    """Remove a participant who never spoke (removed contributions count as spoken)."""
    participant = get_participant(db, participant_id)
    if _contribution_ids(db, participant_id):
        raise InvalidInput(
            f"{participant.name} has contributions: merge them into someone else instead",
            key="error.has_contributions",
            name=participant.name,
        )
    seats = _memberships(db, participant_id)
    places = tuple(Membership(r.session_id, r.position, r.joined_at) for r in seats)
    setup_changed(db, (place.session_id for place in places))
    for row in seats:
        db.delete(row)
    db.flush()
    db.delete(db.get(ParticipantRow, participant_id))
    db.flush()
    return ParticipantRemoved(participant, places, former_names.take_away(db, participant_id))


def bring_back_participant(db: Session, removed: ParticipantRemoved) -> None:
    """Reverse a removal."""
    setup_changed(db, (place.session_id for place in removed.memberships))
    _bring_back_person(db, removed.participant)
    _seat(db, removed.participant.id, removed.memberships)
    former_names.give_back(db, removed.participant.id, removed.former_names)


def forget_new_speaker(db: Session, contribution_id: int) -> ParticipantRemoved | None:
    """After undoing the contribution that introduced its speaker: remove that speaker when
    nothing else refers to them (no other contribution, no other session). The removed
    contribution keeps no speaker until `restore_speaker` gives it back."""
    row = db.get(ContributionRow, contribution_id)
    if row is None or row.participant_id is None:
        return None
    others = [i for i in _contribution_ids(db, row.participant_id) if i != contribution_id]
    places = _memberships(db, row.participant_id)
    if others or any(place.session_id != row.session_id for place in places):
        return None
    participant_id = row.participant_id
    row.participant_id = None
    db.add(row)
    db.flush()
    return remove_participant(db, participant_id)


def restore_speaker(db: Session, contribution_id: int, removed: ParticipantRemoved) -> None:
    """Reverse `forget_new_speaker`: the speaker, then their line, then their seats."""
    places = removed.memberships
    _bring_back_person(db, removed.participant)
    _move_contributions(
        db, [contribution_id], removed.participant.id, setup=(p.session_id for p in places)
    )
    _seat(db, removed.participant.id, places)
    former_names.give_back(db, removed.participant.id, removed.former_names)
