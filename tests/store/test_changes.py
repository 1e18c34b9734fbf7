"""What other screens corrected reaches a screen open on the session: each change counts
in its session, and a screen reads what changed after the count it saw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.errors import InvalidInput
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


def test_a_merge_and_a_removed_phase_count_as_changes_of_the_lines_they_move(
    database: Database,
) -> None:
    from dialoog_tui.store import corrections, phases

    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 2"))
    stray = database.write(lambda db: phases.add_phase(db=db, session_id=session.id, title="Idee"))
    lines = [
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=name, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT,
            phase_id=stray.id,
        )
        for name, text in (("Lotte", "meer bankjes"), ("Lote", "en schaduw"))
    ]
    lotte, lote = (line.participant for line in lines)
    assert lotte is not None and lote is not None
    before = capture.since(
        database, session.id, seq=2, seen=[line.contribution.id for line in lines]
    )

    database.write(lambda db: corrections.merge_participants(db, lote.id, lotte.id))
    merged = capture.since(database, session.id, seq=2, changes=before.changes)
    assert [(c.text, c.participant_id) for c in merged.changed] == [("en schaduw", lotte.id)]
    assert merged.counts == {lotte.id: 2}

    database.write(lambda db: phases.remove_phase(db, stray.id, None))
    moved = capture.since(database, session.id, seq=2, changes=merged.changes)
    assert [(c.text, c.phase_id) for c in moved.changed] == [
        ("meer bankjes", None),
        ("en schaduw", None),
    ]


def test_a_typed_line_for_someone_merged_away_meanwhile_is_refused_with_a_reason(
    database: Database,
) -> None:
    from dialoog_tui.store import corrections

    session = database.write(lambda db: sessions.create_session(db=db, title="Tafel 3"))
    lotte, lote = (
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=name, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT,
        ).participant
        for name, text in (("Lotte", "meer bankjes"), ("Lote", "en schaduw"))
    )
    assert lotte is not None and lote is not None
    database.write(lambda db: corrections.merge_participants(db, lote.id, lotte.id))
    # A screen that has not heard of the merge yet logs the next line for Lote.
    with pytest.raises(InvalidInput) as refused:
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(participant=lote),
            kind=Kind.REMARK,
            text="en een boom",
            at=AT,
        )
    assert refused.value.key == "error.speaker_gone"
    stored = database.read(
        lambda db: contributions.session_contributions(db=db, session_id=session.id)
    )
    assert [c.text for c in stored] == ["meer bankjes", "en schaduw"]  # no Lote again


def seated(database: Database, session_id: int, name: str) -> int:
    """A participant who sits in the session and has not spoken yet."""
    from dialoog_tui.store import participants

    def join(db: Session) -> int:
        person = participants.create_participant(db=db, name=name, domain="inwoner")
        participants.join_session(db=db, session_id=session_id, participant_id=person.id)
        return person.id

    return database.write(join)


def test_renames_of_people_phases_and_the_session_count_only_where_they_show(
    database: Database,
) -> None:
    from msgspec.structs import replace

    from dialoog_tui.core.corrections import ParticipantFacts
    from dialoog_tui.store import corrections, phases

    here = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    there = database.write(lambda db: sessions.create_session(db=db, title="Tafel 2"))

    quiet, typo = (seated(database, here.id, name) for name in ("Anneke", "Ane"))
    phase = database.write(lambda db: phases.add_phase(db=db, session_id=here.id, title="Idee"))

    def counts() -> tuple[int, int]:
        return (
            capture.since(database, here.id, seq=0).changes,
            capture.since(database, there.id, seq=0).changes,
        )

    start, _ = counts()  # adding the phase counted already
    assert counts() == (start, 0)
    after = ParticipantFacts("Anne", "ondernemer", None)
    database.write(lambda db: corrections.change_participant(db, quiet, after))
    assert counts() == (start + 1, 0)
    database.write(lambda db: corrections.merge_participants(db, typo, quiet))
    database.write(lambda db: phases.rename_phase(db, phase.id, "Ideeën"))
    facts = database.read(lambda db: sessions.session_facts(db, here.id))
    edited = replace(facts, title="Tafel één")
    database.write(lambda db: sessions.edit_session(db, here.id, edited))
    assert counts() == (start + 4, 0)

    now = capture.since(database, here.id, seq=0, changes=start + 1)
    assert [(p.name, p.domain) for p in now.session_participants] == [("Anne", "ondernemer")]
    assert [p.title for p in now.phases] == ["Ideeën"]
    assert now.session is not None and now.session.title == "Tafel één"
    assert capture.since(database, here.id, seq=0, changes=now.changes).session is None


def test_every_correction_of_seats_and_agenda_and_its_undo_counts_where_it_shows(
    database: Database,
) -> None:
    from dialoog_tui.store import corrections, phases

    here = database.write(lambda db: sessions.create_session(db=db, title="Tafel 1"))
    there = database.write(lambda db: sessions.create_session(db=db, title="Tafel 2"))

    quiet = seated(database, here.id, "Stil")
    first, second = (
        database.write(
            lambda db, title=title: phases.add_phase(db=db, session_id=here.id, title=title)
        )
        for title in ("Opening", "Ideeën")
    )
    spoke = contributions.log_entry(
        database,
        session_id=here.id,
        speaker=Speaker(new_name="Lote", domain="inwoner"),
        kind=Kind.REMARK,
        text="meer bankjes",
        at=AT,
    ).participant
    assert spoke is not None
    seen = capture.since(database, here.id, seq=1).changes

    def counted(correction: Callable[[Session], object]) -> None:
        nonlocal seen
        database.write(correction)
        now = capture.since(database, here.id, seq=1).changes
        assert now > seen, correction
        assert capture.since(database, there.id, seq=0).changes == 0
        seen = now

    removed = database.write(lambda db: corrections.remove_participant(db, quiet))
    counted(lambda db: corrections.bring_back_participant(db, removed))
    merged = database.write(lambda db: corrections.merge_participants(db, spoke.id, quiet))
    counted(lambda db: corrections.unmerge(db, merged))
    counted(lambda db: phases.reorder_phases(db, here.id, (second.id, first.id)))
    counted(lambda db: phases.add_phase(db=db, session_id=here.id, title="Afspraken"))
    gone = database.write(lambda db: phases.remove_phase(db, first.id, None))
    counted(lambda db: phases.bring_back_phase(db, gone))
    names = [
        p.name for p in capture.since(database, here.id, seq=1, changes=0).session_participants
    ]
    assert sorted(names) == ["Lote", "Stil"]
