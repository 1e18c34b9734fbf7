"""The ladder under a session's positions: interests and values, what was done with them,
and which interests bridge opposite positions. Pure functions over plain records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from msgspec import Struct, field

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Commitment
from dialoog_tui.i18n import labels


class InterestStatus(StrEnum):
    """What was done with an interest raised in a session."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    ANSWERED = "answered"

    def label(self, lang: str) -> str:
        """The status in the interface language."""
        return labels.name(labels.INTEREST_STATUSES, self.value, lang)

    @classmethod
    def from_name(cls, name: str) -> InterestStatus | None:
        """A status from its id or Dutch name."""
        key = name.strip().casefold()
        for status in cls:
            if key in (status.value, status.label("nl")):
                return status
        return None


class LadderItem(Struct, frozen=True):
    """One contribution as the ladder sees it."""

    contribution_id: int
    session_id: int
    session_title: str
    kind: Kind
    speaker: str | None
    domain: str | None
    consent: Consent
    text: str
    interests: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    condition: str | None = None
    paraphrase: str | None = None
    """The note-taker's paraphrase (the consent gate shows it instead of `text`)."""
    seq: int = 0
    """Its number in its session, as the reader sees it: in the log on the note-taker's own
    screen, as shared everywhere else (`store.shared_numbers`)."""


class InterestState(Struct, frozen=True):
    """An interest raised in a session, with what was done with it."""

    session_id: int
    session_title: str
    interest: str
    status: InterestStatus
    answered_by_id: int | None = None
    raised_by: tuple[int, ...] = ()
    """Contributions that named it in this session."""


class ValueCount(Struct, frozen=True):
    """How often a value sits under resistance, by domain (and under anything)."""

    value: str
    under_resistance: int
    by_domain: dict[str | None, int]
    overall: int


class BridgingInterest(Struct, frozen=True):
    """An interest named on both sides: by some who resist and by others who propose or agree."""

    interest: str
    resisting: tuple[LadderItem, ...]
    supporting: tuple[LadderItem, ...]

    @property
    def domains(self) -> tuple[list[str], list[str]]:
        """Domains on the resisting side and on the supporting side."""
        return (
            sorted({i.domain for i in self.resisting if i.domain}),
            sorted({i.domain for i in self.supporting if i.domain}),
        )


class LadderReport(Struct, frozen=True):
    """Everything the ladder view and `dialoog ladder` show."""

    sessions: tuple[tuple[int, str], ...]
    values: tuple[ValueCount, ...]
    interests: tuple[InterestState, ...]
    bridging: tuple[BridgingInterest, ...]
    commitments: tuple[tuple[LadderItem, Commitment], ...] = field(default=())

    @property
    def open_interests(self) -> tuple[InterestState, ...]:
        """Interests nobody has acknowledged or answered yet."""
        return tuple(i for i in self.interests if i.status is InterestStatus.OPEN)


SUPPORTING_KINDS = frozenset({Kind.PROPOSAL, Kind.AGREEMENT, Kind.COMMITMENT})
"""Kinds that take the opposite position to resistance."""


def rank_values(items: Iterable[LadderItem]) -> tuple[ValueCount, ...]:
    """Values ranked by how often they sit under resistance, then overall, then by name."""
    under: Counter[str] = Counter()
    overall: Counter[str] = Counter()
    by_domain: dict[str, Counter[str | None]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for item in items:
        for value in item.values:
            key = value.casefold()
            names.setdefault(key, value)
            overall[key] += 1
            if item.kind is Kind.RESISTANCE:
                under[key] += 1
                by_domain[key][item.domain] += 1
    ranked = sorted(overall, key=lambda k: (-under[k], -overall[k], names[k].casefold()))
    return tuple(ValueCount(names[k], under[k], dict(by_domain[k]), overall[k]) for k in ranked)


def bridging_interests(items: Iterable[LadderItem]) -> tuple[BridgingInterest, ...]:
    """Interests named by a domain that resists and by another domain that proposes, agrees
    or commits: common ground under opposite positions."""
    resisting: dict[str, list[LadderItem]] = defaultdict(list)
    supporting: dict[str, list[LadderItem]] = defaultdict(list)
    names: dict[str, str] = {}
    for item in items:
        for interest in item.interests:
            key = interest.casefold()
            names.setdefault(key, interest)
            if item.kind is Kind.RESISTANCE:
                resisting[key].append(item)
            elif item.kind in SUPPORTING_KINDS:
                supporting[key].append(item)
    found = []
    for key in resisting.keys() & supporting.keys():
        against = {i.domain for i in resisting[key] if i.domain}
        for_ = {i.domain for i in supporting[key] if i.domain}
        if any(a != b for a in against for b in for_):
            found.append(
                BridgingInterest(names[key], tuple(resisting[key]), tuple(supporting[key]))
            )
    found.sort(key=lambda b: (-(len(b.resisting) + len(b.supporting)), b.interest.casefold()))
    return tuple(found)


def build_ladder(
    items: Sequence[LadderItem],
    interests: Sequence[InterestState],
    sessions: Sequence[tuple[int, str]],
    commitments: Sequence[tuple[LadderItem, Commitment]] = (),
) -> LadderReport:
    """The whole ladder report."""
    return LadderReport(
        sessions=tuple(sessions),
        values=rank_values(items),
        interests=tuple(sorted(interests, key=lambda i: (i.session_id, i.interest.casefold()))),
        bridging=bridging_interests(items),
        commitments=tuple(commitments),
    )
