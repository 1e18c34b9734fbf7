"""Consent through every shareable output of the command line, as a new user would try it:
an import with named, anonymous, paraphrase and off-record rows, then each export format
(with and without --anonymize), the ladder, the vocabulary and the themes, searched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .running import run_in_dutch as run

# Words that occur only where they must never be shared.
OFF_RECORD = ("zwijgbelofte", "fluisterbelang", "stiltewaarde", "geheimvoorwaarde", "stiltetag")
VERBATIM = ("kastanjebomen", "speelweide", "kinderhoofdjes")
ONLY_OFF_RECORD = ("Tjitske", "Onderwater")
PEOPLE = ("Bertolt Zwanenburg", "Annelies Quakkelaar", "Wubbo Hazewinkel", "Tjitske Onderwater")

ROWS = (
    "session,speaker,domain,kind,text,interests,values,condition,consent,tags,paraphrase\n"
    # Bertolt speaks openly, and others speak of him in inflected forms.
    "Noord,Bertolt Zwanenburg,ond,weerstand,Zonder parkeerplaatsen gaat de winkel dicht,"
    "bereikbaarheid winkel,bestaanszekerheid,kortparkeren blijft,named,parkeren,\n"
    "Noord,Annelies Quakkelaar,inw,inbreng,Bertolts winkel is belangrijk voor de buurt,"
    "Bertolts omzet,,,named,winkel,\n"
    "Noord,Wubbo Hazewinkel,over,inbreng,We luisteren naar BERTOLT en naar bertolt's zorgen,"
    ",,,anonymous,,\n"
    "Noord,Annelies Quakkelaar,inw,voorstel,Plant kastanjebomen op de speelweide tussen de "
    "kinderhoofdjes,groen,natuur,,paraphrase,groen,Annelies wil meer bomen op het plein\n"
    # Tjitske speaks only off the record, with her own ladder.
    "Noord,Tjitske Onderwater,inw,weerstand,Mijn zwijgbelofte aan de wethouder,fluisterbelang,"
    "stiltewaarde,geheimvoorwaarde,off_record,stiltetag,\n"
    "Noord,Wubbo Hazewinkel,over,afspraak,We onderzoeken kortparkeren bij Zwanenburgs winkel,"
    "bereikbaarheid winkel,,,named,parkeren,\n"
    "Zuid,Bertolt Zwanenburg,ond,inbreng,Ook hier is parkeren voor de winkels een zorg,"
    "bereikbaarheid winkel,,,named,parkeren,\n"
    "Zuid,Annelies Quakkelaar,inw,inbreng,Meer groen en bomen op het plein graag,groen,natuur,"
    ",named,groen,\n"
    "Zuid,Wubbo Hazewinkel,over,inbreng,Bertoltje heeft gelijk over het parkeren bij winkels,"
    ",,,named,parkeren,\n"
    "Zuid,Annelies Quakkelaar,inw,inbreng,Groen op het plein houdt de buurt koel,groen,,"
    ",named,groen,\n"
)


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("consent")
    source = folder / "avonden.csv"
    source.write_text(ROWS, encoding="utf-8")
    path = str(folder / "mixed.sqlite3")
    from dialoog_tui.__main__ import main

    assert main(["--db", path, "import", str(source)]) == 0
    assert main(["--db", path, "themes", "--all"]) == 0
    return path


def _outputs(capsys: pytest.CaptureFixture[str], db: str, anonymize: bool) -> dict[str, str]:
    extra = ("--anonymize",) if anonymize else ()
    commands = {
        f"export {session} {fmt}": ("export", session, "--format", fmt, *extra)
        for session in ("noord", "zuid")
        for fmt in ("md", "html", "json")
    }
    commands |= {
        f"theme report {fmt}": ("export", "--themes", "--all", "--format", fmt, *extra)
        for fmt in ("md", "html")
    }
    if not anonymize:
        commands |= {
            "ladder": ("ladder", "--all"),
            "ladder json": ("ladder", "--all", "--json"),
            "vocab values": ("vocab", "list", "--kind", "value"),
            "vocab interests": ("vocab", "list", "--kind", "interest"),
            "themes": ("themes", "--all", "--last"),
            "themes json": ("themes", "--all", "--last", "--json"),
        }
    outputs = {}
    for name, args in commands.items():
        code, out, err = run(capsys, "--db", db, *args)
        assert code == 0, (name, err)
        outputs[name] = out
    return outputs


def test_nothing_off_record_or_verbatim_reaches_a_shareable_output(
    capsys: pytest.CaptureFixture[str], mixed_db: str
) -> None:
    outputs = _outputs(capsys, mixed_db, anonymize=False)
    for name, output in outputs.items():
        folded = output.casefold()
        for word in (*OFF_RECORD, *VERBATIM, *ONLY_OFF_RECORD):
            assert word.casefold() not in folded, (name, word)
    # The paraphrase is shared in its place, marked as such.
    noord = outputs["export noord md"]
    assert "[parafrase] Annelies wil meer bomen op het plein" in noord
    assert json.loads(outputs["export noord json"])["private"] is False
    # Tjitske is neither named nor counted: three people spoke in Noord besides her.
    listed = json.loads(outputs["export noord json"])["participants"]
    assert sorted(p["name"] for p in listed) == sorted(PEOPLE[:3])
    assert "- **inwoner** (1): Annelies Quakkelaar" in noord


def test_anonymised_outputs_name_nobody_in_any_form(
    capsys: pytest.CaptureFixture[str], mixed_db: str
) -> None:
    for name, output in _outputs(capsys, mixed_db, anonymize=True).items():
        folded = output.casefold()
        for person in PEOPLE:
            for word in person.split():
                assert word.casefold() not in folded, (name, word)
        for word in (*OFF_RECORD, *VERBATIM):
            assert word.casefold() not in folded, (name, word)


def test_the_private_backup_holds_everything_and_says_so(
    capsys: pytest.CaptureFixture[str], mixed_db: str
) -> None:
    code, out, err = run(
        capsys, "--db", mixed_db, "export", "noord", "--format", "json", "--include-off-record"
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["private"] is True and "Private backup" in document["notice"]
    assert any("zwijgbelofte" in c["text"] for c in document["contributions"])
    assert any("kastanjebomen" in (c["text"] or "") for c in document["contributions"])


def test_a_paraphrase_typed_in_a_text_import_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "avond.md"
    notes.write_text(
        '# Plein\n@Anna/inw + Het plein moet één grote speelweide worden parafrase:"Anna wil '
        'dat het plein groen blijft"\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "t.sqlite3")
    assert run(capsys, "--db", db, "import", str(notes))[0] == 0
    code, out, _ = run(capsys, "--db", db, "export", "plein", "--format", "md")
    assert code == 0
    assert "[parafrase] Anna wil dat het plein groen blijft" in out
    assert "speelweide" not in out
