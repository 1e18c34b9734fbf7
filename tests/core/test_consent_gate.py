"""The consent gate holds in every renderer, for any mix of consent (property tests), and the
pieces it is made of behave as they say."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import heard_only_anonymously, share, shareable_record
from dialoog_tui.core.export.html import markdown_to_html
from dialoog_tui.core.export.session_json import session_to_json
from dialoog_tui.core.export.session_md import SummaryOptions, session_markdown
from dialoog_tui.core.export.themes_md import themes_markdown
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import InterestState, InterestStatus
from dialoog_tui.core.model import Contribution, Participant, Phase, Session
from dialoog_tui.core.record import SessionRecord
from dialoog_tui.core.themes.card import ThemeMember, build_card
from dialoog_tui.core.themes.explain import FoundTheme
from dialoog_tui.core.themes.live import session_themes
from dialoog_tui.core.themes.run import FoundThemes, ThemeRun, report
from dialoog_tui.core.themes.themes_json import report_to_json
from dialoog_tui.core.themes.types import ThemeInput
from tests.consent_meetings import NAMES, Said, leaks, meetings

START = datetime(2026, 5, 4, 19, 0, tzinfo=UTC)
PEOPLE = [Participant(i + 1, name, domain) for i, (name, domain) in enumerate(NAMES)]


def _contribution(item: Said) -> Contribution:
    return Contribution(
        id=item.number,
        session_id=1,
        seq=item.number,
        at=START + timedelta(minutes=item.number),
        kind=item.kind,
        text=item.text(),
        participant_id=None if item.speaker is None else item.speaker + 1,
        tags=(item.marker("tag"),) if item.ladder else (),
        phase_id=1,
        reply_to_id=item.reply_to if item.reply_to != item.number else None,
        consent=item.consent,
        condition=item.marker("voorwaarde") if item.ladder else None,
        interests=(item.marker("belang"),) if item.ladder else (),
        values=(item.marker("waarde"),) if item.ladder else (),
        paraphrase=item.paraphrase_text(),
    )


def record_of(said: list[Said]) -> SessionRecord:
    """The whole record, as only a private backup may hold it."""
    contributions = [_contribution(item) for item in said]
    raised: dict[str, list[int]] = {}
    for c in contributions:
        for interest in c.interests:
            raised.setdefault(interest, []).append(c.id)
    promises = [c for c in contributions if c.kind is Kind.COMMITMENT]
    return SessionRecord(
        session=Session(1, "plein", "Plein", START, note_taker="Sanne Notulist"),
        phases=[Phase(1, 1, 1, "Gesprek")],
        participants={p.id: p for p in PEOPLE},
        domains=["inwoner", "overheid", "ondernemer", "maatschappelijke organisatie"],
        contributions=contributions,
        interests=[
            InterestState(
                1,
                "Plein",
                interest,
                InterestStatus.ANSWERED if promises else InterestStatus.OPEN,
                answered_by_id=promises[-1].id if promises else None,
                raised_by=tuple(ids),
            )
            for interest, ids in raised.items()
        ],
        commitments={
            c.id: Commitment(
                c.id,
                owner=PEOPLE[c.participant_id - 1].name if c.participant_id else None,
                due_on=date(2026, 6, 1),
            )
            for c in promises
        },
    )


def _inputs(record: SessionRecord) -> list[ThemeInput]:
    return [
        ThemeInput(
            c.id,
            1,
            c.text,
            speaker=person.name if (person := record.speaker(c)) else None,
            domain=person.domain if person else None,
            consent=c.consent,
            tags=c.tags,
            interests=c.interests,
            values=c.values,
            paraphrase=c.paraphrase,
        )
        for c in record.contributions
    ]


def _members(record: SessionRecord) -> dict[int, ThemeMember]:
    return {
        c.id: ThemeMember(
            c.id,
            1,
            "Plein",
            c.seq,
            c.at,
            c.kind,
            person.name if (person := record.speaker(c)) else None,
            person.domain if person else None,
            c.consent,
            c.text,
            c.interests,
            c.values,
            c.paraphrase,
        )
        for c in record.contributions
    }


def theme_outputs(record: SessionRecord, *, anonymize: bool) -> list[str]:
    """`dialoog themes --json`, the live panel's view and the theme report in md and html,
    for one theme over every contribution whose label (from an earlier run) holds words of
    each of them, secret ones too: they were spoken before the consent changed."""
    ids = tuple(c.id for c in record.contributions)
    label = " · ".join(c.text.split()[0] for c in record.contributions[:3])
    found = FoundThemes(
        themes=(FoundTheme("t1", label, tuple(label.split(" · ")), ids, (0.5,) * len(ids), 0.5),),
        unassigned=(),
        contribution_count=len(ids),
    )
    run = ThemeRun(1, START, (1,), True, found)
    shown = report(run, _inputs(record), {1: "Plein"})
    cards = [build_card(theme, _members(record)) for theme in shown.themes]
    options = SummaryOptions(exported_at=START, anonymize=anonymize, zone=UTC)
    markdown = themes_markdown(shown, cards, PEOPLE, options)
    outputs = [markdown, markdown_to_html(markdown)]
    if not anonymize:  # `dialoog themes` is never anonymised
        outputs.append(json.dumps(report_to_json(shown), ensure_ascii=False))
        outputs.append(repr(session_themes(shown, 1)))
    return outputs


def session_outputs(record: SessionRecord, *, anonymize: bool) -> list[str]:
    options = SummaryOptions(exported_at=START, anonymize=anonymize, zone=UTC)
    markdown = session_markdown(record, None, options, everyone=PEOPLE)
    document = session_to_json(record, exported_at=START, anonymize=anonymize, everyone=PEOPLE)
    return [markdown, markdown_to_html(markdown), json.dumps(document, ensure_ascii=False)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_shareable_output_leaks_whatever_the_mix_of_consent(said: list[Said]) -> None:
    record = record_of(said)
    for anonymize in (False, True):
        outputs = session_outputs(record, anonymize=anonymize)
        outputs += theme_outputs(record, anonymize=anonymize)
        for number, output in enumerate(outputs):
            found = leaks(output, said, anonymised=anonymize)
            assert not found, (anonymize, number, found)
        assert "Sanne" not in "".join(outputs) or not anonymize  # the note-taker too


@settings(max_examples=100, deadline=None)
@given(meetings())
def test_the_shared_json_counts_only_what_may_be_shared(said: list[Said]) -> None:
    document = session_to_json(record_of(said), exported_at=START)
    shared = [item for item in said if not item.hidden]
    assert len(document["contributions"]) == len(shared)
    # Numbered anew, in the order said: a gap would tell that something was off the record.
    assert [entry["seq"] for entry in document["contributions"]] == list(range(1, len(shared) + 1))
    for entry, item in zip(document["contributions"], shared, strict=True):
        if item.consent is Consent.ANONYMOUS:
            assert entry["speaker"] is None and entry["speaker_number"] is None
        if item.consent is Consent.PARAPHRASE:
            assert entry["text"] is None and entry["paraphrase"] == item.paraphrase_text()
    # Every link names a contribution of the document by its number, never a database id
    # (whose gaps would show where something was left out).
    numbers = set(range(1, len(shared) + 1))
    links = [e["replies_to"] for e in document["contributions"] if e["replies_to"] is not None]
    for interest in document["interests"]:
        links += interest["contributions"] + [interest["answered_by"] or 1]
    links += [entry["contribution"] for entry in document["commitments"]]
    assert set(links) <= numbers
    assert all("id" not in entry for entry in document["contributions"])
    heard = {i.speaker for i in shared if i.speaker is not None}
    named = {
        i.speaker for i in shared if i.speaker is not None and i.consent is not Consent.ANONYMOUS
    }
    listed = {[name for name, _ in NAMES].index(p["name"]) for p in document["participants"]}
    # People are numbered in the document, not by the database: no gap for who was left out.
    assert [p["number"] for p in document["participants"]] == list(range(1, len(listed) + 1))
    # Nobody heard only off the record or only anonymously is listed; everyone named is.
    spoke = {i.speaker for i in said if i.speaker is not None}
    silent = set(range(len(NAMES))) - spoke
    assert listed == named | silent
    assert heard - named <= set(range(len(NAMES))) - listed


@settings(max_examples=100, deadline=None)
@given(meetings())
def test_the_gate_changes_nothing_the_second_time(said: list[Said]) -> None:
    once = shareable_record(record_of(said))
    assert shareable_record(once) == once


def test_the_private_backup_keeps_everything_and_says_so() -> None:
    said = [
        Said(1, 0, Kind.REMARK, Consent.OFF_RECORD, None, 0, False, True, None),
        Said(2, 1, Kind.PROPOSAL, Consent.PARAPHRASE, None, 0, True, False, None),
    ]
    document = session_to_json(record_of(said), exported_at=START, private=True)
    assert document["private"] is True and "Private backup" in document["notice"]
    texts = [c["text"] for c in document["contributions"]]
    assert texts == ["qofftekst1", "qletttekst2"]
    assert document["contributions"][1]["paraphrase"] == "qpara2"
    assert {p["name"] for p in document["participants"]} >= {NAMES[0][0], NAMES[1][0]}


def test_paraphrase_shows_as_the_paraphrase_and_anonymous_as_nobody() -> None:
    paraphrased = Contribution(1, 1, 1, START, Kind.REMARK, "letterlijk", 1, paraphrase="kort")
    assert share(paraphrased) == paraphrased  # named: as it is
    as_paraphrase = share(
        Contribution(1, 1, 1, START, Kind.REMARK, "letterlijk", 1, consent=Consent.PARAPHRASE)
    )
    assert as_paraphrase is not None and as_paraphrase.text == ""
    member = ThemeMember(1, 1, "P", 1, START, Kind.REMARK, "Anna", None, Consent.ANONYMOUS, "x")
    shown = share(member)
    assert shown is not None and shown.speaker is None
    assert share(Contribution(1, 1, 1, START, Kind.REMARK, "x", consent=Consent.OFF_RECORD)) is None


def test_someone_heard_only_anonymously_is_counted_not_named() -> None:
    said = [
        Said(1, 0, Kind.REMARK, Consent.ANONYMOUS, None, 0, False, False, None),
        Said(2, 1, Kind.REMARK, Consent.ANONYMOUS, None, 0, False, False, None),
        Said(3, 1, Kind.REMARK, Consent.NAMED, None, 0, False, False, None),
    ]
    assert heard_only_anonymously(record_of(said)) == {1}


def test_an_anonymous_remark_does_not_carry_the_domain_that_would_name_its_speaker() -> None:
    """Bertolt is the only ondernemer: "anoniem (ondernemer)" would be him, and so would an
    ondernemer's count of two contributions beside his one named one."""
    from dialoog_tui.core.export.minutes_md import session_minutes

    said = [
        Said(1, 0, Kind.REMARK, Consent.NAMED, None, 0, False, False, None),
        Said(2, 0, Kind.REMARK, Consent.ANONYMOUS, None, 0, False, False, None),
        Said(3, 1, Kind.REMARK, Consent.NAMED, None, 0, False, False, None),
    ]
    record = record_of(said)
    options = SummaryOptions(exported_at=START, zone=UTC)
    minutes = session_minutes(record, None, options, everyone=PEOPLE, charts_named="x")
    by_kind = session_markdown(record, None, options, everyone=PEOPLE)
    for markdown in (minutes.markdown, by_kind):
        (line,) = [line for line in markdown.splitlines() if "qgewoontekst2" in line]
        assert "ondernemer" not in line and "anoniem" in line
        assert "| ondernemer | 1 | 1 |" in markdown and "| anoniem | 0 | 1 |" in markdown
    (domains, *_) = minutes.charts
    assert "anoniem" in domains.description
    entry = session_to_json(record, exported_at=START)["contributions"][1]
    assert entry["text"] == "qgewoontekst2" and entry["domain"] is None
    (quoted,) = [q for q in _inputs(record) if q.consent is Consent.ANONYMOUS]
    assert share(quoted) is not None and share(quoted).domain is None  # theme quotes, cards
