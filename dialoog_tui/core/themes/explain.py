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
from collections.abc import Collection, Mapping, Sequence
from itertools import combinations
from os.path import commonprefix
from typing import Any, TypeVar

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.engine import Clustering
from dialoog_tui.core.themes.ladder_names import best_name, candidate_names
from dialoog_tui.core.themes.phrases import READ, Member, phrase_label
from dialoog_tui.core.themes.text import Stems, words
from dialoog_tui.core.themes.types import Cluster, ThemeInput
from dialoog_tui.core.themes.vetting import label_of, vetted

TOP_TERMS = 8
SHARED_BEGINNING = 5
"""Letters two words must begin with alike to label a group that shares no word."""
BEGINNINGS_FROM = 40
"""Members compared for those beginnings, at most."""
_Key = TypeVar("_Key", int, tuple[int, str])

QUOTES = 3


class FoundTheme(Struct, frozen=True):
    """A theme as the engine found it: what is stored for a run."""

    id: str
    """Stable: the same members always give the same id."""
    label: str
    """A short phrase of its members (`phrases`), else its most distinctive terms."""
    terms: tuple[str, ...]
    """The most distinctive terms, best first."""
    members: tuple[int, ...]
    """Member contribution ids, most typical first."""
    similarities: tuple[float, ...]
    """Each member's similarity to the theme's centre, in the same order."""
    cohesion: float | None
    """Mean similarity of the members to the theme's centre (0–1)."""


class Quote(Struct, frozen=True):
    """A representative contribution, as a shareable overview may show it."""

    contribution_id: int
    speaker: str | None
    """None when the contribution is anonymous or said by the room."""
    domain: str | None
    text: str
    anonymous: bool = False
    """Quoted without a name because the speaker asked for that."""
    session_id: int | None = None
    seq: int | None = None
    """Its number in its session (`#12` in the log and the minutes); None: not known."""


class ThemeSummary(Struct, frozen=True):
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
    cohesion: float | None
    """None for a curated theme whose members were all placed by hand since the last run."""
    quotes: tuple[Quote, ...]
    """Up to three typical contributions that may be quoted, from different speakers where
    possible."""
    name: str | None = None
    """The facilitator's name for it."""
    accepted: bool = False
    curated: bool = False
    """The facilitator worked on it: it keeps its id, name and members across runs."""
    tables: tuple[tuple[int, str, int], ...] = ()
    """(session id, table name, members said there), most members first; members said to
    the whole room, at no table, are not counted."""

    @property
    def title(self) -> str:
        """The facilitator's name, else the label."""
        return self.name or self.label

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


def label_clusters(
    inputs: Sequence[ThemeInput], clustering: Clustering, meanings: Any = None
) -> list[FoundTheme]:
    """Each cluster with an id, a label and its top terms. With `meanings` (a meaning vector
    per input), of near-equal phrases the one its most typical members use is the label."""
    groups = [c.members for c in clustering.clusters]
    stems = clustering.stems or Stems()
    typical = _typicality(groups, meanings) if meanings is not None else None
    described = _described(groups, inputs, clustering.documents, stems, typical)
    return [
        _found(inputs, cluster, label, terms)
        for cluster, (label, terms) in zip(clustering.clusters, described, strict=True)
    ]


def label_groups(groups: Sequence[Sequence[ThemeInput]]) -> list[tuple[str, tuple[str, ...]]]:
    """A label and top terms for each group of contributions, told apart from the others
    (for themes a facilitator merged or split)."""
    from dialoog_tui.core.themes.types import ThemeParams
    from dialoog_tui.core.themes.vectors import documents as read_documents

    flat = [item for group in groups for item in group]
    stems = Stems()
    documents, _texts = read_documents(flat, stems, ThemeParams())
    members, start = [], 0
    for group in groups:
        members.append(tuple(range(start, start + len(group))))
        start += len(group)
    return [(label, tuple(terms)) for label, terms in _described(members, flat, documents, stems)]


def _typicality(groups: Sequence[Sequence[int]], meanings: Any) -> list[list[float] | None]:
    """Per group, per member: how close its meaning comes to what sets the group apart (the
    direction from the mean of all inputs' vectors to the mean of the group's own)."""
    import numpy as np

    vectors = np.asarray(meanings)  # half precision, as kept: means are taken in float32
    present = np.any(vectors, axis=1)
    if not present.any():
        return [None] * len(groups)
    overall = vectors[present].mean(axis=0, dtype=np.float32)
    measures: list[list[float] | None] = []
    for members in groups:
        own = [m for m in members if present[m]]
        direction = (vectors[own].mean(axis=0, dtype=np.float32) if own else overall) - overall
        norm = float(np.linalg.norm(direction))
        if norm == 0:
            measures.append(None)
            continue
        read = list(members[:READ])
        measures.append((vectors[read].astype(np.float32) @ (direction / norm)).tolist())
    return measures


def _described(
    groups: Sequence[Sequence[int]],
    inputs: Sequence[ThemeInput],
    documents: Sequence[Sequence[str]],
    stems: Stems,
    typical: Sequence[list[float] | None] | None = None,
) -> list[tuple[str, list[str]]]:
    """Per group of input indices: its label (the interest, tag or value its members share,
    see `ladder_names.best_name`; else a phrase of its members where one is shared, else its first
    terms) and its most distinctive terms."""
    frequency: Counter[str] = Counter()
    per_group: list[Counter[str]] = []
    for members in groups:
        counts: Counter[str] = Counter()
        for member in members:
            counts.update(set(documents[member]))
        per_group.append(counts)
        frequency.update(counts)
    average = sum(len(m) for m in groups) / max(len(groups), 1)
    names = frozenset(word for item in inputs if item.speaker for word in words(item.speaker))
    interests = candidate_names(groups, inputs, lambda item: item.interests)
    tags = candidate_names(groups, inputs, lambda item: item.tags)
    values = candidate_names(groups, inputs, lambda item: item.values)
    described = []
    taken: set[str] = set()  # two themes never share a label: a board could not tell them apart
    for position, (members, counts) in enumerate(zip(groups, per_group, strict=True)):
        terms = _group_terms(members, counts, frequency, average, documents, stems)
        scores = {
            term: score
            for term, score in _scores(counts, frequency, len(members), average).items()
            if " " not in term and ":" not in term and not term.startswith("#")
        }
        texts = [Member(inputs[m].text, inputs[m].language, names) for m in members]
        phrase = phrase_label(
            texts,
            scores,
            stems,
            typical=typical[position] if typical is not None else None,
            taken=taken,
        )
        shared = best_name(interests[position], tags[position] + values[position], taken)
        label = shared or phrase or _untaken(label_of(terms), taken)
        taken.add(label.casefold())
        described.append((label, terms))
    return described


def _untaken(label: str, taken: Collection[str]) -> str:
    """`label`, numbered when another theme has it already ("bus (2)")."""
    number, candidate = 1, label
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{label} ({number})"
    return candidate


def _group_terms(
    members: Sequence[int],
    counts: Counter[str],
    frequency: Counter[str],
    average_size: float,
    documents: Sequence[Sequence[str]],
    stems: Stems,
) -> list[str]:
    """Words two members share; else the beginning of compounds they share; a group of two
    or three may else be told by its members' own words."""
    size = len(members)
    return (
        _top_terms(counts, frequency, size, average_size, stems, least=2)
        or _shared_beginnings(members, documents)
        or (_top_terms(counts, frequency, size, average_size, stems, least=1) if size < 4 else [])
    )


def _found(
    inputs: Sequence[ThemeInput], cluster: Cluster, label: str, terms: list[str]
) -> FoundTheme:
    ids = tuple(inputs[i].contribution_id for i in cluster.members)
    return FoundTheme(
        id=theme_id(ids),
        label=label,
        terms=tuple(terms),
        members=ids,
        similarities=tuple(round(s, 4) for s in cluster.similarities),
        cohesion=round(cluster.cohesion, 3),
    )


def _top_terms(
    counts: Counter[str],
    frequency: Counter[str],
    size: int,
    average_size: float,
    stems: Stems,
    *,
    least: int,
) -> list[str]:
    """Class-based TF-IDF: terms frequent in this theme and rare in the others, of those
    heard from at least `least` members."""
    scores = {
        term: score
        for term, score in _scores(counts, frequency, size, average_size).items()
        if counts[term] >= least
    }
    ranked = sorted(scores, key=lambda term: (-scores[term], term))
    # Enough candidates for the phrases to absorb their words; a big theme has thousands.
    return _distinct([_display(term, stems) for term in ranked[: 4 * TOP_TERMS]])[:TOP_TERMS]


def _scores(
    counts: Counter[str], frequency: Counter[str], size: int, average_size: float
) -> dict[str, float]:
    """Each term's class-based TF-IDF: its share of the theme's members, weighted by how
    rare it is across themes."""
    return {
        term: (count / size) * math.log(1 + average_size / frequency[term])
        for term, count in counts.items()
    }


def _shared_beginnings(members: Sequence[int], documents: Sequence[Sequence[str]]) -> list[str]:
    """Word beginnings that members share, as 'parkeer…', best first.

    For a group without a shared word: its members were grouped by the character n-grams
    of Dutch compounds (parkeerdruk, parkeerplaatsen, parkeergarage), which share a
    beginning but no word. Such groups are small; of a big one, the most typical members
    (they come first) are compared, to bound the pairs."""
    members = members[:BEGINNINGS_FROM]
    words = {
        member: {t for t in documents[member] if " " not in t and t.isalpha()} for member in members
    }
    candidates = set()
    for first, second in combinations(members, 2):
        for a in words[first]:
            for b in words[second]:
                beginning = commonprefix([a, b])  # noqa: RUF071 (letters, not paths)
                if len(beginning) >= SHARED_BEGINNING:
                    candidates.add(beginning)
    heard = {
        beginning: sum(any(w.startswith(beginning) for w in words[m]) for m in members)
        for beginning in candidates
    }
    ranked = sorted(heard, key=lambda b: (-heard[b], -len(b), b))
    kept: list[str] = []
    for beginning in ranked:
        # A shorter beginning heard no more often than a longer one kept says nothing new.
        if not any(other.startswith(beginning) for other in kept):
            kept.append(beginning)
    return [f"{beginning}…" for beginning in kept[:TOP_TERMS]]


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


def summarise(
    theme: FoundTheme,
    current: Mapping[int, ThemeInput],
    *,
    name: str | None = None,
    accepted: bool = False,
    curated: bool = False,
    leave_out: Collection[int] = (),
) -> ThemeSummary | None:
    """The theme over its members that are in `current` and not in `leave_out` (they belong
    to another theme now); None when none are left.

    `current` is read through the consent gate. When a member is no longer there verbatim
    (removed, off the record or paraphrase only now), the label and terms keep only words
    the members still show (see `vetting`)."""
    members = [current[i] for i in theme.members if i in current and i not in leave_out]
    if not members:
        return None
    label, terms = theme.label, theme.terms
    if any(i not in current or not current[i].consent.quotable for i in theme.members):
        label, terms = vetted(label, terms, (current[i] for i in theme.members if i in current))
    sessions = Counter(item.session_id for item in members)
    domains = Counter(item.domain or "" for item in members)
    tables = Counter((item.session_id, item.table) for item in members if item.table is not None)
    return ThemeSummary(
        id=theme.id,
        label=label,
        terms=terms,
        contributions=tuple(item.contribution_id for item in members),
        sessions=_most_first(sessions),
        domains=dict(sorted(domains.items(), key=lambda item: (-item[1], item[0]))),
        cohesion=theme.cohesion,
        quotes=_quotes(members),
        name=name,
        accepted=accepted,
        curated=curated,
        tables=tuple((sid, name, count) for (sid, name), count in _most_first(tables)),
    )


def _most_first(counts: Counter[_Key]) -> tuple[tuple[_Key, int], ...]:
    """The counts, largest first, equal ones in key order (a stable order)."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def by_recurrence(summaries: Sequence[ThemeSummary]) -> list[ThemeSummary]:
    """Most sessions first, then largest, then by id (a stable order)."""
    return sorted(summaries, key=lambda s: (-len(s.sessions), -s.size, s.id))


def _quotes(members: Sequence[ThemeInput]) -> tuple[Quote, ...]:
    """Typical contributions that may be quoted verbatim, preferring different speakers."""
    quotable = [m for m in members if m.consent.quotable]
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
            session_id=m.session_id,
            seq=m.seq,
        )
        for m in chosen
    )


def _voice(member: ThemeInput) -> str:
    """Who a quote is from, for variety; every contribution of the room counts apart."""
    return member.speaker if member.speaker is not None else f"#{member.contribution_id}"
