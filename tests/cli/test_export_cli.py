"""`dialoog export` as Markdown and HTML: the demo reads well, names stay where they may, the
file lands where it should, and hostile text stays text."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from .running import run_in_dutch as run

SECRET = "Dit vertel ik alleen hier: de grond is al verkocht"
HOSTILE = "# kop? | cel | <script>alert(1)</script> [link](http://x) `code` *nadruk*"
PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "demo.sqlite3")
    code, _, err = run(capsys, "--db", path, "demo")
    assert code == 0, err
    return path


@pytest.fixture
def consent_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "consent.sqlite3")
    source = tmp_path / "avond.csv"
    source.write_text(
        "session,speaker,domain,kind,text,interests,values,consent\n"
        "Plein,Anna Jansen,inw,weerstand,Geen garage onder het plein,rust,leefbaarheid,\n"
        "Plein,Henk de Wit,inw,voorstel,Meer bankjes bij de bibliotheek,zitten,,anoniem\n"
        "Plein,Piet Bakker,ond,voorstel,Een lift naar het plein,bereikbaarheid,,parafrase\n"
        f"Plein,Yasmina Ouali,ond,instemming,{SECRET},bereikbaarheid,,off the record\n"
        f'Plein,Karin Mol,over,inbreng,"{HOSTILE.replace(chr(34), "")}",,,\n'
        "Plein,Karin Mol,over,afspraak,Anna Jansen krijgt antwoord over de garage,rust,,\n"
        "Plein,Anna Jansen,inw,instemming,@Karin dank je,,,\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", path, "import", str(source))
    assert code == 0, err
    return path


def names_in(capsys: pytest.CaptureFixture[str], db: str) -> list[str]:
    names = []
    code, out, _ = run(capsys, "--db", db, "sessions", "--json")
    assert code == 0
    for session in json.loads(out):
        _, exported, _ = run(capsys, "--db", db, "export", str(session["id"]), "--format", "json")
        names += [p["name"] for p in json.loads(exported)["participants"]]
    return sorted(set(names))


def test_demo_session_and_theme_report_as_markdown_and_html(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ("2", "--format", "md"),
        ("2", "--format", "html"),
        ("--themes", "--all", "--format", "md"),
        ("--themes", "--all", "--format", "html"),
    ):
        code, printed, err = run(capsys, "--db", demo, "export", *args, "-o", str(out))
        assert code == 0, err
        assert printed.startswith("geschreven: ")
    files = sorted(p.name for p in out.iterdir())
    stem = "marktplein-wolderwijk-ontwerpatelier-2026-03-12"
    assert files[:4] == [
        f"{stem}-deelname.svg",
        f"{stem}-verloop.svg",
        f"{stem}.html",
        f"{stem}.md",
    ]
    assert [name.split("-")[0] for name in files[4:]] == ["themas"] * 3
    assert files[4].endswith("-terugkeer.svg")
    session_md = (out / f"{stem}.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in session_md.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["Deelnemers", "Verloop van de bijeenkomst"]
    assert "Afspraken: jullie zeiden, wij deden" in headings and "Open belangen" in headings
    assert f"![Deelname per domein]({stem}-deelname.svg)" in session_md
    page = (out / f"{stem}.html").read_text(encoding="utf-8")
    assert all(re.search(f"<h2[^>]*>{re.escape(heading)}</h2>", page) for heading in headings)
    assert page.count("<svg ") == 2
    (report,) = [name for name in files if name.startswith("themas") and name.endswith(".md")]
    text = (out / report).read_text(encoding="utf-8")
    assert "## Overzicht" in text and "### Citaten per domein" in text
    assert f"]({files[4]})" in text


def test_the_by_kind_layout_is_still_there(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    code, markdown, err = run(
        capsys, "--db", demo, "export", "2", "--format", "md", "--layout", "by-kind"
    )
    assert code == 0, err
    headings = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["Deelnemers", "Verloop", "Bijdragen per soort"]
    assert "Waarden onder weerstand" in headings
    assert ".svg" not in markdown  # to the terminal: no pictures to refer to


def test_every_exported_contribution_is_literal_text(
    capsys: pytest.CaptureFixture[str], consent_db: str
) -> None:
    code, markdown, _ = run(capsys, "--db", consent_db, "export", "plein", "--format", "md")
    assert code == 0
    tokens = PARSER.parse(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "code_inline"}
    runs = ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]
    texts = [
        "Geen garage onder het plein",
        HOSTILE.replace('"', ""),
        "Anna Jansen krijgt antwoord over de garage",
    ]
    for text in texts:
        assert any(text in run for run in runs), text


def test_consent_in_markdown_and_html(capsys: pytest.CaptureFixture[str], consent_db: str) -> None:
    outputs = [
        run(capsys, "--db", consent_db, "export", "plein", "--format", fmt, *extra)[1]
        for fmt in ("md", "html")
        for extra in ((), ("--anonymize",))
    ]
    outputs += [
        run(capsys, "--db", consent_db, "export", "--themes", "--all", "--format", fmt)[1]
        for fmt in ("md", "html")
    ]
    for output in outputs:
        assert SECRET not in output and "grond is al verkocht" not in output
        assert "Een lift naar het plein" not in output  # paraphrase only
        assert "Henk" not in output  # spoke only anonymously
    plain = outputs[0]
    (line,) = [line for line in plain.splitlines() if "Meer bankjes" in line]
    assert "**anoniem** · " in line and "inwoner" not in line  # nor the domain naming Henk
    assert "[parafrase]" in plain


def test_anonymised_exports_name_nobody(
    capsys: pytest.CaptureFixture[str], consent_db: str
) -> None:
    names = names_in(capsys, consent_db)
    assert "Anna Jansen" in names
    for args in (
        ("plein", "--format", "md"),
        ("plein", "--format", "html"),
        ("--themes", "--all", "--format", "md"),
        ("--themes", "--all", "--format", "html"),
    ):
        code, output, err = run(capsys, "--db", consent_db, "export", *args, "--anonymize")
        assert code == 0, err
        for name in names:
            for part in name.split():
                if len(part) > 2:
                    assert part not in output, (args, part)
    _, markdown, _ = run(
        capsys, "--db", consent_db, "export", "plein", "--format", "md", "--anonymize"
    )
    assert "Inwoner 1 krijgt antwoord" in markdown and "@Karin" not in markdown


@pytest.mark.parametrize("title", ["../../etc/passwd", "con:", "/tmp/x", "..", "~root"])
def test_a_hostile_title_exports_inside_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, title: str
) -> None:
    db = str(tmp_path / "t.sqlite3")
    code, out, err = run(capsys, "--db", db, "new", title, "--no-open")
    assert code == 0, err
    session = out.split()[0]
    folder = tmp_path / "exports"
    folder.mkdir()
    for fmt in ("md", "html"):
        code, printed, err = run(
            capsys, "--db", db, "export", session, "--format", fmt, "-o", str(folder)
        )
        assert code == 0, err
        assert printed.startswith(f"geschreven: {folder}/")
    written = sorted(folder.iterdir())
    assert len(written) == 2
    for path in written:
        assert path.parent == folder
        assert "/" not in path.name and ":" not in path.name and not path.name.startswith(".")
    # Nothing was written beside the folder (only the database and its WAL files are there).
    beside = {p.name for p in tmp_path.iterdir()} - {"exports"}
    assert all(name.startswith("t.sqlite3") for name in beside), beside


def test_an_existing_file_is_kept_without_force(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    args = ("--db", demo, "export", "1", "--format", "md", "-o", str(tmp_path))
    assert run(capsys, *args)[0] == 0
    (written,) = tmp_path.glob("*.md")
    written.write_text("mijn eigen aantekeningen", encoding="utf-8")
    code, _, err = run(capsys, *args)
    assert code != 0 and "bestaat al" in err and "--force" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert written.read_text(encoding="utf-8") == "mijn eigen aantekeningen"
    assert run(capsys, *args, "--force")[0] == 0
    assert written.read_text(encoding="utf-8").startswith("# Marktplein")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--themes", "--format", "json"), "een themarapport is md of html"),
        (("--format", "md"), "noem één sessie"),
        (("1", "2", "--format", "md"), "noem één sessie"),
        (("1", "--format", "json", "--anonymize", "--include-off-record"), "never anonymised"),
        (("1", "--format", "md", "-o", "/etc/hostname/folder/"), "is een bestand, geen map"),
        (("999", "--format", "md"), "999"),
    ],
)
def test_bad_export_requests_get_one_clear_line(
    capsys: pytest.CaptureFixture[str], demo: str, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "--db", demo, "export", *args)
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_file_name_of_a_format_we_do_not_write_is_refused_not_made_a_folder(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "verslag.pdf"
    code, out, err = run(capsys, "--db", demo, "export", "1", "-o", str(target))
    assert code == 1 and out == ""
    assert "dialoog schrijft geen .pdf; kies een naam op .md, .html, .json, .qdpx" in err
    assert not target.exists()
    # A folder name with a dot in it is still a folder.
    folder = tmp_path / "versie 1.2"
    code, out, err = run(capsys, "--db", demo, "export", "1", "--format", "md", "-o", str(folder))
    assert code == 0, err
    assert ".md" in {p.suffix for p in folder.iterdir()}


def test_a_session_summary_finds_the_themes_when_none_are_stored(
    capsys: pytest.CaptureFixture[str], demo: str
) -> None:
    code, markdown, err = run(capsys, "--db", demo, "export", "2", "--format", "md")
    assert code == 0, err
    section = markdown.split("## Thema's", 1)[1].split("\n## ", 1)[0]
    assert "Nog geen thema's" not in section
    assert section.count("\n- **") >= 3
    assert "ook gehoord in: Marktplein Wolderwijk – verkenning; Marktplein Wolderwijk –" in section


@pytest.mark.parametrize("titles", [(".", ".."), ("~", ".."), ("CON", "con:"), ("Plein", "plein")])
def test_two_sessions_never_export_to_the_same_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, titles: tuple[str, str]
) -> None:
    db = str(tmp_path / "t.sqlite3")
    for title in titles:
        assert run(capsys, "--db", db, "new", title, "--no-open")[0] == 0
    folder = tmp_path / "out"
    folder.mkdir()
    for session in ("1", "2"):
        for fmt in ("md", "html", "json"):
            code, _, err = run(
                capsys, "--db", db, "export", session, "--format", fmt, "-o", str(folder)
            )
            assert code == 0, (session, fmt, err)
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 6
    assert not any(name.split(".")[0].split("-")[0] in {"con", "nul", "aux"} for name in names)
    # Asked again, the advice to add --force can only ever be about the session's own file.
    code, _, err = run(capsys, "--db", db, "export", "2", "--format", "md", "-o", str(folder))
    assert code == 1 and "--force" in err
    (first,) = [p for p in folder.glob("*.md") if p.name not in err]
    before = first.read_text(encoding="utf-8")
    assert (
        run(capsys, "--db", db, "export", "2", "--format", "md", "-o", str(folder), "--force")[0]
        == 0
    )
    assert first.read_text(encoding="utf-8") == before


def test_exported_files_get_the_permissions_people_expect(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    previous = os.umask(0o022)
    try:
        for fmt in ("md", "json"):
            assert (
                run(capsys, "--db", demo, "export", "1", "--format", fmt, "-o", str(tmp_path))[0]
                == 0
            )
    finally:
        os.umask(previous)
    for path in tmp_path.glob("*.*"):
        if path.suffix in (".md", ".json"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


@pytest.mark.parametrize("target", ["uit/", "uit", "uit/nieuw/", "verslagen.d"])
def test_o_to_a_folder_makes_it_and_names_every_file_written(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path, target: str
) -> None:
    out = tmp_path / target
    code, printed, err = run(capsys, "--db", demo, "export", "2", "--format", "md", "-o", str(out))
    assert code == 0, err
    assert out.is_dir()
    written = [Path(line.removeprefix("geschreven: ")) for line in printed.splitlines()]
    assert [p.parent for p in written] == [out] * 3
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert written[0].suffix == ".md" and all(p.suffix == ".svg" for p in written[1:])
    svg = written[1].read_text(encoding="utf-8")
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns=')
    assert "<title id=" in svg and "<desc id=" in svg


def test_o_with_the_format_s_extension_is_the_file_itself(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "nog" / "niet" / "verslag.html"
    code, printed, err = run(
        capsys, "--db", demo, "export", "2", "--format", "html", "-o", str(target)
    )
    assert code == 0, err
    assert printed == f"geschreven: {target}\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["verslag.html"]


def test_a_chart_in_the_way_keeps_every_file_as_it_was(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    args = ("--db", demo, "export", "2", "--format", "md", "-o", str(tmp_path / "uit"))
    run(capsys, *args)
    (chart,) = (tmp_path / "uit").glob("*-verloop.svg")
    (summary,) = (tmp_path / "uit").glob("*.md")
    chart.write_text("eigen plaatje", encoding="utf-8")
    summary.unlink()
    code, _, err = run(capsys, *args)
    assert code != 0 and "bestaat al" in err and ".svg bestaat al" in err
    assert not summary.exists()  # nothing written: not the summary either
    assert chart.read_text(encoding="utf-8") == "eigen plaatje"


def test_charts_are_named_after_the_file_they_stand_beside(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    for name, extra in (("openbaar.md", ("--anonymize",)), ("intern.md", ())):
        args = ("export", "2", "--format", "md", *extra, "-o", str(out / name))
        code, _, err = run(capsys, "--db", demo, *args)
        assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "intern-deelname.svg",
        "intern-verloop.svg",
        "intern.md",
        "openbaar-deelname.svg",
        "openbaar-verloop.svg",
        "openbaar.md",
    ]
    text = (out / "openbaar.md").read_text(encoding="utf-8")
    assert "](openbaar-deelname.svg)" in text and "](openbaar-verloop.svg)" in text


def test_a_trailing_slash_makes_a_folder_even_of_a_name_with_an_extension(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = f"{tmp_path / 'notulen.md'}/"
    code, _, err = run(capsys, "--db", demo, "export", "2", "--format", "md", "-o", target)
    assert code == 0, err
    assert (tmp_path / "notulen.md").is_dir()
    assert len(list((tmp_path / "notulen.md").glob("*.svg"))) == 2


def test_the_file_named_with_o_chooses_the_format_when_format_is_not_given(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    for name in ("verslag.md", "verslag.html", "NOTULEN.MD"):
        code, printed, err = run(capsys, "--db", demo, "export", "2", "-o", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).is_file(), printed
    assert (tmp_path / "verslag.md").read_text(encoding="utf-8").startswith("# ")
    assert (tmp_path / "verslag.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "NOTULEN.MD").read_text(encoding="utf-8").startswith("# ")


def test_a_file_name_of_another_format_than_format_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "verslag.md"
    code, _, err = run(capsys, "--db", demo, "export", "2", "--format", "html", "-o", str(target))
    assert code != 0
    assert "heeft de extensie van md, niet van --format html" in err
    assert "Traceback" not in err
    assert not target.exists()  # neither a file nor a folder of that name
