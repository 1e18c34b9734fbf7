"""The ladder's pure parts: value ranking, bridging interests, consent in the JSON, dates."""

from __future__ import annotations

from datetime import date

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.dates import parse_due
from dialoog_tui.core.export.ladder_json import ladder_to_json
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.core.ladder_report import (
    InterestState,
    InterestStatus,
    LadderItem,
    bridging_interests,
    build_ladder,
    rank_values,
)

_ids = iter(range(1, 1000))


def item(
    kind: Kind,
    domain: str | None,
    interests: tuple[str, ...] = (),
    values: tuple[str, ...] = (),
    consent: Consent = Consent.NAMED,
    speaker: str = "Anna",
) -> LadderItem:
    return LadderItem(
        contribution_id=next(_ids),
        session_id=1,
        session_title="Plein",
        kind=kind,
        speaker=speaker,
        domain=domain,
        consent=consent,
        text="letterlijk",
        interests=interests,
        values=values,
    )


def test_values_ranked_by_resistance_then_overall() -> None:
    ranked = rank_values(
        [
            item(Kind.RESISTANCE, "inwoner", values=("rust",)),
            item(Kind.RESISTANCE, "ondernemer", values=("Rust", "veiligheid")),
            item(Kind.PROPOSAL, "inwoner", values=("veiligheid", "natuur")),
            item(Kind.REMARK, "inwoner", values=("natuur",)),
            item(Kind.REMARK, "inwoner", values=("natuur",)),
        ]
    )
    assert [(v.value, v.under_resistance, v.overall) for v in ranked] == [
        ("rust", 2, 2),
        ("veiligheid", 1, 2),
        ("natuur", 0, 3),
    ]
    assert ranked[0].by_domain == {"inwoner": 1, "ondernemer": 1}


def test_bridging_needs_opposite_positions_from_different_domains() -> None:
    items = [
        item(Kind.RESISTANCE, "inwoner", interests=("bereikbaarheid",)),
        item(Kind.PROPOSAL, "ondernemer", interests=("Bereikbaarheid",)),
        item(Kind.RESISTANCE, "inwoner", interests=("rust",)),
        item(Kind.AGREEMENT, "inwoner", interests=("rust",)),  # same domain on both sides
        item(Kind.RESISTANCE, "inwoner", interests=("groen",)),
        item(Kind.REMARK, "overheid", interests=("groen",)),  # a remark takes no position
    ]
    bridges = bridging_interests(items)
    assert [b.interest for b in bridges] == ["bereikbaarheid"]
    assert bridges[0].domains == (["inwoner"], ["ondernemer"])


def test_json_honours_consent() -> None:
    anonymous = item(Kind.RESISTANCE, "inwoner", interests=("x",), consent=Consent.ANONYMOUS)
    paraphrase = item(Kind.PROPOSAL, "ondernemer", interests=("x",), consent=Consent.PARAPHRASE)
    promise = item(Kind.COMMITMENT, "overheid", consent=Consent.ANONYMOUS, speaker="Karin")
    report = build_ladder(
        [anonymous, paraphrase, promise],
        [
            InterestState(
                1, "Plein", "x", InterestStatus.OPEN, raised_by=(anonymous.contribution_id,)
            )
        ],
        [(1, "Plein")],
        [(promise, Commitment(promise.contribution_id, owner="Karin", due_on=date(2026, 5, 1)))],
    )
    document = ladder_to_json(report)
    (bridge,) = document["bridging"]
    assert bridge["resisting"][0]["speaker"] is None
    assert bridge["resisting"][0]["text"] == "letterlijk"
    assert bridge["supporting"][0]["text"] is None
    assert bridge["supporting"][0]["speaker"] == "Anna"
    assert document["commitments"][0]["owner"] is None
    assert document["commitments"][0]["due"] == "2026-05-01"
    assert [i["interest"] for i in document["open_interests"]] == ["x"]


def test_consent_cycles_and_reads_dutch() -> None:
    assert Consent.NAMED.following() is Consent.ANONYMOUS
    assert Consent.OFF_RECORD.following() is Consent.NAMED
    assert Consent.from_name("anoniem") is Consent.ANONYMOUS
    assert Consent.from_name("off the record") is Consent.OFF_RECORD
    assert Consent.from_name("Parafrase") is Consent.PARAPHRASE
    assert Consent.from_name("wie weet") is None
    # A unique beginning is enough, as for domains and phases; an ambiguous one is not.
    assert Consent.from_name("anon") is Consent.ANONYMOUS
    assert Consent.from_name("vertr") is Consent.OFF_RECORD
    assert Consent.from_name("met") is Consent.NAMED
    assert Consent.from_name("") is None
    assert Consent.from_name("n") is None  # "nee" as well as "named": too short to tell


def test_due_dates() -> None:
    today = date(2026, 11, 22)
    assert parse_due("2026-12-01", today) == date(2026, 12, 1)
    assert parse_due("1-12-2026", today) == date(2026, 12, 1)
    assert parse_due("1/3", today) == date(2027, 3, 1)  # next 1 March
    assert parse_due("30-11", today) == date(2026, 11, 30)
    assert parse_due("31-2-2026", today) is None
    assert parse_due("morgen", today) is None
