"""A theme run: what the engine found over a set of sessions, as it is stored and reported."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dialoog_tui.core.themes.engine import find_clusters
from dialoog_tui.core.themes.explain import (
    FoundTheme,
    ThemeSummary,
    by_recurrence,
    label_clusters,
    summarise,
)
from dialoog_tui.core.themes.types import Progress, ThemeInput, ThemeParams

DEFAULT_MIN_SESSIONS = 2
"""A theme heard in this many sessions or more is recurring."""


@dataclass(frozen=True)
class FoundThemes:
    """The engine's answer for one set of contributions."""

    themes: tuple[FoundTheme, ...]
    unassigned: tuple[int, ...]
    """Contribution ids that fit no theme."""
    contribution_count: int
    method: Mapping[str, Any] = field(default_factory=dict)
    """How the number of themes was found (candidate counts and their scores)."""


@dataclass(frozen=True)
class ThemeRun:
    """A stored run: when, over which sessions, and what it found."""

    id: int
    at: datetime
    session_ids: tuple[int, ...]
    """The sessions clustered."""
    all_sessions: bool
    """Asked for every session (rather than chosen ones)."""
    found: FoundThemes


@dataclass(frozen=True)
class ThemeReport:
    """A run explained with the contributions as they are now, ready to print."""

    run: ThemeRun
    themes: tuple[ThemeSummary, ...]
    """Most recurring first."""
    unassigned: tuple[int, ...]
    session_titles: Mapping[int, str]
    min_sessions: int = DEFAULT_MIN_SESSIONS

    def recurring(self) -> list[ThemeSummary]:
        """The themes heard in at least `min_sessions` sessions."""
        return [theme for theme in self.themes if theme.recurs(self.min_sessions)]


def find_themes(
    inputs: Sequence[ThemeInput],
    params: ThemeParams | None = None,
    progress: Progress | None = None,
) -> FoundThemes:
    """Cluster and label `inputs`."""
    clustering = find_clusters(inputs, params or ThemeParams(), progress)
    if progress:
        progress("labelling")
    return FoundThemes(
        themes=tuple(label_clusters(inputs, clustering)),
        unassigned=tuple(inputs[i].contribution_id for i in clustering.unassigned),
        contribution_count=len(inputs),
        method=clustering.estimate,
    )


def report(
    run: ThemeRun,
    current: Sequence[ThemeInput],
    session_titles: Mapping[int, str],
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> ThemeReport:
    """The run over the contributions as they are now: removed and off-record ones drop out."""
    by_id = {item.contribution_id: item for item in current}
    summaries = [s for theme in run.found.themes if (s := summarise(theme, by_id))]
    return ThemeReport(
        run=run,
        themes=tuple(by_recurrence(summaries)),
        unassigned=tuple(i for i in run.found.unassigned if i in by_id),
        session_titles=session_titles,
        min_sessions=min_sessions,
    )
