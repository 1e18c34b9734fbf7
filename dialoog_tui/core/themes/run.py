"""A theme run: what the engine found over a set of sessions, as it is stored and reported."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

from dialoog_tui.core.consent_gate import shareable
from dialoog_tui.core.model import Table
from dialoog_tui.core.themes.curation import CuratedTheme, held_by
from dialoog_tui.core.themes.engine import Clustering, cluster_key, find_clusters
from dialoog_tui.core.themes.explain import (
    FoundTheme,
    ThemeSummary,
    by_recurrence,
    label_clusters,
    summarise,
)
from dialoog_tui.core.themes.meaning import DIMENSIONS, MODEL
from dialoog_tui.core.themes.placement import Placement
from dialoog_tui.core.themes.progress import Progress, Step
from dialoog_tui.core.themes.types import PinnedGroup, ThemeInput, ThemeParams

DEFAULT_MIN_SESSIONS = 2
"""A theme heard in this many sessions or more is recurring."""

ENGINE_VERSION = 5
"""Changes when the engine would group or name the same data differently: a run kept from
before is made again (4: themes named by a few members' interests, by tags, never alike; 5:
by a tag or value three times as many carry, and by the next where the first is taken)."""


def fingerprint(inputs: Sequence[ThemeInput], model: str | None = None) -> str:
    """What the engine reads of `inputs` (and with which meaning `model`, None: words
    alone), hashed: equal fingerprints, equal themes."""
    digest = hashlib.sha1(f"engine {ENGINE_VERSION} {model}".encode())
    for item in sorted(inputs, key=lambda i: i.contribution_id):
        fields = (item.contribution_id, item.session_id, item.text, item.speaker, item.domain)
        extra = (item.tags, item.interests, item.values, item.language, item.at)
        digest.update(repr((fields, extra)).encode())
    return digest.hexdigest()


def in_meeting_order(inputs: Sequence[ThemeInput]) -> list[ThemeInput]:
    """`inputs` in the one order the engine reads them: session by session, as they were
    said; equal times by text, so that the same contributions stored in another order give
    the same themes."""
    return sorted(
        inputs,
        key=lambda i: (i.session_id, i.at or _NEVER, i.text, i.contribution_id),
    )


_NEVER = datetime.min.replace(tzinfo=UTC)


class FoundThemes(Struct, frozen=True):
    """The engine's answer for one set of contributions."""

    themes: tuple[FoundTheme, ...]
    unassigned: tuple[int, ...]
    """Contribution ids that fit no theme."""
    contribution_count: int
    method: Mapping[str, Any] = field(default_factory=dict)
    """How the number of themes was found (candidate counts and their scores)."""
    curated: tuple[CuratedTheme, ...] = ()
    """The curated themes after the run: with the contributions that joined them."""
    fingerprint: str = ""
    """Of the inputs (see `fingerprint`)."""
    placement: Placement | None = None
    """Where contributions logged after the run fit, by theme id (None: no meaning
    vectors)."""


class ThemeRun(Struct, frozen=True):
    """A stored run: when, over which sessions, and what it found."""

    id: int
    at: datetime
    session_ids: tuple[int, ...]
    """The sessions clustered."""
    all_sessions: bool
    """Asked for every session (rather than chosen ones)."""
    found: FoundThemes


class ThemeReport(Struct, frozen=True):
    """A run explained with the contributions as they are now, ready to print."""

    run: ThemeRun
    themes: tuple[ThemeSummary, ...]
    """Most recurring first."""
    unassigned: tuple[int, ...]
    session_titles: Mapping[int, str]
    min_sessions: int = DEFAULT_MIN_SESSIONS
    unclustered: tuple[int, ...] = ()
    """Of `unassigned`, those the run did not see (logged since): not clustered yet."""
    table: str | None = None
    """The table it is read at (None: the whole room)."""
    numbers: Mapping[int, tuple[int, int]] = {}
    """Per contribution id of the report: its session and its number there as shared."""

    def recurring(self) -> list[ThemeSummary]:
        """The themes heard in at least `min_sessions` sessions."""
        return [theme for theme in self.themes if theme.recurs(self.min_sessions)]


def find_themes(
    inputs: Sequence[ThemeInput],
    params: ThemeParams | None = None,
    progress: Progress | None = None,
    curated: Sequence[CuratedTheme] = (),
    context: Sequence[ThemeInput] = (),
    meanings: Mapping[int, Any] | None = None,
) -> FoundThemes:
    """Cluster and label `inputs`.

    `meanings` holds the meaning vector of each contribution id (`meaning.encode`); without
    (None), the engine reads the words alone.

    Curated themes (not rejected) keep their members; contributions of `inputs` stored since
    a theme last changed join it when they fit it well enough; the rest is clustered anew.
    `context` holds members of curated themes outside `inputs` (other sessions): they shape a
    theme's centre, nothing more.
    """
    scope = {item.contribution_id for item in inputs}
    everything = in_meeting_order(
        list(inputs) + [item for item in context if item.contribution_id not in scope]
    )
    index = {item.contribution_id: i for i, item in enumerate(everything)}
    kept = [theme for theme in curated if theme.active]
    pinned = [
        PinnedGroup(
            theme.id,
            tuple(index[m] for m in theme.members if m in index),
            frozenset(index[m] for m in theme.excluded if m in index),
            _newer_than(theme.changed_at, everything),
        )
        for theme in kept
    ]
    matrix = _meaning_matrix(everything, meanings)
    clustering = find_clusters(everything, params or ThemeParams(), progress, pinned, matrix)
    if progress:
        progress(Step("labelling"))
    themes = label_clusters(everything, clustering, matrix)
    return FoundThemes(
        themes=tuple(themes),
        unassigned=tuple(
            everything[i].contribution_id
            for i in clustering.unassigned
            if everything[i].contribution_id in scope
        ),
        contribution_count=len(inputs),
        method=clustering.estimate,
        curated=tuple(_grown(theme, clustering, everything) for theme in kept),
        fingerprint=fingerprint(inputs, MODEL if matrix is not None else None),
        placement=_by_theme_id(clustering.placement, themes),
    )


def _meaning_matrix(inputs: Sequence[ThemeInput], meanings: Mapping[int, Any] | None) -> Any:
    """The meaning vectors as rows in the order of `inputs`, in half precision as they are
    kept (the engine widens what it compares); None without any. A contribution without
    one (none could be computed) gets zeros: it is read by its words."""
    if not meanings:
        return None
    import numpy as np

    matrix = np.zeros((len(inputs), DIMENSIONS), dtype=np.float16)
    for row, item in enumerate(inputs):
        vector = meanings.get(item.contribution_id)
        if vector is not None:
            matrix[row] = vector
    return matrix


def _by_theme_id(found: Placement | None, themes: Sequence[FoundTheme]) -> Placement | None:
    """The placement with the engine's cluster keys replaced by the themes' ids."""
    if found is None:
        return None
    ids = {cluster_key(position): theme.id for position, theme in enumerate(themes)}
    return replace(found, themes=tuple(replace(p, key=ids.get(p.key, p.key)) for p in found.themes))


def _newer_than(changed_at: datetime | None, inputs: Sequence[ThemeInput]) -> frozenset[int] | None:
    """Indices of the inputs stored after `changed_at` (None: no limit). What was there when
    a facilitator last worked on a theme, or a stored run last kept it, stays with the
    proposals: an accepted theme changes by hand or by new contributions, never by reshuffling."""
    if changed_at is None:
        return None
    return frozenset(
        i for i, item in enumerate(inputs) if item.created_at and item.created_at > changed_at
    )


def _grown(
    theme: CuratedTheme, clustering: Clustering, inputs: Sequence[ThemeInput]
) -> CuratedTheme:
    """The curated theme with the contributions that joined it, most typical first."""
    similarity = dict(theme.similarity)
    for i, value in clustering.measured.get(theme.id, {}).items():
        similarity[inputs[i].contribution_id] = value
    joined = [inputs[i].contribution_id for i, _ in clustering.joined.get(theme.id, [])]
    for i, value in clustering.joined.get(theme.id, []):
        similarity[inputs[i].contribution_id] = value
    members = [*theme.members, *joined]
    members.sort(key=lambda m: -similarity.get(m, -1.0))  # stable: unmeasured keep their order
    return replace(theme, members=tuple(members), similarity=similarity)


def report(
    run: ThemeRun,
    current: Sequence[ThemeInput],
    session_titles: Mapping[int, str],
    min_sessions: int = DEFAULT_MIN_SESSIONS,
    curated: Mapping[str, CuratedTheme] | None = None,
    *,
    table: Table | None = None,
) -> ThemeReport:
    """The curated themes and the run's proposals over the contributions as they are now;
    with `table`, read at that table of its session: what was said there, in the themes
    heard there (another session's table of the same name is another table).

    `current` is read through the consent gate (the report is shared): removed and
    off-record contributions drop out, and labels, terms and quotes keep to what the gate
    lets through. A contribution a facilitator placed in a curated theme shows there only;
    proposals the facilitator took up (or rejected, or merged into another) show as the
    curated theme (or not at all). Unassigned is every contribution of the run's sessions in
    no theme shown.

    A theme read at a table keeps its label and terms: they are the whole theme's.
    """
    by_id = {item.contribution_id: item for item in shareable(current)}
    curated = curated or {}
    shown = [t for t in curated.values() if t.active]
    elsewhere = (
        set()
        if table is None
        else {
            i for i, c in by_id.items() if c.table != table.name or c.session_id != table.session_id
        }
    )
    held = held_by(curated) | elsewhere
    summaries = [
        s
        for theme in shown
        if (
            s := summarise(
                FoundTheme(
                    theme.id,
                    theme.label,
                    theme.terms,
                    theme.members,
                    tuple(theme.similarity.get(m, 0.0) for m in theme.members),
                    theme.cohesion,
                ),
                by_id,
                name=theme.name,
                accepted=theme.accepted,
                curated=True,
                leave_out=elsewhere,
            )
        )
    ]
    summaries += [
        s
        for theme in run.found.themes
        if theme.id not in curated and (s := summarise(theme, by_id, leave_out=held))
    ]
    placed = {m for s in summaries for m in s.contributions}
    unassigned = tuple(i for i in by_id if i not in placed and i not in elsewhere)
    seen = {m for theme in run.found.themes for m in theme.members} | set(run.found.unassigned)
    return ThemeReport(
        run=run,
        themes=tuple(by_recurrence(summaries)),
        unassigned=unassigned,
        session_titles=session_titles,
        min_sessions=min_sessions,
        unclustered=tuple(i for i in unassigned if i not in seen),
        table=table.name if table is not None else None,
        numbers={i: (c.session_id, c.seq or 0) for i, c in by_id.items()},
    )
