"""The theme card's pure parts: quotes by domain with consent, counts, and the sparkline."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.display import sparkline
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.card import ThemeMember, build_card
from dialoog_tui.core.themes.explain import ThemeSummary
from dialoog_tui.core.themes.live import session_themes
from dialoog_tui.core.themes.run import ThemeReport

AT = datetime(2026, 3, 12, 19, 0, tzinfo=UTC)


def member(cid: int, speaker: str | None, domain: str | None, **extra: object) -> ThemeMember:
    return ThemeMember(
        contribution_id=cid,
        session_id=1 if cid < 10 else 2,
        session_title="Maart" if cid < 10 else "April",
        seq=cid,
        at=AT,
        kind=Kind.REMARK,
        speaker=speaker,
        domain=domain,
        consent=extra.pop("consent", Consent.NAMED),  # type: ignore[arg-type]
        text=f"tekst {cid}",
        **extra,  # type: ignore[arg-type]
    )


def summary(ids: tuple[int, ...]) -> ThemeSummary:
    return ThemeSummary(
        id="t1",
        label="parkeren",
        terms=("parkeren",),
        contributions=ids,
        sessions=((1, 3), (2, 2)),
        domains={"inwoner": 3, "ondernemer": 2},
        cohesion=0.5,
        quotes=(),
    )


def test_quotes_are_grouped_by_domain_with_consent_and_different_voices_first() -> None:
    members = {
        m.contribution_id: m
        for m in (
            member(1, "Anna", "inwoner"),
            member(2, "Anna", "inwoner"),
            member(3, "Ahmed", "inwoner", consent=Consent.ANONYMOUS),
            member(11, "Piet", "ondernemer", consent=Consent.PARAPHRASE),
            member(12, "Yasmina", "ondernemer", interests=("bereikbaarheid",)),
        )
    }
    card = build_card(summary((1, 2, 3, 11, 12)), members)
    quotes = dict(card.quotes)
    assert [m.contribution_id for m in quotes["inwoner"]] == [1, 2]
    # Anonymous: quoted without a name, and without the domain that could name its speaker.
    assert [(m.contribution_id, m.quoted_speaker) for m in quotes[""]] == [(3, None)]
    assert [m.contribution_id for m in quotes["ondernemer"]] == [12]  # a paraphrase is no quote
    assert card.sessions == ((1, "Maart", 3), (2, "April", 2))
    assert card.interests == (("bereikbaarheid", 1),)
    assert [m.contribution_id for m in card.members] == [1, 2, 3, 11, 12]


def test_a_member_gone_from_the_store_is_left_out() -> None:
    card = build_card(summary((1, 2)), {1: member(1, "Anna", "inwoner")})
    assert [m.contribution_id for m in card.members] == [1]


def test_sparkline_scales_to_the_largest_and_groups_long_series() -> None:
    assert sparkline([0, 1, 8]) == " ▁█"
    assert sparkline([0, 0]) == "  "
    assert len(sparkline(list(range(100)), width=24)) <= 24


def test_live_view_lists_the_sessions_themes_with_where_else_they_were_heard() -> None:
    theme = summary((1, 2, 11))
    lonely = ThemeSummary(
        id="t2",
        label="fiets",
        terms=(),
        contributions=(13,),
        sessions=((2, 1),),
        domains={},
        cohesion=0.4,
        quotes=(),
    )
    report = ThemeReport(run=None, themes=(theme, lonely), unassigned=(), session_titles={})  # type: ignore[arg-type]
    live = session_themes(report, 2)
    assert [(x.id, x.here, x.elsewhere) for x in live] == [("t1", 2, 1), ("t2", 1, 0)]
    assert session_themes(report, 3) == []
