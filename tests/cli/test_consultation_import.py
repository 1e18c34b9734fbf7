"""An online consultation beside the meetings: a Pol.is comment export and a survey CSV
with a column mapping, each into a session of its own marked online (issue 23)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialoog_tui.__main__ import main

from .running import run

POLIS = """\
timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1770000000000,Mon Feb 02 2026,0,3,12,2,1,Laat bewoners met een vergunning gewoon voor de deur parkeren.
1770000060000,Mon Feb 02 2026,1,5,9,4,1,Een parkeergarage onder het plein lost het parkeerprobleem op.
1770000120000,Mon Feb 02 2026,2,7,3,8,-1,Dit is spam met een scheldwoord erin.
1770000180000,Mon Feb 02 2026,3,3,15,1,1,Waar parkeren de klanten van de bakker straks hun auto?
1770000240000,Mon Feb 02 2026,4,8,11,0,1,"Zonder parkeerplaatsen voor de deur gaan de winkels dicht, zegt de slager."
1770000300000,Mon Feb 02 2026,5,9,7,3,0,Parkeren voor bewoners moet betaalbaar blijven.
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("consultation")
    db = str(folder / "demo.sqlite3")
    assert main(["--lang", "en", "--db", db, "demo"]) == 0
    comments = folder / "comments.csv"
    comments.write_text(POLIS, encoding="utf-8")
    return db, comments


def session_json(capsys: pytest.CaptureFixture[str], db: str, key: str) -> dict[str, object]:
    code, out, err = run(capsys, "--db", db, "export", key, "--format", "json")
    assert code == 0, err
    document: dict[str, object] = json.loads(out)
    return document


def test_a_polis_export_lands_in_an_online_session_without_what_was_moderated_out(
    capsys: pytest.CaptureFixture[str], demo: tuple[str, Path]
) -> None:
    db, comments = demo
    code, out, _ = run(capsys, "--db", db, "import", str(comments), "--session", "Raadpleging")
    assert code == 0
    assert "imported 5 contributions into 1 session, 1 new" in out
    assert "1 comment the moderator took out was left out" in out
    document = session_json(capsys, db, "raadpleging")
    session = document["session"]
    assert isinstance(session, dict) and session["location"] == "online"
    said = document["contributions"]
    assert isinstance(said, list) and len(said) == 5
    assert not any("spam" in c["text"] for c in said)
    assert [c["ref"].split(":")[1] for c in said] == ["0", "1", "3", "4", "5"]
    assert all(c["speaker"] is None and c["tags"] == ["polis"] for c in said)
    written = datetime.fromisoformat(said[0]["at"])
    assert written == datetime(2026, 2, 2, 2, 40, tzinfo=UTC)  # 1770000000000 ms
    # The same export again adds nothing.
    code, out, _ = run(capsys, "--db", db, "import", str(comments), "--session", "Raadpleging")
    assert code == 0 and "5 already there, 0 new" in out


def test_a_theme_is_heard_both_in_the_room_and_online(
    capsys: pytest.CaptureFixture[str], demo: tuple[str, Path]
) -> None:
    db, comments = demo
    run(capsys, "--db", db, "import", str(comments), "--session", "Raadpleging")
    code, out, _ = run(capsys, "--db", db, "themes", "--all", "--json")
    assert code == 0
    report = json.loads(out)
    online = next(
        sid for sid in report["run"]["sessions"] if sid not in (1, 2, 3)
    )  # the demo's three evenings come first
    both = [
        theme
        for theme in report["themes"]
        if online in {s["id"] for s in theme["sessions"]}
        and {s["id"] for s in theme["sessions"]} & {1, 2, 3}
    ]
    assert both, [t["label"] for t in report["themes"]]


def test_a_survey_csv_is_read_by_its_column_mapping(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "survey.sqlite3")
    survey = tmp_path / "enquete.csv"
    survey.write_text(
        "Respondent;Antwoord;Ingevuld op;Leeftijd\n"
        "Anna;Meer groen op het plein;2026-03-01 10:00;34\n"
        "Bas;Een bankje bij de bushalte;2026-03-01 11:30;71\n",
        encoding="utf-8",
    )
    code, _, err = run(
        capsys,
        "--db",
        db,
        "import",
        str(survey),
        "--map",
        "text=Antwoord,speaker=Respondent,at=Ingevuld op",
        "--online",
    )
    assert code == 0, err
    document = session_json(capsys, db, "enquete")
    said = document["contributions"]
    assert isinstance(said, list)
    assert [(c["speaker"], c["text"]) for c in said] == [
        ("Anna", "Meer groen op het plein"),
        ("Bas", "Een bankje bij de bushalte"),
    ]
    session = document["session"]
    assert isinstance(session, dict) and session["location"] == "online"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("tekst=Antwoord", "--map: no field 'tekst'"),
        ("speaker=Respondent", "--map must say which column is the text"),
        ("text=Reactie", "--map names a column the file does not have: Reactie"),
        ("text", "--map wants FIELD=COLUMN, not 'text'"),
        ("text=Antwoord,text=Respondent", "--map names 'text' twice"),
    ],
)
def test_a_mapping_that_does_not_fit_is_said_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mapping: str, message: str
) -> None:
    db = str(tmp_path / "survey.sqlite3")
    survey = tmp_path / "enquete.csv"
    survey.write_text("Respondent,Antwoord\nAnna,Meer groen\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(survey), "--map", mapping)
    assert code != 0 and message in err and "Traceback" not in err
    _, listed, _ = run(capsys, "--db", db, "sessions", "--json")
    assert json.loads(listed) == []


def test_a_second_conversation_is_not_taken_for_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Comment ids count from 0 in every Pol.is conversation."""
    db = str(tmp_path / "two.sqlite3")
    first, second = tmp_path / "a" / "comments.csv", tmp_path / "b" / "comments.csv"
    header = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(header + "1770000000000,x,0,1,0,0,1,Meer bankjes\n", encoding="utf-8")
    second.write_text(header + "1771000000000,y,0,1,0,0,1,Een zwembad\n", encoding="utf-8")
    for comments in (first, second):
        code, out, _ = run(capsys, "--db", db, "import", str(comments), "--session", "Online")
        assert code == 0 and "imported 1 contribution" in out
    code, out, _ = run(capsys, "--db", db, "search", "zwembad")
    assert code == 0 and "Een zwembad" in out


def test_a_mapping_for_a_file_that_is_not_csv_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("@Anna meer groen\n", encoding="utf-8")
    db = str(tmp_path / "notes.sqlite3")
    code, _, err = run(capsys, "--db", db, "import", str(notes), "--map", "text=Antwoord")
    assert code != 0 and "--map is for a CSV file" in err
