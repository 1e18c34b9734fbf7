"""The session summary and theme report: golden files, structure under hostile text, consent
and pseudonyms. `UPDATE_GOLDEN=1 pytest tests/core/test_summary.py` rewrites the golden files
(read the diff before committing it)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.export.html import markdown_to_html
from dialoog_tui.core.export.session_md import session_markdown
from dialoog_tui.core.export.themes_md import themes_markdown
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.card import ThemeMember, build_card
from dialoog_tui.core.themes.run import FoundThemes, ThemeReport, ThemeRun

from .summary_fixtures import (
    ANONYMOUS_TEXT,
    HOSTILE,
    OFF_RECORD_TEXT,
    PARAPHRASE_TEXT,
    PEOPLE,
    options,
    record,
    theme_summary,
    themes,
)

GOLDEN = Path(__file__).parent / "golden"
PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


def text_runs(markdown: str) -> list[str]:
    """The text of every inline run (a paragraph, heading or cell), hard breaks as newlines."""
    runs = []
    for token in PARSER.parse(markdown):
        if token.type == "inline":
            runs.append(_inline_text(token.children or []))
    return runs


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


def theme_report() -> tuple[ThemeReport, list]:  # type: ignore[type-arg]
    theme = theme_summary()
    found = FoundThemes(themes=(), unassigned=(), contribution_count=7, method={})
    run = ThemeRun(4, datetime(2026, 4, 20, 20, 0, tzinfo=UTC), (1, 2), True, found)
    report = ThemeReport(run, (theme,), (), {1: "Maart", 2: "April"})
    members = {
        c.id: ThemeMember(
            contribution_id=c.id,
            session_id=1,
            session_title="Marktplein | ontwerpatelier",
            seq=c.seq,
            at=c.at,
            kind=c.kind,
            speaker=PEOPLE[c.participant_id].name if c.participant_id else None,
            domain=PEOPLE[c.participant_id].domain if c.participant_id else None,
            consent=c.consent,
            text=c.text,
            interests=c.interests,
            values=c.values,
        )
        for c in record(hostile=False).contributions
    }
    return report, [build_card(theme, members)]


# --- golden files --------------------------------------------------------------------------


def test_session_summary_markdown_matches_the_golden_file() -> None:
    golden("session.md", session_markdown(record(), themes(), options()))


def test_session_summary_html_matches_the_golden_file() -> None:
    markdown = session_markdown(record(hostile=False), themes(), options(lang="en"))
    golden("session.html", markdown_to_html(markdown, lang="en"))


def test_anonymised_summary_matches_the_golden_file() -> None:
    golden(
        "session-anonymised.md",
        session_markdown(record(hostile=False), themes(), options(anonymize=True)),
    )


def test_theme_report_matches_the_golden_files() -> None:
    report, cards = theme_report()
    markdown = themes_markdown(report, cards, list(PEOPLE.values()), options())
    golden("themes.md", markdown)
    golden("themes.html", markdown_to_html(markdown))


# --- structure -----------------------------------------------------------------------------


def test_every_contribution_is_its_own_literal_text_under_hostile_input() -> None:
    made = record()
    markdown = session_markdown(made, themes(), options())
    tokens = PARSER.parse(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_block", "fence"}
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings.count("h1") == 1
    runs = text_runs(markdown)
    for c in made.contributions:
        if c.consent is not Consent.PARAPHRASE:
            assert any(c.text in run for run in runs), c.text
    # No hostile text made a table: the only table is the participation table.
    assert [t.type for t in tokens].count("table_open") == 1
    assert sum(t.type == "blockquote_open" for t in tokens) == 1


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_theme_name_and_quote_stay_text(hostile: str) -> None:
    report, cards = theme_report()
    card = cards[0]
    renamed = replace(card.theme, name=hostile.replace("\n", " "))
    hostile_member = replace(card.members[0], text=hostile)
    card = build_card(renamed, {m.contribution_id: m for m in (hostile_member, *card.members[1:])})
    markdown = themes_markdown(report, [card], list(PEOPLE.values()), options())
    tokens = PARSER.parse(markdown)
    assert [t.type for t in tokens].count("table_open") == 1
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 2  # the header and one theme: a `|` in the name made no new cell
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    assert len(cells) == 8
    runs = text_runs(markdown)
    assert any(hostile in run for run in runs)
    assert any(" ".join(hostile.split()) in run for run in runs)


# --- consent -------------------------------------------------------------------------------


def test_off_record_never_appears_even_when_handed_over() -> None:
    markdown = session_markdown(record(off_record=True), themes(), options())
    assert OFF_RECORD_TEXT not in markdown
    assert OFF_RECORD_TEXT not in markdown_to_html(markdown)


def test_paraphrase_is_not_quoted_and_anonymous_carries_no_name() -> None:
    markdown = session_markdown(record(hostile=False), themes(), options())
    assert PARAPHRASE_TEXT not in markdown
    assert "[parafrase] — #groen" in markdown
    assert "schaduw" in markdown  # its interest still tells what it was about
    (line,) = [line for line in markdown.splitlines() if ANONYMOUS_TEXT in line]
    assert "Ahmed" not in line and "**anoniem**:" in line and "inwoner" not in line
    # Ahmed spoke only anonymously: he is counted, not named, among the participants, and
    # not under his domain (beside Anna, the only other resident, that would say it).
    assert "Ahmed" not in markdown and "- **inwoner** (1): Anna de Boer\n" in markdown
    assert "- **anoniem** (1)\n" in markdown


def test_anonymised_summary_names_nobody_and_keeps_pseudonyms_stable() -> None:
    markdown = session_markdown(record(), themes(), options(anonymize=True))
    for person in PEOPLE.values():
        for part in person.name.split():
            if len(part) > 2:  # "de" is no name
                assert part not in markdown, part
    assert "Sanne Vos" not in markdown  # the note-taker is left out too
    assert "Ondernemer 1" in markdown and "@Piet" not in markdown
    assert "Ondernemer 1 krijgt voor april antwoord" in markdown
    assert markdown == session_markdown(record(), themes(), options(anonymize=True))


def test_anonymised_theme_report_names_nobody() -> None:
    report, cards = theme_report()
    markdown = themes_markdown(report, cards, list(PEOPLE.values()), options(anonymize=True))
    for person in PEOPLE.values():
        assert person.name not in markdown
        assert person.name.split()[0] not in markdown
    assert ANONYMOUS_TEXT not in markdown or "anoniem" in markdown


def test_html_is_self_contained_and_has_the_same_headings() -> None:
    markdown = session_markdown(record(), themes(), options())
    page = markdown_to_html(markdown)
    assert "<script>" not in page and "&lt;script&gt;" in page
    for needle in ("src=", "http://", "@import", "<link", "url("):
        assert needle not in page
    md_headings = [
        line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("## ")
    ]
    assert page.count("<h2>") == len(md_headings)
    assert "<title>Marktplein | ontwerpatelier</title>" in page


def test_kinds_are_grouped_with_their_counts() -> None:
    markdown = session_markdown(record(hostile=False), themes(), options(lang="en"))
    assert "### Resistance (1)" in markdown and "### Question (1)" in markdown
    assert "Condition: tien kortparkeerplekken" in markdown
    assert (
        "owner: Karin Visser · due: 2026-04-01 · not done yet · answers: bereikbaarheid winkel"
        in markdown
    )
    assert Kind.COMMITMENT.label("en") in markdown.lower()
