"""A session as a REFI-QDA project: `dialoog export SESSION --format qdpx` (issue 23).

Checked against the standard's published schema and read back by an independent reader
(pyqdpx); consent applied as in every export."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from dialoog_tui.__main__ import main
from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target

from .running import run

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "data" / "refi-qda" / "Project.xsd"
QDA = "{urn:QDA-XML:project:1.0}"
AT = datetime(2026, 12, 7, 19, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The demo, and its first evening exported as a project."""
    folder = tmp_path_factory.mktemp("qdpx")
    db = str(folder / "demo.sqlite3")
    assert main(["--lang", "en", "--db", db, "demo"]) == 0
    out = folder / "out" / "evening.qdpx"
    assert (
        main(["--lang", "en", "--db", db, "export", "1", "--format", "qdpx", "-o", str(out)]) == 0
    )
    return db, out


def project(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("project.qde"))


def everything_in(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def test_the_project_validates_against_the_refi_qda_schema(demo: tuple[str, Path]) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"the REFI-QDA schema is not at {SCHEMA}")
    import xmlschema

    _, out = demo
    schema = xmlschema.XMLSchema10(str(SCHEMA))
    with zipfile.ZipFile(out) as archive:
        document = archive.read("project.qde").decode("utf-8")
        names = archive.namelist()
    schema.validate(document)
    source = project(out).find(f"{QDA}Sources/{QDA}TextSource")
    assert source is not None
    assert f"Sources/{source.get('guid')}.txt" in names


def test_an_independent_reader_finds_every_contribution_code_and_user(
    capsys: pytest.CaptureFixture[str], demo: tuple[str, Path]
) -> None:
    import json

    from pyqdpx import QDPX

    db, out = demo
    _, exported, _ = run(capsys, "--db", db, "export", "1", "--format", "json")
    said = json.loads(exported)["contributions"]
    read = QDPX(str(out)).get_project()
    (source,) = read.sources.values()
    selections = list(source.coded_selections.values())
    texts = {selection.text for selection in selections}
    assert all(" ".join(c["text"].split()) in texts for c in said)
    kinds = {
        s.text: s.code.name for s in selections if s.code.parent.name == "Kind of contribution"
    }
    assert len(kinds) == len({" ".join(c["text"].split()) for c in said})
    interests = {
        s.code.name
        for s in selections
        if s.code.parent is not None and s.code.parent.name == "Interests"
    }
    assert interests == {i for c in said for i in c.get("interests", [])}
    assert [user.name for user in read.users.values()] == ["Sanne Vos"]  # the note-taker


def test_participants_are_cases_with_their_domain_and_their_selections(
    demo: tuple[str, Path],
) -> None:
    _, out = demo
    root = project(out)
    selections = {s.get("guid") for s in root.iter(f"{QDA}PlainTextSelection")}
    cases = root.findall(f"{QDA}Cases/{QDA}Case")
    assert len(cases) >= 10
    for case in cases:
        value = case.find(f"{QDA}VariableValue/{QDA}TextValue")
        assert value is not None and value.text in {
            "inwoner",
            "overheid",
            "ondernemer",
            "maatschappelijke organisatie",
        }
        refs = [ref.get("targetGUID") for ref in case.findall(f"{QDA}SelectionRef")]
        assert refs and set(refs) <= selections


def test_the_same_session_gives_the_same_ids(demo: tuple[str, Path], tmp_path: Path) -> None:
    db, out = demo
    again = tmp_path / "again.qdpx"
    assert (
        main(["--lang", "en", "--db", db, "export", "1", "--format", "qdpx", "-o", str(again)]) == 0
    )
    guids = [e.get("guid") for e in project(out).iter() if e.get("guid")]
    assert guids == [e.get("guid") for e in project(again).iter() if e.get("guid")]


EVENING = (
    ("Bertolt", "Het buurthuis moet open blijven", Consent.NAMED, None),
    ("Quirijn", "qoffgeheim: het buurthuis wordt verkocht", Consent.OFF_RECORD, None),
    ("Wubbo", "qlettwoordelijk: die wethouder liegt", Consent.PARAPHRASE, "Twijfel aan de uitleg"),
    ("Annelies", "Ik durf dit niet hardop te zeggen", Consent.ANONYMOUS, None),
)


@pytest.fixture
def consented(tmp_path: Path) -> str:
    return _evening(str(tmp_path / "consent.sqlite3"), EVENING)


def _evening(path: str, lines: tuple[tuple[str, str, Consent, str | None], ...]) -> str:
    database = open_database(resolve_target(path))
    session = database.write(
        lambda db: sessions.create_session(db=db, title="Wijkavond", started_at=AT)
    )
    for minute, (who, text, consent, paraphrase) in enumerate(lines):
        contributions.log_entry(
            database,
            session_id=session.id,
            speaker=Speaker(new_name=who, domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=AT + timedelta(minutes=minute),
            consent=consent,
            paraphrase=paraphrase,
            ladder=Ladder(
                interests=("qoffbelang",) if consent is Consent.OFF_RECORD else ("ontmoeting",)
            ),
        )
    database.close()
    return path


def test_no_id_tells_that_something_was_left_out(consented: str, tmp_path: Path) -> None:
    # The same evening without the off-the-record line: the projects cannot be told apart.
    without = _evening(str(tmp_path / "without.sqlite3"), EVENING[:1] + EVENING[2:])
    guids = []
    for number, db in enumerate((consented, without)):
        out = tmp_path / f"{number}.qdpx"
        command = ["--db", db, "export", "wijkavond", "--format", "qdpx", "-o", str(out)]
        assert main(command) == 0
        guids.append([e.get("guid") for e in project(out).iter() if e.get("guid")])
    assert guids[0] == guids[1]


@pytest.mark.parametrize("anonymize", [False, True])
def test_consent_holds_in_the_project(consented: str, tmp_path: Path, anonymize: bool) -> None:
    out = tmp_path / "wijk.qdpx"
    extra = ["--anonymize"] if anonymize else []
    assert (
        main(
            [
                "--lang",
                "nl",
                "--db",
                consented,
                "export",
                "wijkavond",
                "--format",
                "qdpx",
                "-o",
                str(out),
                *extra,
            ]
        )
        == 0
    )
    shared = everything_in(out)
    assert "qoff" not in shared and "Quirijn" not in shared  # off the record: no trace
    assert "qlett" not in shared and "Twijfel aan de uitleg" in shared  # the paraphrase
    assert "Annelies" not in shared and "Ik durf dit niet" in shared  # anonymous: no name
    cases = [case.get("name") for case in project(out).iter(f"{QDA}Case")]
    if anonymize:
        assert "Bertolt" not in shared and "Wubbo" not in shared
        assert cases == ["Inwoner 1", "Inwoner 2"]
    else:
        assert cases == ["Bertolt", "Wubbo"]


def test_a_project_is_a_file_not_text_on_the_terminal(
    capsys: pytest.CaptureFixture[str], consented: str
) -> None:
    code, out, err = run(capsys, "--db", consented, "export", "wijkavond", "--format", "qdpx")
    assert code != 0 and out == ""
    assert "a .qdpx is a file" in err


def test_control_characters_in_names_leave_a_readable_project(tmp_path: Path) -> None:
    path = str(tmp_path / "odd.sqlite3")
    database = open_database(resolve_target(path))
    session = database.write(
        lambda db: sessions.create_session(db=db, title="Wijk\x1b[31mavond", started_at=AT)
    )
    contributions.log_entry(
        database,
        session_id=session.id,
        speaker=Speaker(new_name="Bo\x07b", domain="inwoner"),
        kind=Kind.REMARK,
        text="Een bel\x07 in de tekst",
        at=AT,
        tags=("t\x1bag",),
    )
    database.close()
    out = tmp_path / "odd.qdpx"
    assert (
        main(["--lang", "en", "--db", path, "export", "1", "--format", "qdpx", "-o", str(out)]) == 0
    )
    root = project(out)  # well-formed XML
    assert [case.get("name") for case in root.iter(f"{QDA}Case")] == ["Bo␇b"]
    if SCHEMA.is_file():
        import xmlschema

        with zipfile.ZipFile(out) as archive:
            xmlschema.XMLSchema10(str(SCHEMA)).validate(archive.read("project.qde").decode())
