"""Starting sessions and logging contributions in one line each, for the store tests."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Contribution, NewSession
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.services.sessions import start_session
from dialoog_tui.store import contributions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_session_participants

AT = datetime(2026, 3, 12, 19, 0, tzinfo=UTC)


def start(database: Database, title: str, people: tuple[tuple[str, str], ...]) -> int:
    """A new session with these (name, domain) participants; returns its id."""
    return database.write(
        lambda db: start_session(db=db, new=NewSession(title=title, participants=people))
    )


def log(
    database: Database,
    session_id: int,
    name: str,
    kind: Kind,
    text: str,
    ladder: Ladder | None = None,
    consent: Consent | None = None,
    tags: tuple[str, ...] = (),
) -> Contribution:
    """`text` said by participant `name` in the session, at AT."""

    def work(db):  # type: ignore[no-untyped-def]
        person = next(
            p for p in list_session_participants(db=db, session_id=session_id) if p.name == name
        )
        return contributions.log_contribution(
            db=db,
            session_id=session_id,
            speaker=Speaker(participant=person),
            kind=kind,
            text=text,
            at=AT,
            tags=tags,
            ladder=ladder or Ladder(),
            consent=consent,
        ).contribution

    return database.write(work)
