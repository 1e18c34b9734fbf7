"""A whole session as exports see it: the session, its agenda, its people and what was said."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from msgspec import Struct, field
from msgspec.structs import replace

from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import InterestState
from dialoog_tui.core.model import Contribution, Participant, Phase, Session, Table


class SessionRecord(Struct, frozen=True):
    """Everything about one session, read in one transaction."""

    session: Session
    """The session."""
    phases: Sequence[Phase]
    """Its agenda, in order."""
    participants: Mapping[int, Participant]
    """Everyone who took part or spoke, by id."""
    domains: Sequence[str]
    """Configured domains, in order."""
    contributions: Sequence[Contribution]
    """Live contributions, in order (off-the-record ones only if asked for)."""
    interests: Sequence[InterestState] = ()
    """Interests raised in the session, with what was done with them."""
    commitments: Mapping[int, Commitment] = field(default_factory=dict)
    """Ledger entries of the session's commitments, by contribution id."""
    tables: Mapping[int, str] = field(default_factory=dict)
    """The names of its tables, by id (none: the whole session sat as one room)."""
    numbered: bool = False
    """Its contributions carry the numbers shareable outputs give them in their session
    (`consent_gate.shareable_record` numbered them): a part of it, one table's, keeps them,
    so that its #9 is the #9 of the room's minutes and of every command that takes one."""

    def speaker(self, contribution: Contribution) -> Participant | None:
        """Who said it (None: the room)."""
        if contribution.participant_id is None:
            return None
        return self.participants.get(contribution.participant_id)

    def phase(self, phase_id: int | None) -> Phase | None:
        """A phase of this session by id."""
        return next((p for p in self.phases if p.id == phase_id), None)

    def people_in_order(self) -> list[Participant]:
        """Participants in order of first contribution, then the silent ones: pseudonym
        numbers follow who spoke first."""
        order: dict[int, None] = {}
        for c in self.contributions:
            if c.participant_id is not None:
                order.setdefault(c.participant_id)
        for pid in sorted(self.participants):
            order.setdefault(pid)
        return [self.participants[pid] for pid in order if pid in self.participants]


def at_table(record: SessionRecord, table: Table) -> SessionRecord:
    """The part of a session said at one of its tables, as a session of its own: named after
    the session and the table, noted by the table's note-taker (where it has one), with the
    people who spoke there, the interests raised there and the commitments made there."""
    said = [c for c in record.contributions if c.table_id == table.id]
    kept = {c.id for c in said}
    speakers = {c.participant_id for c in said if c.participant_id is not None}
    interests = []
    for state in record.interests:
        raised = tuple(c for c in state.raised_by if c in kept)
        if raised:
            interests.append(replace(state, raised_by=raised))
    return replace(
        record,
        session=replace(
            record.session,
            title=f"{record.session.title} — {table.name}",
            note_taker=table.note_taker or record.session.note_taker,
        ),
        participants={pid: p for pid, p in record.participants.items() if pid in speakers},
        contributions=said,
        interests=interests,
        commitments={cid: c for cid, c in record.commitments.items() if cid in kept},
        tables={},  # all of it was said at this one: its minutes need not say so each time
    )
