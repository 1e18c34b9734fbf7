"""Sessions: starting one, opening one by id or slug, listing them, and the domains.

`open_session_request` and `start_session` are steps inside a unit of work (an import and
the demo start sessions too); the other functions are use cases that own their transaction.
"""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.core.model import Domain, NewSession, Phase, SessionRequest, SessionSummary
from dialoog_tui.core.model import Session as DialogueSession
from dialoog_tui.core.quick_entry import SpeakerMention
from dialoog_tui.core.speakers import ROOM, resolve_speaker
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store import domains as domain_store
from dialoog_tui.store import sessions as session_store
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.participants import list_participants, realise_speaker
from dialoog_tui.store.phases import add_phase, enter_phase, list_phases
from dialoog_tui.store.sessions import create_session, find_session, get_session


def open_session_request(*, db: Session, request: SessionRequest) -> int:
    """The id of the requested session, creating it first if it is new."""
    if isinstance(request, NewSession):
        return start_session(db=db, new=request)
    if isinstance(request, int):
        return get_session(db=db, session_id=request).id
    return find_session(db=db, key=request).id


def start_session(*, db: Session, new: NewSession) -> int:
    """Create a session with its known participants and agenda."""
    session = create_session(
        db=db,
        title=new.title,
        question=new.question,
        location=new.location,
        organiser=new.organiser,
        note_taker=new.note_taker,
        default_consent=new.default_consent,
    )
    domains = [d.name for d in list_domains(db=db)]
    for name, domain in new.participants:
        if not name.strip():
            raise InvalidInput("a participant needs a name", key="error.needs_name")
        speaker = resolve_speaker(
            SpeakerMention(name.strip(), domain or None),
            previous=ROOM,
            session_participants=[],
            known_participants=list_participants(db=db),
            domains=domains,
        )
        if speaker.problem is not None:
            raise InvalidInput(
                f"participant {name!r}: unknown domain {domain!r} (domains: {', '.join(domains)})"
            )
        realise_speaker(db=db, session_id=session.id, speaker=speaker)
    first = None
    for title in new.phases:
        phase = add_phase(db=db, session_id=session.id, title=title)
        first = first or phase
    if first is not None:
        enter_phase(db=db, session_id=session.id, phase_id=first.id)
    return session.id


def create(database: Database, new: NewSession) -> DialogueSession:
    """Start a session with its participants and agenda, without opening it."""
    return database.write(
        lambda db: session_store.get_session(db=db, session_id=start_session(db=db, new=new))
    )


def agenda(database: Database, session_id: int) -> list[Phase]:
    """A session's phases in order."""
    return database.read(lambda db: list_phases(db=db, session_id=session_id))


def listing(database: Database, *, deleted: bool = False) -> list[SessionSummary]:
    """Every session (or every deleted one) with its number of contributions, newest first."""
    return database.read(lambda db: session_store.list_sessions(db=db, deleted=deleted))


def session_ids(database: Database, keys: list[str] | None) -> list[int]:
    """The ids of the sessions named by `keys` (id or slug), in order; every session's (oldest
    first) when `keys` is None. NotFound names a key that matches none."""
    from dialoog_tui.store.themes.runs import all_session_ids

    if keys is None:
        return database.read(lambda db: all_session_ids(db=db))
    return database.read(
        lambda db: sorted({session_store.find_session(db=db, key=key).id for key in keys})
    )


def domains(database: Database) -> list[Domain]:
    """The configured domains, in order."""
    return database.read(lambda db: domain_store.list_domains(db=db))


def add_domain(database: Database, name: str) -> Domain:
    """Add a domain at the end."""
    return database.write(lambda db: domain_store.add_domain(db=db, name=name))
