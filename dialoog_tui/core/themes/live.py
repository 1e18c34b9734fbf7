"""The themes of one session as capture shows them live: what this session is talking about,
and which of it was heard in other sessions before."""

from __future__ import annotations

from dataclasses import dataclass

from dialoog_tui.core.themes.explain import ThemeSummary
from dialoog_tui.core.themes.run import ThemeReport


@dataclass(frozen=True)
class LiveTheme:
    """A theme with members in the session."""

    theme: ThemeSummary
    here: int
    """Its members in this session."""
    elsewhere: int
    """Other sessions it was heard in."""


def session_themes(report: ThemeReport, session_id: int) -> list[LiveTheme]:
    """The report's themes heard in `session_id`, most heard here first."""
    found = []
    for theme in report.themes:
        counts = dict(theme.sessions)
        if session_id in counts:
            found.append(LiveTheme(theme, counts[session_id], len(counts) - 1))
    return sorted(found, key=lambda live: (-live.here, -live.elsewhere, live.theme.id))
