"""Loading the demo series into a database, once."""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.core.demo import AMSTERDAM, SERIES
from dialoog_tui.core.importing import read_import
from dialoog_tui.store.importer import import_rows
from dialoog_tui.store.sessions import create_session, find_session_by_title


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
        loaded.append((demo.title, report.imported))
    return loaded, present
