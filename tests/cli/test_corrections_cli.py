"""`dialoog participant|phase|session|corrections`, and the command line in Dutch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .running import run, run_in_dutch


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database with one session: Lotte (inwoner), a typo'd Lote, and three phases."""
    path = str(tmp_path / "fix.sqlite3")
    code, _, err = run(
        capsys,
        "--db",
        path,
        "new",
        "Groen plan",
        "--participant",
        "Lotte/inw",
        "--participant",
        "Lote",
        "--phase",
        "Opening",
        "--phase",
        "Idee",
        "--phase",
        "Ideeën",
        "--no-open",
    )
    assert code == 0, err
    source = tmp_path / "notes.csv"
    source.write_text(
        "speaker,text,phase\nLote,meer bomen,Idee\nLotte,een plein,Ideeën\n",
        encoding="utf-8",
    )
    assert run(capsys, "--db", path, "import", str(source), "--session", "groen-plan")[0] == 0
    return path


def _participants(capsys: pytest.CaptureFixture[str], db: str) -> list[str]:
    return run(capsys, "--db", db, "participant", "list", "--session", "groen-plan")[1].splitlines()


def test_a_typo_is_merged_a_domain_changed_and_a_stray_phase_removed(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, "--db", db, "participant", "merge", "Lote", "Lotte")
    assert code == 0, err
    assert "Lote → Lotte (1 contribution)" in out
    code, out, _ = run(capsys, "--db", db, "participant", "edit", "Lotte", "--domain", "onder")
    assert "domain: inwoner → ondernemer" in out
    assert [line.split(None, 1)[1] for line in _participants(capsys, db)] == ["Lotte  (ondernemer)"]
    code, out, err = run(
        capsys, "--db", db, "phase", "delete", "groen-plan", "Idee", "--into", "Ideeën"
    )
    assert code == 0, err
    assert "Idee (1 contribution → Ideeën)" in out  # where they went, in the record too
    _, out, _ = run(capsys, "--db", db, "phase", "list", "groen-plan")
    assert out.split() == ["1.", "Opening", "2.", "Ideeën"]
    _, out, _ = run(capsys, "--db", db, "export", "groen-plan", "--format", "json")
    document = json.loads(out)
    assert [p["name"] for p in document["participants"]] == ["Lotte"]
    assert {c["phase"] for c in document["contributions"]} == {"Ideeën"}
    _, out, _ = run(capsys, "--db", db, "corrections")
    assert [line.split("  ")[2] for line in out.splitlines()] == ["remove", "change", "merge"]


@pytest.mark.parametrize(
    "correction",
    [("participant", "merge", "Lote", "Lotte"), ("participant", "edit", "Lote", "--name", "Loes")],
    ids=["merged", "renamed"],
)
def test_notes_imported_again_after_a_correction_are_recognised_not_doubled(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, correction: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, "--db", db, *correction)
    assert code == 0, err
    kept = _participants(capsys, db)
    notes = tmp_path / "more.csv"
    notes.write_text(
        "speaker,text,phase\nLote,meer bomen,Idee\nLotte,een plein,Ideeën\nLote,nog iets,Idee\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", db, "import", str(notes), "--session", "groen-plan")
    assert code == 0, err
    assert "1 contribution" in out and "2 already there" in out
    assert _participants(capsys, db) == kept  # nobody called Lote again
    document = json.loads(run(capsys, "--db", db, "export", "groen-plan", "--format", "json")[1])
    said = [(c["speaker"], c["text"]) for c in document["contributions"]]
    who = "Lotte" if correction[1] == "merge" else "Loes"
    assert said == [(who, "meer bomen"), ("Lotte", "een plein"), (who, "nog iets")]


def test_the_history_reads_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "participant", "merge", "Lote", "Lotte")
    run(capsys, "--db", db, "phase", "rename", "groen-plan", "Idee", "Schetsen")
    history = [
        line.split("  ", 2)[2]
        for line in run_in_dutch(capsys, "--db", db, "corrections")[1].splitlines()
    ]
    assert history == ["hernoemen  Idee → Schetsen", "samenvoegen  Lote → Lotte (1 bijdrage)"]
    english = run(capsys, "--db", db, "corrections")[1]
    assert "merge  Lote → Lotte (1 contribution)" in english


def test_a_participant_who_spoke_cannot_be_removed_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--db", db, "participant", "remove", "Lotte")
    assert code == 1
    assert err.count("\n") == 1 and "merge them into someone else" in err
    assert len(_participants(capsys, db)) == 2


def test_a_session_is_edited_deleted_after_confirming_and_restored(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "session",
        "edit",
        "groen-plan",
        "--location",
        "Wijkhuis",
        "--date",
        "2026-11-03 19:30",
    )
    assert code == 0 and "place: — → Wijkhuis" in out and "2026-11-03 19:30" in out
    code, out, _ = run(capsys, "--db", db, "session", "delete", "groen-plan")
    assert code == 1 and "2 contributions" in out and "--yes" in out
    assert "groen-plan" in run(capsys, "--db", db, "sessions")[1]
    code, out, _ = run(capsys, "--db", db, "session", "delete", "groen-plan", "--yes")
    assert code == 0 and "dialoog session restore groen-plan" in out
    assert "groen-plan" not in run(capsys, "--db", db, "sessions")[1]
    assert "groen-plan" in run(capsys, "--db", db, "session", "deleted")[1]
    code, _, err = run(capsys, "--db", db, "export", "groen-plan")
    assert code == 1 and "no session 'groen-plan'" in err
    assert run(capsys, "--db", db, "session", "restore", "groen-plan")[0] == 0
    assert "groen-plan" in run(capsys, "--db", db, "sessions")[1]


def test_dutch_throughout_sessions_themes_and_a_failing_import(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "--db", db, "--lang", "nl", "sessions")
    assert out.split()[:5] == ["ID", "DATUM", "AANTAL", "SLUG", "TITEL"]
    _, out, err = run(capsys, "--db", db, "--lang", "nl", "themes", "--all")
    assert out.startswith("Thema's over 1 sessie, 2 bijdragen"), out
    bad = tmp_path / "bad.csv"
    bad.write_text("text,kind\n,vraag\nhoi,zzz\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "--lang", "nl", "import", str(bad))
    assert code == 1
    assert err.splitlines() == [
        "regel 2: het veld 'text' is leeg",
        "regel 3: onbekende soort 'zzz' (gebruik inbreng, vraag, voorstel, weerstand, "
        "instemming, afspraak)",
        "dialoog: fout: 2 rijen kunnen niet worden gelezen; er is niets geïmporteerd",
    ]
    code, _, err = run(
        capsys, "--db", db, "--lang", "nl", "participant", "edit", "Nobody", "--name", "X"
    )
    assert code == 1 and err == "dialoog: fout: geen deelnemer 'Nobody'\n"
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "nl", "sessions", "--bogus")
    assert capsys.readouterr().err.startswith("dialoog: fout: onbekende argumenten: --bogus")
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "nl", "phase", "--help")
    help_text = capsys.readouterr().out
    assert (
        help_text.startswith("gebruik: dialoog phase")
        and "haal een fase van de agenda" in help_text
    )


@pytest.mark.parametrize(
    ("command", "captures"), [("open", True), ("export", False), ("import", False)]
)
def test_only_a_command_that_opens_the_tui_lists_its_options_in_its_help(
    capsys: pytest.CaptureFixture[str], command: str, captures: bool
) -> None:
    with pytest.raises(SystemExit):
        run(capsys, command, "--help")
    help_text = capsys.readouterr().out
    assert ("--theme NAME" in help_text) is captures
    assert ("--no-live-themes" in help_text) is captures


def test_the_record_of_corrections_says_when_in_the_user_s_zone(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    from datetime import datetime, timedelta

    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: never the UTC clock
    time.tzset()
    try:
        run(capsys, "--db", db, "participant", "edit", "Lotte", "--organisation", "Buurtteam")
        _, out, _ = run(capsys, "--db", db, "corrections", "--limit", "1")
        shown = datetime.strptime(out[:16], "%Y-%m-%d %H:%M")
        local = datetime.now().replace(second=0, microsecond=0)
        assert abs(shown - local) <= timedelta(minutes=1), (out, local)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_deleting_a_session_at_a_terminal_asks_first(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def answer(with_: str) -> None:
        monkeypatch.setattr("sys.stdin", Terminal(with_ + "\n"))

    answer("n")
    code, out, err = run(capsys, "--db", db, "--lang", "nl", "session", "delete", "groen-plan")
    assert code == 1 and "Niet verwijderd" in out
    # Asked on stderr: stdout may go to a file while the person answers.
    assert "'Groen plan' met 2 bijdragen en 2 deelnemers verwijderen (terug te halen)? [j/N]" in err
    assert "groen-plan" in run(capsys, "--db", db, "sessions")[1]
    answer("j")
    code, out, _ = run(capsys, "--db", db, "--lang", "nl", "session", "delete", "groen-plan")
    assert code == 0 and "dialoog session restore groen-plan" in out
    assert "groen-plan" not in run(capsys, "--db", db, "sessions")[1]


def test_an_edit_to_what_a_session_already_is_says_so(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "--db", db, "session", "edit", "groen-plan", "--title", "Groen plan")
    assert code == 1 and "nothing changed: the session is so already" in err
    code, _, err = run(capsys, "--db", db, "session", "edit", "groen-plan")
    assert code == 1 and "nothing to change: give one or more fields" in err
