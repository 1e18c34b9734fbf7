"""Corrections of participants, phases and sessions: each does what it says, is recorded, and
is reversed exactly (same ids, same places, same contributions)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.corrections import ParticipantFacts
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder, TermKind
from dialoog_tui.core.model import NewSession
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.errors import InvalidInput, NotFound
from dialoog_tui.services import capture, corrections, sessions
from dialoog_tui.store.contributions import get_contribution, log_entry
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.interests import interest_states
from dialoog_tui.store.participants import (
    create_participant,
    list_participants,
    list_session_participants,
)
from dialoog_tui.store.phases import list_phases
from dialoog_tui.store.sessions import get_session
from dialoog_tui.store.vocabulary import shared_vocabulary
from tests.store.writing import AT, log, start


def _people(database: Database, session_id: int) -> list[tuple[str, str | None]]:
    return [
        (p.name, p.domain)
        for p in database.read(lambda db: list_session_participants(db=db, session_id=session_id))
    ]


def test_a_participant_is_renamed_and_given_another_domain_and_back(database: Database) -> None:
    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Piet", "overheid")))
    lote = corrections.find_participant(database, "lote")
    changed = corrections.change_participant(
        database, lote.id, ParticipantFacts("Lotte", "ondernemer", "Bakkerij")
    )
    assert _people(database, session_id) == [("Lotte", "ondernemer"), ("Piet", "overheid")]
    assert changed.before == ParticipantFacts("Lote", "inwoner", None)
    corrections.reverse(database, changed)
    assert _people(database, session_id) == [("Lote", "inwoner"), ("Piet", "overheid")]
    history = corrections.history(database)
    assert [action for _at, _who, action, _what in history] == ["undo change", "change"]
    assert "name: Lote → Lotte" in history[1][3]


def test_an_unknown_domain_is_refused_and_nothing_changes(database: Database) -> None:
    session_id = start(database, "Groen", (("Lote", "inwoner"),))
    lote = corrections.find_participant(database, "Lote")
    with pytest.raises(InvalidInput):
        corrections.change_participant(
            database, lote.id, ParticipantFacts("Lotte", "marsmens", None)
        )
    assert _people(database, session_id) == [("Lote", "inwoner")]
    assert corrections.history(database) == []


def test_a_merge_moves_every_contribution_and_place_and_undo_splits_them_again(
    database: Database,
) -> None:
    first = start(database, "Groen", (("Lotte", "inwoner"), ("Lote", None)))
    second = start(database, "Verkeer", (("Lote", None),))
    log(database, first, "Lote", Kind.REMARK, "Meer bomen")
    log(database, second, "Lote", Kind.QUESTION, "Wanneer?")
    log(database, first, "Lotte", Kind.REMARK, "Bankjes")
    lotte, lote = (
        corrections.find_participant(database, name, session_key=str(first))
        for name in ("Lotte", "Lote")
    )
    merged = corrections.merge_participants(database, lote.id, lotte.id)
    assert len(merged.moved) == 2
    assert _people(database, first) == [("Lotte", "inwoner")]
    assert _people(database, second) == [("Lotte", "inwoner")]
    names = [p.name for p in database.read(lambda db: list_participants(db=db))]
    assert names == ["Lotte"]
    assert all(
        database.read(
            lambda db, cid=cid: get_contribution(db=db, contribution_id=cid)
        ).participant_id
        == lotte.id
        for cid in merged.moved
    )
    corrections.reverse(database, merged)
    assert _people(database, first) == [("Lotte", "inwoner"), ("Lote", None)]
    assert _people(database, second) == [("Lote", None)]
    assert {
        database.read(
            lambda db, cid=cid: get_contribution(db=db, contribution_id=cid)
        ).participant_id
        for cid in merged.moved
    } == {lote.id}
    corrections.repeat(database, merged)
    assert _people(database, second) == [("Lotte", "inwoner")]


def test_only_a_participant_without_contributions_can_be_removed(database: Database) -> None:
    session_id = start(database, "Groen", (("Anna", "inwoner"), ("Bram", "overheid")))
    log(database, session_id, "Anna", Kind.REMARK, "Meer bomen")
    anna = corrections.find_participant(database, "Anna")
    with pytest.raises(InvalidInput, match="merge"):
        corrections.remove_participant(database, anna.id)
    bram = corrections.find_participant(database, "Br")
    removed = corrections.remove_participant(database, bram.id)
    assert _people(database, session_id) == [("Anna", "inwoner")]
    corrections.reverse(database, removed)
    assert _people(database, session_id) == [("Anna", "inwoner"), ("Bram", "overheid")]
    assert corrections.find_participant(database, "Bram").id == bram.id


def test_undoing_the_line_that_introduced_a_typo_removes_the_typo(database: Database) -> None:
    session_id = start(database, "Groen", (("Lotte", "inwoner"),))
    logged = log_entry(
        database,
        session_id=session_id,
        speaker=Speaker(new_name="Lote"),
        kind=Kind.REMARK,
        text="Meer bomen",
        at=AT,
    )
    assert ("Lote", None) in _people(database, session_id)
    removed, forgotten = capture.unlog(database, logged.contribution.id, forget_speaker=True)
    assert forgotten is not None and forgotten.participant.name == "Lote"
    assert logged.participant is not None and removed.participant_id == logged.participant.id
    assert _people(database, session_id) == [("Lotte", "inwoner")]
    with pytest.raises(NotFound):
        corrections.find_participant(database, "Lote")
    back = capture.relog(database, logged.contribution.id, forgotten)
    assert back.deleted_at is None and back.participant_id == forgotten.participant.id
    assert _people(database, session_id) == [("Lotte", "inwoner"), ("Lote", None)]


def test_a_speaker_who_spoke_before_is_kept_when_a_line_is_undone(database: Database) -> None:
    session_id = start(database, "Groen", (("Lotte", "inwoner"),))
    log(database, session_id, "Lotte", Kind.REMARK, "Eerst")
    second = log(database, session_id, "Lotte", Kind.REMARK, "Daarna")
    _removed, forgotten = capture.unlog(database, second.id, forget_speaker=True)
    assert forgotten is None
    assert _people(database, session_id) == [("Lotte", "inwoner")]


def _agenda(database: Database, session_id: int) -> list[str]:
    return [p.title for p in database.read(lambda db: list_phases(db=db, session_id=session_id))]


def test_phases_are_renamed_moved_and_a_stray_one_removed_with_its_contributions(
    database: Database,
) -> None:
    session_id = database.write(
        lambda db: sessions.start_session(
            db=db,
            new=NewSession(
                "Groen", participants=(("Anna", "inwoner"),), phases=("Opening", "Idee", "Ideeën")
            ),
        )
    )
    stray = corrections.find_phase(database, session_id, "Idee")
    assert stray.title == "Idee"
    capture.go_to_phase(
        database,
        session_id,
        "2",
        agenda=database.read(lambda db: list_phases(db=db, session_id=session_id)),
    )
    said = log_entry(
        database,
        session_id=session_id,
        speaker=Speaker(participant=corrections.find_participant(database, "Anna")),
        kind=Kind.REMARK,
        text="Een plein",
        at=AT,
        phase_id=stray.id,
    )
    ideas = corrections.find_phase(database, session_id, "Ideeë")
    removed = corrections.remove_phase(database, stray.id, into=ideas.id)
    assert _agenda(database, session_id) == ["Opening", "Ideeën"]
    moved = database.read(lambda db: get_contribution(db=db, contribution_id=said.contribution.id))
    assert moved.phase_id == ideas.id
    assert removed.was_current
    assert (
        database.read(lambda db: get_session(db=db, session_id=session_id)).current_phase_id
        == ideas.id
    )
    corrections.reverse(database, removed)
    assert _agenda(database, session_id) == ["Opening", "Idee", "Ideeën"]
    back = database.read(lambda db: get_contribution(db=db, contribution_id=said.contribution.id))
    assert back.phase_id == stray.id
    renamed = corrections.rename_phase(database, stray.id, "Dromen")
    moved_up = corrections.move_phase(database, replace(stray, title="Dromen"), 1)
    assert _agenda(database, session_id) == ["Dromen", "Opening", "Ideeën"]
    assert [
        p.position for p in database.read(lambda db: list_phases(db=db, session_id=session_id))
    ] == [1, 2, 3]
    corrections.reverse(database, moved_up)
    corrections.reverse(database, renamed)
    assert _agenda(database, session_id) == ["Opening", "Idee", "Ideeën"]


def test_a_session_is_edited_deleted_and_restored(database: Database) -> None:
    kept = start(database, "Groen", (("Anna", "inwoner"),))
    gone = start(database, "Test", (("Bram", "inwoner"),))
    log(database, gone, "Bram", Kind.REMARK, "proef")
    facts = corrections.session_facts(database, kept)
    when = datetime(2026, 11, 3, 19, 30, tzinfo=UTC)
    edited = corrections.edit_session(
        database,
        kept,
        replace(
            facts,
            title="Groen plan",
            location="Wijkhuis",
            started_at=when,
            default_consent=Consent.ANONYMOUS,
        ),
    )
    after = corrections.session_facts(database, kept)
    assert (after.title, after.location, after.started_at, after.default_consent) == (
        "Groen plan",
        "Wijkhuis",
        when,
        Consent.ANONYMOUS,
    )
    assert "place: — → Wijkhuis" in corrections.history(database)[0][3]
    corrections.reverse(database, edited)
    assert corrections.session_facts(database, kept).title == "Groen"

    corrections.delete_session(database, gone)
    assert [s.session.id for s in sessions.listing(database)] == [kept]
    assert sessions.session_ids(database, None) == [kept]
    with pytest.raises(NotFound):
        sessions.session_ids(database, ["test"])
    assert [s.id for s in corrections.deleted_sessions(database)] == [gone]
    restored = corrections.restore_session(database, "test")
    assert restored.id == gone
    assert sorted(s.session.id for s in sessions.listing(database)) == sorted([kept, gone])


def test_undoing_a_phase_move_after_a_new_phase_keeps_the_new_one(database: Database) -> None:
    session_id = database.write(
        lambda db: sessions.start_session(db=db, new=NewSession("Groen", phases=("A", "B", "C")))
    )
    c = corrections.find_phase(database, session_id, "C")
    moved = corrections.move_phase(database, c, 1)
    agenda = database.read(lambda db: list_phases(db=db, session_id=session_id))
    capture.go_to_phase(database, session_id, "D", agenda=agenda)  # typed during the meeting
    corrections.reverse(database, moved)
    assert _agenda(database, session_id) == ["A", "B", "C", "D"]
    corrections.repeat(database, moved)
    assert _agenda(database, session_id) == ["C", "A", "B", "D"]


def test_a_merged_participant_comes_back_under_a_number_no_newcomer_took(
    tmp_path: Path,
) -> None:
    # Without AUTOINCREMENT SQLite hands out the highest id again once its holder is gone.
    database = open_database(resolve_target(str(tmp_path / "reuse.sqlite3")))
    start(database, "Groen", (("Jan", "inwoner"), ("Jna", None)))
    jan, jna = (corrections.find_participant(database, name) for name in ("Jan", "Jna"))
    merged = corrections.merge_participants(database, jna.id, jan.id)
    kees = database.write(lambda db: create_participant(db=db, name="Kees"))
    assert kees.id not in (jan.id, jna.id)
    corrections.reverse(database, merged)
    people = database.read(lambda db: list_participants(db=db))
    assert sorted((p.name, p.id) for p in people) == sorted(
        [("Jan", jan.id), ("Jna", jna.id), ("Kees", kees.id)]
    )
    database.close()


def test_a_removed_phase_comes_back_under_a_number_no_new_phase_took(tmp_path: Path) -> None:
    database = open_database(resolve_target(str(tmp_path / "reuse.sqlite3")))
    session_id = database.write(
        lambda db: sessions.start_session(db=db, new=NewSession("Groen", phases=("A", "B")))
    )
    b = corrections.find_phase(database, session_id, "B")
    removed = corrections.remove_phase(database, b.id, into=None)
    agenda = database.read(lambda db: list_phases(db=db, session_id=session_id))
    stray, _ = capture.go_to_phase(database, session_id, "Stray", agenda=agenda)
    assert stray.id != b.id
    corrections.reverse(database, removed)
    assert _agenda(database, session_id) == ["A", "B", "Stray"]  # back in its place
    assert corrections.find_phase(database, session_id, "B").id == b.id
    database.close()


def test_a_deleted_session_leaves_the_ladder_and_the_vocabulary(database: Database) -> None:
    kept = start(database, "Groen", (("Anna", "inwoner"),))
    gone = start(database, "Geheim", (("Bram", "inwoner"),))
    log(database, kept, "Anna", Kind.RESISTANCE, "geen garage", Ladder(("bereikbaarheid",)))
    log(database, gone, "Bram", Kind.RESISTANCE, "sluiting", Ladder(("zwijgplicht",)))
    corrections.delete_session(database, gone)
    states = database.read(lambda db: interest_states(db=db, session_ids=None))
    assert [(s.interest, s.session_title) for s in states] == [("bereikbaarheid", "Groen")]
    used = database.read(lambda db: shared_vocabulary(db=db, kind=TermKind.INTEREST))
    assert "zwijgplicht" not in {term.name for term, count in used if count}


def test_a_commitment_owned_by_a_corrected_name_follows_it_and_its_undo(
    database: Database,
) -> None:
    """A commitment's owner is its speaker's name as typed: a typo merged away or a name
    corrected must not stay in the ledger (the minutes print it)."""
    from dialoog_tui.store.commitments import commitments_of

    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    promise = log(database, session_id, "Lote", Kind.COMMITMENT, "ik regel de zaal")
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))

    def owner() -> str | None:
        ledger = database.read(lambda db: commitments_of(db=db, contribution_ids=[promise.id]))
        return ledger[promise.id].owner

    assert owner() == "Lote"
    merged = corrections.merge_participants(database, lote.id, lotte.id)
    assert owner() == "Lotte"
    corrections.reverse(database, merged)
    assert owner() == "Lote"
    renamed = corrections.change_participant(
        database, lote.id, ParticipantFacts("Loes", None, None)
    )
    assert owner() == "Loes"
    corrections.reverse(database, renamed)
    assert owner() == "Lote"
