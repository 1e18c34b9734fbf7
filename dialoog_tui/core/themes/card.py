"""A theme card: one theme with everything a facilitator needs to judge it.

Quotes grouped by domain, counts per session, the interests and values its contributions
carry, and every member with speaker, session and time. The card is the facilitator's own
view, and its quotes go into the theme report, so its members come through the consent gate:
paraphrase-only members are listed with the note-taker's paraphrase (marked) but never
quoted, anonymous ones are quoted without a name, off-the-record ones are not there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.consent_gate import shareable
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.themes.explain import ThemeSummary

QUOTES_PER_DOMAIN = 3


class ThemeMember(Struct, frozen=True):
    """A member contribution as the card lists it."""

    contribution_id: int
    session_id: int
    session_title: str
    seq: int
    """Its number in its session, as the log and the minutes show it."""
    at: datetime
    kind: Kind
    speaker: str | None
    """None: said by the room."""
    domain: str | None
    consent: Consent
    text: str
    interests: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    paraphrase: str | None = None
    """The note-taker's paraphrase (through the consent gate, the `text` of a paraphrase-only
    member)."""

    @property
    def quotable(self) -> bool:
        """Whether its words may be quoted (paraphrase-only ones may not)."""
        return self.consent.quotable

    @property
    def quoted_speaker(self) -> str | None:
        """The name a quote carries: none for anonymous contributions."""
        return self.speaker if self.consent is Consent.NAMED else None


class ThemeCard(Struct, frozen=True):
    """One theme, with its members read from the store."""

    theme: ThemeSummary
    members: tuple[ThemeMember, ...]
    """Most typical first (the theme's order)."""
    quotes: tuple[tuple[str, tuple[ThemeMember, ...]], ...]
    """Per domain ("" : none), largest domain first: up to three quotable members each,
    different speakers first."""
    sessions: tuple[tuple[int, str, int], ...]
    """(session id, title, members in it), most members first."""
    interests: tuple[tuple[str, int], ...]
    """Interests its members carry, with how many carry each, most first."""
    values: tuple[tuple[str, int], ...]


def build_card(theme: ThemeSummary, members: Mapping[int, ThemeMember]) -> ThemeCard:
    """The card for `theme`, with `members` looked up by contribution id (missing ones —
    removed since — are left out), through the consent gate: its quotes are shared."""
    ordered = tuple(shareable(members[i] for i in theme.contributions if i in members))
    titles = {m.session_id: m.session_title for m in ordered}
    return ThemeCard(
        theme=theme,
        members=ordered,
        quotes=_quotes_by_domain(ordered),
        sessions=tuple(
            (session_id, titles.get(session_id, ""), count)
            for session_id, count in theme.sessions
            if session_id in titles
        ),
        interests=_ranked(term for m in ordered for term in m.interests),
        values=_ranked(term for m in ordered for term in m.values),
    )


def _quotes_by_domain(
    members: Sequence[ThemeMember],
) -> tuple[tuple[str, tuple[ThemeMember, ...]], ...]:
    by_domain: dict[str, list[ThemeMember]] = defaultdict(list)
    for member in members:
        if member.quotable:
            by_domain[member.domain or ""].append(member)
    order = sorted(by_domain, key=lambda domain: (-len(by_domain[domain]), domain))
    return tuple((domain, _different_voices(by_domain[domain])) for domain in order)


def _different_voices(members: Sequence[ThemeMember]) -> tuple[ThemeMember, ...]:
    """Up to three, most typical first, one per speaker before a speaker comes back."""
    first = [m for i, m in enumerate(members) if m.speaker not in {o.speaker for o in members[:i]}]
    rest = [m for m in members if m not in first]
    return tuple((first + rest)[:QUOTES_PER_DOMAIN])


def _ranked(terms: Iterable[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(terms)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
