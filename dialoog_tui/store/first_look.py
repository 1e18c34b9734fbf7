"""A first look at a session in an SQLite file, read with the sqlite3 driver alone.

Opening capture on a large session waits for SQLAlchemy and SQLModel to load (a third of a
second) before the store can read anything. This reads what the screen shows first — the
session, its agenda and people, the newest page of contributions — straight from the file,
read-only, so the newest contribution is drawn while the store is still being opened; then,
in the frame after, how often each person spoke (counting 100,000 contributions takes
longer than the rest of the look together); the full load follows and takes over. It reads
only a database at the revision this version knows (anything else waits for the full load),
and returns the very values the store would: tests/store/test_first_look.py compares the two.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from msgspec import Struct
from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution, Participant, Phase, Session
from dialoog_tui.core.numbers import typed_number
from dialoog_tui.store.db.revisions import HEAD_REVISION

T = TypeVar("T")


class Glance(Struct, frozen=True):
    """What capture draws first."""

    session: Session
    phases: list[Phase]
    session_participants: list[Participant]
    domains: list[str]
    latest: list[Contribution]
    has_older: bool


def glance(path: Path, key: int | str, *, limit: int) -> Glance | None:
    """The session `key` (id or slug) in the file at `path`; None when it cannot be read this
    way (no such file or session, another revision, a busy or damaged file)."""
    return _look(path, lambda db: _read(db, key, limit))


def counted(path: Path, session_id: int) -> Counter[int | None] | None:
    """Live contributions per participant in session `session_id` (None: the room) in the
    file at `path`; None when they cannot be read this way."""
    return _look(path, lambda db: _counts(db, session_id))


def names_a_session(path: Path, key: str) -> bool | None:
    """Whether `key` (an id or a slug, as the store reads it) names a session in the file
    at `path` that was not deleted; None when this cannot tell (no such file, another
    revision, a busy or damaged file)."""
    return _look(path, lambda db: _session(db, key) is not None)


def _look(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """What `read` reads from the file at `path`, read-only, when the file is at the
    revision this version knows; None when it cannot be read this way."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return read(connection) if revision == (HEAD_REVISION,) else None
    except (sqlite3.Error, ValueError, KeyError):
        return None
    finally:
        connection.close()


def _read(db: sqlite3.Connection, key: int | str, limit: int) -> Glance | None:
    session = _session(db, key)
    if session is None:
        return None
    phases = [
        Phase(id=i, session_id=session.id, position=position, title=title)
        for i, position, title in db.execute(
            "SELECT id, position, title FROM phase WHERE session_id = ? ORDER BY position",
            (session.id,),
        )
    ]
    people = [
        Participant(id=i, name=name, domain=domain, organisation=organisation)
        for i, name, domain, organisation in db.execute(
            "SELECT p.id, p.name, d.name, p.organisation FROM session_participant sp"
            " JOIN participant p ON p.id = sp.participant_id"
            " LEFT JOIN domain d ON d.id = p.domain_id"
            " WHERE sp.session_id = ? ORDER BY sp.position",
            (session.id,),
        )
    ]
    domains = [name for (name,) in db.execute("SELECT name FROM domain ORDER BY position")]
    latest = _latest(db, session.id, limit)
    has_older = bool(latest) and latest[0].seq > 1 and _any_before(db, session.id, latest[0].seq)
    return Glance(session, phases, people, domains, latest, has_older)


SESSION_COLUMNS = (
    "id, slug, title, started_at, question, location, organiser, note_taker,"
    " current_phase_id, default_consent"
)


def _session(db: sqlite3.Connection, key: int | str) -> Session | None:
    number = key if isinstance(key, int) else typed_number(key)
    query = "id = ?" if number is not None else "slug = ?"
    value: int | str = number if number is not None else str(key).strip().lower()
    row = db.execute(
        f"SELECT {SESSION_COLUMNS} FROM dialogue_session WHERE {query} AND deleted_at IS NULL",
        (value,),
    ).fetchone()
    if row is None:
        return None
    i, slug, title, started, question, location, organiser, note_taker, phase, consent = row
    return Session(
        id=i,
        slug=slug,
        title=title,
        started_at=_moment(started),
        question=question,
        location=location,
        organiser=organiser,
        note_taker=note_taker,
        current_phase_id=phase,
        default_consent=Consent(consent),
    )


CONTRIBUTION_COLUMNS = (
    "id, session_id, seq, at, kind, text, participant_id, tags, phase_id, reply_to_id,"
    " edited_at, ref, consent, condition, paraphrase, recorded_by"
)


def _latest(db: sqlite3.Connection, session_id: int, limit: int) -> list[Contribution]:
    rows = db.execute(
        f"SELECT {CONTRIBUTION_COLUMNS} FROM contribution"
        " WHERE session_id = ? AND deleted_at IS NULL ORDER BY seq DESC LIMIT ?",
        (session_id, limit),
    ).fetchall()
    contributions = [_contribution(row) for row in reversed(rows)]
    ids = [c.id for c in contributions]
    if not ids:
        return contributions
    marks = ",".join("?" * len(ids))
    terms: dict[int, dict[str, list[str]]] = {}
    for cid, kind, name in db.execute(
        "SELECT ct.contribution_id, t.kind, t.name FROM contribution_term ct"
        f" JOIN vocab_term t ON t.id = ct.term_id WHERE ct.contribution_id IN ({marks})"
        " ORDER BY ct.contribution_id, ct.position",
        ids,
    ):
        terms.setdefault(cid, {"interest": [], "value": []})[kind].append(name)
    ledger = {
        cid: (owner, date.fromisoformat(due) if due else None)
        for cid, owner, due in db.execute(
            "SELECT contribution_id, owner, due_on FROM commitment"
            f" WHERE contribution_id IN ({marks})",
            ids,
        )
    }
    completed = []
    for c in contributions:
        if (named := terms.get(c.id)) is not None:
            c = replace(c, interests=tuple(named["interest"]), values=tuple(named["value"]))
        if c.kind is Kind.COMMITMENT and c.id in ledger:
            c = replace(c, owner=ledger[c.id][0], due_on=ledger[c.id][1])
        completed.append(c)
    return completed


def _contribution(row: tuple[object, ...]) -> Contribution:
    (i, session_id, seq, at, kind, text, participant_id, tags, phase_id, reply_to_id) = row[:10]
    edited_at, ref, consent, condition, paraphrase, recorded_by = row[10:]
    return Contribution(
        id=int(str(i)),
        session_id=int(str(session_id)),
        seq=int(str(seq)),
        at=_moment(at),
        kind=Kind(str(kind)),
        text=str(text),
        participant_id=_number(participant_id),
        tags=tuple(json.loads(str(tags))) if tags else (),
        phase_id=_number(phase_id),
        reply_to_id=_number(reply_to_id),
        edited_at=_moment(edited_at) if edited_at else None,
        ref=_text(ref),
        consent=Consent(str(consent)),
        condition=_text(condition),
        paraphrase=_text(paraphrase),
        recorded_by=_text(recorded_by),
    )


def _any_before(db: sqlite3.Connection, session_id: int, seq: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM contribution WHERE session_id = ? AND deleted_at IS NULL AND seq < ?"
            " LIMIT 1",
            (session_id, seq),
        ).fetchone()
        is not None
    )


def _counts(db: sqlite3.Connection, session_id: int) -> Counter[int | None]:
    """Live contributions per participant, from the indexes (as `participation_counts`)."""
    counts: Counter[int | None] = Counter()
    for participant_id, number in db.execute(
        "SELECT participant_id, count(*) FROM contribution WHERE session_id = ?"
        " GROUP BY participant_id",
        (session_id,),
    ):
        counts[participant_id] += number
    for participant_id, number in db.execute(
        "SELECT participant_id, count(*) FROM contribution"
        " WHERE session_id = ? AND deleted_at IS NOT NULL GROUP BY participant_id",
        (session_id,),
    ):
        counts[participant_id] -= number
    return +counts


def _moment(value: object) -> datetime:
    """A stored UTC time (SQLite keeps it without its zone) as an aware datetime."""
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _number(value: object) -> int | None:
    return None if value is None else int(str(value))


def _text(value: object) -> str | None:
    return None if value is None else str(value)
