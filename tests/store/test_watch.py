"""A watch hears what other programs write to the database (issue 22)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import ROOM
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.db.watch import Watch

AT = datetime(2026, 12, 6, 20, tzinfo=UTC)


def test_a_watch_hears_another_program_log_in_the_session(
    database: Database, database_target: DatabaseTarget
) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 2"))
    heard: list[int | None] = []
    arrived = threading.Event()

    def note(changed: int | None) -> None:
        heard.append(changed)
        arrived.set()

    watch = Watch(database_target, note)
    watch.start()
    other = open_database(database_target)  # another note-taker's program
    try:
        assert arrived.wait(10), "the watch never said it was watching"
        arrived.clear()
        heard.clear()
        contributions.log_entry(
            other, session_id=session.id, speaker=ROOM, kind=Kind.REMARK, text="aan tafel 2", at=AT
        )
        assert arrived.wait(10), "the watch did not hear the other program write"
    finally:
        watch.stop()
        other.close()
    expected = None if database_target.sqlite_path is not None else session.id
    assert set(heard) == {expected}
    rows = database.read(lambda db: contributions.newer_than(db=db, session_id=session.id, seq=0))
    assert [row.text for row in rows] == ["aan tafel 2"]
