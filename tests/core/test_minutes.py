"""The minutes: golden files, the meeting as it went (phases in time order, replies under what
they answer), consent and hostile text in the new layout, and the charts' data.
`UPDATE_GOLDEN=1 pytest tests/core/test_minutes.py` rewrites the golden files."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.export.charts import Recurrence, Stage, bins_of, recurrence_chart
from dialoog_tui.core.export.html import POLICY, markdown_to_html
from dialoog_tui.core.export.minutes_md import reply_tree, session_minutes, stretches
from dialoog_tui.core.export.session_md import participation
from dialoog_tui.core.export.themes_md import theme_report
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution
from dialoog_tui.i18n.exports import Words

from .summary_fixtures import (
    ANONYMOUS_TEXT,
    OFF_RECORD_TEXT,
    PARAPHRASE_TEXT,
    PEOPLE,
    START,
    options,
    record,
    themes,
)
from .test_summary import PARSER, golden, text_runs
from .test_summary import theme_report as report_and_cards


def minutes(**made: bool) -> str:
    anonymize = made.pop("anonymize", False)
    return session_minutes(
        record(replies=True, **made), themes(), options(anonymize=anonymize)
    ).markdown


def said(number: int, phase: int | None, reply_to: int | None = None) -> Contribution:
    return Contribution(
        id=number,
        session_id=1,
        seq=number,
        at=START + timedelta(minutes=number),
        kind=Kind.REMARK,
        text=f"bijdrage {number}",
        phase_id=phase,
        reply_to_id=reply_to,
    )


# --- golden files --------------------------------------------------------------------------


def test_minutes_match_the_golden_files() -> None:
    made = session_minutes(
        record(replies=True, hostile=False), themes(), options(), charts_named="verslag"
    )
    golden("minutes.md", made.markdown)
    golden("minutes.html", markdown_to_html(made.markdown, charts=made.charts, paged=True))
    assert [chart.name for chart in made.charts] == ["verslag-deelname.svg", "verslag-verloop.svg"]


def test_anonymised_minutes_match_the_golden_file() -> None:
    golden("minutes-anonymised.md", minutes(hostile=False, anonymize=True))


# --- the meeting as it went ----------------------------------------------------------------


def test_phases_follow_the_meeting_and_a_return_is_a_second_stretch() -> None:
    cut = stretches([said(1, 1), said(2, 1), said(3, 2), said(4, 1), said(5, None)])
    assert [(s.phase_id, len(s.contributions), s.again) for s in cut] == [
        (1, 2, False),
        (2, 1, False),
        (1, 1, True),
        (None, 1, False),
    ]


def test_replies_stand_under_what_they_answer_within_a_stretch() -> None:
    (stretch,) = stretches([said(1, 1), said(2, 1, 1), said(3, 1), said(4, 1, 2), said(5, 1, 99)])
    tree = reply_tree(stretch)
    assert [c.id for c in tree[None]] == [1, 3, 5]  # 5 answers something not here
    assert [c.id for c in tree[1]] == [2] and [c.id for c in tree[2]] == [4]


def test_the_minutes_read_as_the_meeting_went() -> None:
    text = minutes(hostile=False)
    lines = text.splitlines()
    assert lines.index("### 1. Varianten (18:31–18:35)") < lines.index(
        "### 2. Afspraken (18:36–18:37)"
    )
    question = next(i for i, line in enumerate(lines) if line.startswith("  - ↳ #3 · 18:33"))
    assert lines[question - 4].startswith("- #2 · 18:32 · **Piet Hendriks** (ondernemer)")
    assert "*vraag* (op #2, Piet Hendriks)" in lines[question]
    # The anonymous answer to #3 nests under it, and says whom it answers, not who said it.
    assert lines[question + 1].startswith("    - ↳ #4 · 18:34 · **anoniem** · *inbreng*")
    # A reply from the next phase stays in its phase and says whom it answers.
    assert "- #6 · 18:36 · **Karin Visser** (overheid) · *afspraak* (op #2, Piet Hendriks):" in (
        text
    )
    assert "  - eigenaar: Karin Visser · uiterlijk: 2026-04-01" in lines
    # The resistance carries its ladder right there.
    assert lines[question - 3 : question] == [
        "  - Belangen: bereikbaarheid winkel",
        "  - Waarden: bestaanszekerheid",
        "  - Voorwaarde: tien kortparkeerplekken",
    ]


def test_what_was_agreed_what_is_open_and_the_themes_follow_the_meeting() -> None:
    text = minutes(hostile=False)
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == [
        "## Deelnemers",
        "## Verloop van de bijeenkomst",
        "## Afspraken: jullie zeiden, wij deden",
        "## Open belangen",
        "## Thema's van deze bijeenkomst",
        "## Deelname per domein",
    ]
    assert "- **schaduw** (open) — genoemd in #5" in text
    assert "bereikbaarheid winkel** (" not in text  # answered: not open
    assert "- **Bereikbaar blijven** — 2 bijdragen hier; ook gehoord in 1 andere sessie" in text


def test_a_commitment_not_done_by_its_date_is_called_overdue() -> None:
    made = record(replies=True)
    due = made.commitments[106].due_on
    assert due is not None

    def ledger_line(exported: datetime) -> str:
        at = replace(options(), exported_at=exported)
        text = session_minutes(made, themes(), at).markdown
        return next(line for line in text.splitlines() if "gedaan" in line)

    on_the_day = datetime.combine(due, datetime.min.time(), tzinfo=UTC) + timedelta(hours=23)
    assert "· nog niet gedaan · beantwoordt:" in ledger_line(on_the_day)
    overdue = ledger_line(on_the_day + timedelta(hours=1))
    assert "· nog niet gedaan · **datum verstreken** · beantwoordt:" in overdue
    done = replace(made.commitments[106], done_at=on_the_day)
    finished = replace(made, commitments={106: done})
    later = replace(options(), exported_at=on_the_day + timedelta(days=9))
    assert "datum verstreken" not in session_minutes(finished, themes(), later).markdown


def test_the_themes_name_the_sessions_they_were_heard_in_too() -> None:
    heard = [replace(themes()[0], elsewhere_titles=("Stationsplein", "Markt [2]"))]
    text = session_minutes(record(hostile=False), heard, options()).markdown
    assert "ook gehoord in: Stationsplein; Markt \\[2\\]" in text


# --- consent and hostile text --------------------------------------------------------------


def test_every_contribution_is_its_own_literal_text_in_the_minutes() -> None:
    made = record(replies=True)
    text = session_minutes(made, themes(), options()).markdown
    tokens = PARSER.parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_block", "fence"}
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h1") == 1
    runs = text_runs(text)
    for c in made.contributions:
        if c.consent is not Consent.PARAPHRASE and c.consent is not Consent.OFF_RECORD:
            assert any(c.text in run for run in runs), c.text
    assert [t.type for t in tokens].count("table_open") == 1
    assert sum(t.type == "blockquote_open" for t in tokens) == 1


def test_the_only_images_are_our_charts() -> None:
    made = session_minutes(record(replies=True), themes(), options(), charts_named="v")
    images = [
        child.attrGet("src")
        for token in PARSER.parse(made.markdown)
        for child in token.children or []
        if child.type == "image"
    ]
    assert images == [chart.name for chart in made.charts]


def test_off_record_leaves_no_trace_in_the_minutes_or_their_charts() -> None:
    with_secret = session_minutes(
        record(off_record=True, replies=True), themes(), options(), charts_named="v"
    )
    without = session_minutes(record(replies=True), themes(), options(), charts_named="v")
    page = markdown_to_html(with_secret.markdown, charts=with_secret.charts)
    assert OFF_RECORD_TEXT not in with_secret.markdown and OFF_RECORD_TEXT not in page
    # #7 answered the off-the-record #40: it is not said to answer anything.
    assert "#40" not in with_secret.markdown
    assert "- #7 · 18:37 · **de zaal** · *instemming*: Instemmend gemompel." in without.markdown
    assert [c.document() for c in with_secret.charts] == [c.document() for c in without.charts]


def test_paraphrase_and_anonymous_in_the_minutes() -> None:
    text = minutes(hostile=False)
    assert PARAPHRASE_TEXT not in text
    assert "*voorstel*: [parafrase] — #groen" in text
    (line,) = [line for line in text.splitlines() if ANONYMOUS_TEXT in line]
    assert "Ahmed" not in line and "**anoniem** · " in line and "inwoner" not in line
    assert "Ahmed" not in text


def test_anonymised_minutes_and_charts_name_nobody() -> None:
    made = session_minutes(
        record(replies=True), themes(), options(anonymize=True), charts_named="v"
    )
    page = markdown_to_html(made.markdown, charts=made.charts)
    for person in PEOPLE.values():
        for part in person.name.split():
            if len(part) > 2:
                assert part not in made.markdown and part not in page, part
    assert "(op #2, Ondernemer 1)" in made.markdown


# --- charts --------------------------------------------------------------------------------


def test_the_participation_chart_holds_the_table_s_numbers() -> None:
    shares = participation(record(hostile=False), Words("nl"))
    # Ahmed spoke only anonymously: counted among the anonymous, not as a second resident
    # (beside "inwoner (1): Anna de Boer", that would say what he is).
    assert [(s.domain, s.people, s.contributions) for s in shares] == [
        ("inwoner", 1, 2),
        ("overheid", 1, 2),
        ("ondernemer", 1, 1),
        ("de zaal", 0, 1),
        ("anoniem", 1, 1),
    ]
    made = session_minutes(record(hostile=False), themes(), options(), charts_named="v")
    assert made.charts[0].description == (
        "inwoner: 2 bijdragen · 1 deelnemer · 29%; overheid: 2 bijdragen · 1 deelnemer · 29%;"
        " ondernemer: 1 bijdrage · 1 deelnemer · 14%; de zaal: 1 bijdrage · 0 deelnemers · 14%;"
        " anoniem: 1 bijdrage · 1 deelnemer · 14%"
    )


def test_the_timeline_counts_every_contribution_in_round_bars() -> None:
    start = datetime(2026, 3, 12, 19, 0, tzinfo=UTC)
    moments = tuple(start + timedelta(minutes=m) for m in (0, 1, 1, 4, 7, 58, 110))
    bins = bins_of([Stage("Opening", moments[0], moments[-1], moments)])
    assert sum(b.count for b in bins) == len(moments)
    assert bins[0].minutes == 5 and len(bins) <= 30
    assert [b.count for b in bins[:2]] == [4, 1]
    assert all(b.start.minute % 5 == 0 for b in bins)
    assert bins_of([]) == []


def test_the_timeline_names_each_phase_with_its_times_and_count() -> None:
    made = session_minutes(record(hostile=False), themes(), options(), charts_named="v")
    assert made.charts[1].description == (
        "1. Varianten (18:31–18:35): 5 bijdragen; 2. Afspraken (18:36–18:37): 2 bijdragen"
    )


def test_the_recurrence_chart_puts_each_theme_in_its_sessions() -> None:
    chart = recurrence_chart(
        "t.svg",
        "Waar de thema's terugkomen",
        [Recurrence("Bereikbaar", {1: 2, 2: 5}), Recurrence("<b>Groen</b>", {2: 1})],
        [(1, "Maart"), (2, "April & mei")],
        counted=lambda count: f"{count} bijdragen",
    )
    assert chart.description == (
        "Bereikbaar: 1. 2 bijdragen, 2. 5 bijdragen; <b>Groen</b>: 2. 1 bijdragen"
    )
    svg = chart.document()
    assert "&lt;b&gt;Groen&lt;/b&gt;" in svg and "<b>" not in svg
    assert "2. April &amp; mei" in svg
    assert len(re.findall(r"<circle[^>]*r=\"1.5\"", svg)) == 1  # one session without it


def test_the_theme_report_draws_its_recurrence_and_names_nobody_anonymised() -> None:
    report, cards = report_and_cards()
    made = theme_report(
        report, cards, list(PEOPLE.values()), options(anonymize=True), charts_named="t"
    )
    assert made.markdown.count("![Waar de thema's terugkomen](t-terugkeer.svg)") == 1
    (chart,) = made.charts
    assert "Bereikbaar blijven" in chart.description


# --- HTML ----------------------------------------------------------------------------------


def test_the_html_draws_the_charts_in_the_page_and_fetches_nothing() -> None:
    made = session_minutes(record(replies=True), themes(), options(), charts_named="v")
    page = markdown_to_html(made.markdown, charts=made.charts, paged=True)
    assert page.count('<figure class="chart"><svg ') == 2
    assert page.count('role="img"') == 2 and page.count("<desc id=") == 2
    assert f'content="{POLICY}"' in page
    for needle in ("src=", "http://", "https://www", "@import", "<link", "url(", "<img"):
        assert needle not in page, needle
    assert "&lt;script&gt;" in page and "<script>" not in page


def test_printed_each_phase_starts_a_page_and_so_does_what_follows() -> None:
    made = session_minutes(record(hostile=False), themes(), options())
    page = markdown_to_html(made.markdown, paged=True)
    assert page.count('<h3 class="page">') == 2
    assert '<h2 class="page">Afspraken: jullie zeiden, wij deden</h2>' in page
    assert page.count('class="page"') == 3
    assert ".page { break-before: page; }" in page and "size: A4" in page


def test_the_meeting_is_told_in_the_order_things_were_said() -> None:
    late = replace(said(1, 1), at=START + timedelta(minutes=9))  # imported later, said last
    cut = stretches([late, said(2, 1), said(3, 2)])
    assert [[c.id for c in s.contributions] for s in cut] == [[2], [3], [1]]


def test_a_chart_holds_no_character_xml_cannot_hold() -> None:
    import xml.etree.ElementTree as ElementTree

    odd = replace(record(hostile=False).phases[0], title="Fase \ufffe \x1b[31m <één>")
    made_record = replace(record(hostile=False), phases=[odd, *record(hostile=False).phases[1:]])
    made = session_minutes(made_record, themes(), options(), charts_named="v")
    for chart in made.charts:
        ElementTree.fromstring(chart.document().split("\n", 1)[1])  # parses, or raises
    assert "Fase \ufffd ␛[31m &lt;één&gt;" in made.charts[1].document()


def test_one_contribution_is_said_in_the_singular_in_a_chart() -> None:
    made = session_minutes(record(hostile=False), themes(), options(), charts_named="v")
    assert "2. Afspraken (18:36–18:37): 2 bijdragen" in made.charts[1].description
    only = replace(record(hostile=False), contributions=record(hostile=False).contributions[:1])
    chart = session_minutes(only, themes(), options(), charts_named="v").charts[1]
    assert chart.description == "1. Varianten (18:31–18:31): 1 bijdrage"


def test_with_many_sessions_the_recurrence_chart_narrows_to_dots() -> None:
    sessions = [(n, f"Sessie {n}") for n in range(1, 31)]
    chart = recurrence_chart(
        "t.svg",
        "Waar de thema's terugkomen",
        [Recurrence("Bereikbaar", {n: 100 + n for n in range(1, 31, 3)})],
        sessions,
        counted=lambda count: f"{count} bijdragen",
    )
    assert chart.width <= 960  # scaled to a page, still readable
    assert ">128<" not in chart.body  # no count beside a dot: it is in the description
    assert "28. 128 bijdragen" in chart.description
    few = recurrence_chart(
        "t.svg", "x", [Recurrence("B", {1: 3})], sessions[:3], counted=lambda c: f"{c}"
    )
    assert few.width == 640 and ">3</text>" in few.body


def test_one_table_s_minutes_are_noted_by_its_own_note_taker() -> None:
    from dialoog_tui.core.model import Table
    from dialoog_tui.core.record import at_table

    made = record(hostile=False)
    assert made.session.note_taker == "Sanne Vos"
    noted = at_table(made, Table(id=7, session_id=1, name="Noord", note_taker="Bram"))
    assert noted.session.note_taker == "Bram"
    assert "**Verslaglegger:** Bram" in session_minutes(noted, themes(), options()).markdown
    # A table nobody sat down at as its note-taker: the session's.
    unnoted = at_table(made, Table(id=8, session_id=1, name="Zuid"))
    assert unnoted.session.note_taker == "Sanne Vos"
