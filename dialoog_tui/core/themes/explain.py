"""What each theme is about: a label from its most distinctive terms, representative quotes,
and where it was heard (sessions, domains).

Labelling needs the clustering's words, so it happens once, when the themes are found
(`label_clusters`). Quotes and counts come from the contributions as they are now
(`summarise`): a stored theme shown later honours edits and consent given since.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.engine import Clustering
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import Cluster, ThemeInput

LABEL_TERMS = 3
TOP_TERMS = 8
QUOTES = 3


@dataclass(frozen=True)
class FoundTheme:
    """A theme as the engine found it: what is stored for a run."""

    id: str
    """Stable: the same members always give the same id."""
    label: str
    """A short label from the most distinctive terms."""
    terms: tuple[str, ...]
    """The most distinctive terms, best first."""
    members: tuple[int, ...]
    """Member contribution ids, most typical first."""
    similarities: tuple[float, ...]
    """Each member's similarity to the theme's centre, in the same order."""
    cohesion: float
    """Mean similarity of the members to the theme's centre (0–1)."""


@dataclass(frozen=True)
class Quote:
    """A representative contribution, as a shareable overview may show it."""

    contribution_id: int
    speaker: str | None
    """None when the contribution is anonymous or said by the room."""
    domain: str | None
    text: str
    anonymous: bool = False
    """Quoted without a name because the speaker asked for that."""


@dataclass(frozen=True)
class ThemeSummary:
    """One theme, explained with the contributions as they are now."""

    id: str
    label: str
    terms: tuple[str, ...]
    contributions: tuple[int, ...]
    """Member contribution ids, most typical first (removed or off-record ones left out)."""
    sessions: tuple[tuple[int, int], ...]
    """(session id, members in it), most members first."""
    domains: Mapping[str, int]
    """Members per domain ("" for the room or a speaker without a domain)."""
    cohesion: float
    quotes: tuple[Quote, ...]
    """Up to three typical contributions that may be quoted, from different speakers where
    possible."""

    @property
    def size(self) -> int:
        """Number of members."""
        return len(self.contributions)

    def recurs(self, min_sessions: int) -> bool:
        """Heard in at least `min_sessions` sessions."""
        return len(self.sessions) >= min_sessions


def theme_id(contribution_ids: Sequence[int]) -> str:
    """A short id that only depends on the members."""
    digest = hashlib.sha1(",".join(map(str, sorted(contribution_ids))).encode()).hexdigest()
    return f"t{digest[:8]}"


def label_clusters(inputs: Sequence[ThemeInput], clustering: Clustering) -> list[FoundTheme]:
    """Each cluster with an id, a label and its top terms."""
    documents = clustering.documents
    stems = clustering.stems or Stems()
    frequency: Counter[str] = Counter()
    per_cluster: list[Counter[str]] = []
    for cluster in clustering.clusters:
        counts: Counter[str] = Counter()
        for member in cluster.members:
            counts.update(set(documents[member]))
        per_cluster.append(counts)
        frequency.update(counts)
    sizes = [len(c.members) for c in clustering.clusters]
    average = sum(sizes) / max(len(sizes), 1)
    return [
        _found(inputs, cluster, _top_terms(counts, frequency, len(cluster.members), average, stems))
        for cluster, counts in zip(clustering.clusters, per_cluster, strict=True)
    ]


def _found(inputs: Sequence[ThemeInput], cluster: Cluster, terms: list[str]) -> FoundTheme:
    ids = tuple(inputs[i].contribution_id for i in cluster.members)
    return FoundTheme(
        id=theme_id(ids),
        label=" · ".join(terms[:LABEL_TERMS]) or "—",
        terms=tuple(terms),
        members=ids,
        similarities=tuple(round(s, 4) for s in cluster.similarities),
        cohesion=round(cluster.cohesion, 3),
    )


def _top_terms(
    counts: Counter[str], frequency: Counter[str], size: int, average_size: float, stems: Stems
) -> list[str]:
    """Class-based TF-IDF: terms frequent in this theme and rare in the others."""
    scores = {
        term: (count / size) * math.log(1 + average_size / frequency[term])
        for term, count in counts.items()
        if count >= 2 or size < 4
    }
    ranked = sorted(scores, key=lambda term: (-scores[term], term))
    # Enough candidates for the phrases to absorb their words; a big theme has thousands.
    return _distinct([_display(term, stems) for term in ranked[: 4 * TOP_TERMS]])[:TOP_TERMS]


def _display(term: str, stems: Stems) -> str:
    """A term as a person would read it: words instead of stems, tokens without prefix."""
    for prefix in ("#", "belang:", "waarde:"):
        if term.startswith(prefix):
            return term[len(prefix) :]
    return " ".join(stems.display(part) for part in term.split(" "))


def _distinct(terms: list[str]) -> list[str]:
    """Terms without repeats; a phrase takes the place of a word it contains, not a new one."""
    kept: list[str] = []
    for term in terms:
        parts = term.split(" ")
        if term in kept or any(term in other.split(" ") for other in kept):
            continue
        contained = [i for i, other in enumerate(kept) if other in parts]
        if contained:
            kept[contained[0]] = term
            kept = [other for i, other in enumerate(kept) if i not in contained[1:]]
        else:
            kept.append(term)
    return kept


def summarise(theme: FoundTheme, current: Mapping[int, ThemeInput]) -> ThemeSummary | None:
    """The theme over its members that still exist in `current`; None when none are left."""
    members = [current[i] for i in theme.members if i in current]
    if not members:
        return None
    sessions = Counter(item.session_id for item in members)
    domains = Counter(item.domain or "" for item in members)
    return ThemeSummary(
        id=theme.id,
        label=theme.label,
        terms=theme.terms,
        contributions=tuple(item.contribution_id for item in members),
        sessions=tuple(sorted(sessions.items(), key=lambda item: (-item[1], item[0]))),
        domains=dict(sorted(domains.items(), key=lambda item: (-item[1], item[0]))),
        cohesion=theme.cohesion,
        quotes=_quotes(members),
    )


def by_recurrence(summaries: Sequence[ThemeSummary]) -> list[ThemeSummary]:
    """Most sessions first, then largest, then by id (a stable order)."""
    return sorted(summaries, key=lambda s: (-len(s.sessions), -s.size, s.id))


def _quotes(members: Sequence[ThemeInput]) -> tuple[Quote, ...]:
    """Typical contributions that may be quoted verbatim, preferring different speakers."""
    quotable = [m for m in members if m.consent in (Consent.NAMED, Consent.ANONYMOUS)]
    chosen: list[ThemeInput] = []
    voices: set[str] = set()
    for member in quotable:  # members come most typical first
        voice = _voice(member)
        if voice not in voices:
            chosen.append(member)
            voices.add(voice)
        if len(chosen) == QUOTES:
            break
    for member in quotable:
        if len(chosen) == QUOTES:
            break
        if member not in chosen:
            chosen.append(member)
    return tuple(
        Quote(
            contribution_id=m.contribution_id,
            speaker=None if m.consent is Consent.ANONYMOUS else m.speaker,
            domain=m.domain,
            text=m.text,
            anonymous=m.consent is Consent.ANONYMOUS,
        )
        for m in chosen
    )


def _voice(member: ThemeInput) -> str:
    """Who a quote is from, for variety; every contribution of the room counts apart."""
    return member.speaker if member.speaker is not None else f"#{member.contribution_id}"
