"""Participants: people reusable across sessions, and who takes part in which session."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select as ModelSelect

from dialoog_tui.core.model import Participant
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.claims import claim_name
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.domains import domain_row_by_name
from dialoog_tui.store.schema import statements
from dialoog_tui.store.schema.convert import to_participant
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    DomainRow,
    ParticipantRow,
    SessionParticipantRow,
    SessionRow,
)

Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")


def with_speakers(query: Query) -> Query:
    """`query` over contributions, joined with their speaker and the speaker's domain (both
    optional: the room has no speaker, a speaker may have no domain)."""
    return query.join(
        ParticipantRow,
        col(ParticipantRow.id) == col(ContributionRow.participant_id),
        isouter=True,
    ).join(DomainRow, col(DomainRow.id) == col(ParticipantRow.domain_id), isouter=True)


def contributions_in_context() -> ModelSelect[ContributionRow, str, str, str]:
    """Contributions with their session's title, their speaker's name and that speaker's
    domain (the last two None for the room or a speaker without a domain)."""
    return with_speakers(
        select(ContributionRow, SessionRow.title, ParticipantRow.name, DomainRow.name)
        .join(SessionRow, col(SessionRow.id) == col(ContributionRow.session_id))
        .where(col(SessionRow.deleted_at).is_(None))
    )


def list_participants(*, db: Session) -> list[Participant]:
    """Everyone known to the database, by name."""
    rows = db.exec(
        select(ParticipantRow, DomainRow)
        .join(DomainRow, col(ParticipantRow.domain_id) == DomainRow.id, isouter=True)
        .order_by(func.lower(ParticipantRow.name), col(ParticipantRow.id))
    ).all()
    return [to_participant(row, domain) for row, domain in rows]


def list_session_participants(*, db: Session, session_id: int) -> list[Participant]:
    """The session's participants in the order they joined (the order of their quick keys)."""
    rows = db.exec(
        select(ParticipantRow, DomainRow)
        .join(
            SessionParticipantRow,
            col(SessionParticipantRow.participant_id) == col(ParticipantRow.id),
        )
        .join(DomainRow, col(ParticipantRow.domain_id) == DomainRow.id, isouter=True)
        .where(SessionParticipantRow.session_id == session_id)
        .order_by(col(SessionParticipantRow.position))
    ).all()
    return [to_participant(row, domain) for row, domain in rows]


def participant_of(*, db: Session, participant_id: int | None) -> Participant | None:
    """The participant with this id (None for the room, or when there is none)."""
    if participant_id is None:
        return None
    found = db.exec(
        select(ParticipantRow, DomainRow)
        .join(DomainRow, col(ParticipantRow.domain_id) == DomainRow.id, isouter=True)
        .where(ParticipantRow.id == participant_id)
    ).first()
    return None if found is None else to_participant(*found)


def create_participant(
    *, db: Session, name: str, domain: str | None = None, organisation: str | None = None
) -> Participant:
    """A new participant; `domain` must be the exact name of a configured domain."""
    name = name.strip()
    if not name:
        raise InvalidInput("a participant needs a name", key="error.needs_name")
    if "\x00" in name:
        raise InvalidInput("a name cannot contain a NUL character")
    domain_row = domain_row_by_name(db=db, name=domain) if domain else None
    row = ParticipantRow(
        name=name,
        domain_id=domain_row.id if domain_row else None,
        organisation=(organisation or "").strip() or None,
        created_at=utc_now(),
    )
    db.add(row)
    db.flush()
    return to_participant(row, domain_row)


def join_session(*, db: Session, session_id: int, participant_id: int) -> bool:
    """Add a participant to a session (at the end); False if they were already in it."""
    member = statements.SESSION_MEMBER
    if (
        statements.scalar(db, member, session_id=session_id, participant_id=participant_id)
        is not None
    ):
        return False
    last = db.exec(
        select(func.max(SessionParticipantRow.position)).where(
            SessionParticipantRow.session_id == session_id
        )
    ).one()
    db.add(
        SessionParticipantRow(
            session_id=session_id,
            participant_id=participant_id,
            position=(last if last is not None else -1) + 1,
            joined_at=utc_now(),
        )
    )
    db.flush()
    return True


def realise_speaker(*, db: Session, session_id: int, speaker: Speaker) -> Participant | None:
    """The participant a resolved speaker stands for, created or completed as needed, and
    taking part in the session. None for the room."""
    if speaker.problem is not None:
        raise InvalidInput("the speaker is ambiguous or has an unknown domain")
    if speaker.participant is not None:
        participant = speaker.participant
        if speaker.domain and participant.domain is None:
            participant = set_participant_domain(
                db=db, participant_id=participant.id, domain=speaker.domain
            )
    elif speaker.new_name is not None:
        participant = _newcomer(db, session_id, speaker.new_name, speaker.domain)
    else:
        return None
    join_session(db=db, session_id=session_id, participant_id=participant.id)
    return participant


def _newcomer(db: Session, session_id: int, name: str, domain: str | None) -> Participant:
    """Someone named for the first time on this screen. Another screen on the session (a
    table beside this one), or this screen's own lines that waited offline, may have named
    them a moment before: then they are that participant, unless the two gave different
    domains (two people of one name). Else a new participant."""
    wanted = _name_key(name)
    claim_name(db, "participant", session_id, wanted)
    # Compared here, not in SQL: SQLite's lower() folds ASCII only (Özlem, Één).
    session_people = list_session_participants(db=db, session_id=session_id)
    for known in (p for p in session_people if _name_key(p.name) == wanted):
        if known.domain is None and domain:
            return set_participant_domain(db=db, participant_id=known.id, domain=domain)
        if not domain or known.domain == domain:
            return known
    return create_participant(db=db, name=name, domain=domain)


def _name_key(name: str) -> str:
    """A name as two screens that typed it may differ: in case and in spaces (and cut to
    what the column keeps)."""
    return " ".join(name.split())[:500].casefold()


def set_participant_domain(*, db: Session, participant_id: int, domain: str | None) -> Participant:
    """Give a participant a (different) domain, or none."""
    row = db.get(ParticipantRow, participant_id)
    if row is None:
        raise NotFound(f"no participant with id {participant_id}")
    domain_row = domain_row_by_name(db=db, name=domain) if domain else None
    row.domain_id = domain_row.id if domain_row else None
    db.add(row)
    db.flush()
    return to_participant(row, domain_row)
