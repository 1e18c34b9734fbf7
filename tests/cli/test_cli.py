"""The command line, run in-process as a user would type it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from dialoog_tui.__main__ import main

from .running import run, run_in_dutch


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


def test_demo_loads_once(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0
    assert "3 sessions" in out
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0 and "already there" in out
    _, out, _ = run(capsys, "--db", db, "sessions", "--json")
    listing = json.loads(out)
    assert len(listing) == 3
    assert sum(s["contributions"] for s in listing) >= 150
    assert {"id", "slug", "title", "date", "contributions"} <= listing[0].keys()


def test_demo_has_every_kind_and_the_four_domains(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "demo")
    kinds: set[str] = set()
    domains: set[str] = set()
    for session in range(1, 4):
        _, out, _ = run(capsys, "--db", db, "export", str(session), "--format", "json")
        document = json.loads(out)
        kinds |= {c["kind"] for c in document["contributions"]}
        domains |= {p["domain"] for p in document["participants"]}
    assert kinds == {"remark", "question", "proposal", "resistance", "agreement", "commitment"}
    assert domains == {"inwoner", "overheid", "ondernemer", "maatschappelijke organisatie"}


def test_new_without_opening_prints_id_and_slug(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "new",
        "Stationsplein",
        "--question",
        "Hoe verder?",
        "--participant",
        "Anna/inw",
        "--participant",
        "Jan de Vries/ond",
        "--phase",
        "Opening",
        "--no-open",
    )
    assert code == 0
    assert out.strip() == "1\tstationsplein"
    _, out, _ = run(capsys, "--db", db, "export", "stationsplein")
    document = json.loads(out)
    assert document["session"]["question"] == "Hoe verder?"
    assert document["session"]["current_phase"] == "Opening"
    assert [(p["name"], p["domain"]) for p in document["participants"]] == [
        ("Anna", "inwoner"),
        ("Jan de Vries", "ondernemer"),
    ]


def test_import_csv_then_export_json(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(
        "text,session,speaker,domain,kind,at,tags,phase,ref\n"
        "De parkeerdruk wordt te hoog,Stationsplein,Anna,inw,weerstand,2026-03-12T19:05:00+01:00,parkeren;verkeer,Opening,r1\n"
        "Meer bomen,Stationsplein,Piet,ondernemer,proposal,2026-03-12T19:06:00+01:00,#groen,Opening,r2\n"
        '"Met een komma, en ""quotes""",Marktplein,,,,,,,\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", db, "import", str(source))
    assert code == 0, err
    assert "imported 3 contributions into 2 sessions, 2 new" in out
    _, out, _ = run(capsys, "--db", db, "export", "stationsplein", "--format", "json")
    document = json.loads(out)
    first, second = document["contributions"]
    assert first["text"] == "De parkeerdruk wordt te hoog"
    assert first["speaker"] == "Anna" and first["domain"] == "inwoner"
    assert first["kind"] == "resistance"
    assert first["tags"] == ["parkeren", "verkeer"]
    assert first["phase"] == "Opening"
    assert first["ref"] == "r1"
    assert first["at"].endswith(("+01:00", "+00:00")) and "T" in first["at"]
    assert second["kind"] == "proposal" and second["tags"] == ["groen"]
    assert {
        "seq",
        "ref",
        "at",
        "speaker",
        "domain",
        "kind",
        "text",
        "tags",
        "phase",
        "replies_to",
        "edited_at",
    } <= first.keys()
    _, out, _ = run(capsys, "--db", db, "export", "marktplein")
    assert json.loads(out)["contributions"][0]["text"] == 'Met een komma, en "quotes"'


def test_a_bad_row_imports_nothing_and_names_its_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "slecht.csv"
    source.write_text("text,kind\ngoed,vraag\n\nook goed,remark\nfout,onzin\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "import", str(source), "--session", "Plein")
    assert code == 1
    assert err.splitlines() == [
        "line 5: unknown kind 'onzin' (use remark, question, proposal, resistance, agreement,"
        " commitment)",
        "dialoog: error: 1 row cannot be read; nothing was imported",
    ]
    _, out, _ = run(capsys, "--db", db, "sessions", "--json")
    assert json.loads(out) == []
    _, _, err = run_in_dutch(capsys, "--db", db, "import", str(source), "--session", "Plein")
    assert err.splitlines()[0] == (
        "regel 5: onbekende soort 'onzin' (gebruik inbreng, vraag, voorstel, weerstand,"
        " instemming, afspraak)"
    )
    code, out, err = run(
        capsys, "--db", db, "import", str(source), "--session", "Plein", "--skip-bad"
    )
    assert code == 0
    assert "imported 2 contributions into 1 session, 1 new:" in out
    assert "skipped line 5" in err


def test_an_import_of_one_line_counts_it_in_the_singular(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "een.md"
    source.write_text("# Korte avond\n@Anna/inw Eén opmerking\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(source))
    assert code == 0
    assert out.startswith("imported 1 contribution into 1 session, 1 new:\n")


def test_import_quick_entry_markdown(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "notities.md"
    source.write_text(
        "# Wijkavond Noord\n## Opening\n- [19:05] @Anna/inw ! Te druk #verkeer\n"
        '- [19:06] en te snel\n## Ideeën\n@"Jan de Vries"/ond + Drempels\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", db, "import", str(source))
    assert code == 0 and "imported 3" in out
    _, out, _ = run(capsys, "--db", db, "export", "wijkavond-noord")
    document = json.loads(out)
    rows = [(c["speaker"], c["kind"], c["text"], c["phase"]) for c in document["contributions"]]
    assert rows == [
        ("Anna", "resistance", "Te druk", "Opening"),
        ("Anna", "remark", "en te snel", "Opening"),
        ("Jan de Vries", "proposal", "Drempels", "Ideeën"),
    ]


def test_export_to_a_folder_does_not_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "new", "../../etc/passwd", "--no-open")
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, _ = run(capsys, "--db", db, "export", "1", "-o", str(folder))
    assert code == 0
    written = folder / "etc-passwd.json"
    assert written.exists() and str(written) in out
    assert list(folder.iterdir()) == [written]
    code, _, err = run(capsys, "--db", db, "export", "1", "-o", str(folder))
    assert code == 1 and "--force" in err
    code, _, _ = run(capsys, "--db", db, "export", "1", "-o", str(folder), "--force")
    assert code == 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [["sessions"], ["open", "1"], []])
def test_a_file_that_is_not_sqlite_gives_one_line_and_stays_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("boodschappen: melk, brood\n" * 50)
    before = _digest(path)
    code, _out, err = run(capsys, "--db", str(path), *command)
    assert code == 1
    assert err.count("\n") == 1 and "not an SQLite file" in err
    assert "Traceback" not in err
    assert _digest(path) == before


def test_a_newer_database_gives_one_line_and_stays_untouched(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "demo")
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '0999_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(Path(db))
    for command in (["sessions"], ["open", "1"]):
        code, _, err = run(capsys, "--db", db, *command)
        assert code == 1 and err.count("\n") == 1 and "newer version" in err
    assert _digest(Path(db)) == before


def test_an_unwritable_place_gives_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "/proc/dialoog/x.sqlite3", "sessions")
    assert code == 1 and err.count("\n") == 1


def test_environment_variable_chooses_the_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("DIALOOG_DB", str(path))
    run(capsys, "new", "Via env", "--no-open")
    assert path.exists()


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "open"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "required" in err


def test_unknown_session_is_one_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "--db", db, "export", "nergens")
    assert code == 1 and "no session 'nergens'" in err


def test_sessions_table_shows_control_characters_harmlessly(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "new", "Plein \x1b[31mrood", "--no-open")
    _, out, _ = run(capsys, "--db", db, "sessions")
    assert "\x1b" not in out and "␛[31mrood" in out


def test_a_csv_takes_texts_as_long_as_capture_does(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    long_text = "lang " * 60_000  # 300,000 characters: past the csv module's own limit
    source = tmp_path / "lang.csv"
    source.write_text(f'session,text\nLang,"{long_text.strip()}"\n', encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(source))
    assert code == 0, err
    _, exported, _ = run(capsys, "--db", db, "export", "lang", "--format", "json")
    assert json.loads(exported)["contributions"][0]["text"] == long_text.strip()


def test_the_command_word_is_found_past_the_global_options() -> None:
    from dialoog_tui.cli.parser import command_word

    assert command_word(["--db", "x.sqlite3", "--lang", "nl", "open", "plein"]) == "open"
    assert command_word(["--no-live-themes", "--theme", "dialoog-light"]) is None
    assert command_word(["sessions", "--json"]) == "sessions"


@pytest.mark.parametrize("command", ["open", "room", "wall"])
def test_a_session_the_file_does_not_hold_is_refused_before_the_screen_appears(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    run(capsys, "--db", db, "new", "Groen plan", "--no-open")
    screens: list[str] = []

    def screen(_target: object, request: object, **_options: object) -> int:
        screens.append(str(request))
        return 0

    monkeypatch.setattr("dialoog_tui.cli.launch.run_app", screen)
    monkeypatch.setattr("dialoog_tui.tui.wall.run_wall", screen)
    code, _, err = run(capsys, "--db", db, "--lang", "nl", command, "onbekend")
    assert code == 1
    assert err == (
        "dialoog: fout: geen sessie 'onbekend' (geef een id of slug uit 'dialoog sessions')\n"
    )
    assert screens == []
    for odd in ("²", "9" * 30):  # a digit only to Python; a number no id can be
        code, _, err = run(capsys, "--db", db, "--lang", "nl", command, odd)
        assert code == 1 and err.startswith(f"dialoog: fout: geen sessie '{odd}'"), err
    assert run(capsys, "--db", db, command, "groen-plan")[0] == 0
    assert screens == ["groen-plan"]
