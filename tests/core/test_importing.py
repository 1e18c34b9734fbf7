"""Reading import files, before anything touches the database."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

from dialoog_tui.core.importing import place_clock_time, read_import
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.quick_entry import SpeakerMention

CET = timezone(timedelta(hours=1))


def test_csv_with_all_columns_and_semicolons() -> None:
    read = read_import(
        "text;speaker;domain;kind;at;tags;phase;ref;session\n"
        "Te druk;Anna;inw;Weerstand;2026-03-12 19:05;verkeer, #Parkeren;Opening;7;Plein\n",
        is_csv=True,
        local_zone=CET,
    )
    assert read.problems == []
    (row,) = read.rows
    assert row.text == "Te druk"
    assert row.speaker == SpeakerMention("Anna", "inw")
    assert row.exact_speaker
    assert row.kind is Kind.RESISTANCE
    assert row.at == datetime(2026, 3, 12, 19, 5, tzinfo=CET)
    assert row.tags == ("verkeer", "parkeren")
    assert (row.phase, row.ref, row.session, row.line) == ("Opening", "7", "Plein", 2)


def test_csv_problems_carry_line_numbers() -> None:
    read = read_import(
        'text,kind,at\nok,,\n"twee\nregels",vraag,\n,vraag,\nx,vraag,gisteren\n',
        is_csv=True,
    )
    assert [r.text for r in read.rows] == ["ok", "twee\nregels"]
    assert [(p.line, p.message.split(" ")[0]) for p in read.problems] == [(5, "the"), (6, "'at'")]


def test_csv_without_text_column_says_what_it_has() -> None:
    read = read_import("tkst,wie\nhallo,Anna\n", is_csv=True)
    assert read.rows == []
    assert (
        read.problems[0].message == "the CSV has no 'text' (or 'tekst') column (it has: tkst, wie)"
    )


def test_csv_columns_may_have_their_dutch_names() -> None:
    read = read_import(
        "Tekst;Spreker;Domein;Soort;Toestemming\nte weinig bankjes;Anna;inw;weerstand;anoniem\n",
        is_csv=True,
    )
    assert read.problems == []
    (row,) = read.rows
    assert (row.text, row.speaker, row.kind, row.consent.value) == (
        "te weinig bankjes",
        SpeakerMention("Anna", "inw"),
        Kind.RESISTANCE,
        "anonymous",
    )


def test_quick_entry_lines_with_headings_bullets_and_times() -> None:
    read = read_import(
        "# Avond\n\n## Opening\n- [19:05] @Anna/inw ! Te druk #verkeer\n* en te snel\n"
        "[2026-03-12T20:00:00+01:00] = eens\n<!-- notitie -->\n[25:99] kapot\n",
        is_csv=False,
    )
    first, second, third = read.rows
    assert (first.session, first.phase, first.clock_time) == ("Avond", "Opening", time(19, 5))
    assert first.speaker == SpeakerMention("Anna", "inw") and first.kind is Kind.RESISTANCE
    assert second.speaker is None and second.text == "en te snel"
    assert third.at == datetime(2026, 3, 12, 19, 0, tzinfo=UTC) and third.kind is Kind.AGREEMENT
    assert [(p.line, p.message) for p in read.problems] == [(8, "unreadable time [25:99]")]


def test_clock_times_after_midnight_go_to_the_next_day() -> None:
    start = datetime(2026, 3, 12, 22, 30, tzinfo=CET)
    assert place_clock_time(time(23, 0), start, CET) == datetime(2026, 3, 12, 23, 0, tzinfo=CET)
    assert place_clock_time(time(0, 15), start, CET) == datetime(2026, 3, 13, 0, 15, tzinfo=CET)


def test_a_row_matches_a_stored_contribution_once_with_or_without_its_time() -> None:
    from datetime import UTC, datetime

    from dialoog_tui.core.import_marks import AlreadyThere, StoredMark

    at = datetime(2026, 3, 12, 19, 5, 30, tzinfo=UTC)
    there = AlreadyThere([StoredMark(1, None, 7, at, "Eens.")])
    assert there.take(ref=None, participant_id=7, at=None, text="Eens.")
    assert not there.take(ref=None, participant_id=7, at=at, text="Eens.")
    again = AlreadyThere([StoredMark(1, None, 7, at, "Eens.")])
    assert again.take(ref=None, participant_id=7, at=at.replace(second=2), text=" Eens. ")
    assert not again.take(ref=None, participant_id=7, at=None, text="Eens.")
    assert not again.take(ref=None, participant_id=8, at=at, text="Eens.")
