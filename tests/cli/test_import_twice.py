"""Imports that never double a meeting, name every bad row, and date a new session by its
earliest contribution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .running import run

CSV = (
    "text,speaker,domain,kind,at,phase\n"
    "Welkom allemaal,Karin,overheid,inbreng,2026-03-12 19:02,Opening\n"
    "Eens.,Piet,ondernemer,instemming,2026-03-12 19:05,Opening\n"
    "Eens.,Piet,ondernemer,instemming,2026-03-12 19:05,Opening\n"
    "Waarom nu pas?,Anna,inwoner,vraag,2026-03-12 19:07,Knelpunten\n"
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "import.sqlite3")


def _texts(capsys: pytest.CaptureFixture[str], db: str, session: str) -> list[str]:
    _, out, _ = run(capsys, "--db", db, "export", session, "--format", "json")
    return [c["text"] for c in json.loads(out)["contributions"]]


def test_the_same_csv_twice_leaves_the_count_and_says_so(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(CSV, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(source))
    assert code == 0 and "imported 4 contributions" in out
    code, out, _ = run(capsys, "--db", db, "import", str(source))
    assert code == 0
    assert "4 already there, 0 new (--again imports them anyway)" in out
    # The same remark twice in the file is two contributions, kept once each.
    assert _texts(capsys, db, "avond") == [
        "Welkom allemaal",
        "Eens.",
        "Eens.",
        "Waarom nu pas?",
    ]


def test_only_the_new_rows_of_a_longer_file_are_added(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(CSV, encoding="utf-8")
    run(capsys, "--db", db, "import", str(source))
    source.write_text(
        CSV
        + "Eens.,Piet,ondernemer,instemming,2026-03-12 19:05,Opening\n"
        + "Tot volgende week,Karin,overheid,afspraak,2026-03-12 20:30,Afsluiting\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "4 already there, 2 new" in out
    assert _texts(capsys, db, "avond").count("Eens.") == 3


def test_rows_with_a_ref_are_recognised_by_it(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text("text,ref\nEerste,r1\nTweede,r2\n", encoding="utf-8")
    run(capsys, "--db", db, "import", str(source))
    # Typos corrected in the file since: the ref still says it is the same row.
    source.write_text("text,ref\nEerste!,r1\nTweede,r2\nDerde,r3\n", encoding="utf-8")
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "2 already there, 1 new" in out
    assert _texts(capsys, db, "avond") == ["Eerste", "Tweede", "Derde"]


def test_again_imports_the_rows_anyway(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(CSV, encoding="utf-8")
    run(capsys, "--db", db, "import", str(source))
    code, out, _ = run(capsys, "--db", db, "import", str(source), "--again")
    assert code == 0 and "imported 4 contributions" in out and "already" not in out
    assert len(_texts(capsys, db, "avond")) == 8


def test_quick_entry_lines_twice_are_recognised_too(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "notities.md"
    source.write_text(
        "# Wijkavond\n## Opening\n- [19:02] @Karin/overheid Welkom\n- en dank voor het komen\n"
        "- [19:04] @Anna/inw ! Te laat\n",
        encoding="utf-8",
    )
    run(capsys, "--db", db, "import", str(source))
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "3 already there, 0 new" in out
    assert len(_texts(capsys, db, "wijkavond")) == 3


def test_a_new_session_is_dated_by_its_earliest_contribution(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "notities.md"
    source.write_text(
        "# Wijkavond\n- [19:04] @Anna/inw Te laat\n- [18:58] @Karin/overheid Welkom\n",
        encoding="utf-8",
    )
    run(capsys, "--db", db, "import", str(source))
    _, out, _ = run(capsys, "--db", db, "export", "wijkavond", "--format", "json")
    document = json.loads(out)
    first = min(c["at"] for c in document["contributions"])
    assert document["session"]["started_at"] == first


def test_a_session_in_no_phase_yet_goes_on_in_the_phase_the_notes_ended_in(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(CSV.replace("Waarom nu pas?", "Nog een vraag"), encoding="utf-8")
    run(capsys, "--db", db, "import", str(source), "--session", "Wijkavond")
    _, out, _ = run(capsys, "--db", db, "export", "wijkavond", "--format", "json")
    assert json.loads(out)["session"]["current_phase"] == "Knelpunten"
    # Into a session that exists, an import leaves the phase the note-taker is in.
    later = tmp_path / "later.csv"
    later.write_text(
        CSV.splitlines()[0] + "\nNa afloop,Piet,ondernemer,inbreng,2026-03-12 21:00,Afsluiting\n",
        encoding="utf-8",
    )
    run(capsys, "--db", db, "import", str(later), "--session", "wijkavond")
    _, out, _ = run(capsys, "--db", db, "export", "wijkavond", "--format", "json")
    assert json.loads(out)["session"]["current_phase"] == "Knelpunten"


def test_every_bad_row_is_named_in_one_go(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "slecht.csv"
    source.write_text(
        "text,kind,at\ngoed,vraag,\nfout,onzin,\n,vraag,\nook fout,,gisteren\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "import", str(source))
    assert code == 1
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == ["regel 3", "regel 4", "regel 5"]
    assert lines[3] == "dialoog: fout: 3 rijen kunnen niet worden gelezen; er is niets geïmporteerd"


def test_a_file_of_many_bad_rows_names_the_first_fifty(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "slecht.csv"
    source.write_text("text,kind\n" + "fout,onzin\n" * 80, encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(source))
    assert code == 1
    lines = err.splitlines()
    assert sum(line.startswith("line ") for line in lines) == 50
    assert "… and 30 more lines" in lines
    assert lines[-1] == "dialoog: error: 80 rows cannot be read; nothing was imported"


def test_an_exported_summary_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "demo")
    for lang in ("nl", "en"):
        _, out, _ = run(capsys, "--db", db, "--lang", lang, "export", "1", "--format", "md")
        summary = tmp_path / f"verslag-{lang}.md"
        summary.write_text(out, encoding="utf-8")
        code, _, err = run(capsys, "--db", db, "import", str(summary))
        assert code == 1
        assert "is a summary dialoog exported, not notes" in err
        assert "import the notes or the CSV it came from" in err
    _, out, _ = run(capsys, "--db", db, "sessions", "--json")
    assert len(json.loads(out)) == 3


def test_a_contribution_removed_or_corrected_since_does_not_come_back(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from dialoog_tui.core.model import Participant
    from dialoog_tui.core.speakers import Speaker
    from dialoog_tui.store.contributions import (
        edit_contribution,
        remove_contribution,
        session_contributions,
    )
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target

    source = tmp_path / "avond.csv"
    source.write_text(CSV, encoding="utf-8")
    run(capsys, "--db", db, "import", str(source))
    database = open_database(resolve_target(db))
    try:
        welcome, *_, question = database.read(lambda d: session_contributions(db=d, session_id=1))
        database.write(lambda d: remove_contribution(db=d, contribution_id=welcome.id))
        database.write(
            lambda d: edit_contribution(
                db=d,
                contribution_id=question.id,
                speaker=Speaker(participant=Participant(question.participant_id or 0, "Anna")),
                kind=question.kind,
                text="Waarom nu pas? (naam weggelaten)",
            )
        )
    finally:
        database.close()
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "4 already there, 0 new" in out
    assert _texts(capsys, db, "avond") == ["Eens.", "Eens.", "Waarom nu pas? (naam weggelaten)"]


def test_notes_with_times_of_day_only_are_placed_the_same_at_every_import(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "ochtend.md"
    source.write_text(
        "# Ochtend\n- [09:00] @Karin/overheid Welkom\n- [10:30] @Anna/inw Koffie?\n"
        "- [12:00] @Karin Tot ziens\n",
        encoding="utf-8",
    )
    run(capsys, "--db", db, "import", str(source))
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "3 already there, 0 new" in out
    _, out, _ = run(capsys, "--db", db, "export", "ochtend", "--format", "json")
    document = json.loads(out)
    days = {c["at"][:10] for c in document["contributions"]}
    assert len(days) == 1  # one morning, whatever the hour of the import
    assert document["session"]["started_at"] == document["contributions"][0]["at"]


def test_a_row_with_a_ref_stays_there_after_its_speaker_was_merged_or_renamed(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(
        "session,speaker,domain,ref,text\navond,Jan,inw,a1,Een\navond,Piet,inw,a2,Twee\n"
        "avond,Karin,overheid,a3,Drie\n",
        encoding="utf-8",
    )
    run(capsys, "--db", db, "import", str(source))
    assert run(capsys, "--db", db, "participant", "merge", "Jan", "Piet")[0] == 0
    assert run(capsys, "--db", db, "participant", "edit", "Karin", "--name", "Karina")[0] == 0
    _, out, _ = run(capsys, "--db", db, "import", str(source))
    assert "3 already there, 0 new" in out
    assert _texts(capsys, db, "avond") == ["Een", "Twee", "Drie"]
    _, out, _ = run(capsys, "--db", db, "participant", "list", "--session", "avond")
    assert "Jan" not in out and "Karin " not in out


def test_a_row_whose_speaker_is_unclear_says_why_in_words(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from dialoog_tui.core.speakers import SpeakerProblem
    from dialoog_tui.i18n import MESSAGES

    assert all(f"row.speaker_{problem.value}" in MESSAGES for problem in SpeakerProblem)
    source = tmp_path / "avond.csv"
    source.write_text("text,speaker,domain\nGoed,Anna,inw\nSlecht,Bram,xyz\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "import", str(source))
    assert code == 1
    assert "regel 3: onbekend domein 'xyz'; kies uit: inwoner" in err
    assert "unknown_domain" not in err


def test_counts_read_as_dutch_for_one_and_for_many(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text("text,ref\nEerste,r1\n", encoding="utf-8")
    run(capsys, "--db", db, "import", str(source))
    _, out, _ = run(capsys, "--db", db, "--lang", "nl", "import", str(source))
    assert "1 al aanwezig, 0 nieuw" in out and "stonden" not in out
    source.write_text("text,ref\nEerste,r1\nTweede,r2\nDerde,r3\n", encoding="utf-8")
    _, out, _ = run(capsys, "--db", db, "--lang", "nl", "import", str(source))
    assert "1 al aanwezig, 2 nieuw" in out
    from dialoog_tui.i18n import Translator

    t = Translator("nl")
    line = t(
        "cli.themes.counts",
        themes=t("cli.themes.count", count=1),
        recurring=0,
        min=2,
        unassigned=t("cli.contributions", count=1),
    )
    assert line == "1 thema, 0 terugkerend (gehoord in 2+ sessies); 1 bijdrage niet ingedeeld"


def test_bad_rows_are_named_in_the_file_s_order_and_by_its_own_column_names(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "avond.csv"
    source.write_text(
        "tekst,spreker,domein,soort,tijd\n"
        "Goed,Anna,inwoner,vraag,2026-05-01T19:05\n"
        ",Piet,ondernemer,vraag,2026-05-01T19:06\n"
        "Waar parkeren we?,Piet,xyzdomein,vraag,2026-05-01T19:07\n"
        "Meer bankjes,Lotte,inwoner,onzin,2026-05-01T19:08\n"
        "Goed idee,Anna,inwoner,instemming,niet-een-tijd\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "import", str(source))
    assert code == 1
    # The domain is checked against the database, after the others: still in line order.
    assert err.splitlines()[:4] == [
        "regel 3: het veld 'tekst' is leeg",
        "regel 4: onbekend domein 'xyzdomein'; kies uit: inwoner, overheid, ondernemer, "
        "maatschappelijke organisatie",
        "regel 5: onbekende soort 'onzin' (gebruik inbreng, vraag, voorstel, weerstand, "
        "instemming, afspraak)",
        "regel 6: 'tijd' is geen ISO 8601-tijd: 'niet-een-tijd'",
    ]


def test_skipping_every_row_makes_no_empty_session(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "slecht.csv"
    source.write_text("tekst,soort\nfout,onzin\nook fout,raar\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "--lang", "nl", "import", str(source), "--skip-bad")
    assert code == 1 and not out
    assert err.splitlines()[-1] == (
        "dialoog: fout: 2 rijen kunnen niet worden gelezen; er is niets geïmporteerd"
    )
    code, out, _ = run(capsys, "--db", db, "sessions", "--json")
    assert code == 0 and json.loads(out) == []
