"""`dialoog themes` from the command line: the demo, the JSON schema, stability, edge cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .running import run

THEME_FIELDS = {
    "id": str,
    "name": (str, type(None)),
    "accepted": bool,
    "curated": bool,
    "label": str,
    "terms": list,
    "size": int,
    "sessions": list,
    "domains": dict,
    "tables": list,
    "recurring": bool,
    "cohesion": (float, type(None)),
    "quotes": list,
    "contributions": list,
    "members": list,
}


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.sqlite3")
    code, _, err = run(capsys, "--db", path, "demo")
    assert code == 0, err
    return path


def themes_json(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, "--db", db, "themes", *args, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_the_demo_has_themes_that_recur_across_its_sessions(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "themes", "--all")
    assert code == 0, err
    assert "recurring" in out
    assert "Marktplein Wolderwijk" in out
    assert "“" in out  # quotes are shown
    document = themes_json(capsys, demo_db, "--all")
    recurring = [t for t in document["themes"] if t["recurring"]]
    assert len(recurring) >= 3
    for theme in recurring:
        assert len(theme["sessions"]) >= 2
        assert theme["label"] and theme["terms"]
        assert 1 <= len(theme["quotes"]) <= 3


def test_the_json_follows_the_documented_schema(
    capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path
) -> None:
    document = themes_json(capsys, demo_db, "--all")
    assert document["schema"] == "dialoog.themes" and document["version"] == 2
    assert set(document) == {
        "schema",
        "version",
        "run",
        "min_sessions",
        "table",
        "themes",
        "unassigned",
        "unassigned_members",
    }
    assert document["table"] is None
    assert set(document["run"]) == {
        "id",
        "at",
        "all_sessions",
        "sessions",
        "contributions",
        "method",
    }
    _code, out, _ = run(capsys, "--db", demo_db, "export", "1", "--format", "json")
    exported = {c["seq"] for c in json.loads(out)["contributions"]}
    for theme in document["themes"]:
        assert set(theme) == set(THEME_FIELDS)
        for field, kind in THEME_FIELDS.items():
            assert isinstance(theme[field], kind), field
        assert theme["size"] == len(theme["contributions"])
        assert sum(s["count"] for s in theme["sessions"]) == theme["size"]
        assert sum(theme["domains"].values()) == theme["size"]
        assert all(set(s) == {"id", "title", "count"} for s in theme["sessions"])
        assert theme["tables"] == []  # the demo's meetings sat as one room
        for quote in theme["quotes"]:
            assert set(quote) == {
                "contribution",
                "session",
                "seq",
                "speaker",
                "anonymous",
                "domain",
                "text",
            }
            assert quote["contribution"] in theme["contributions"]
            where = {"session": quote["session"], "seq": quote["seq"]}
            assert theme["members"][theme["contributions"].index(quote["contribution"])] == where
        # The members are named as the session export names them: by session and number.
        assert len(theme["members"]) == theme["size"]
        in_session_1 = [m["seq"] for m in theme["members"] if m["session"] == 1]
        assert set(in_session_1) <= exported
        assert len(in_session_1) == next((s["count"] for s in theme["sessions"] if s["id"] == 1), 0)
    members = [c for t in document["themes"] for c in t["contributions"]]
    assert len(members) == len(set(members))
    assert not set(members) & set(document["unassigned"])
    assert len(members) + len(document["unassigned"]) == document["run"]["contributions"]


def test_running_twice_gives_the_same_themes_and_ids(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    first = themes_json(capsys, demo_db, "--all")
    second = themes_json(capsys, demo_db, "--all")
    assert first["themes"] == second["themes"]
    assert first["unassigned"] == second["unassigned"]


def test_last_shows_the_stored_run_without_clustering(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, _, err = run(capsys, "--db", demo_db, "themes", "--all", "--last")
    assert code == 1
    assert "no stored themes" in err
    ran = themes_json(capsys, demo_db, "--all")
    shown = themes_json(capsys, demo_db, "1", "--last")
    assert shown["run"]["id"] == ran["run"]["id"]
    assert shown["themes"] == ran["themes"]


def test_min_sessions_decides_what_recurs(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    document = themes_json(capsys, demo_db, "--all", "--min-sessions", "4")
    assert document["min_sessions"] == 4
    assert not any(t["recurring"] for t in document["themes"])  # the demo has three sessions


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "name one or more sessions, or give --all"),
        (("1", "--all"), "not both"),
        (("--all", "--min-sessions", "0"), "--min-sessions must be 1 or more"),
        (("nope",), "no session"),
    ],
)
def test_bad_arguments_get_one_clear_line(
    capsys: pytest.CaptureFixture[str], demo_db: str, args: tuple[str, ...], message: str
) -> None:
    code, _out, err = run(capsys, "--db", demo_db, "themes", *args)
    assert code != 0
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def import_csv(capsys: pytest.CaptureFixture[str], db: str, path: Path, rows: list[str]) -> None:
    path.write_text("session,speaker,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err


def test_small_english_dutch_and_empty_ish_sessions_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "edge.sqlite3")
    import_csv(capsys, db, tmp_path / "a.csv", ["Een,Anna,Er moeten meer bomen op het plein."])
    import_csv(
        capsys, db, tmp_path / "b.csv", [f"Leeg,Piet,{t}" for t in ("ok", "ja", "Ja.", "oké")]
    )
    english = [
        "The bus to the hospital only runs once an hour.",
        "Bus stops need shelters because people wait in the rain.",
        "Make the bus cheaper for students and pensioners.",
        "Rents for housing have doubled in ten years.",
        "Build social housing on the empty school grounds.",
        "Waiting lists for social housing are more than eight years long.",
    ]
    import_csv(capsys, db, tmp_path / "c.csv", [f"English,Sam,{t}" for t in english])
    dutch = [
        "Het terras maakt tot middernacht veel geluid.",
        "Geluidsoverlast van de horeca houdt de buren wakker.",
        "Na tien uur moet de muziek op het terras uit vanwege het geluid.",
    ]
    import_csv(capsys, db, tmp_path / "d.csv", [f"Gemengd,Lotte,{t}" for t in dutch + english[:3]])
    for session in ("een", "leeg", "english", "gemengd"):
        document = themes_json(capsys, db, session)
        assert document["run"]["contributions"] >= 1
    one = themes_json(capsys, db, "een")
    assert one["themes"] == [] and len(one["unassigned"]) == 1
    empty = themes_json(capsys, db, "leeg")
    assert empty["themes"] == [] and len(empty["unassigned"]) == 4
    code, out, err = run(capsys, "--db", db, "themes", "leeg")
    assert code == 0, err
    assert "No themes" in out
    assert themes_json(capsys, db, "--all")["themes"]


def test_hostile_text_reaches_the_terminal_as_symbols(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "hostile.sqlite3")
    rows = [f'Avond,Anna,"Bomen op het plein \x1b[31m{n} en schaduw"' for n in range(6)]
    import_csv(capsys, db, tmp_path / "h.csv", rows)
    code, out, err = run(capsys, "--db", db, "themes", "--all")
    assert code == 0, err
    assert "\x1b" not in out


def test_the_room_is_said_as_in_the_exports_not_as_a_dash(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    _, out, _ = run(capsys, "--db", demo_db, "--lang", "nl", "themes", "--all")
    domains = [line for line in out.splitlines() if line.strip().startswith("domeinen:")]
    assert any("zonder domein" in line for line in domains)
    assert not any(" — " in line.split(":", 1)[1] for line in domains)


def test_a_number_with_decimals_is_written_as_the_language_writes_it(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    import re

    _, dutch, _ = run(capsys, "--db", demo_db, "--lang", "nl", "themes", "--all")
    _, english, _ = run(capsys, "--db", demo_db, "--lang", "en", "themes", "--all", "--last")
    assert re.findall(r"samenhang (\d),\d\d", dutch) and not re.findall(r"samenhang \d\.", dutch)
    assert re.findall(r"cohesion (\d)\.\d\d", english)
