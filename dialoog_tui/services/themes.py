"""Running the theme engine over the database, and reading what it found.

A run reads in one transaction, clusters outside any (it can take a minute at 100,000
contributions, and capture must be able to write meanwhile), and stores in another. When
nothing the engine reads has changed since the last run over the same sessions, that run is
kept as it is: the same data keeps the same proposed themes and ids, also after curation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from msgspec import Struct
from sqlmodel import Session

from dialoog_tui.core.themes.card import ThemeCard, build_card
from dialoog_tui.core.themes.curation import CuratedTheme
from dialoog_tui.core.themes.meaning import MODEL, available
from dialoog_tui.core.themes.progress import Progress, Step
from dialoog_tui.core.themes.run import (
    DEFAULT_MIN_SESSIONS,
    ThemeReport,
    ThemeRun,
    find_themes,
    fingerprint,
    report,
)
from dialoog_tui.core.themes.types import ThemeInput
from dialoog_tui.services.meanings import meanings_of
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.domains import list_domains
from dialoog_tui.store.tables import table_of_the_session
from dialoog_tui.store.themes.curation import load_curated
from dialoog_tui.store.themes.members import theme_members
from dialoog_tui.store.themes.runs import (
    all_session_ids,
    inputs_of,
    latest_run,
    live_count,
    save_run,
    session_titles,
    theme_inputs,
)


class RunInputs(Struct, frozen=True):
    """What a run reads."""

    inputs: list[ThemeInput]
    curated: dict[str, CuratedTheme]
    context: list[ThemeInput]
    """Members of curated themes outside the sessions."""
    last: ThemeRun | None
    """The newest run over exactly these sessions."""


def read_run_inputs(*, db: Session, session_ids: Sequence[int]) -> RunInputs:
    inputs = theme_inputs(db=db, session_ids=session_ids)
    curated = load_curated(db=db)
    inside = {item.contribution_id for item in inputs}
    outside = [m for t in curated.values() if t.active for m in t.members if m not in inside]
    last = latest_run(db=db, session_ids=session_ids)
    if last is not None and set(last.session_ids) != set(session_ids):
        last = None
    return RunInputs(inputs, curated, inputs_of(db=db, contribution_ids=outside), last)


def run_themes(
    database: Database,
    session_ids: Sequence[int],
    *,
    all_sessions: bool,
    progress: Progress | None = None,
    fresh: bool = False,
) -> ThemeRun:
    """Cluster these sessions (curated themes kept) and store the run; or, when the data is
    unchanged since the last run over them and not `fresh`, keep that run."""
    read = database.read(lambda db: read_run_inputs(db=db, session_ids=session_ids))
    model = MODEL if available() else None
    if (
        not fresh
        and read.last is not None
        and read.last.found.fingerprint == fingerprint(read.inputs, model)
    ):
        return read.last
    found = find_themes(
        read.inputs,
        progress=progress,
        curated=list(read.curated.values()),
        context=read.context,
        meanings=meanings_of(database, read.inputs + read.context, progress),
    )
    at = datetime.now(UTC)
    if progress:
        progress(Step("saving"))
    return database.write(
        lambda db: save_run(
            db=db, found=found, session_ids=session_ids, all_sessions=all_sessions, at=at
        )
    )


def unsaved_report(
    database: Database,
    session_ids: Sequence[int],
    *,
    all_sessions: bool,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
    progress: Progress | None = None,
) -> ThemeReport:
    """The themes of these sessions (curated themes kept), found by their words alone and
    without storing anything.

    The live panel's way where the meaning model cannot be loaded (elsewhere it places new
    contributions in a stored run, `live_themes`): every refresh clusters again, and stores
    nothing, because a stored run replaces the last one in a write transaction that every
    contribution typed meanwhile would wait for. When the data is unchanged since the last
    stored run over these sessions, that run is reported instead.
    """
    read, titles = database.read(
        lambda db: (
            read_run_inputs(db=db, session_ids=session_ids),
            session_titles(db=db, session_ids=session_ids),
        )
    )
    if read.last is not None and read.last.found.fingerprint == fingerprint(read.inputs):
        return report(read.last, read.inputs, titles, min_sessions, read.curated)
    found = find_themes(
        read.inputs,
        progress=progress,
        curated=list(read.curated.values()),
        context=read.context,
    )
    run = ThemeRun(0, datetime.now(UTC), tuple(sorted(set(session_ids))), all_sessions, found)
    grown = {theme.id: theme for theme in found.curated}
    return report(run, read.inputs, titles, min_sessions, {**read.curated, **grown})


def stored_report(
    *,
    db: Session,
    session_ids: Sequence[int],
    min_sessions: int = DEFAULT_MIN_SESSIONS,
    table: str | None = None,
) -> ThemeReport | None:
    """The newest stored run covering these sessions, with the curation since, over the
    contributions as they are now; None when there is no such run. With `table`, read at
    that table of the one session given (the themes were found over the whole room)."""
    at = None if table is None else table_of_the_session(db=db, session_ids=session_ids, name=table)
    run = latest_run(db=db, session_ids=session_ids)
    if run is None:
        return None
    inputs = theme_inputs(db=db, session_ids=run.session_ids)
    titles = session_titles(db=db, session_ids=run.session_ids)
    curated = load_curated(db=db)
    return report(run, inputs, titles, min_sessions, curated, table=at)


def load_card(
    *,
    db: Session,
    key: str,
    session_ids: Sequence[int],
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> ThemeCard | None:
    """The card of theme `key` in the newest run over `session_ids`; None when that theme is
    not shown there (merged away, rejected, or no run)."""
    shown = stored_report(db=db, session_ids=session_ids, min_sessions=min_sessions)
    theme = next((t for t in shown.themes if t.id == key), None) if shown else None
    if theme is None:
        return None
    return build_card(theme, theme_members(db=db, contribution_ids=theme.contributions))


class BoardData(Struct, frozen=True):
    """What the theme board shows."""

    report: ThemeReport | None
    """The newest run over the sessions, with the curation since; None: no run yet."""
    domains: list[str]
    """The configured domains, in order (their colours follow it)."""
    stale: bool
    """The report is of another set of sessions (the newest run, when none covers the
    sessions asked for): finding themes again is due."""
    sessions: int = 0
    """How many sessions the board is about (none: nothing to find themes in)."""


def load_board(
    *,
    db: Session,
    session_ids: Sequence[int] | None,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> BoardData:
    """The board for `session_ids` (None: every session)."""
    scope = list(session_ids) if session_ids is not None else all_session_ids(db=db)
    domains = [domain.name for domain in list_domains(db=db)]
    shown = stored_report(db=db, session_ids=scope, min_sessions=min_sessions) if scope else None
    if shown is not None or session_ids is not None:
        return BoardData(shown, domains, stale=False, sessions=len(scope))
    newest = stored_report(db=db, session_ids=[], min_sessions=min_sessions)
    return BoardData(newest, domains, stale=newest is not None, sessions=len(scope))


def board(
    database: Database,
    session_ids: Sequence[int] | None,
    *,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> BoardData:
    """What the theme board shows for `session_ids` (None: every session)."""
    return database.read(
        lambda db: load_board(db=db, session_ids=session_ids, min_sessions=min_sessions)
    )


def card(
    database: Database,
    key: str,
    session_ids: Sequence[int],
    *,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
) -> ThemeCard | None:
    """The card of theme `key` (None: not shown there any more)."""
    return database.read(
        lambda db: load_card(db=db, key=key, session_ids=session_ids, min_sessions=min_sessions)
    )


def latest_report(
    database: Database,
    session_ids: Sequence[int],
    *,
    min_sessions: int = DEFAULT_MIN_SESSIONS,
    table: str | None = None,
) -> ThemeReport | None:
    """The newest stored run covering these sessions, explained as they are now (with
    `table`, read at that table of the one session given)."""
    return database.read(
        lambda db: stored_report(
            db=db, session_ids=session_ids, min_sessions=min_sessions, table=table
        )
    )


def table_name(database: Database, session_ids: Sequence[int], table: str) -> str:
    """The name of the table `table` names (ignoring case) in the one session given, as
    stored; InvalidInput or NotFound, before anything is clustered, when there is none."""
    return database.read(
        lambda db: table_of_the_session(db=db, session_ids=session_ids, name=table).name
    )


def contribution_count(database: Database, session_ids: Sequence[int]) -> int:
    """How many contributions a run over these sessions would read."""
    return database.read(lambda db: live_count(db=db, session_ids=session_ids))
