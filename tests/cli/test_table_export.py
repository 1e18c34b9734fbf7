"""One table's minutes: `dialoog export SESSION --table NAME` (issue 22)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions, sessions, tables
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target

from .running import run, run_in_dutch

AT = datetime(2026, 12, 6, 19, 30, tzinfo=UTC)


@pytest.fixture
def cafe(tmp_path: Path) -> str:
    path = str(tmp_path / "cafe.sqlite3")
    database = open_database(resolve_target(path))
    session = database.write(
        lambda db: sessions.create_session(db=db, title="Wereldcafé", started_at=AT)
    )
    for name, speaker, text, consent, interest in (
        ("Noord", "Anna", "de bus rijdt niet op zondag", None, "bereikbaarheid"),
        ("Zuid", "Bas", "de speeltuin is verouderd", None, "spelen"),
        ("Noord", "Cor", "niet voor het verslag", Consent.OFF_RECORD, "geheimhouding"),
    ):
        table = database.write(
            lambda db, name=name: tables.take_seat(
                db=db, session_id=session.id, name=name, note_taker=None
            )
        )
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=speaker, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT,
            table_id=table.id,
            consent=consent,
            ladder=Ladder(interests=(interest,)),
        )
    database.close()
    return path


def test_one_tables_minutes_hold_only_what_was_said_there(
    capsys: pytest.CaptureFixture[str], cafe: str, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        cafe,
        "export",
        "wereldcafe",
        "--format",
        "md",
        "--table",
        "noord",
        "-o",
        str(tmp_path / "out") + "/",
    )
    assert code == 0
    written = tmp_path / "out" / "wereldcafe-noord-2026-12-06.md"
    assert str(written) in out
    minutes = written.read_text(encoding="utf-8")
    assert minutes.startswith("# Wereldcafé — Noord")
    assert "de bus rijdt niet op zondag" in minutes and "Anna" in minutes
    assert "speeltuin" not in minutes and "Bas" not in minutes
    assert "niet voor het verslag" not in minutes and "Cor" not in minutes


def test_one_table_s_minutes_number_as_the_room_s_minutes_and_the_ladder_do(
    capsys: pytest.CaptureFixture[str], cafe: str
) -> None:
    import re

    _, room, _ = run(capsys, "--db", cafe, "export", "wereldcafe", "--format", "md")
    _, south, _ = run(
        capsys, "--db", cafe, "export", "wereldcafe", "--format", "md", "--table", "zuid"
    )
    numbered = r"#(\d+) · [\d:]+ · \*\*Bas\*\*"
    # Bas's line comes second in the room: #2 at his table too, as 'wereldcafe#2' names it.
    assert re.findall(numbered, room) == ["2"]
    assert re.findall(numbered, south) == ["2"]


def test_the_room_s_minutes_and_json_say_which_table_each_line_was_said_at(
    capsys: pytest.CaptureFixture[str], cafe: str
) -> None:
    _, room, _ = run(capsys, "--db", cafe, "export", "wereldcafe", "--format", "md")
    _, south, _ = run(
        capsys, "--db", cafe, "export", "wereldcafe", "--format", "md", "--table", "zuid"
    )
    _, shared, _ = run(capsys, "--db", cafe, "export", "wereldcafe", "--format", "json")
    assert "**Bas** (inwoner) · *remark* · Zuid: de speeltuin is verouderd" in room
    assert "**Anna** (inwoner) · *remark* · Noord: de bus rijdt niet op zondag" in room
    # At one table every line was said there: its minutes do not say so each time.
    assert "**Bas** (inwoner) · *remark*: de speeltuin is verouderd" in south
    tables = {c["text"]: c["table"] for c in json.loads(shared)["contributions"]}
    assert tables == {"de bus rijdt niet op zondag": "Noord", "de speeltuin is verouderd": "Zuid"}


def test_a_table_that_is_not_there_is_named_with_the_ones_that_are(
    capsys: pytest.CaptureFixture[str], cafe: str
) -> None:
    code, _, err = run_in_dutch(
        capsys, "--db", cafe, "export", "wereldcafe", "--format", "md", "--table", "west"
    )
    assert code == 1
    assert err.strip() == "dialoog: fout: geen tafel 'west' in deze sessie (tafels: Noord, Zuid)"


def test_the_ladder_of_one_table(capsys: pytest.CaptureFixture[str], cafe: str) -> None:
    code, out, _ = run(capsys, "--db", cafe, "ladder", "wereldcafe", "--table", "Zuid", "--json")
    assert code == 0
    assert [i["interest"] for i in json.loads(out)["interests"]] == ["spelen"]
    code, out, _ = run(capsys, "--db", cafe, "ladder", "wereldcafe", "--json")
    assert sorted(i["interest"] for i in json.loads(out)["interests"]) == [
        "bereikbaarheid",
        "spelen",
    ]
    code, _, err = run(capsys, "--db", cafe, "ladder", "--all", "--table", "Zuid")
    assert code == 1 and "exactly one session" in err


def test_a_new_session_made_without_opening_gets_its_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(tmp_path / "nieuw.sqlite3")
    code, out, _ = run(capsys, "--db", path, "new", "Proef", "--table", "Tafel A", "--no-open")
    assert code == 0 and out.split() == ["1", "proef"]
    database = open_database(resolve_target(path))
    try:
        made = database.read(lambda db: tables.list_tables(db=db, session_id=1))
    finally:
        database.close()
    assert [t.name for t in made] == ["Tafel A"]


def test_the_room_view_of_a_session_that_is_not_there_says_so_and_fails(
    capsys: pytest.CaptureFixture[str], cafe: str
) -> None:
    code, _, err = run(capsys, "--db", cafe, "room", "nergens")
    assert code == 1
    assert "no session 'nergens'" in err


def test_the_theme_report_has_no_table(capsys: pytest.CaptureFixture[str], cafe: str) -> None:
    code, _, err = run(capsys, "--db", cafe, "export", "--themes", "--all", "--table", "Noord")
    assert code == 1
    assert "--table is for one session's minutes" in err
