"""What other screens corrected reaches a screen open on the session: each change counts
in its session, and a screen reads what changed after the count it saw."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.services import capture
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database

AT = datetime(2026, 12, 7, 20, tzinfo=UTC)


def test_a_screen_reads_each_correction_once_and_new_lines_stay_out_of_the_count(
    database: Database,
) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    said = [
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name="Anna", domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT,
        ).contribution
        for text in ("de bus rijdt te weinig", "het plein is te donker")
    ]
    opened = capture.since(database, session.id, seq=0, seen=[c.id for c in said])
    assert opened.changes == 0 and opened.changed == []  # logging is not a change

    first = said[0]
    capture.edit(
        database,
        first.id,
        speaker=Speaker(participant=None),
        kind=Kind.REMARK,
        text="de bus rijdt 's avonds te weinig",
        tags=(),
        ladder=None,
        paraphrase=None,
        consent=None,
    )
    capture.remove(database, said[1].id)
    later = capture.since(database, session.id, seq=2, changes=opened.changes)
    assert [(c.id, c.text, c.deleted_at is not None) for c in later.changed] == [
        (first.id, "de bus rijdt 's avonds te weinig", False),
        (said[1].id, "het plein is te donker", True),
    ]
    assert later.contributions == []  # nothing new was logged

    capture.set_consent(database, first.id, Consent.OFF_RECORD)
    last = capture.since(database, session.id, seq=2, changes=later.changes)
    assert [(c.id, c.consent) for c in last.changed] == [(first.id, Consent.OFF_RECORD)]
    assert capture.since(database, session.id, seq=2, changes=last.changes).changed == []
