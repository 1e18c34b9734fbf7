"""`dialoog search`: the demo's parking talk found across its evenings (issue 23)."""

from __future__ import annotations

import json

import pytest

from dialoog_tui.__main__ import main

from .running import run, run_in_dutch


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("search") / "demo.sqlite3")
    assert main(["--lang", "en", "--db", path, "demo"]) == 0
    return path


def test_parking_is_found_in_every_evening_that_spoke_of_it(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "search", "parkeer", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["schema"] == "dialoog.search" and found["query"] == "parkeer"
    hits = found["hits"]
    assert len({hit["session"]["id"] for hit in hits}) >= 2
    for hit in hits:
        words = [hit["text"][start:end].lower() for start, end in hit["found"]]
        assert words and all(word.startswith(("parkeer", "parkeren")) for word in words)
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_on_a_terminal_the_found_words_stand_out(
    capsys: pytest.CaptureFixture[str], demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, plain, _ = run_in_dutch(capsys, "--db", demo_db, "search", "parkeer")
    assert code == 0 and "gevonden voor “parkeer”" in plain and "\x1b" not in plain
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, marked, _ = run_in_dutch(capsys, "--db", demo_db, "search", "parkeer")
    assert "\x1b[1;4mparkeerplaatsen\x1b[22;24m" in marked
    assert marked.replace("\x1b[1;4m", "").replace("\x1b[22;24m", "") == plain


def test_filters_narrow_what_is_found(capsys: pytest.CaptureFixture[str], demo_db: str) -> None:
    _, everything, _ = run(capsys, "--db", demo_db, "search", "parkeer", "--json")
    all_hits = json.loads(everything)["hits"]
    _, out, _ = run(capsys, "--db", demo_db, "search", "parkeer", "--kind", "weerstand", "--json")
    resisting = json.loads(out)["hits"]
    assert resisting and all(hit["kind"] == "resistance" for hit in resisting)
    assert len(resisting) < len(all_hits)
    first = all_hits[0]["session"]["id"]
    _, out, _ = run(capsys, "--db", demo_db, "search", "parkeer", "--session", str(first), "--json")
    assert {hit["session"]["id"] for hit in json.loads(out)["hits"]} == {first}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("search", "..."), "give a word to search for"),
        (("search", "bus", "--kind", "klacht"), "unknown kind 'klacht'"),
        (("search", "bus", "--session", "nergens"), "nergens"),
        (("search", "bus", "--limit", "0"), "--limit must be between 1 and 1000"),
        (("search", "bus", "--limit", "99999999999999999999999"), "--limit must be between"),
    ],
)
def test_a_search_that_cannot_be_done_says_why(
    capsys: pytest.CaptureFixture[str], demo_db: str, arguments: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "--db", demo_db, *arguments)
    assert code != 0 and out == ""
    assert message in err and "Traceback" not in err


def test_a_speaker_is_found_by_any_of_their_names_and_nobody_is_said(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "search", "plein", "--speaker", "mulder", "--json")
    assert code == 0 and {hit["speaker"] for hit in json.loads(out)["hits"]} == {"Eva Mulder"}
    code, out, _ = run(capsys, "--db", demo_db, "search", "plein", "--domain", "maatsch", "--json")
    domains = {hit["domain"] for hit in json.loads(out)["hits"]}
    assert code == 0 and domains == {"maatschappelijke organisatie"}
    for given, said in (
        (("--speaker", "Niemand"), "nobody is called 'Niemand'"),
        (("--domain", "xyz"), "nobody from a domain 'xyz'"),
        (("--domain", ""), "--domain wants a domain"),
    ):
        code, out, err = run(capsys, "--db", demo_db, "search", "plein", *given)
        assert code != 0 and said in err and out == ""
