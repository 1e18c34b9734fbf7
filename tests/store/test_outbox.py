"""The outbox: lines kept on this machine while the database is away, written once (issue 22)."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms, Participant
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.core.waiting import WaitingLine, new_key
from dialoog_tui.errors import DatabaseAway
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.engine import make_engine
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.outbox import Outbox, outbox_path
from dialoog_tui.store.schema.tables import ContributionRow, ParticipantRow

AT = datetime(2026, 12, 6, 19, 30, tzinfo=UTC)


def line(session_id: int, text: str, speaker: Speaker = ROOM, **more: object) -> WaitingLine:
    values: dict[str, object] = {"kind": Kind.REMARK, "at": AT, **more}
    return WaitingLine(
        key=new_key(),
        session_id=session_id,
        speaker=speaker,
        text=text,
        **values,  # type: ignore[arg-type]
    )


def test_a_waiting_line_reads_back_as_it_was_kept(tmp_path: Path) -> None:
    full = line(
        7,
        "Wie betaalt [/] de <b>brug</b>?",
        Speaker(participant=Participant(3, "Anna", "inwoner", "Buurtraad")),
        kind=Kind.COMMITMENT,
        tags=("brug",),
        phase_id=2,
        reply_to_id=11,
        ladder=Ladder(("veiligheid",), ("eerlijkheid",), "als het licht is"),
        consent=Consent.ANONYMOUS,
        commitment=CommitmentTerms("Gemeente", date(2027, 1, 15)),
        paraphrase="Ze vraagt wie betaalt",
        recorded_by="Noor",
    )
    newcomer = line(7, "en ik", Speaker(new_name="Bas", domain="ondernemer"))
    outbox = Outbox(outbox_path(tmp_path, "postgresql://db/test"))
    outbox.add(full)
    outbox.add(newcomer)
    assert Outbox(outbox.path).waiting == [full, newcomer]


def test_written_lines_leave_and_an_empty_outbox_leaves_no_file(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.jsonl")
    first, second = line(1, "een"), line(1, "twee")
    outbox.add(first)
    outbox.add(second)
    assert stat.S_IMODE(outbox.path.stat().st_mode) == 0o600  # what was said stays private
    outbox.written(first.key)
    assert [w.text for w in Outbox(outbox.path).waiting] == ["twee"]
    outbox.written(second.key)
    assert not outbox.path.exists()
    assert Outbox(outbox.path).waiting == []


def test_a_line_torn_by_a_crash_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.jsonl")
    outbox.add(line(1, "heel"))
    with outbox.path.open("a", encoding="utf-8") as handle:
        handle.write('{"key": "abc", "session_id": 1, "text": "half')
    assert [w.text for w in Outbox(outbox.path).waiting] == ["heel"]


def test_each_database_has_an_outbox_of_its_own(tmp_path: Path) -> None:
    assert outbox_path(tmp_path, "postgresql://a/x") != outbox_path(tmp_path, "postgresql://b/x")


def test_a_waiting_line_is_stored_once_however_often_it_is_sent(database: Database) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    waiting = line(session.id, "de brug moet breder", Speaker(new_name="Bas", domain="inwoner"))
    first = contributions.log_waiting(database, waiting)
    again = contributions.log_waiting(database, waiting)
    assert again.contribution.id == first.contribution.id
    assert again.participant == first.participant
    rows = database.read(lambda db: db.exec(select(ContributionRow)).all())
    assert [row.text for row in rows] == ["de brug moet breder"]


def test_lines_of_someone_named_offline_become_one_participant(database: Database) -> None:
    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    bas = Speaker(new_name="Bas", domain="inwoner")
    for text in ("eerst dit", "en dan dat"):
        contributions.log_waiting(database, line(session.id, text, bas))
    people = database.read(lambda db: db.exec(select(ParticipantRow.name)).all())
    assert people == ["Bas"]


def test_a_server_that_does_not_answer_is_away_not_an_error_of_the_data() -> None:
    # Port 9 (discard) has no PostgreSQL: the connection is refused at once.
    target = resolve_target("postgresql://nobody@127.0.0.1:9/none")
    database = Database(make_engine(target), target)
    try:
        with pytest.raises(DatabaseAway) as raised:
            database.write(lambda db: db.exec(select(ContributionRow.id)).all())
    finally:
        database.close()
    assert raised.value.key == "error.database_away"
    assert raised.value.values == {"database": target.display}
    assert "nobody" not in target.display


def test_a_line_typed_after_a_torn_one_is_not_lost(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.jsonl")
    outbox.add(line(1, "heel"))
    with outbox.path.open("a", encoding="utf-8") as handle:
        handle.write('{"key": "abc", "session_id": 1, "text": "half')  # a crash, mid-line
    after_the_crash = Outbox(outbox.path)
    after_the_crash.add(line(1, "daarna"))
    assert [w.text for w in Outbox(outbox.path).waiting] == ["heel", "daarna"]


def test_two_windows_on_one_database_keep_each_others_lines(tmp_path: Path) -> None:
    path = tmp_path / "outbox.jsonl"
    first, second = Outbox(path), Outbox(path)
    mine, theirs = line(1, "van het eerste venster"), line(1, "van het tweede venster")
    first.add(mine)
    second.add(theirs)
    first.written(mine.key)
    assert [w.text for w in Outbox(path).waiting] == ["van het tweede venster"]


def test_a_line_the_database_refuses_for_good_is_kept_aside(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.jsonl")
    refused, next_one = line(1, "geweigerd"), line(1, "daarna")
    outbox.add(refused)
    outbox.add(next_one)
    outbox.hold(refused)
    assert [w.text for w in Outbox(outbox.path).waiting] == ["daarna"]
    assert [w.text for w in Outbox(outbox.held_path).waiting] == ["geweigerd"]


def test_a_waiting_line_whose_speaker_was_merged_away_is_still_stored_under_their_name(
    database: Database,
) -> None:
    from dialoog_tui.store import corrections

    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    first = contributions.log_waiting(
        database, line(session.id, "eerst", Speaker(new_name="Bas", domain="inwoner"))
    )
    bas = first.participant
    assert bas is not None
    other = contributions.log_waiting(
        database, line(session.id, "ik", Speaker(new_name="Bas K", domain="inwoner"))
    )
    assert other.participant is not None
    waiting = line(session.id, "later gezegd", Speaker(participant=other.participant))
    gone = other.participant.id
    database.write(lambda db: corrections.merge_participants(db, gone, bas.id))
    stored = contributions.log_waiting(database, waiting)
    assert stored.contribution.text == "later gezegd"
    assert stored.participant is not None and stored.participant.name == "Bas K"
