"""What was done with the interests raised in a session."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from dialoog_tui.core.ladder import TermKind
from dialoog_tui.core.ladder_report import InterestState, InterestStatus
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    ContributionTermRow,
    SessionInterestRow,
    SessionRow,
    VocabTermRow,
)
from dialoog_tui.store.sessions import deleted_sessions
from dialoog_tui.store.vocabulary import find_term


def interest_states(*, db: Session, session_ids: Sequence[int] | None) -> list[InterestState]:
    """The interests raised in these sessions (all sessions: None), with their status."""
    query = (
        select(SessionInterestRow, VocabTermRow.name, SessionRow.title)
        .join(VocabTermRow, col(VocabTermRow.id) == col(SessionInterestRow.term_id))
        .join(SessionRow, col(SessionRow.id) == col(SessionInterestRow.session_id))
        .where(col(SessionRow.deleted_at).is_(None))
    )
    if session_ids is not None:
        query = query.where(col(SessionInterestRow.session_id).in_(session_ids))
    states = db.exec(query).all()
    raised = _raised_by(db, session_ids)
    return [
        InterestState(
            session_id=state.session_id,
            session_title=title,
            interest=name,
            status=InterestStatus(state.status),
            answered_by_id=state.answered_by_id,
            raised_by=tuple(raised.get((state.session_id, state.term_id), ())),
        )
        for state, name, title in states
    ]


def set_interest_status(
    *,
    db: Session,
    session_id: int,
    interest: str,
    status: InterestStatus,
    answered_by_id: int | None = None,
) -> InterestState:
    """Record what was done with an interest in a session (and, if answered, by what)."""
    term = find_term(db=db, kind=TermKind.INTEREST, name=interest)
    if term is None or term.id is None:
        raise NotFound(
            f"no interest called {interest!r}", key="error.no_interest", interest=interest
        )
    state = db.get(SessionInterestRow, (session_id, term.id))
    if state is None:
        raise NotFound(
            f"the interest {term.name!r} was not raised in this session",
            key="error.interest_not_raised",
            interest=term.name,
        )
    if answered_by_id is not None:
        answer = db.get(ContributionRow, answered_by_id)
        if answer is None or answer.session_id != session_id:
            raise InvalidInput(
                "the answer must be a contribution of the same session",
                key="error.answer_elsewhere",
            )
        if status is not InterestStatus.ANSWERED:
            raise InvalidInput(
                "only an answered interest has an answer", key="error.answer_not_answered"
            )
    state.status = status.value
    state.answered_by_id = answered_by_id if status is InterestStatus.ANSWERED else None
    state.updated_at = utc_now()
    db.add(state)
    db.flush()
    session = db.get(SessionRow, session_id)
    return InterestState(
        session_id=session_id,
        session_title=session.title if session else "",
        interest=term.name,
        status=status,
        answered_by_id=state.answered_by_id,
        raised_by=tuple(_raised_by(db, [session_id]).get((session_id, term.id), ())),
    )


def _raised_by(db: Session, session_ids: Sequence[int] | None) -> dict[tuple[int, int], list[int]]:
    """(session, interest term) → live contributions that named it."""
    query = (
        select(ContributionRow.session_id, ContributionTermRow.term_id, ContributionRow.id)
        .join(ContributionRow, col(ContributionRow.id) == col(ContributionTermRow.contribution_id))
        .where(
            col(ContributionRow.deleted_at).is_(None),
            col(ContributionRow.session_id).not_in(deleted_sessions()),
        )
        .order_by(col(ContributionRow.id))
    )
    if session_ids is not None:
        query = query.where(col(ContributionRow.session_id).in_(session_ids))
    raised: dict[tuple[int, int], list[int]] = defaultdict(list)
    for session_id, term_id, contribution_id in db.exec(query).all():
        if contribution_id is not None:
            raised[(session_id, term_id)].append(contribution_id)
    return raised
