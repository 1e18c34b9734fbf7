"""Rows to `core` types: the one place where table shapes meet domain types."""

from __future__ import annotations

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Term, TermKind
from dialoog_tui.core.model import Contribution, Domain, Participant, Phase, Session
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    DomainRow,
    ParticipantRow,
    PhaseRow,
    SessionRow,
    VocabTermRow,
)


def _id(value: int | None) -> int:
    # Rows read back from the database always have their primary key.
    assert value is not None, "row has no id; flush before converting"
    return value


def to_session(row: SessionRow) -> Session:
    """A session row as a core Session."""
    return Session(
        id=_id(row.id),
        slug=row.slug,
        title=row.title,
        started_at=row.started_at,
        question=row.question,
        location=row.location,
        organiser=row.organiser,
        note_taker=row.note_taker,
        current_phase_id=row.current_phase_id,
        default_consent=Consent(row.default_consent),
    )


def to_domain(row: DomainRow) -> Domain:
    """A domain row as a core Domain."""
    return Domain(id=_id(row.id), name=row.name, position=row.position)


def to_participant(row: ParticipantRow, domain: DomainRow | None) -> Participant:
    """A participant row (with its domain row, if any) as a core Participant."""
    return Participant(
        id=_id(row.id),
        name=row.name,
        domain=domain.name if domain is not None else None,
        organisation=row.organisation,
    )


def to_phase(row: PhaseRow) -> Phase:
    """A phase row as a core Phase."""
    return Phase(id=_id(row.id), session_id=row.session_id, position=row.position, title=row.title)


def to_contribution(row: ContributionRow) -> Contribution:
    """A contribution row as a core Contribution."""
    return Contribution(
        id=_id(row.id),
        session_id=row.session_id,
        seq=row.seq,
        at=row.at,
        kind=Kind(row.kind),
        text=row.text,
        participant_id=row.participant_id,
        tags=tuple(row.tags or ()),
        phase_id=row.phase_id,
        reply_to_id=row.reply_to_id,
        edited_at=row.edited_at,
        deleted_at=row.deleted_at,
        ref=row.ref,
        consent=Consent(row.consent),
        condition=row.condition,
        paraphrase=row.paraphrase,
        recorded_by=row.recorded_by,
        table_id=row.table_id,
    )


def to_term(row: VocabTermRow) -> Term:
    """A vocabulary row as a core Term."""
    return Term(id=_id(row.id), kind=TermKind(row.kind), name=row.name, name_en=row.name_en)
