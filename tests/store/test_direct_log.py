"""Logging a typed line: the driver's plain path stores exactly what the full path stores."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import Logged, NewSession
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.errors import InvalidInput
from dialoog_tui.services.sessions import start_session
from dialoog_tui.store import contributions, drafts, participants, phases, sessions
from dialoog_tui.store.contributions import log_entry
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import resolve_target

from .writing import AT


class Meeting:
    """Two sessions, people in and out of the first, a phase in each, one earlier line."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.session_id = database.write(
            lambda db: start_session(
                db=db,
                new=NewSession(
                    title="Stationsplein", participants=(("Anna", "inw"), ("Piet", "over"))
                ),
            )
        )
        other = database.write(lambda db: sessions.create_session(db=db, title="Havenkade"))
        self.phase_id = database.write(
            lambda db: phases.add_phase(db=db, session_id=self.session_id, title="Ideeën")
        ).id
        self.other_phase_id = database.write(
            lambda db: phases.add_phase(db=db, session_id=other.id, title="Opening")
        ).id
        people = database.read(
            lambda db: participants.list_session_participants(db=db, session_id=self.session_id)
        )
        self.anna, self.piet = people
        self.kees = database.write(lambda db: participants.create_participant(db=db, name="Kees"))
        self.earlier = log_entry(
            database,
            session_id=self.session_id,
            speaker=ROOM,
            kind=Kind.REMARK,
            text="Welkom",
            at=AT,
        ).contribution

    def log(self, speaker: Speaker, **line: Any) -> Logged:
        return log_entry(
            self.database,
            session_id=self.session_id,
            speaker=speaker,
            at=AT,
            **{"kind": Kind.REMARK, "text": "Meer bankjes", **line},
        )


def _sqlite(tmp_path: Path, name: str) -> Database:
    return open_database(resolve_target(str(tmp_path / name)))


MOMENTS_OF_WRITING = {"created_at", "joined_at", "updated_at"}


def _rows(database: Database, table: str) -> list[dict[str, Any]]:
    """Every row of `table` as the file holds it, read with the driver; of the moments of
    writing, which differ between two databases, only the shape (digits made 0)."""
    path = database.target.sqlite_path
    assert path is not None
    connection = sqlite3.connect(path)
    try:
        cursor = connection.execute(f"SELECT * FROM {table} ORDER BY 1")
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    finally:
        connection.close()
    return [
        {
            name: re.sub(r"\d", "0", value) if name in MOMENTS_OF_WRITING and value else value
            for name, value in zip(names, row, strict=True)
        }
        for row in rows
    ]


def _forbid_full_way(monkeypatch: pytest.MonkeyPatch, database: Database) -> None:
    def full_way(_work: Callable[..., object]) -> object:
        raise AssertionError("the plain line went the full way")

    monkeypatch.setattr(database, "write", full_way)


def _count_full_way(monkeypatch: pytest.MonkeyPatch, database: Database) -> list[int]:
    calls: list[int] = []
    write = database.write

    def counted(work: Callable[..., object]) -> object:
        calls.append(1)
        return write(work)

    monkeypatch.setattr(database, "write", counted)
    return calls


PLAIN_LINES: list[Callable[[Meeting], dict[str, Any]]] = [
    lambda m: {"speaker": Speaker(participant=m.anna), "text": "Meer bankjes", "tags": ["groen"]},
    lambda m: {"speaker": ROOM, "kind": Kind.QUESTION, "text": "Wie <b>beslist</b> [/]?"},
    lambda m: {
        "speaker": Speaker(participant=m.piet),
        "kind": Kind.RESISTANCE,
        "text": "Niet zonder parkeerplekken",
        "ladder": Ladder(condition="als de markt blijft"),
        "phase_id": m.phase_id,
        "reply_to_id": m.earlier.id,
        "consent": Consent.ANONYMOUS,
    },
]


def test_a_plain_line_is_stored_as_the_full_way_stores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct, full = _sqlite(tmp_path, "direct.sqlite3"), _sqlite(tmp_path, "full.sqlite3")
    try:
        direct_meeting, full_meeting = Meeting(direct), Meeting(full)
        for database in (direct, full):
            database.write(
                lambda db: sessions.set_default_consent(
                    db=db, session_id=1, consent=Consent.PARAPHRASE
                )
            )
            database.write(lambda db: drafts.save_draft(db=db, session_id=1, text="Meer bankjes"))
        _forbid_full_way(monkeypatch, direct)
        for line in PLAIN_LINES:
            logged = direct_meeting.log(**line(direct_meeting))
            stored = full.write(
                lambda db, line=line: contributions.log_contribution(
                    db=db,
                    session_id=full_meeting.session_id,
                    at=AT,
                    clear_draft_text=True,
                    **{"kind": Kind.REMARK, **line(full_meeting)},
                )
            )
            assert logged == stored
        # Column by column, as the files hold them.
        for table in ("contribution", "session_participant", "draft", "participant"):
            assert _rows(direct, table) == _rows(full, table), table
        read_back = direct.read(
            lambda db: contributions.latest_contributions(db=db, session_id=1, limit=10)
        )
        assert [c.consent for c in read_back] == [
            Consent.NAMED,  # logged before the session's default changed
            Consent.PARAPHRASE,
            Consent.PARAPHRASE,
            Consent.ANONYMOUS,
        ]
        assert read_back[1].tags == ("groen",)
        assert read_back[3].at == AT
    finally:
        direct.close()
        full.close()


FULL_WAY_LINES: list[tuple[str, Callable[[Meeting], dict[str, Any]]]] = [
    (
        "a new person",
        lambda m: {"speaker": Speaker(new_name="Fatima", domain="maatschappelijke organisatie")},
    ),
    ("not yet in the session", lambda m: {"speaker": Speaker(participant=m.kees)}),
    (
        "a first domain",
        lambda m: {"speaker": Speaker(participant=m.kees, domain="ondernemer")},
    ),
    (
        "interests and values",
        lambda m: {
            "speaker": Speaker(participant=m.anna),
            "ladder": Ladder(interests=("bereikbaarheid",), values=("veiligheid",)),
        },
    ),
    ("a commitment", lambda m: {"speaker": Speaker(participant=m.piet), "kind": Kind.COMMITMENT}),
]


@pytest.mark.parametrize(
    "line", [line for _, line in FULL_WAY_LINES], ids=[name for name, _ in FULL_WAY_LINES]
)
def test_other_lines_go_the_full_way(
    sqlite_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    line: Callable[[Meeting], dict[str, Any]],
) -> None:
    meeting = Meeting(sqlite_database)
    full_way = _count_full_way(monkeypatch, sqlite_database)

    logged = meeting.log(**line(meeting))

    assert full_way == [1]
    assert logged.participant is not None
    members = sqlite_database.read(
        lambda db: participants.list_session_participants(db=db, session_id=meeting.session_id)
    )
    assert logged.participant.id in [p.id for p in members]
    again = meeting.log(Speaker(participant=logged.participant), text="nog een")
    assert again.contribution.seq == logged.contribution.seq + 1
    assert full_way == [1], "once a member, the same speaker goes the plain way"


def test_a_link_to_another_session_is_refused_with_the_full_way_s_message(
    sqlite_database: Database,
) -> None:
    meeting = Meeting(sqlite_database)
    with pytest.raises(InvalidInput, match="phase belongs to another session"):
        meeting.log(Speaker(participant=meeting.anna), phase_id=meeting.other_phase_id)
    stored = sqlite_database.read(
        lambda db: contributions.latest_contributions(db=db, session_id=meeting.session_id, limit=9)
    )
    assert [c.text for c in stored] == ["Welkom"]


def test_a_failed_insert_is_rolled_back_and_the_connection_stays_usable(
    sqlite_database: Database,
) -> None:
    meeting = Meeting(sqlite_database)
    # No such session: the insert breaks the foreign key, on either way.
    with pytest.raises(Exception, match="FOREIGN KEY"):
        log_entry(sqlite_database, session_id=99, speaker=ROOM, kind=Kind.REMARK, text="x", at=AT)
    kept = sqlite_database.kept_sqlite_connection()
    assert kept is not None
    assert not kept.in_transaction
    logged = meeting.log(ROOM, text="daarna")
    assert logged.contribution.seq == 2


def test_a_plain_line_waits_for_another_writer(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = Meeting(sqlite_database)
    path = sqlite_database.target.sqlite_path
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # a second window in the middle of a write
    releasing = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    releasing.start()
    _forbid_full_way(monkeypatch, sqlite_database)
    try:
        started = time.perf_counter()
        logged = meeting.log(Speaker(participant=meeting.anna), text="na het wachten")
        waited = time.perf_counter() - started
    finally:
        releasing.join()
        other.close()
    assert waited >= 0.25
    stored = sqlite_database.read(
        lambda db: contributions.latest_contributions(db=db, session_id=meeting.session_id, limit=9)
    )
    assert [c.text for c in stored] == ["Welkom", "na het wachten"]
    assert stored[-1] == logged.contribution


def test_a_logged_line_clears_the_draft_on_each_backend(database: Database) -> None:
    meeting = Meeting(database)
    database.write(
        lambda db: drafts.save_draft(db=db, session_id=meeting.session_id, text="Meer bankjes")
    )

    logged = meeting.log(Speaker(participant=meeting.anna))

    assert database.read(lambda db: drafts.load_draft(db=db, session_id=meeting.session_id)) == ""
    stored = database.read(
        lambda db: contributions.latest_contributions(db=db, session_id=meeting.session_id, limit=9)
    )
    assert stored[-1] == logged.contribution
    assert logged.participant == meeting.anna


def test_a_server_database_has_no_kept_driver_connection(database: Database) -> None:
    kept = database.kept_sqlite_connection()
    assert (kept is None) == (database.target.sqlite_path is None)


def test_closing_the_database_releases_the_kept_connection(tmp_path: Path) -> None:
    database = _sqlite(tmp_path, "closing.sqlite3")
    kept = database.kept_sqlite_connection()
    assert kept is not None
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        kept.execute("SELECT 1")
