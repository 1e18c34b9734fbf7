"""The names participants went by before a correction: kept by a rename or a merge, given up
exactly by its undo, never inherited by someone who gets a removed person's number, and read
by imports before a beginning of today's names is."""

from __future__ import annotations

from dialoog_tui.core.corrections import ParticipantFacts
from dialoog_tui.core.importing import read_import
from dialoog_tui.core.kinds import Kind
from dialoog_tui.services import corrections
from dialoog_tui.services.imports import import_rows
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.former_names import by_former_name
from dialoog_tui.store.participants import create_participant
from dialoog_tui.store.records import load_session_record
from tests.store.writing import AT, log, start


def _former(database: Database) -> dict[str, str]:
    """Each former name, with the name of whom it means now."""
    ids = database.read(by_former_name)
    people = {p.id: p.name for p in corrections.participants(database, None)}
    return {key: people[holders[-1]] for key, holders in ids.items()}


def _speakers(database: Database, session_id: int, notes: str, *, csv: bool = False) -> list:
    """Import `notes` into the session; then who said what there, in order."""
    read = read_import(notes, is_csv=csv)
    database.write(
        lambda db: import_rows(
            db=db,
            rows=read.rows,
            problems=[],
            session_key=str(session_id),
            fallback_title="x",
            skip_bad=False,
        )
    )
    record = database.read(lambda db: load_session_record(db=db, session_id=session_id))
    return [
        (record.speaker(c).name if record.speaker(c) else None, c.text)
        for c in record.contributions
    ]


def test_an_undone_rename_or_merge_leaves_no_former_name(database: Database) -> None:
    start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    renamed = corrections.change_participant(
        database, lote.id, ParticipantFacts("Loes", None, None)
    )
    assert _former(database) == {"lote": "Loes"}
    corrections.reverse(database, renamed)
    assert _former(database) == {}  # not "loes": that was the mistake
    merged = corrections.merge_participants(database, lote.id, lotte.id)
    assert _former(database) == {"lote": "Lotte"}
    corrections.reverse(database, merged)
    assert _former(database) == {}
    # As the TUI's undo stack does it: the same record undone, redone and undone again.
    corrections.repeat(database, merged)
    assert _former(database) == {"lote": "Lotte"}
    corrections.reverse(database, merged)
    assert _former(database) == {}
    corrections.repeat(database, renamed)
    corrections.reverse(database, renamed)
    assert _former(database) == {}


def test_a_merge_hands_over_the_names_the_merged_went_by(database: Database) -> None:
    start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    corrections.change_participant(database, lote.id, ParticipantFacts("Lot", None, None))
    merged = corrections.merge_participants(database, lote.id, lotte.id)
    assert _former(database) == {"lote": "Lotte", "lot": "Lotte"}
    corrections.reverse(database, merged)
    assert _former(database) == {"lote": "Lot"}


def test_a_removed_person_takes_their_former_names_along(database: Database) -> None:
    start(database, "Groen", (("Jan", "inwoner"), ("Zed", None)))
    zed = corrections.find_participant(database, "Zed")
    corrections.change_participant(database, zed.id, ParticipantFacts("Zora", None, None))
    removed = corrections.remove_participant(database, zed.id)
    assert _former(database) == {}
    assert removed.former_names == ("zed",)


def test_a_former_name_comes_back_with_the_person_brought_back(database: Database) -> None:
    start(database, "Groen", (("Jan", "inwoner"), ("Zed", None)))
    zed = corrections.find_participant(database, "Zed")
    corrections.change_participant(database, zed.id, ParticipantFacts("Zora", None, None))
    removed = corrections.remove_participant(database, zed.id)
    corrections.reverse(database, removed)
    assert _former(database) == {"zed": "Zora"}


def test_a_whole_former_name_goes_before_a_beginning_of_someone_elses(database: Database) -> None:
    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    corrections.change_participant(database, lote.id, ParticipantFacts("Charlotte", None, None))
    corrections.change_participant(database, lotte.id, ParticipantFacts("Loterij", None, None))
    # "@Lote" begins "Loterij", but it is the whole name Charlotte went by.
    said = _speakers(database, session_id, "@Lote iets nieuws\n@Lot nog iets\n")
    assert said == [("Charlotte", "iets nieuws"), ("Loterij", "nog iets")]


def test_a_name_someone_of_the_session_goes_by_today_means_them(database: Database) -> None:
    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Piet", "overheid")))
    lote, piet = (corrections.find_participant(database, n) for n in ("Lote", "Piet"))
    corrections.change_participant(database, lote.id, ParticipantFacts("Lotte", None, None))
    corrections.change_participant(database, piet.id, ParticipantFacts("Lote", None, None))
    said = _speakers(database, session_id, "speaker,text\nLote,wie nu zo heet\n", csv=True)
    assert said == [("Lote", "wie nu zo heet")]  # Piet, now called Lote, not Lotte


def test_someone_elsewhere_by_a_former_name_does_not_take_the_sessions_rows(
    database: Database,
) -> None:
    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Piet", "overheid")))
    lote = corrections.find_participant(database, "Lote")
    corrections.change_participant(database, lote.id, ParticipantFacts("Lotte", None, None))
    database.write(lambda db: create_participant(db=db, name="Lote"))  # of another meeting
    said = _speakers(database, session_id, "speaker,text\nLote,nog een regel\n", csv=True)
    assert said == [("Lotte", "nog een regel")]


def test_a_former_name_means_its_person_only_in_a_session_they_are_part_of(
    database: Database,
) -> None:
    start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    elsewhere = start(database, "Noord", (("Piet", "overheid"),))
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    corrections.merge_participants(database, lote.id, lotte.id)
    said = _speakers(database, elsewhere, "speaker,text\nLote,een andere Lote\n", csv=True)
    assert said == [("Lote", "een andere Lote")]


def test_an_anonymised_export_keeps_out_a_name_someone_went_by(database: Database) -> None:
    """After Lote was merged into Lotte, "Lote" in a text is still Lotte's name."""
    from dialoog_tui.services.exports import ExportChoice, session_export

    session_id = start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    log(database, session_id, "Lotte", Kind.REMARK, "Lote zei het al: meer bomen")
    log(database, session_id, "Lote", Kind.REMARK, "zeker")
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    corrections.merge_participants(database, lote.id, lotte.id)
    for format in ("md", "json"):
        choice = ExportChoice(format, anonymize=True, pictures=False)
        text = session_export(database, str(session_id), choice, now=AT).text
        assert "Lote" not in text and "Lotte" not in text
        assert "Inwoner 1 zei het al" in text


def test_two_people_who_went_by_one_name_are_each_found_in_their_own_meeting(
    database: Database,
) -> None:
    first = start(database, "Groen", (("Lote", "inwoner"), ("Lotte", "inwoner")))
    lote, lotte = (corrections.find_participant(database, n) for n in ("Lote", "Lotte"))
    corrections.merge_participants(database, lote.id, lotte.id)
    second = start(database, "Noord", (("Lote", "overheid"),))  # someone else, later
    other = corrections.find_participant(database, "Lote")
    corrections.change_participant(database, other.id, ParticipantFacts("Loes", None, None))
    notes = "speaker,text\nLote,{}\n"
    assert _speakers(database, first, notes.format("in Groen"), csv=True)[-1] == (
        "Lotte",
        "in Groen",
    )
    assert _speakers(database, second, notes.format("in Noord"), csv=True)[-1] == (
        "Loes",
        "in Noord",
    )
