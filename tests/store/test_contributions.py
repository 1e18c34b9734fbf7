"""Logging, editing, removing and reading back contributions, on each backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.errors import InvalidInput
from dialoog_tui.store import contributions, drafts, participants, phases, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.schema.tables import ContributionRevisionRow

AT = datetime(2026, 3, 12, 19, 5, tzinfo=UTC)


def _session(database: Database, title: str = "Stationsplein") -> int:
    return database.write(lambda db: sessions.create_session(db=db, title=title)).id


def test_log_creates_the_speaker_and_numbers_contributions(database: Database) -> None:
    session_id = _session(database)
    anna = Speaker(new_name="Anna", domain="inwoner")

    first = database.write(
        lambda db: contributions.log_contribution(
            db=db,
            session_id=session_id,
            speaker=anna,
            kind=Kind.RESISTANCE,
            text="De parkeerdruk wordt te hoog",
            tags=["parkeren"],
            at=AT,
        )
    )
    assert first.participant is not None
    assert first.participant.name == "Anna"
    assert first.participant.domain == "inwoner"
    again = Speaker(participant=first.participant)
    second = database.write(
        lambda db: contributions.log_contribution(
            db=db, session_id=session_id, speaker=again, kind=Kind.REMARK, text="ook", at=AT
        )
    )
    assert (first.contribution.seq, second.contribution.seq) == (1, 2)

    stored = database.read(
        lambda db: contributions.latest_contributions(db=db, session_id=session_id, limit=10)
    )
    assert [c.text for c in stored] == ["De parkeerdruk wordt te hoog", "ook"]
    assert stored[0].kind is Kind.RESISTANCE
    assert stored[0].tags == ("parkeren",)
    assert stored[0].at == AT
    people = database.read(
        lambda db: participants.list_session_participants(db=db, session_id=session_id)
    )
    assert [p.name for p in people] == ["Anna"]


def test_timestamps_come_back_as_the_same_instant_in_utc(database: Database) -> None:
    session_id = _session(database)
    amsterdam = timezone(timedelta(hours=1))
    local = datetime(2026, 3, 12, 20, 5, 30, 123000, tzinfo=amsterdam)
    logged = database.write(
        lambda db: contributions.log_contribution(
            db=db, session_id=session_id, speaker=ROOM, kind=Kind.REMARK, text="x", at=local
        )
    )
    back = database.read(
        lambda db: contributions.get_contribution(db=db, contribution_id=logged.contribution.id)
    )
    assert back.at == local
    assert back.at.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(database: Database) -> None:
    session_id = _session(database)
    with pytest.raises(Exception, match="naive"):
        database.write(
            lambda db: contributions.log_contribution(
                db=db,
                session_id=session_id,
                speaker=ROOM,
                kind=Kind.REMARK,
                text="x",
                at=datetime(2026, 1, 1),
            )
        )


def test_verbatim_text_survives(database: Database) -> None:
    session_id = _session(database)
    hostile = "[bold]x[/] [link=y]z \x1b[31m\x00\x07 😀 مرحبا " + "lang " * 2000
    logged = database.write(
        lambda db: contributions.log_contribution(
            db=db, session_id=session_id, speaker=ROOM, kind=Kind.REMARK, text=hostile, at=AT
        )
    )
    back = database.read(
        lambda db: contributions.get_contribution(db=db, contribution_id=logged.contribution.id)
    )
    assert back.text == hostile


def test_edit_keeps_the_old_version_and_the_edit_time(database: Database) -> None:
    session_id = _session(database)
    logged = database.write(
        lambda db: contributions.log_contribution(
            db=db, session_id=session_id, speaker=ROOM, kind=Kind.REMARK, text="oud", at=AT
        )
    )
    edited = database.write(
        lambda db: contributions.edit_contribution(
            db=db,
            contribution_id=logged.contribution.id,
            speaker=Speaker(new_name="Piet", domain="ondernemer"),
            kind=Kind.PROPOSAL,
            text="nieuw",
            tags=["markt"],
        )
    )
    assert edited.contribution.text == "nieuw"
    assert edited.contribution.kind is Kind.PROPOSAL
    assert edited.contribution.edited_at is not None
    assert edited.participant is not None and edited.participant.name == "Piet"
    revisions = database.read(lambda db: db.exec(select(ContributionRevisionRow)).all())
    assert [(r.text, r.kind) for r in revisions] == [("oud", "remark")]


def test_remove_and_restore(database: Database) -> None:
    session_id = _session(database)
    ids = [
        database.write(
            lambda db, text=text: contributions.log_contribution(
                db=db, session_id=session_id, speaker=ROOM, kind=Kind.REMARK, text=text, at=AT
            )
        ).contribution.id
        for text in ("a", "b", "c")
    ]
    database.write(lambda db: contributions.remove_contribution(db=db, contribution_id=ids[1]))

    def live() -> list[str]:
        return [
            c.text
            for c in database.read(
                lambda db: contributions.session_contributions(db=db, session_id=session_id)
            )
        ]

    assert live() == ["a", "c"]
    counts = database.read(
        lambda db: contributions.participation_counts(db=db, session_id=session_id)
    )
    assert counts == {None: 2}
    database.write(lambda db: contributions.restore_contribution(db=db, contribution_id=ids[1]))
    assert live() == ["a", "b", "c"]


def test_latest_pages_backwards(database: Database) -> None:
    session_id = _session(database)

    def log_all(db):  # type: ignore[no-untyped-def]
        for number in range(1, 26):
            contributions.log_contribution(
                db=db,
                session_id=session_id,
                speaker=ROOM,
                kind=Kind.REMARK,
                text=str(number),
                at=AT,
            )

    database.write(log_all)
    newest = database.read(
        lambda db: contributions.latest_contributions(db=db, session_id=session_id, limit=10)
    )
    assert [c.seq for c in newest] == list(range(16, 26))
    older = database.read(
        lambda db: contributions.latest_contributions(
            db=db, session_id=session_id, limit=10, before_seq=16
        )
    )
    assert [c.seq for c in older] == list(range(6, 16))


def test_reply_and_phase_must_belong_to_the_session(database: Database) -> None:
    here = _session(database, "Hier")
    there = _session(database, "Daar")
    phase = database.write(lambda db: phases.add_phase(db=db, session_id=there, title="Opening"))
    with pytest.raises(InvalidInput):
        database.write(
            lambda db: contributions.log_contribution(
                db=db,
                session_id=here,
                speaker=ROOM,
                kind=Kind.REMARK,
                text="x",
                at=AT,
                phase_id=phase.id,
            )
        )


def test_logging_clears_the_draft_in_the_same_transaction(database: Database) -> None:
    session_id = _session(database)
    database.write(lambda db: drafts.save_draft(db=db, session_id=session_id, text="@Anna half"))
    assert database.read(lambda db: drafts.load_draft(db=db, session_id=session_id)) == "@Anna half"
    database.write(
        lambda db: contributions.log_contribution(
            db=db,
            session_id=session_id,
            speaker=ROOM,
            kind=Kind.REMARK,
            text="half",
            at=AT,
            clear_draft_text=True,
        )
    )
    assert database.read(lambda db: drafts.load_draft(db=db, session_id=session_id)) == ""
