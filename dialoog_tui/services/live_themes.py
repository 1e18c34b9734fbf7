"""The live panel's themes during capture: the session's new contributions placed in the
stored run over all sessions, in milliseconds, without clustering again.

A full run (stored, `themes.run_themes`) happens when there is none over all sessions yet,
when the session opens and the data changed since the last one, or when enough has been
logged since that placing alone would say too little (`ENOUGH_NEW`). In between, a refresh
reads the run's themes and centres, the session's contributions and their kept meaning
vectors (computing those of the new ones), and places each new contribution in the theme
it fits (`core.themes.placement`) or counts it as new, not yet a theme. Where the meaning
model cannot be loaded, every refresh clusters by words instead (`themes.unsaved_report`).
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct
from sqlmodel import Session

from dialoog_tui.core.themes.curation import CuratedTheme
from dialoog_tui.core.themes.live import LiveView, live_view, session_themes
from dialoog_tui.core.themes.meaning import DIMENSIONS, available
from dialoog_tui.core.themes.meetings import meaning_space
from dialoog_tui.core.themes.placement import Placement, place
from dialoog_tui.core.themes.progress import Progress
from dialoog_tui.core.themes.run import ThemeRun, in_meeting_order
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import ThemeInput, ThemeParams
from dialoog_tui.core.themes.vectors import documents
from dialoog_tui.services.meanings import meanings_of
from dialoog_tui.services.themes import run_themes, unsaved_report
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.curation import load_curated
from dialoog_tui.store.themes.places import load_placement
from dialoog_tui.store.themes.runs import all_session_ids, latest_run, live_sessions, theme_inputs

ENOUGH_NEW = 30
"""Contributions logged since the run from which a full run is due (or a tenth of the run's,
if that is more): placing keeps the themes as they were, and new material may hold new
themes."""


def session_view(
    database: Database,
    session_id: int,
    *,
    opening: bool = False,
    progress: Progress | None = None,
) -> LiveView:
    """What the live panel shows for `session_id`; `opening`: the session was just opened
    (a full run over all sessions is due if anything changed since the last one)."""
    if not available():
        scope = database.read(lambda db: all_session_ids(db=db))
        fallback = unsaved_report(database, scope, all_sessions=True, progress=progress)
        return LiveView(session_themes(fallback, session_id))
    state = database.read(lambda db: _stored(db, session_id))
    run, placement = state.run, state.placement
    if run is None or placement is None or opening or _enough_new(run, state.session_of):
        run = run_themes(database, state.scope, all_sessions=True, progress=progress)
        state = database.read(lambda db: _stored(db, session_id))
        placement = run.found.placement or state.placement
    placed = _placed(database, run, placement, state.curated, state.inputs) if placement else {}
    return live_view(run, state.curated, state.session_of, session_id, placed)


class _Stored(Struct, frozen=True):
    """What a refresh reads, in one transaction."""

    scope: list[int]
    """Every session."""
    run: ThemeRun | None
    """The newest stored run over all of them."""
    placement: Placement | None
    """Its themes' centres."""
    session_of: dict[int, int]
    """The session of every contribution a run would read."""
    curated: dict[str, CuratedTheme]
    inputs: list[ThemeInput]
    """The live session's contributions as the engine reads them."""


def _stored(db: Session, session_id: int) -> _Stored:
    scope = all_session_ids(db=db)
    run = latest_run(db=db, session_ids=scope)
    return _Stored(
        scope,
        run,
        None if run is None else load_placement(db=db, run_id=run.id),
        live_sessions(db=db, session_ids=scope),
        load_curated(db=db),
        theme_inputs(db=db, session_ids=[session_id]),
    )


def _seen(run: ThemeRun) -> set[int]:
    """The contributions the run read."""
    return {m for theme in run.found.themes for m in theme.members} | set(run.found.unassigned)


def _enough_new(run: ThemeRun, session_of: Mapping[int, int]) -> bool:
    new = len(session_of.keys() - _seen(run))
    return new >= max(ENOUGH_NEW, run.found.contribution_count // 10)


def _placed(
    database: Database,
    run: ThemeRun,
    placement: Placement,
    curated: dict[str, CuratedTheme],
    inputs: list[ThemeInput],
) -> dict[int, str | None]:
    """The session's contributions the run did not see, each with the theme it fits (None:
    none). Those without content words ("ja", "ok") are left out, as the engine leaves them
    unassigned."""
    import numpy as np

    params = ThemeParams()
    seen = _seen(run)
    ordered = in_meeting_order(inputs)
    words, _ = documents(ordered, Stems(), params)
    content = [item for item, document in zip(ordered, words, strict=True) if document]
    if all(item.contribution_id in seen for item in content):
        return {}
    vectors = meanings_of(database, content) or {}
    matrix = np.zeros((len(content), DIMENSIONS), dtype=np.float32)
    for row, item in enumerate(content):
        if item.contribution_id in vectors:
            matrix[row] = vectors[item.contribution_id]
    space = meaning_space(
        matrix,
        [item.session_id for item in content],
        by_session=placement.by_session,
        stretched=placement.stretched,
        length=params.stretch_length,
        own=params.own_weight,
        prior=params.session_prior,
        overall=placement.overall,
    )
    rows = [row for row, item in enumerate(content) if item.contribution_id not in seen]
    active = [key for key, theme in curated.items() if theme.active]
    keys = place(space[rows], placement.themes, params.fit_spread, first=active)
    return {content[row].contribution_id: key for row, key in zip(rows, keys, strict=True)}
