"""Everything the capture screen needs to open a session, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from dialoog_tui.core.ladder import Term, TermKind
from dialoog_tui.core.model import Contribution, Domain, Participant, Phase
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.store.contributions import latest_contributions, participation_counts
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.drafts import load_draft
from dialoog_tui.store.participants import list_participants, list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.store.schema.tables import ContributionRow
from dialoog_tui.store.sessions import get_session
from dialoog_tui.store.vocabulary import list_terms, term_usage


@dataclass(frozen=True)
class CaptureSnapshot:
    """A session as the capture screen opens it."""

    session: DialogueSession
    """The session."""
    phases: list[Phase]
    """Its agenda."""
    session_participants: list[Participant]
    """Its participants, in quick-key order."""
    known_participants: list[Participant]
    """Everyone in the database."""
    domains: list[Domain]
    """Configured domains."""
    counts: dict[int | None, int]
    """Live contributions per participant (None: the room)."""
    latest: list[Contribution]
    """The newest page of contributions, oldest first."""
    has_older: bool
    """Whether contributions exist before `latest`."""
    draft: str
    """The input line saved when the session was last open."""
    values: list[Term]
    """The shared vocabulary of values (for autocomplete)."""
    interests: list[Term]
    """The shared vocabulary of interests (for autocomplete)."""


def load_capture_snapshot(*, db: Session, session_id: int, page_size: int) -> CaptureSnapshot:
    """Read the session, its people and counts, and its newest `page_size` contributions."""
    latest = latest_contributions(db=db, session_id=session_id, limit=page_size)
    has_older = bool(latest) and (
        db.exec(
            select(ContributionRow.id)
            .where(
                ContributionRow.session_id == session_id,
                col(ContributionRow.deleted_at).is_(None),
                ContributionRow.seq < latest[0].seq,
            )
            .limit(1)
        ).first()
        is not None
    )
    return CaptureSnapshot(
        session=get_session(db=db, session_id=session_id),
        phases=list_phases(db=db, session_id=session_id),
        session_participants=list_session_participants(db=db, session_id=session_id),
        known_participants=list_participants(db=db),
        domains=list_domains(db=db),
        counts=participation_counts(db=db, session_id=session_id),
        latest=latest,
        has_older=has_older,
        draft=load_draft(db=db, session_id=session_id),
        values=_by_use(db, TermKind.VALUE),
        interests=_by_use(db, TermKind.INTEREST),
    )


def _by_use(db: Session, kind: TermKind) -> list[Term]:
    """A vocabulary, most used terms first, then by name."""
    usage = term_usage(db=db, kind=kind)
    return sorted(
        list_terms(db=db, kind=kind), key=lambda t: (-usage.get(t.id, 0), t.name.casefold())
    )
