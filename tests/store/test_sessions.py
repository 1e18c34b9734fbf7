"""Sessions, phases, participants and domains, on each backend."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import DEFAULT_DOMAINS
from dialoog_tui.core.speakers import ROOM
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.store import contributions, domains, participants, phases, sessions
from dialoog_tui.store.db.database import Database


def test_slugs_are_unique_and_safe(database: Database) -> None:
    first = database.write(lambda db: sessions.create_session(db=db, title="Het Stationsplein!"))
    second = database.write(lambda db: sessions.create_session(db=db, title="het stationsplein"))
    odd = database.write(lambda db: sessions.create_session(db=db, title="../../etc/passwd"))
    number = database.write(lambda db: sessions.create_session(db=db, title="2026"))
    assert first.slug == "het-stationsplein"
    assert second.slug == "het-stationsplein-2"
    assert odd.slug == "etc-passwd"
    assert number.slug == "sessie-2026"


def test_find_by_id_or_slug(database: Database) -> None:
    created = database.write(lambda db: sessions.create_session(db=db, title="Marktplein"))
    assert database.read(lambda db: sessions.find_session(db=db, key=str(created.id))) == created
    assert database.read(lambda db: sessions.find_session(db=db, key="marktplein")) == created
    with pytest.raises(NotFound):
        database.read(lambda db: sessions.find_session(db=db, key="nergens"))


def test_list_counts_live_contributions(database: Database) -> None:
    created = database.write(
        lambda db: sessions.create_session(
            db=db, title="Plein", started_at=datetime(2026, 3, 1, 19, tzinfo=UTC)
        )
    )
    database.write(lambda db: sessions.create_session(db=db, title="Leeg"))
    at = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
    for text in ("a", "b"):
        database.write(
            lambda db, text=text: contributions.log_contribution(
                db=db, session_id=created.id, speaker=ROOM, kind=Kind.REMARK, text=text, at=at
            )
        )
    listed = database.read(lambda db: sessions.list_sessions(db=db))
    by_title = {s.session.title: s for s in listed}
    assert by_title["Plein"].contribution_count == 2
    assert by_title["Plein"].last_activity == at
    assert by_title["Leeg"].contribution_count == 0


def test_default_domains_and_adding_one(database: Database) -> None:
    names = [d.name for d in database.read(lambda db: domains.list_domains(db=db))]
    assert tuple(names) == DEFAULT_DOMAINS
    database.write(lambda db: domains.add_domain(db=db, name="onderwijs"))
    names = [d.name for d in database.read(lambda db: domains.list_domains(db=db))]
    assert names[-1] == "onderwijs"
    with pytest.raises(InvalidInput):
        database.write(lambda db: domains.add_domain(db=db, name="Inwoner"))


def test_phases_in_order_and_current_phase(database: Database) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Plein"))
    opening = database.write(
        lambda db: phases.add_phase(db=db, session_id=session.id, title="Opening")
    )
    found = database.write(
        lambda db: phases.find_or_add_phase(db=db, session_id=session.id, title="opening")
    )
    second = database.write(
        lambda db: phases.find_or_add_phase(db=db, session_id=session.id, title="Verkenning")
    )
    assert found == opening
    assert (opening.position, second.position) == (1, 2)
    database.write(lambda db: phases.enter_phase(db=db, session_id=session.id, phase_id=second.id))
    reread = database.read(lambda db: sessions.get_session(db=db, session_id=session.id))
    assert reread.current_phase_id == second.id


def test_participants_join_sessions_in_order(database: Database) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Plein"))

    def add_people(db):  # type: ignore[no-untyped-def]
        piet = participants.create_participant(db=db, name="Piet", domain="ondernemer")
        anna = participants.create_participant(db=db, name="Anna")
        participants.join_session(db=db, session_id=session.id, participant_id=piet.id)
        participants.join_session(db=db, session_id=session.id, participant_id=anna.id)
        assert not participants.join_session(db=db, session_id=session.id, participant_id=anna.id)

    database.write(add_people)
    people = database.read(
        lambda db: participants.list_session_participants(db=db, session_id=session.id)
    )
    assert [(p.name, p.domain) for p in people] == [("Piet", "ondernemer"), ("Anna", None)]
