"""`dialoog theme …` from the command line: every action, history, undo and stability."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..core.themes_fixtures import DUTCH
from .running import run


def import_rows(
    capsys: pytest.CaptureFixture[str], db: str, path: Path, rows: list[tuple[str, str, str]]
) -> None:
    lines = ["session,speaker,text"] + [f'{s},{p},"{t}"' for s, p, t in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "curate.sqlite3")
    rows = [
        ("Avond A" if i % 2 == 0 else "Avond B", ("Anna", "Piet", "Karin", "Henk")[i % 4], text)
        for texts in DUTCH.values()
        for i, text in enumerate(texts)
    ]
    import_rows(capsys, path, Path(path).with_suffix(".csv"), rows)
    return path


def themes(capsys: pytest.CaptureFixture[str], db: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(capsys, "--db", db, "themes", "--all", "--json")
    assert code == 0, err
    return json.loads(out)["themes"]  # type: ignore[no-any-return]


def about(found: list[dict], word: str) -> dict:  # type: ignore[type-arg]
    return next(t for t in found if word in t["label"])


def theme_cmd(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    code, out, err = run(capsys, "--db", db, "theme", *args)
    assert code == 0, err
    return out.strip()


def test_accept_rename_and_the_json_fields(capsys: pytest.CaptureFixture[str], db: str) -> None:
    found = themes(capsys, db)
    assert all(t["name"] is None and t["accepted"] is False for t in found)
    parking = about(found, "park")["id"]
    theme_cmd(capsys, db, "accept", parking)
    theme_cmd(capsys, db, "rename", parking, "Parkeren in de wijk")
    shown = next(t for t in themes(capsys, db) if t["id"] == parking)
    assert shown["name"] == "Parkeren in de wijk"
    assert shown["accepted"] is True
    assert "park" in shown["label"]  # the generated label stays beside the name
    code, out, _ = run(capsys, "--db", db, "themes", "--all")
    assert code == 0
    assert "Parkeren in de wijk" in out and "accepted" in out


def test_merge_prints_the_survivor_and_split_the_new_id(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    found = themes(capsys, db)
    trees, noise = about(found, "bomen"), about(found, "geluid")
    survivor = theme_cmd(capsys, db, "merge", trees["id"], noise["id"])
    assert survivor == trees["id"]
    after = themes(capsys, db)
    merged = next(t for t in after if t["id"] == survivor)
    assert merged["size"] == trees["size"] + noise["size"]
    assert noise["id"] not in {t["id"] for t in after}
    taken = [str(c) for c in noise["contributions"][:3]]
    new = theme_cmd(capsys, db, "split", survivor, *taken)
    assert new.startswith("t") and new != survivor
    split_off = next(t for t in themes(capsys, db) if t["id"] == new)
    assert sorted(split_off["contributions"]) == sorted(int(c) for c in taken)


def test_move_remove_reject_history_and_undo(capsys: pytest.CaptureFixture[str], db: str) -> None:
    found = themes(capsys, db)
    parking, trees = about(found, "park"), about(found, "bomen")
    moved = parking["contributions"][0]
    theme_cmd(capsys, db, "move", str(moved), trees["id"])
    theme_cmd(capsys, db, "remove", trees["id"], str(trees["contributions"][0]))
    theme_cmd(capsys, db, "reject", parking["id"])
    after = {t["id"]: t for t in themes(capsys, db)}
    assert moved in after[trees["id"]]["contributions"]
    assert trees["contributions"][0] not in after[trees["id"]]["contributions"]
    assert parking["id"] not in after

    code, out, _ = run(capsys, "--db", db, "theme", "history", "--json")
    listing = json.loads(out)
    assert [a["action"] for a in listing] == ["move", "remove", "reject"]
    assert all(a["actor"] and a["at"] for a in listing)
    assert theme_cmd(capsys, db, "undo").startswith("undone: reject")
    assert parking["id"] in {t["id"] for t in themes(capsys, db)}  # the reject is undone
    code, out, _ = run(capsys, "--db", db, "theme", "history")
    assert code == 0
    assert "(undone)" in out and "reject" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("accept", "tnope"), "no theme with id tnope"),
        (("merge", "tnope"), "no theme with id tnope"),
        (("move", "1", "tnope"), "no theme"),
        (("move", "99999", "tnope"), "no contribution 99999"),
        (("undo",), "Nothing to undo"),
    ],
)
def test_bad_curation_gets_one_clear_line(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], message: str
) -> None:
    themes(capsys, db)
    code, _, err = run(capsys, "--db", db, "theme", *args)
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_split_refuses_contributions_outside_the_theme(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    found = themes(capsys, db)
    parking, trees = about(found, "park"), about(found, "bomen")
    code, _, err = run(
        capsys, "--db", db, "theme", "split", parking["id"], str(trees["contributions"][0])
    )
    assert code == 1 and "Not in theme" in err


def test_quotes_give_the_number_in_their_session_and_the_id_to_curate_with(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    import re

    found = themes(capsys, db)
    quotes = [q for t in found for q in t["quotes"]]
    assert quotes and all(q["seq"] and q["session"] for q in quotes)
    code, out, _ = run(capsys, "--db", db, "themes", "--all")
    assert code == 0
    shown = re.findall(r"\((Avond [AB]) #(\d+) · id (\d+)\)$", out, re.MULTILINE)
    assert len(shown) == len(quotes)
    by_id = {q["contribution"]: q for q in quotes}
    assert all(int(seq) == by_id[int(cid)]["seq"] for _, seq, cid in shown)


def test_moving_a_contribution_that_is_not_there_is_refused_in_the_interface_language(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    target = themes(capsys, db)[0]["id"]
    code, _, err = run(capsys, "--db", db, "theme", "move", "999999", target)
    assert code != 0
    assert "There is no contribution 999999 to place in a theme" in err
    assert "Error" not in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "theme", "move", "999999", target)
    assert code != 0 and "Er is geen bijdrage 999999 om in een thema te plaatsen" in err
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "theme", "merge", target)
    assert code != 0 and "Samenvoegen kan pas met twee of meer verschillende thema's" in err
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "theme", "accept", "tnope")
    assert (
        code == 1 and err.strip() == "dialoog: fout: geen thema met id tnope (zie dialoog themes)"
    )


def test_curation_speaks_dutch_in_its_help_and_its_answers(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    target = themes(capsys, db)[0]["id"]
    code, out, _ = run(capsys, "--db", db, "--lang", "nl", "theme", "accept", target)
    assert code == 0 and out.startswith("geaccepteerd: ")
    code, out, _ = run(capsys, "--db", db, "--lang", "nl", "theme", "undo")
    assert code == 0 and out.startswith("ongedaan: geaccepteerd #")
    _, out, _ = run(capsys, "--db", db, "--lang", "nl", "theme", "history")
    assert "(ongedaan gemaakt)" in out
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "nl", "theme", "--help")
    out = capsys.readouterr().out
    assert "accepteer een thema" in out and "accept a theme" not in out


def test_a_contribution_is_curated_by_its_number_in_its_session(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    from dialoog_tui.core.consent import Consent
    from dialoog_tui.store.contributions import set_consent
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target

    # The first line of each evening goes off the record: every number after it is one less
    # in what is shared than in the log, so only the shared one can find the right line.
    database = open_database(resolve_target(db))
    try:
        for first in (1, 2):
            database.write(
                lambda d, c=first: set_consent(db=d, contribution_id=c, consent=Consent.OFF_RECORD)
            )
    finally:
        database.close()
    found = themes(capsys, db)
    parking, trees = about(found, "park"), about(found, "bomen")
    member = parking["members"][0]
    moved = f"{member['session']}#{member['seq']}"  # as the minutes and the JSON name it
    assert "move" in theme_cmd(capsys, db, "move", moved, trees["id"])
    after = {t["id"]: t for t in themes(capsys, db)}
    assert member in after[trees["id"]]["members"]
    assert member not in after[parking["id"]]["members"]
    assert parking["contributions"][0] in after[trees["id"]]["contributions"]
    # By the session's slug as well, as 'dialoog sessions' gives it.
    _, out, _ = run(capsys, "--db", db, "sessions", "--json")
    slugs = {s["id"]: s["slug"] for s in json.loads(out)}
    titles = {s["id"]: s["title"] for s in json.loads(out)}
    other = after[trees["id"]]["members"][1]
    named = f"{slugs[other['session']]}#{other['seq']}"
    new = theme_cmd(capsys, db, "split", trees["id"], named)
    assert {t["id"]: t for t in themes(capsys, db)}[new]["members"] == [other]
    # A refusal names it as it was typed, by number and session, not by its id.
    code, _, err = run(capsys, "--db", db, "--lang", "nl", "theme", "move", named, new)
    assert code == 1
    assert f"Bijdrage #{other['seq']} ({titles[other['session']]}) zit al in thema {new}" in err
