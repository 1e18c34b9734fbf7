"""Tables of a big meeting, and the room view over them (issue 22)."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.services.room import room_view
from dialoog_tui.store import contributions, sessions, tables
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.target import DatabaseTarget
from tests.store.test_races import all_at_once

AT = datetime(2026, 12, 6, 19, 30, tzinfo=UTC)


def test_sitting_down_at_a_table_sets_it_up_once_with_its_first_note_taker(
    database: Database, database_target: DatabaseTarget
) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))

    def sit(db: Database, writer: int) -> None:
        db.write(
            lambda s: tables.take_seat(
                db=s, session_id=session.id, name="  tafel   Noord ", note_taker=f"n{writer}"
            )
        )

    all_at_once(database_target, sit)
    again = database.write(
        lambda db: tables.take_seat(
            db=db, session_id=session.id, name="Tafel noord", note_taker="x"
        )
    )
    listed = database.read(lambda db: tables.list_tables(db=db, session_id=session.id))
    assert listed == [again]
    assert again.name == "tafel Noord"
    assert again.note_taker in {"n0", "n1", "n2"}
    # Typed without its space at another screen, it is the same table, not a third one.
    squeezed = database.write(
        lambda db: tables.take_seat(
            db=db, session_id=session.id, name="TafelNoord", note_taker=None
        )
    )
    assert squeezed == again
    found = database.read(
        lambda db: tables.table_named(db=db, session_id=session.id, name="tafelnoord")
    )
    assert found == again


def log(database: Database, session: int, table: int | None, text: str, **more: object) -> None:
    contributions.log_entry(
        database,
        session_id=session,
        speaker=more.pop("speaker", ROOM),  # type: ignore[arg-type]
        kind=Kind.REMARK,
        text=text,
        at=AT,
        table_id=table,
        **more,  # type: ignore[arg-type]
    )


def test_the_room_view_shows_each_table_through_the_consent_gate(database: Database) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    zuid, noord = (
        database.write(
            lambda db, name=name: tables.take_seat(
                db=db, session_id=session.id, name=name, note_taker="Noor"
            )
        )
        for name in ("Zuid", "Noord")
    )
    anna = Speaker(new_name="Anna", domain="inwoner")
    log(database, session.id, noord.id, "de bus rijdt niet op zondag", speaker=anna)
    log(database, session.id, noord.id, "geheim", speaker=anna, consent=Consent.OFF_RECORD)
    log(
        database,
        session.id,
        zuid.id,
        "dit liever zonder naam",
        speaker=Speaker(new_name="Bas", domain="ondernemer"),
        consent=Consent.ANONYMOUS,
    )
    log(
        database,
        session.id,
        zuid.id,
        "letterlijk zo gezegd",
        consent=Consent.PARAPHRASE,
        paraphrase="in eigen woorden",
    )
    log(database, session.id, None, "welkom allemaal")
    room = room_view(database, session.id)
    assert [t.name for t in room.tables] == ["Noord", "Zuid", None]
    north, south, whole = room.tables
    assert north.total == 1 and [line.text for line in north.latest] == [
        "de bus rijdt niet op zondag"
    ]
    assert north.by_domain == (("inwoner", 1),)
    assert [(line.speaker, line.text) for line in south.latest] == [
        (None, "dit liever zonder naam"),
        (None, "in eigen woorden"),
    ]
    # Bas spoke only anonymously: his domain beside his line would name the one entrepreneur.
    assert south.by_domain == ()
    assert whole.total == 1
    assert [(line.speaker, line.by_room) for line in whole.latest] == [(None, True)]
    assert [line.by_room for line in south.latest] == [False, True]
    assert not room.themes_found and room.themes == ()
    everything = repr(room)
    assert "geheim" not in everything and "letterlijk" not in everything
    assert "Bas" not in everything and "ondernemer" not in everything
