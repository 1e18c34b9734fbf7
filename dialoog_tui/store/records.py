"""Reading a whole session for an export."""

from __future__ import annotations

from sqlmodel import Session, col, select

from dialoog_tui.core.consent_gate import interests_among, shareable_record
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.store.commitments import commitments_of
from dialoog_tui.store.contributions import session_contributions
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.interests import interest_states
from dialoog_tui.store.participants import list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.store.schema.convert import to_participant
from dialoog_tui.store.schema.tables import DomainRow, ParticipantRow
from dialoog_tui.store.sessions import get_session
from dialoog_tui.store.tables import list_tables


def load_session_record(
    *, db: Session, session_id: int, include_off_record: bool = False
) -> SessionRecord:
    """The session with its agenda, people, live contributions, interests and ledger, as a
    shareable export may show it (through the consent gate); with `include_off_record`, the
    whole record, verbatim, as only a private backup may hold it.
    """
    session = get_session(db=db, session_id=session_id)
    contributions = session_contributions(db=db, session_id=session_id)
    kept = {c.id for c in contributions}
    people = {p.id: p for p in list_session_participants(db=db, session_id=session_id)}
    # Someone can be attributed a contribution without being listed for the session (an
    # edit moved it to them); the export still needs their name.
    missing = {c.participant_id for c in contributions if c.participant_id} - people.keys()
    if missing:
        rows = db.exec(
            select(ParticipantRow, DomainRow)
            .join(DomainRow, col(ParticipantRow.domain_id) == DomainRow.id, isouter=True)
            .where(col(ParticipantRow.id).in_(missing))
        ).all()
        people.update({row.id: to_participant(row, domain) for row, domain in rows if row.id})
    interests = interests_among(interest_states(db=db, session_ids=[session_id]), kept)
    record = SessionRecord(
        session=session,
        phases=list_phases(db=db, session_id=session_id),
        participants=people,
        domains=[d.name for d in list_domains(db=db)],
        contributions=contributions,
        interests=interests,
        commitments=commitments_of(db=db, contribution_ids=sorted(kept)),
        tables={t.id: t.name for t in list_tables(db=db, session_id=session_id)},
    )
    return record if include_off_record else shareable_record(record)
