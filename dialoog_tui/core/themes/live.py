"""The themes of one session as capture shows them live: what this session is talking about,
and which of it was heard in other sessions before. Small enough to pass between processes
as JSON (the live panel gets it from the child process that found the themes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from dialoog_tui.core.themes.run import ThemeReport


@dataclass(frozen=True)
class LiveTheme:
    """A theme with members in the session."""

    id: str
    title: str
    """The facilitator's name, else the generated label."""
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
            found.append(LiveTheme(theme.id, theme.title, counts[session_id], len(counts) - 1))
    return sorted(found, key=lambda live: (-live.here, -live.elsewhere, live.id))


def to_json(themes: Sequence[LiveTheme]) -> list[dict[str, Any]]:
    return [asdict(theme) for theme in themes]


def from_json(document: Any) -> list[LiveTheme]:
    """Themes from `to_json`'s output; ValueError when it is something else."""
    try:
        return [
            LiveTheme(str(d["id"]), str(d["title"]), int(d["here"]), int(d["elsewhere"]))
            for d in document
        ]
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a live themes document: {error}") from None
