"""Sessions: creating, finding and listing dialogue meetings."""

from __future__ import annotations

from datetime import datetime

from slugify import slugify
from sqlalchemy import func, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.corrections import SessionDeleted, SessionEdited, SessionFacts
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.model import SessionSummary
from dialoog_tui.core.numbers import typed_number
from dialoog_tui.errors import InvalidInput, NotFound, no_session
from dialoog_tui.store.changes import setup_changed
from dialoog_tui.store.db.clock import utc_now
from dialoog_tui.store.schema.convert import to_session
from dialoog_tui.store.schema.tables import ContributionRow, SessionRow
from dialoog_tui.store.schema.types import UtcDateTime

SLUG_MAX_LENGTH = 80
WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)


def create_session(
    *,
    db: Session,
    title: str,
    question: str | None = None,
    location: str | None = None,
    organiser: str | None = None,
    note_taker: str | None = None,
    started_at: datetime | None = None,
    default_consent: Consent = Consent.NAMED,
) -> DialogueSession:
    """Create a session with a unique slug derived from its title."""
    title = title.strip()
    if not title:
        raise InvalidInput("a session needs a title", key="error.needs_session_title")
    if "\x00" in title:
        raise InvalidInput("a session title cannot contain a NUL character")
    now = utc_now()
    row = SessionRow(
        slug=_unique_slug(db, title),
        title=title,
        question=_blank_to_none(question),
        location=_blank_to_none(location),
        organiser=_blank_to_none(organiser),
        note_taker=_blank_to_none(note_taker),
        started_at=started_at or now,
        created_at=now,
        default_consent=default_consent.value,
    )
    db.add(row)
    db.flush()
    return to_session(row)


def get_session(*, db: Session, session_id: int) -> DialogueSession:
    """The session with this id."""
    row = _session_row(db, session_id)
    return to_session(row)


def find_session(*, db: Session, key: str, deleted: bool = False) -> DialogueSession:
    """The session named by an id or a slug (the forms `dialoog sessions` prints); a deleted
    one only when `deleted` (to restore it)."""
    key = key.strip()
    number = typed_number(key)
    row = db.get(SessionRow, number) if number is not None else None
    if row is None:
        row = db.exec(select(SessionRow).where(SessionRow.slug == key.lower())).first()
    if row is None or (row.deleted_at is not None) != deleted:
        if deleted:
            raise NotFound(
                f"no deleted session {key!r} (see 'dialoog session deleted')",
                key="error.no_deleted_session",
                key_typed=key,
            )
        raise no_session(key)
    return to_session(row)


def deleted_sessions() -> SelectOfScalar[int | None]:
    """The ids of deleted sessions, as a subquery (their contributions are read by nobody)."""
    return select(col(SessionRow.id)).where(col(SessionRow.deleted_at).is_not(None))


def find_session_by_title(*, db: Session, title: str) -> DialogueSession | None:
    """The oldest session with exactly this title (ignoring case), if any."""
    row = db.exec(
        select(SessionRow)
        .where(func.lower(SessionRow.title) == title.strip().lower())
        .where(col(SessionRow.deleted_at).is_(None))
        .order_by(col(SessionRow.id))
    ).first()
    return to_session(row) if row is not None else None


def list_sessions(*, db: Session, deleted: bool = False) -> list[SessionSummary]:
    """All sessions (or the deleted ones), most recently started first, with their
    contribution counts."""
    live = col(ContributionRow.deleted_at).is_(None)
    counts = (
        select(
            ContributionRow.session_id,
            func.count().label("n"),
            func.max(ContributionRow.at).label("last"),
        )
        .where(live)
        .group_by(col(ContributionRow.session_id))
        .subquery()
    )
    rows = db.exec(
        select(SessionRow, counts.c.n, counts.c.last)
        .join(counts, counts.c.session_id == SessionRow.id, isouter=True)
        .where(
            col(SessionRow.deleted_at).is_(None)
            if not deleted
            else col(SessionRow.deleted_at).is_not(None)
        )
        .order_by(col(SessionRow.started_at).desc(), col(SessionRow.id).desc())
    ).all()
    as_utc = UtcDateTime()
    return [
        SessionSummary(
            session=to_session(row),
            contribution_count=count or 0,
            # An aggregate loses the column type, so the stored UTC is re-attached here.
            last_activity=as_utc.process_result_value(last, db.get_bind().dialect),
        )
        for row, count, last in rows
    ]


def set_default_consent(*, db: Session, session_id: int, consent: Consent) -> None:
    """The consent new contributions of this session get unless said otherwise."""
    row = _session_row(db, session_id)
    row.default_consent = consent.value
    db.add(row)


def start_no_later_than(*, db: Session, session_id: int, moment: datetime) -> DialogueSession:
    """Date the session at `moment` if it started later: an imported session begins at its
    earliest contribution, not at the moment of import."""
    row = _session_row(db, session_id)
    if moment < row.started_at:
        row.started_at = moment
        db.add(row)
        db.flush()
    return to_session(row)


def set_current_phase(*, db: Session, session_id: int, phase_id: int | None) -> None:
    """Remember which agenda item the meeting is in."""
    row = _session_row(db, session_id)
    row.current_phase_id = phase_id
    db.add(row)


def _unique_slug(db: Session, title: str) -> str:
    base = slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True) or "sessie"
    # A bare number would read as a session id; a name Windows reserves for a device (con,
    # nul, com1, …) cannot be a file name there, and exports are named after the slug.
    if base.isdigit() or base in WINDOWS_DEVICES:
        base = f"sessie-{base}"
    taken = set(
        db.exec(
            select(SessionRow.slug).where(
                or_(col(SessionRow.slug) == base, col(SessionRow.slug).startswith(base + "-"))
            )
        ).all()
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _session_row(db: Session, session_id: int) -> SessionRow:
    row = db.get(SessionRow, session_id)
    if row is None:
        raise NotFound(f"no session with id {session_id}")
    return row


def session_facts(db: Session, session_id: int) -> SessionFacts:
    """The editable facts of a session."""
    return SessionFacts.of(to_session(_session_row(db, session_id)))


def edit_session(db: Session, session_id: int, after: SessionFacts) -> SessionEdited:
    """Change a session's facts (its slug stays: exports and links keep their names)."""
    title = " ".join(after.title.split())
    if not title:
        raise InvalidInput("a session needs a title", key="error.needs_session_title")
    if after.started_at.tzinfo is None:
        raise InvalidInput("a session's date needs a time zone")
    before = session_facts(db, session_id)
    setup_changed(db, [session_id])  # screens on it show the new facts
    row = _session_row(db, session_id)
    row.title = title
    row.question = (after.question or "").strip() or None
    row.location = (after.location or "").strip() or None
    row.organiser = (after.organiser or "").strip() or None
    row.note_taker = (after.note_taker or "").strip() or None
    row.started_at = after.started_at
    row.default_consent = after.default_consent.value
    db.add(row)
    db.flush()
    return SessionEdited(session_id, before, session_facts(db, session_id))


def delete_session(db: Session, session_id: int) -> SessionDeleted:
    """Hide a session everywhere; `restore_session` brings it back."""
    row = _session_row(db, session_id)
    if row.deleted_at is not None:
        raise InvalidInput(f"session {row.slug!r} is already deleted")
    row.deleted_at = utc_now()
    db.add(row)
    db.flush()
    return SessionDeleted(session_id, row.title)


def restore_session(db: Session, session_id: int) -> None:
    """Bring a deleted session back."""
    row = _session_row(db, session_id)
    row.deleted_at = None
    db.add(row)
    db.flush()
