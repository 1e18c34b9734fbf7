"""Themes read per table and for the whole room: `dialoog themes SESSION --table NAME`
(issue 22)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions, sessions, tables
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target

from .running import run, run_in_dutch

AT = datetime(2026, 12, 6, 19, 30, tzinfo=UTC)
BUS = (
    "de bus naar het dorp rijdt niet meer op zondag",
    "zonder bus op zondag komen ouderen nergens",
    "de buslijn is geschrapt en nu rijdt er geen bus",
    "de bushalte is weg, ik mis de bus naar de stad",
    "op zondag rijdt er geen enkele bus naar het dorp",
    "de bus komt te weinig, een uur wachten op de bus",
)
PLAY = (
    "de speeltuin in de wijk is verouderd en onveilig",
    "kinderen hebben geen plek om te spelen, de speeltuin is kapot",
    "de glijbaan in de speeltuin is al een jaar stuk",
    "een nieuwe speeltuin met schommels voor de kinderen",
    "in de speeltuin liggen scherven, kinderen spelen er niet meer",
    "de speeltuin moet opgeknapt, met een klimrek voor kinderen",
)


@pytest.fixture(scope="module")
def cafe(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, set[int]]]:
    """A world café with two tables that both speak of the bus and of the playground, and
    the ids said at each (an off-record line at Noord left out)."""
    path = str(tmp_path_factory.mktemp("cafe") / "cafe.sqlite3")
    database = open_database(resolve_target(path))
    session = database.write(
        lambda db: sessions.create_session(db=db, title="Wereldcafé", started_at=AT)
    )
    said: dict[str, set[int]] = {"Noord": set(), "Zuid": set()}
    lines = [
        (table, f"{speaker}{table}", text)
        for table in said
        for speaker, texts in (("Anna", BUS), ("Bas", PLAY))
        for text in texts
    ]
    for minute, (name, speaker, text) in enumerate(lines):
        table = database.write(
            lambda db, name=name: tables.take_seat(
                db=db, session_id=session.id, name=name, note_taker=None
            )
        )
        logged = contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=speaker, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT + timedelta(minutes=minute),
            table_id=table.id,
        )
        said[name].add(logged.contribution.id)
    contributions.log_entry(
        database,
        session_id=session.id,
        speaker=Speaker(new_name="Cor", domain="inwoner"),
        kind=Kind.REMARK,
        text="geheim: de bus en de speeltuin worden wegbezuinigd",
        at=AT + timedelta(minutes=30),
        table_id=database.write(
            lambda db: tables.take_seat(db=db, session_id=session.id, name="Noord", note_taker=None)
        ).id,
        consent=Consent.OFF_RECORD,
    )
    database.close()
    return path, said


def themes_json(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> dict[str, object]:
    code, out, err = run(capsys, "--db", db, "themes", "wereldcafe", "--json", *extra)
    assert code == 0, err
    document: dict[str, object] = json.loads(out)
    return document


def test_a_theme_of_the_room_says_at_which_tables_it_was_heard(
    capsys: pytest.CaptureFixture[str], cafe: tuple[str, dict[str, set[int]]]
) -> None:
    db, said = cafe
    room = themes_json(capsys, db)
    assert room["table"] is None
    themes = room["themes"]
    assert isinstance(themes, list) and themes
    for theme in themes:
        members = set(theme["contributions"])
        expected = [
            (name, len(members & ids)) for name, ids in sorted(said.items()) if members & ids
        ]
        heard = sorted((t["name"], t["count"]) for t in theme["tables"])
        assert heard == expected
    # Both subjects were raised at both tables: some theme is heard at both.
    assert any(len(theme["tables"]) == 2 for theme in themes)


def test_read_at_one_table_a_theme_holds_what_was_said_there_under_the_rooms_label(
    capsys: pytest.CaptureFixture[str], cafe: tuple[str, dict[str, set[int]]]
) -> None:
    db, said = cafe
    room = {t["id"]: t for t in themes_json(capsys, db)["themes"]}  # type: ignore[attr-defined]
    north = themes_json(capsys, db, "--table", "noord")
    assert north["table"] == "Noord"
    shown = north["themes"]
    assert isinstance(shown, list) and shown
    for theme in shown:
        assert set(theme["contributions"]) <= said["Noord"]
        whole = room[theme["id"]]
        assert set(theme["contributions"]) == set(whole["contributions"]) & said["Noord"]
        assert theme["label"] == whole["label"] and theme["terms"] == whole["terms"]
        assert all(quote["contribution"] in said["Noord"] for quote in theme["quotes"])
    assert set(north["unassigned"]) <= said["Noord"]  # type: ignore[arg-type]
    # Every theme heard at Noord is there, and none heard only at Zuid.
    heard_north = {key for key, t in room.items() if set(t["contributions"]) & said["Noord"]}
    assert {theme["id"] for theme in shown} == heard_north
    assert "geheim" not in json.dumps(north)


def test_the_terminal_report_names_the_tables_in_dutch(
    capsys: pytest.CaptureFixture[str], cafe: tuple[str, dict[str, set[int]]]
) -> None:
    db, _ = cafe
    code, out, _ = run_in_dutch(capsys, "--db", db, "themes", "wereldcafe")
    assert code == 0
    assert "tafels: " in out and "Noord" in out and "Zuid" in out
    code, out, _ = run_in_dutch(capsys, "--db", db, "themes", "wereldcafe", "--table", "zuid")
    assert code == 0
    assert "Aan tafel Zuid" in out and "tafels: " not in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("wereldcafe", "--table", "west"),
            "no table 'west' in this session (tables: Noord, Zuid)",
        ),
        (("--all", "--table", "noord"), "--table needs exactly one session"),
    ],
)
def test_a_table_that_is_not_there_is_said_before_anything_is_clustered(
    capsys: pytest.CaptureFixture[str],
    cafe: tuple[str, dict[str, set[int]]],
    extra: tuple[str, ...],
    message: str,
) -> None:
    db, _ = cafe
    code, out, err = run(capsys, "--db", db, "themes", *extra)
    assert code != 0
    assert message in err and "Traceback" not in err and out == ""


def test_a_table_of_the_same_name_in_another_session_is_another_table(
    capsys: pytest.CaptureFixture[str],
    cafe: tuple[str, dict[str, set[int]]],
    tmp_path: Path,
) -> None:

    source, said = cafe
    db = str(tmp_path / "two-cafes.sqlite3")
    shutil.copyfile(source, db)
    database = open_database(resolve_target(db))
    other = database.write(
        lambda s: sessions.create_session(db=s, title="Tweede café", started_at=AT)
    )
    north = database.write(
        lambda s: tables.take_seat(db=s, session_id=other.id, name="Noord", note_taker=None)
    )
    for minute, text in enumerate(BUS + PLAY):
        contributions.log_entry(
            database,
            session_id=other.id,
            speaker=Speaker(new_name="Dirk", domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT + timedelta(minutes=minute),
            table_id=north.id,
        )
    database.close()
    code, _, err = run(capsys, "--db", db, "themes", "--all")
    assert code == 0, err
    code, out, err = run(
        capsys, "--db", db, "themes", "wereldcafe", "--table", "noord", "--last", "--json"
    )
    assert code == 0, err
    shown = json.loads(out)
    for theme in shown["themes"]:
        assert set(theme["contributions"]) <= said["Noord"]
        assert {s["title"] for s in theme["sessions"]} == {"Wereldcafé"}
