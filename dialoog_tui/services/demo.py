"""Loading the demo series into a database, once."""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.core.demo import AMSTERDAM, SERIES
from dialoog_tui.core.importing import read_import
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.services.imports import import_rows
from dialoog_tui.store.contributions import session_contributions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.interests import set_interest_status
from dialoog_tui.store.sessions import create_session, find_session_by_title


def load(database: Database) -> tuple[list[tuple[str, int]], list[str]]:
    """Load the demo sessions that are not there yet (see `load_demo`)."""
    return database.write(lambda db: load_demo(db=db))


def load_demo(*, db: Session) -> tuple[list[tuple[str, int]], list[str]]:
    """Create the demo sessions that are not there yet.

    Returns (title, contributions) of what was loaded and the titles already present; a
    session is recognised by its title, so running the demo twice duplicates nothing.
    """
    loaded: list[tuple[str, int]] = []
    present: list[str] = []
    for demo in SERIES:
        if find_session_by_title(db=db, title=demo.title) is not None:
            present.append(demo.title)
            continue
        session = create_session(
            db=db,
            title=demo.title,
            question=demo.question,
            location=demo.location,
            organiser=demo.organiser,
            note_taker=demo.note_taker,
            started_at=demo.started_at,
        )
        read = read_import(demo.lines(), is_csv=False, local_zone=AMSTERDAM)
        report = import_rows(
            db=db,
            rows=read.rows,
            problems=read.problems,
            session_key=str(session.id),
            fallback_title=demo.title,
            skip_bad=False,
            zone=AMSTERDAM,
        )
        _follow_up(db, session.id, demo.follow_up)
        loaded.append((demo.title, report.imported))
    return loaded, present


def _follow_up(
    db: Session, session_id: int, follow_up: tuple[tuple[str, str, str | None], ...]
) -> None:
    """What was done with the session's interests: statuses, and the answering contribution
    (found by the time it was logged)."""
    logged = session_contributions(db=db, session_id=session_id)
    for interest, status, answered_at in follow_up:
        answer = next(
            (c.id for c in logged if c.at.astimezone(AMSTERDAM).strftime("%H:%M") == answered_at),
            None,
        )
        set_interest_status(
            db=db,
            session_id=session_id,
            interest=interest,
            status=InterestStatus(status),
            answered_by_id=answer,
        )
