"""The ladder from the command line: bridging, consent, vocabulary, statuses, ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .running import run

SECRET = "Dit vertel ik alleen hier: de grond is al verkocht"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "ladder.sqlite3")
    source = tmp_path / "avonden.csv"
    source.write_text(
        "session,speaker,domain,kind,text,interests,values,condition,consent\n"
        "Maart,Anna,inw,weerstand,Geen garage onder het plein,bereikbaarheid;rust,leefbaarheid,minder verkeer,\n"
        "Maart,Henk,inw,weerstand,Te weinig bankjes,onderweg kunnen zitten,toegankelijkheid,,anoniem\n"
        "April,Piet,ond,voorstel,Garage met lift naar het plein,Bereikbaarheid,bestaanszekerheid,,parafrase\n"
        f"April,Yasmina,ond,instemming,{SECRET},bereikbaarheid,leefbaar,,off the record\n"
        "April,Karin,over,afspraak,We onderzoeken een lift,bereikbaarheid,,,\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", path, "import", str(source))
    assert code == 0, err
    return path


def test_bridging_interest_with_the_contributions_on_both_sides(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "ladder", "--all", "--json")
    assert code == 0
    report = json.loads(out)
    (bridge,) = report["bridging"]
    assert bridge["interest"] == "bereikbaarheid"
    assert bridge["domains"] == {"resisting": ["inwoner"], "supporting": ["ondernemer", "overheid"]}
    assert [c["text"] for c in bridge["resisting"]] == ["Geen garage onder het plein"]
    supporting = {c["speaker"]: c for c in bridge["supporting"]}
    assert set(supporting) == {"Piet", "Karin"}
    assert supporting["Piet"]["text"] is None  # paraphrase only: no verbatim quote
    values = {v["value"]: v for v in report["values"]}
    # Henk is anonymous: his domain is not told, not even in a count (it could name him).
    assert values["toegankelijkheid"]["by_domain"] == {"": 1}
    assert {i["interest"] for i in report["open_interests"]} >= {"bereikbaarheid", "rust"}


def test_off_record_text_stays_out_of_every_output_but_the_private_backup(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    outputs = [
        run(capsys, "--db", db, "ladder", "--all", "--json")[1],
        run(capsys, "--db", db, "ladder", "--all")[1],
        run(capsys, "--db", db, "ladder", "april")[1],
        run(capsys, "--db", db, "sessions")[1],
        run(capsys, "--db", db, "sessions", "--json")[1],
        run(capsys, "--db", db, "export", "april", "--format", "json")[1],
        run(capsys, "--db", db, "vocab", "list", "--kind", "interest")[1],
        run(capsys, "--db", db, "vocab", "list")[1],
    ]
    for output in outputs:
        assert SECRET not in output
        assert "grond is al verkocht" not in output
    exported = json.loads(outputs[5])
    assert all(c["consent"] != "off_record" for c in exported["contributions"])
    _, backup, _ = run(capsys, "--db", db, "export", "april", "--include-off-record")
    secret = [c for c in json.loads(backup)["contributions"] if c["text"] == SECRET]
    assert secret and secret[0]["consent"] == "off_record"


def test_anonymous_contributions_carry_no_name_in_the_ladder(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _, out, _ = run(capsys, "--db", db, "ladder", "maart")
    assert "Henk" not in out
    assert "Te weinig bankjes" in out or "toegankelijkheid" in out


def test_merging_values_keeps_links_and_statuses_survive_a_restart(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "vocab", "merge", "value", "leefbaar", "leefbaarheid")
    assert code == 0 and "leefbaarheid" in out
    _, out, _ = run(capsys, "--db", db, "export", "april", "--include-off-record")
    secret = next(c for c in json.loads(out)["contributions"] if c["text"] == SECRET)
    assert secret["values"] == ["leefbaarheid"]
    _, out, _ = run(capsys, "--db", db, "vocab", "list")
    assert "leefbaar\n" not in out and "leefbaarheid" in out

    # The ladder names the contributions the CLI takes (the shared export numbers them anew).
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    promise = json.loads(out)["commitments"][0]["contribution"]
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "interest",
        "april",
        "Bereikbaarheid",
        "answered",
        "--answered-by",
        str(promise["id"]),
    )
    assert code == 0 and "answered" in out
    # A new run reads the database afresh: the status was stored.
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    states = {i["interest"]: i for i in json.loads(out)["interests"]}
    assert states["bereikbaarheid"]["status"] == "answered"
    assert states["bereikbaarheid"]["answered_by"] == promise["id"]
    assert "bereikbaarheid" not in {i["interest"] for i in json.loads(out)["open_interests"]}


def test_commitment_ledger_owner_due_and_done(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    (entry,) = json.loads(out)["commitments"]
    assert entry["owner"] == "Karin"
    promise = entry["contribution"]["id"]
    # The text says it by its number in the session, with the id the command takes.
    _, out, _ = run(capsys, "--db", db, "ladder", "april")
    (line,) = [line for line in out.splitlines() if line.endswith(f" · id {promise}")]
    assert f"#{entry['contribution']['seq']} " in line and f"#{promise} " not in line
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "commitment",
        str(promise),
        "--owner",
        "Gemeente",
        "--due",
        "2026-05-01",
        "--done",
    )
    assert code == 0 and "Gemeente, 2026-05-01, done" in out
    code, _, err = run(capsys, "--db", db, "commitment", str(promise), "--due", "ooit")
    assert code == 1 and "unreadable date" in err
    code, _, err = run(capsys, "--db", db, "commitment", "1", "--done")
    assert code == 1 and "not a commitment" in err


def test_bad_consent_in_an_import_is_a_bad_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "x.csv"
    source.write_text("text,consent\nhallo,misschien\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "import", str(source))
    assert code == 1 and "line 2" in err and "unknown consent" in err
    assert "(use named, anonymous, paraphrase, off the record)" in err
    code, _, err = run(
        capsys, "--db", str(tmp_path / "x.sqlite3"), "--lang", "nl", "import", str(source)
    )
    assert "(gebruik met naam, anoniem, parafrase, vertrouwelijk)" in err


def test_new_session_with_a_default_consent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "c.sqlite3")
    run(capsys, "--db", db, "new", "Stil", "--consent", "anoniem", "--no-open")
    _, out, _ = run(capsys, "--db", db, "export", "stil")
    assert json.loads(out)["session"]["default_consent"] == "anonymous"
    code, _, err = run(capsys, "--db", db, "new", "Fout", "--consent", "soms", "--no-open")
    assert code == 1 and "unknown consent" in err


def test_the_text_ladder_names_its_parts_as_the_ladder_view_does_and_says_when_one_is_empty(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from dialoog_tui.i18n import Translator

    t = Translator("nl")
    _, out, _ = run(capsys, "--db", db, "--lang", "nl", "ladder", "maart")
    assert t("ladder.bridging") in out and t("ladder.ledger") in out
    # March has no bridging interest and no commitment: said, not left as a bare heading.
    assert out.count("(geen)") == 2


def test_values_under_resistance_lists_only_those_raised_under_resistance(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _, out, _ = run(capsys, "--db", db, "ladder", "april")
    section = out.split("\n\n")[1]
    # April's resistance-free values (bestaanszekerheid under a proposal) are not listed as 0.
    assert "bestaanszekerheid" not in section and " 0 " not in section
    assert "(none)" in section
    _, out, _ = run(capsys, "--db", db, "ladder", "maart")
    assert "leefbaarheid" in out.split("\n\n")[1]


def test_a_contribution_is_named_by_its_number_in_the_minutes(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    promise = json.loads(out)["commitments"][0]["contribution"]
    # Yasmina's off-the-record line before it is not numbered: the minutes call it #2.
    assert promise["seq"] == 2
    code, out, err = run(capsys, "--db", db, "commitment", "april#2", "--owner", "Gemeente")
    assert code == 0, err
    # What it names is quoted back: a number read in older minutes may mean another line.
    assert out.startswith("april#2 “We onderzoeken een lift”: Gemeente")
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    assert json.loads(out)["commitments"][0]["owner"] == "Gemeente"

    # In the interest's own session, '#2' is enough.
    code, out, err = run(
        capsys, "--db", db, "interest", "april", "bereikbaarheid", "answered", "--answered-by", "#2"
    )
    assert code == 0, err
    assert out.strip() == "bereikbaarheid: answered by contribution #2 “We onderzoeken een lift”"
    _, out, _ = run(capsys, "--db", db, "ladder", "april", "--json")
    states = {i["interest"]: i for i in json.loads(out)["interests"]}
    assert states["bereikbaarheid"]["answered_by"] == promise["id"]


@pytest.mark.parametrize(
    ("typed", "english", "dutch"),
    [
        ("april#3", "no contribution #3 in 'April'", "geen bijdrage #3 in 'April'"),
        ("april#1", "that contribution is not a commitment", "die bijdrage is geen afspraak"),
        ("#2", "'#2': say in which session, as in avond-2#2", "'#2': zeg in welke sessie"),
        ("april#twee", "'april#twee' names no contribution", "'april#twee' noemt geen bijdrage"),
        ("mei#1", "no session 'mei'", "geen sessie 'mei'"),
    ],
)
def test_a_contribution_that_cannot_be_found_is_said_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str, typed: str, english: str, dutch: str
) -> None:
    for language, message in (("en", english), ("nl", dutch)):
        code, out, err = run(capsys, "--db", db, "--lang", language, "commitment", typed, "--done")
        assert code == 1 and not out
        assert message in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize(
    ("args", "english", "dutch"),
    [
        (("april", "nergens", "open"), "no interest called 'nergens'", "geen belang 'nergens'"),
        (
            ("april", "rust", "open"),
            "the interest 'rust' was not raised in this session",
            "het belang 'rust' is in deze sessie niet genoemd",
        ),
        (
            ("april", "bereikbaarheid", "answered", "--answered-by", "maart#1"),
            "the answer must be a contribution of the same session",
            "het antwoord moet een bijdrage uit dezelfde sessie zijn",
        ),
        (
            ("april", "bereikbaarheid", "open", "--answered-by", "#2"),
            "only an answered interest has an answer",
            "alleen een beantwoord belang heeft een antwoord",
        ),
    ],
)
def test_a_status_that_cannot_be_recorded_is_said_in_the_reader_s_language(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], english: str, dutch: str
) -> None:
    for language, message in (("en", english), ("nl", dutch)):
        code, out, err = run(capsys, "--db", db, "--lang", language, "interest", *args)
        assert code == 1 and not out
        assert message in err and len(err.strip().splitlines()) == 1, err


def test_over_several_sessions_a_quote_says_whose_number_it_is(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _, several, _ = run(capsys, "--db", db, "ladder", "--all")
    _, one, _ = run(capsys, "--db", db, "ladder", "april")
    assert "! Maart #1 Anna (inwoner): Geen garage onder het plein" in several
    assert "! #1 Anna" not in several
    assert "  [open] #2 Karin (overheid): We onderzoeken een lift" in one


def test_what_a_command_quotes_back_goes_through_the_consent_gate(db: str) -> None:
    from dialoog_tui.services.references import quoted
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target

    database = open_database(resolve_target(db))
    try:
        said = [quoted(database, contribution) for contribution in range(1, 6)]
    finally:
        database.close()
    anna, henk, piet, yasmina, karin = said
    assert anna == "“Geen garage onder het plein”"
    assert henk == "“Te weinig bankjes”"  # anonymous: the words, never a name
    assert piet is None  # paraphrase only, and no paraphrase written: never the words
    assert yasmina is None  # off the record
    assert karin == "“We onderzoeken een lift”"
