"""The themes of one session as capture shows them live: what this session is talking about,
and which of it was heard in other sessions before. Small enough to pass between processes
as JSON (the live panel gets it from the child process that found the themes).

The live panel does not cluster: it shows the stored run's themes (curated ones as the
facilitator left them), with the session's contributions logged since placed in the theme
they fit (`placement`), or counted as new, not yet a theme.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from msgspec import Struct, field
from msgspec.structs import asdict

from dialoog_tui.core.themes.curation import CuratedTheme, held_by
from dialoog_tui.core.themes.run import ThemeReport, ThemeRun


class LiveTheme(Struct, frozen=True):
    """A theme with members in the session."""

    id: str
    title: str
    """The facilitator's name, else the generated label."""
    here: int
    """Its members in this session."""
    elsewhere: int
    """Other sessions it was heard in."""
    elsewhere_titles: tuple[str, ...] = ()
    """Their titles, most heard first, where known (a session summary names them)."""


class LiveView(Struct, frozen=True):
    """What the live panel shows for a session."""

    themes: list[LiveTheme] = field(default_factory=list)
    """Most heard here first."""
    new: int = 0
    """Contributions logged since the run that fit none of its themes: new, not yet a
    theme (a run over everything may make one of them)."""


def session_themes(
    report: ThemeReport, session_id: int, *, among: Collection[int] | None = None
) -> list[LiveTheme]:
    """The report's themes heard in `session_id`, most heard here first; with `among`, heard
    among those contributions of it (one table's), counted there."""
    found = []
    for theme in report.themes:
        counts = dict(theme.sessions)
        if among is not None and session_id in counts:
            counts[session_id] = sum(1 for member in theme.contributions if member in among)
            if not counts[session_id]:
                del counts[session_id]
        if session_id in counts:
            others = tuple(
                report.session_titles[other]
                for other, _count in theme.sessions
                if other != session_id and other in report.session_titles
            )
            found.append(
                LiveTheme(theme.id, theme.title, counts[session_id], len(counts) - 1, others)
            )
    return _most_heard_first(found)


def live_view(
    run: ThemeRun,
    curated: Mapping[str, CuratedTheme],
    session_of: Mapping[int, int],
    session_id: int,
    placed: Mapping[int, str | None],
) -> LiveView:
    """The run's themes heard in `session_id`, as the board shows them (curated themes as
    the facilitator left them, proposals without what curated themes took), with the
    session's contributions `placed` since the run (contribution id → theme id, None: fits
    none). `session_of` gives the session of every contribution that is still there and
    shareable."""
    held = held_by(curated)
    members: dict[str, list[int]] = {}
    titles: dict[str, str] = {}
    for theme in curated.values():
        if theme.active:
            members[theme.id] = list(theme.members)
            titles[theme.id] = theme.name or theme.label
    for found in run.found.themes:
        if found.id not in curated:
            members[found.id] = [m for m in found.members if m not in held]
            titles[found.id] = found.label
    sessions: dict[str, Counter[int]] = defaultdict(Counter)
    for key, ids in members.items():
        sessions[key].update(session_of[m] for m in ids if m in session_of)
    new = 0
    for contribution, placed_in in placed.items():
        if contribution in held:  # placed by hand since: counted with its curated theme
            continue
        if placed_in is not None and placed_in in members:
            sessions[placed_in][session_id] += 1
        else:
            new += 1
    found_here = [
        LiveTheme(key, titles[key], counts[session_id], len(counts) - 1)
        for key, counts in sessions.items()
        if counts.get(session_id)
    ]
    return LiveView(_most_heard_first(found_here), new)


def _most_heard_first(themes: Sequence[LiveTheme]) -> list[LiveTheme]:
    return sorted(themes, key=lambda live: (-live.here, -live.elsewhere, live.id))


def to_json(view: LiveView) -> dict[str, Any]:
    return {"themes": [asdict(theme) for theme in view.themes], "new": view.new}


def from_json(document: Any) -> LiveView:
    """A view from `to_json`'s output; ValueError when it is something else."""
    try:
        themes = [
            LiveTheme(str(d["id"]), str(d["title"]), int(d["here"]), int(d["elsewhere"]))
            for d in document["themes"]
        ]
        return LiveView(themes, int(document["new"]))
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a live themes document: {error}") from None
