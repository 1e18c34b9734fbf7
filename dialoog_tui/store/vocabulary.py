"""The shared vocabulary of interests and values, and the links from contributions to it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, delete, or_, select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import may_share
from dialoog_tui.core.ladder import Term, TermKind
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.core.quick_entry import normalise_annotation
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.convert import to_term
from dialoog_tui.store.schema.tables import (
    ContributionRow,
    ContributionTermRow,
    SessionInterestRow,
    VocabTermRow,
)
from dialoog_tui.store.sessions import deleted_sessions

_STATUS_ORDER = [InterestStatus.OPEN, InterestStatus.ACKNOWLEDGED, InterestStatus.ANSWERED]


def list_terms(*, db: Session, kind: TermKind) -> list[Term]:
    """Every term of one vocabulary, by name."""
    rows = db.exec(select(VocabTermRow).where(VocabTermRow.kind == kind.value)).all()
    return sorted((to_term(row) for row in rows), key=lambda t: t.name.casefold())


def term_usage(*, db: Session, kind: TermKind) -> dict[int, int]:
    """How many contributions each term of a vocabulary is linked to."""
    rows = db.exec(
        select(ContributionTermRow.term_id, func.count())
        .join(VocabTermRow, col(VocabTermRow.id) == col(ContributionTermRow.term_id))
        .where(VocabTermRow.kind == kind.value)
        .group_by(col(ContributionTermRow.term_id))
    ).all()
    return {term_id: count for term_id, count in rows}


def shared_vocabulary(*, db: Session, kind: TermKind) -> list[tuple[Term, int]]:
    """The vocabulary as a shareable listing may show it, with how many live contributions
    a shareable output may show use each term. A term only used where the consent gate
    lets nothing through (off the record, or removed) is not there at all: it would tell
    what was said; a term never used yet (the starter values) is."""
    rows = db.exec(
        select(
            ContributionTermRow.term_id,
            ContributionRow.consent,
            ContributionRow.deleted_at,
            ContributionRow.session_id,
        )
        .join(ContributionRow, col(ContributionRow.id) == col(ContributionTermRow.contribution_id))
        .join(VocabTermRow, col(VocabTermRow.id) == col(ContributionTermRow.term_id))
        .where(VocabTermRow.kind == kind.value)
    ).all()
    used: dict[int, int] = defaultdict(int)
    linked: set[int] = set()
    hidden = set(db.exec(deleted_sessions()).all())
    for term_id, consent, deleted_at, session_id in rows:
        linked.add(term_id)
        if deleted_at is None and session_id not in hidden and may_share(Consent(consent)):
            used[term_id] += 1
    return [
        (term, used.get(term.id, 0))
        for term in list_terms(db=db, kind=kind)
        if term.id in used or term.id not in linked
    ]


def find_term(*, db: Session, kind: TermKind, name: str) -> VocabTermRow | None:
    """The term called `name` (ignoring case), in Dutch or in English."""
    key = normalise_annotation(name).casefold()
    return db.exec(
        select(VocabTermRow).where(
            VocabTermRow.kind == kind.value,
            or_(col(VocabTermRow.key) == key, col(VocabTermRow.key_en) == key),
        )
    ).first()


def find_or_add_terms(*, db: Session, kind: TermKind, names: Iterable[str]) -> list[VocabTermRow]:
    """The terms for `names`, adding the ones the vocabulary does not know yet."""
    found: list[VocabTermRow] = []
    for name in names:
        name = normalise_annotation(name)
        if not name:
            continue
        row = find_term(db=db, kind=kind, name=name)
        if row is None:
            row = VocabTermRow(
                kind=kind.value, name=name, key=name.casefold(), created_at=utc_now()
            )
            db.add(row)
            db.flush()
        if all(existing.id != row.id for existing in found):
            found.append(row)
    return found


def link_terms(
    *,
    db: Session,
    contribution_id: int,
    session_id: int,
    interests: Sequence[str],
    values: Sequence[str],
) -> None:
    """Make the contribution's interests and values exactly these (replacing earlier ones).

    Every interest raised in a session gets a status there (open, until someone changes it).
    """
    db.exec(
        delete(ContributionTermRow).where(
            col(ContributionTermRow.contribution_id) == contribution_id
        )
    )
    interest_rows = find_or_add_terms(db=db, kind=TermKind.INTEREST, names=interests)
    value_rows = find_or_add_terms(db=db, kind=TermKind.VALUE, names=values)
    for position, row in enumerate([*interest_rows, *value_rows]):
        assert row.id is not None
        db.add(
            ContributionTermRow(contribution_id=contribution_id, term_id=row.id, position=position)
        )
    for row in interest_rows:
        assert row.id is not None
        if db.get(SessionInterestRow, (session_id, row.id)) is None:
            db.add(
                SessionInterestRow(
                    session_id=session_id,
                    term_id=row.id,
                    status=InterestStatus.OPEN.value,
                    updated_at=utc_now(),
                )
            )
    db.flush()


def terms_of(
    *,
    db: Session,
    contribution_ids: Sequence[int] = (),
    session_ids: Sequence[int] = (),
) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each contribution id: (interest names, value names), in the order they were given.

    The contributions are those listed, or all those of `session_ids`: a theme run reads a
    hundred thousand, more than a query may list.
    """
    if not contribution_ids and not session_ids:
        return {}
    query = select(ContributionTermRow.contribution_id, VocabTermRow.kind, VocabTermRow.name).join(
        VocabTermRow, col(VocabTermRow.id) == col(ContributionTermRow.term_id)
    )
    if session_ids:
        query = query.join(
            ContributionRow, col(ContributionRow.id) == col(ContributionTermRow.contribution_id)
        ).where(col(ContributionRow.session_id).in_(session_ids))
    else:
        query = query.where(col(ContributionTermRow.contribution_id).in_(contribution_ids))
    rows = db.exec(
        query.order_by(col(ContributionTermRow.contribution_id), col(ContributionTermRow.position))
    ).all()
    grouped: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"interest": [], "value": []})
    for contribution_id, kind, name in rows:
        grouped[contribution_id][kind].append(name)
    return {
        cid: (tuple(names["interest"]), tuple(names["value"])) for cid, names in grouped.items()
    }


def rename_term(*, db: Session, kind: TermKind, old: str, new: str) -> Term:
    """Give a term another name; if that name is taken, the two are merged into it."""
    row = _existing(db, kind, old)
    new = normalise_annotation(new)
    if not new:
        raise InvalidInput("a term needs a name")
    other = find_term(db=db, kind=kind, name=new)
    if other is not None and other.id != row.id:
        return merge_terms(db=db, kind=kind, source=old, target=other.name)
    row.name = new
    row.key = new.casefold()
    db.add(row)
    db.flush()
    return to_term(row)


def merge_terms(*, db: Session, kind: TermKind, source: str, target: str) -> Term:
    """Fold `source` into `target`: every link and session status moves; `source` goes."""
    from_row, into_row = _existing(db, kind, source), _existing(db, kind, target)
    if from_row.id == into_row.id:
        return to_term(into_row)
    for link in db.exec(
        select(ContributionTermRow).where(ContributionTermRow.term_id == from_row.id)
    ).all():
        assert into_row.id is not None
        if db.get(ContributionTermRow, (link.contribution_id, into_row.id)) is None:
            db.add(
                ContributionTermRow(
                    contribution_id=link.contribution_id,
                    term_id=into_row.id,
                    position=link.position,
                )
            )
        db.delete(link)
    for state in db.exec(
        select(SessionInterestRow).where(SessionInterestRow.term_id == from_row.id)
    ).all():
        assert into_row.id is not None
        kept = db.get(SessionInterestRow, (state.session_id, into_row.id))
        if kept is None:
            db.add(
                SessionInterestRow(
                    session_id=state.session_id,
                    term_id=into_row.id,
                    status=state.status,
                    answered_by_id=state.answered_by_id,
                    updated_at=state.updated_at,
                )
            )
        elif _STATUS_ORDER.index(InterestStatus(state.status)) > _STATUS_ORDER.index(
            InterestStatus(kept.status)
        ):
            # Keep the furthest progress: an answered interest stays answered after a merge.
            kept.status, kept.answered_by_id = state.status, state.answered_by_id
            db.add(kept)
        db.delete(state)
    if into_row.name_en is None and from_row.name_en is not None:
        into_row.name_en, into_row.key_en = from_row.name_en, from_row.key_en
        db.add(into_row)
    db.flush()
    db.delete(from_row)
    db.flush()
    return to_term(into_row)


def _existing(db: Session, kind: TermKind, name: str) -> VocabTermRow:
    row = find_term(db=db, kind=kind, name=name)
    if row is None:
        raise NotFound(f"no {kind.value} called {name!r}")
    return row
