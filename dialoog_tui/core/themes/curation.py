"""The facilitator's work on themes: accept, rename, merge, split, move, remove, reject.

The engine proposes; a theme the facilitator touched becomes *curated* and keeps its id,
name and members when clustering runs again (new contributions that fit it join it; those
removed from it are not put back). Each action here is a pure function from the curated
themes involved to their new state; the store saves the result and records the action with
the state before, which is what undo puts back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from enum import StrEnum

from msgspec import Struct, field
from msgspec.structs import replace

from dialoog_tui.core.themes.explain import theme_id
from dialoog_tui.core.themes.refusals import CurationError


class ActionKind(StrEnum):
    """What a facilitator did. Stable identifiers (stored, and in `theme history --json`)."""

    ACCEPT = "accept"
    RENAME = "rename"
    MERGE = "merge"
    SPLIT = "split"
    MOVE = "move"
    REMOVE = "remove"
    REJECT = "reject"
    UNDO = "undo"


class CuratedTheme(Struct, frozen=True):
    """A theme as the facilitator left it."""

    id: str
    """Its public id; kept from the proposal it started as."""
    label: str
    """Generated from its terms."""
    terms: tuple[str, ...] = ()
    name: str | None = None
    """The facilitator's name for it (None: show the label)."""
    accepted: bool = False
    rejected: bool = False
    """Marked as not a theme: hidden, and its contributions free to group anew."""
    merged_into: str | None = None
    """Merged into the theme with this id: it holds nothing and is shown nowhere, and the
    proposal it started as is not shown again."""
    members: tuple[int, ...] = ()
    """Contribution ids, most typical first."""
    excluded: frozenset[int] = frozenset()
    """Contributions taken out of it: clustering never puts them back."""
    similarity: Mapping[int, float] = field(default_factory=dict)
    """Members' similarity to the theme's centre, as last measured (not for those placed by
    hand since)."""
    changed_at: datetime | None = None
    """When a facilitator or a stored run last changed it. Contributions stored before then
    were there to be seen: they join it only by hand (None: any contribution may join)."""

    @property
    def active(self) -> bool:
        """Whether it is a theme now: neither rejected nor merged into another."""
        return not self.rejected and self.merged_into is None

    @property
    def cohesion(self) -> float | None:
        """Mean similarity of the members to the centre, where measured."""
        known = [self.similarity[m] for m in self.members if m in self.similarity]
        return round(sum(known) / len(known), 3) if known else None

    @property
    def title(self) -> str:
        """What to call it: the facilitator's name, else the label."""
        return self.name or self.label


class Proposal(Struct, frozen=True):
    """A theme the engine proposed (not curated yet)."""

    id: str
    label: str
    terms: tuple[str, ...]
    members: tuple[int, ...]
    similarities: tuple[float, ...]


class ThemeAction(Struct, frozen=True):
    """One recorded action, for the history."""

    id: int
    at: datetime
    actor: str
    kind: ActionKind
    themes: tuple[str, ...]
    """The theme ids involved (for merge: the survivor first)."""
    detail: str
    """What happened, in words (names, contribution ids)."""
    undone_at: datetime | None = None
    undoes: int | None = None
    """For an undo: the action it reversed."""

    @property
    def summary(self) -> str:
        """Which action it was and what it did, as an undo records and the CLI prints it."""
        return f"{self.kind.value} #{self.id}: {self.detail}"


class Outcome(Struct, frozen=True):
    """The new state of the themes an action touched."""

    kind: ActionKind
    changed: tuple[CuratedTheme, ...]
    """Themes created or changed (saved as given)."""
    detail: str = ""
    """What happened, in symbols and names rather than words of one language."""
    result: str | None = None
    """The id to report (merge: the survivor; split: the new theme)."""
    relabel: tuple[str, ...] = ()
    """Themes whose members changed enough to deserve a fresh label."""


def adopt(proposal: Proposal, held: Collection[int] = ()) -> CuratedTheme:
    """A proposal as a curated theme, without the contributions in `held` (those curated
    themes hold: as on the board, they show there only)."""
    similarity = dict(zip(proposal.members, proposal.similarities, strict=True))
    members = tuple(m for m in proposal.members if m not in held)
    return CuratedTheme(
        id=proposal.id,
        label=proposal.label,
        terms=proposal.terms,
        members=members,
        similarity={m: similarity[m] for m in members},
    )


def accept(theme: CuratedTheme) -> Outcome:
    return Outcome(
        ActionKind.ACCEPT, (replace(theme, accepted=True, rejected=False),), detail=theme.title
    )


def rename(theme: CuratedTheme, name: str) -> Outcome:
    cleaned = " ".join(name.split())
    renamed = replace(theme, name=cleaned or None)
    return Outcome(ActionKind.RENAME, (renamed,), detail=f"{theme.title} → {renamed.title}")


def reject(theme: CuratedTheme) -> Outcome:
    return Outcome(
        ActionKind.REJECT, (replace(theme, rejected=True, accepted=False),), detail=theme.title
    )


def merge(themes: Sequence[CuratedTheme]) -> Outcome:
    """One theme with all their members. The first accepted theme survives (keeping its id
    and name), else the first given; a missing name is taken from the others."""
    if len({t.id for t in themes}) < 2:
        raise CurationError("too_few_to_merge")
    survivor = next((t for t in themes if t.accepted), themes[0])
    others = [t for t in themes if t.id != survivor.id]
    members = list(survivor.members)
    for other in others:
        members += [m for m in other.members if m not in members]
    name = survivor.name or next((t.name for t in others if t.name), None)
    similarity: dict[int, float] = {}
    for theme in themes:
        similarity.update(theme.similarity)
    merged = replace(
        survivor,
        name=name,
        members=tuple(members),
        # What was taken out of any of them stays out of the whole.
        excluded=frozenset().union(*(t.excluded for t in themes)) - set(members),
        rejected=False,
        similarity=similarity,
    )
    # The others stay as markers: their proposals must not show again with what is left.
    gone = tuple(
        replace(t, merged_into=survivor.id, members=(), excluded=frozenset(), similarity={})
        for t in others
    )
    titles = ", ".join(t.title for t in others)
    return Outcome(
        ActionKind.MERGE,
        (merged, *gone),
        detail=f"{titles} → {survivor.title}",
        result=survivor.id,
        relabel=(survivor.id,),
    )


def split(
    theme: CuratedTheme,
    contributions: Sequence[int],
    taken: set[str],
    names: Mapping[int, tuple[int, str]] | None = None,
) -> Outcome:
    """`contributions` out of `theme` into a new theme; `taken` are the ids in use; `names`
    say the contributions in the history (`named`)."""
    chosen = [m for m in theme.members if m in set(contributions)]
    missing = sorted(set(contributions) - set(theme.members))
    if missing:
        raise CurationError("not_members", theme=theme.id, contributions=named(missing, names))
    if not chosen:
        raise CurationError("nothing_to_split")
    if len(chosen) == len(theme.members):
        raise CurationError("split_empties")
    new_id = theme_id(chosen)
    salt = 0
    while new_id in taken:  # the same members once formed a theme that still exists
        salt += 1
        new_id = theme_id([*chosen, -salt])
    new = CuratedTheme(
        id=new_id,
        label=theme.label,
        terms=theme.terms,
        members=tuple(chosen),
        similarity={m: s for m, s in theme.similarity.items() if m in chosen},
    )
    rest = replace(
        theme,
        members=tuple(m for m in theme.members if m not in chosen),
        excluded=theme.excluded | set(chosen),
    )
    return Outcome(
        ActionKind.SPLIT,
        (rest, new),
        detail=f"{named(chosen, names)}: {theme.title} → {new_id}",
        result=new_id,
        relabel=(rest.id, new_id),
    )


def move(
    contribution: int,
    source: CuratedTheme | None,
    target: CuratedTheme,
    names: Mapping[int, tuple[int, str]] | None = None,
) -> Outcome:
    """A contribution into `target`, out of `source` (None: it was in no theme)."""
    if source is not None and source.id == target.id:
        raise CurationError(
            "already_member", contribution=named([contribution], names), theme=target.id
        )
    changed = []
    if source is not None:
        _check_not_last(source, contribution, names)
        changed.append(
            replace(
                source,
                members=tuple(m for m in source.members if m != contribution),
                excluded=source.excluded | {contribution},
            )
        )
    # Its similarity was to another centre: unknown here until the next run measures it.
    changed.append(
        replace(
            target,
            members=(*target.members, contribution),
            excluded=target.excluded - {contribution},
        )
    )
    origin = source.title if source else "—"
    return Outcome(
        ActionKind.MOVE,
        tuple(changed),
        detail=f"{named([contribution], names)}: {origin} → {target.title}",
    )


def remove(
    theme: CuratedTheme, contribution: int, names: Mapping[int, tuple[int, str]] | None = None
) -> Outcome:
    """A contribution out of a theme, for good."""
    if contribution not in theme.members:
        raise CurationError("not_member", contribution=named([contribution], names), theme=theme.id)
    _check_not_last(theme, contribution, names)
    left = replace(
        theme,
        members=tuple(m for m in theme.members if m != contribution),
        excluded=theme.excluded | {contribution},
    )
    return Outcome(
        ActionKind.REMOVE, (left,), detail=f"{named([contribution], names)}: {theme.title} → —"
    )


def _check_not_last(
    theme: CuratedTheme, contribution: int, names: Mapping[int, tuple[int, str]] | None
) -> None:
    if theme.members == (contribution,):
        raise CurationError(
            "last_member", contribution=named([contribution], names), theme=theme.id
        )


def named(contributions: Sequence[int], names: Mapping[int, tuple[int, str]] | None = None) -> str:
    """The contributions by their number and session as `names` give them, as the card
    shows them (`#3, #1 (Stationsplein)`), else by the id the command was given (no '#':
    that is a number in a session)."""
    names = names or {}
    said: dict[str, list[str]] = {}
    for contribution in contributions:
        seq, session = names.get(contribution, (0, ""))
        said.setdefault(session, []).append(f"#{seq}" if seq else str(contribution))
    return "; ".join(
        ", ".join(numbers) + (f" ({session})" if session else "")
        for session, numbers in said.items()
    )


def held_by(themes: Mapping[str, CuratedTheme]) -> set[int]:
    """The contributions that active curated themes hold (they show there only)."""
    return {m for theme in themes.values() if theme.active for m in theme.members}


def theme_holding(contribution: int, themes: Mapping[str, CuratedTheme]) -> CuratedTheme | None:
    """The (active) theme a contribution is in, if any."""
    return next((t for t in themes.values() if t.active and contribution in t.members), None)
