"""The facilitator's room view: every table of a session at a glance, as it happens, and
the themes heard at more than one table. What the room sees may be on a projector, so it
reads through the consent gate like every shareable output: off the record is absent,
anonymous has no name, paraphrase shows the paraphrase."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from msgspec import Struct
from sqlmodel import Session

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import share, speaker_domain
from dialoog_tui.core.kinds import Kind
from dialoog_tui.services.sessions import open_session_request
from dialoog_tui.services.themes import stored_report
from dialoog_tui.store.contributions import session_contributions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_session_participants
from dialoog_tui.store.sessions import get_session
from dialoog_tui.store.tables import list_tables

LATEST = 12
"""Contributions a table shows at most (newest first: a small screen cuts the oldest)."""


class RoomLine(Struct, frozen=True):
    """One contribution as the room may see it."""

    seq: int
    at: datetime
    kind: Kind
    text: str
    """Through the gate: the paraphrase where that is the consent."""
    speaker: str | None
    """None: the room, or someone heard anonymously (`by_room` tells which)."""
    consent: Consent
    paraphrase: str | None = None
    by_room: bool = False
    """Said by the room as a whole, not by one person."""


class TableView(Struct, frozen=True):
    """One table: who spoke there by domain, and what was said last."""

    name: str | None
    """None: contributions logged for the whole room, at no table."""
    note_taker: str | None
    total: int
    by_domain: tuple[tuple[str, int], ...]
    """Contributions per domain, most first (speakers without a domain, and anonymous
    contributions, left out)."""
    latest: tuple[RoomLine, ...]
    """The newest, oldest first."""


class RoomTheme(Struct, frozen=True):
    """A theme of the stored run heard in this session, with the tables it was heard at."""

    title: str
    tables: tuple[str, ...]
    """Empty when it was heard only in what was said to the whole room."""
    heard: int
    """Its contributions in this session."""


class Room(Struct, frozen=True):
    """The session as the room view shows it."""

    session_id: int
    title: str
    tables: tuple[TableView, ...]
    themes: tuple[RoomTheme, ...]
    """Heard at most tables first; empty when no theme run covers the session yet."""
    themes_found: bool
    """Whether a theme run covers the session."""


def open_room(database: Database, key: str) -> int:
    """The id of the session `key` (an id or slug) names."""
    return database.read(lambda db: open_session_request(db=db, request=key))


def room_view(database: Database, session_id: int) -> Room:
    """The room as it is now, in one read."""
    return database.read(lambda db: _room(db, session_id))


def _room(db: Session, session_id: int) -> Room:
    session = get_session(db=db, session_id=session_id)
    tables = sorted(list_tables(db=db, session_id=session_id), key=lambda t: t.name.casefold())
    people = {p.id: p for p in list_session_participants(db=db, session_id=session_id)}
    said = session_contributions(db=db, session_id=session_id)
    views = []
    for table_id, name, note_taker in [
        *((t.id, t.name, t.note_taker) for t in tables),
        (None, None, None),
    ]:
        here = [c for c in said if c.table_id == table_id and c.consent is not Consent.OFF_RECORD]
        if table_id is None and not here:
            continue
        domains: Counter[str] = Counter()
        for c in here:
            speaker = people.get(c.participant_id) if c.participant_id is not None else None
            # Never an anonymous contribution's: beside its line, the one member of a domain
            # at the table would be her.
            domain = speaker_domain(speaker, c)
            if domain:
                domains[domain] += 1
        lines = []
        for c in here[-LATEST:]:
            person = people.get(c.participant_id) if c.participant_id is not None else None
            line = share(
                RoomLine(
                    c.seq,
                    c.at,
                    c.kind,
                    c.text,
                    person.name if person else None,
                    c.consent,
                    c.paraphrase,
                    by_room=c.participant_id is None,
                )
            )
            if line is not None:
                lines.append(line)
        views.append(
            TableView(name, note_taker, len(here), tuple(domains.most_common()), tuple(lines))
        )
    report = stored_report(db=db, session_ids=[session_id])
    themes = []
    if report is not None:
        said_here = {c.id for c in said}
        for theme in report.themes:
            at = sorted(name for sid, name, _count in theme.tables if sid == session_id)
            heard = sum(1 for m in theme.contributions if m in said_here)
            if heard:
                themes.append(RoomTheme(theme.title, tuple(at), heard))
        themes.sort(key=lambda t: (-len(t.tables), -t.heard, t.title))
    return Room(session_id, session.title, tuple(views), tuple(themes), report is not None)
