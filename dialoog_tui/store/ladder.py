"""Reading the ladder: contributions with interests or values, across chosen sessions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import (
    SHAREABLE_CONSENTS,
    interests_among,
    shareable,
    shareable_commitments,
)
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder_report import LadderItem, LadderReport, build_ladder
from dialoog_tui.store.commitments import commitments_of
from dialoog_tui.store.interests import interest_states
from dialoog_tui.store.participants import contributions_in_context
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    ContributionTermRow,
    SessionRow,
    VocabTermRow,
)
from dialoog_tui.store.shared_numbers import SharedNumbers


def ladder_items(
    *,
    db: Session,
    session_ids: Sequence[int] | None,
    include_off_record: bool = False,
    table_id: int | None = None,
) -> list[LadderItem]:
    """Live contributions that carry interests, values or a condition, or are commitments,
    verbatim; without `include_off_record` the off-the-record ones are not even read, and
    each is numbered as shared (with it: as the log numbers it). With `table_id`, only those
    said at that table."""
    linked = select(ContributionTermRow.contribution_id)
    query = (
        contributions_in_context()
        .where(
            col(ContributionRow.deleted_at).is_(None),
            col(ContributionRow.id).in_(linked)
            | col(ContributionRow.condition).is_not(None)
            | (col(ContributionRow.kind) == Kind.COMMITMENT.value),
        )
        .order_by(col(ContributionRow.session_id), col(ContributionRow.seq))
    )
    if session_ids is not None:
        query = query.where(col(ContributionRow.session_id).in_(session_ids))
    if table_id is not None:
        query = query.where(col(ContributionRow.table_id) == table_id)
    if not include_off_record:
        query = query.where(col(ContributionRow.consent).in_(SHAREABLE_CONSENTS))
    rows = db.exec(query).all()
    terms = _terms(db, [row.id for row, *_ in rows if row.id is not None])
    numbers = None if include_off_record else SharedNumbers(db)
    if numbers is not None:
        numbers.read({row.session_id for row, *_ in rows})
    return [
        LadderItem(
            contribution_id=row.id,
            session_id=row.session_id,
            session_title=title,
            kind=Kind(row.kind),
            speaker=speaker,
            domain=domain,
            consent=Consent(row.consent),
            text=row.text,
            interests=tuple(terms[row.id]["interest"]),
            values=tuple(terms[row.id]["value"]),
            condition=row.condition,
            paraphrase=row.paraphrase,
            seq=row.seq if numbers is None else numbers.of(row.session_id, row.seq),
        )
        for row, title, speaker, domain in rows
        if row.id is not None
    ]


def load_ladder(
    *,
    db: Session,
    session_ids: Sequence[int] | None,
    include_off_record: bool = False,
    table_id: int | None = None,
) -> LadderReport:
    """The ladder report for these sessions (all sessions: None), read through the consent
    gate (the ladder may be shared), unless `include_off_record`: then verbatim and complete,
    for the note-taker's own screen. With `table_id`, what was said at that table."""
    items = ladder_items(
        db=db, session_ids=session_ids, include_off_record=include_off_record, table_id=table_id
    )
    session_query = (
        select(SessionRow.id, SessionRow.title)
        .where(col(SessionRow.deleted_at).is_(None))
        .order_by(col(SessionRow.started_at))
    )
    if session_ids is not None:
        session_query = session_query.where(col(SessionRow.id).in_(session_ids))
    sessions = [(sid, title) for sid, title in db.exec(session_query).all() if sid is not None]
    ledger = commitments_of(
        db=db, contribution_ids=[i.contribution_id for i in items if i.kind is Kind.COMMITMENT]
    )
    commitments = [
        (item, ledger[item.contribution_id]) for item in items if item.contribution_id in ledger
    ]
    states = interest_states(db=db, session_ids=session_ids)
    if table_id is not None:  # the interests raised at the table
        states = interests_among(states, {i.contribution_id for i in items})
    if not include_off_record:
        answers = [s.answered_by_id for s in states if s.answered_by_id is not None]
        shared = {i.contribution_id for i in items} | _shareable_ids(db, answers)
        states = interests_among(states, shared)
        commitments = shareable_commitments(commitments)
        items = shareable(items)
    return build_ladder(items, states, sessions, commitments)


def _shareable_ids(db: Session, contribution_ids: Sequence[int]) -> set[int]:
    """Of these contributions, the live ones a shareable output may show."""
    if not contribution_ids:
        return set()
    rows = db.exec(
        select(ContributionRow.id).where(
            col(ContributionRow.id).in_(contribution_ids),
            col(ContributionRow.deleted_at).is_(None),
            col(ContributionRow.consent).in_(SHAREABLE_CONSENTS),
        )
    ).all()
    return {cid for cid in rows if cid is not None}


def _terms(db: Session, contribution_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    grouped: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"interest": [], "value": []})
    if not contribution_ids:
        return grouped
    rows = db.exec(
        select(ContributionTermRow.contribution_id, VocabTermRow.kind, VocabTermRow.name)
        .join(VocabTermRow, col(VocabTermRow.id) == col(ContributionTermRow.term_id))
        .where(col(ContributionTermRow.contribution_id).in_(contribution_ids))
        .order_by(col(ContributionTermRow.position))
    ).all()
    for contribution_id, kind, name in rows:
        grouped[contribution_id][kind].append(name)
    return grouped
