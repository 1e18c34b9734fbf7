"""Turning "open this" or "start a new one" into a session id."""

from __future__ import annotations

from sqlmodel import Session

from dialoog_tui.core.model import NewSession, SessionRequest
from dialoog_tui.core.quick_entry import SpeakerMention
from dialoog_tui.core.speakers import ROOM, resolve_speaker
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.participants import list_participants, realise_speaker
from dialoog_tui.store.phases import add_phase, enter_phase
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
            raise InvalidInput("a participant needs a name")
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
