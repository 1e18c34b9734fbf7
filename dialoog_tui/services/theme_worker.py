"""Finding themes in a child process of its own, for the TUI: a typed request in, typed events
out. The numerics (scikit-learn, igraph) and their imports hold the interpreter lock for
seconds at a time; in the TUI's process they would delay keystrokes.

    python -m dialoog_tui.services.theme_worker

reads one `ThemeRunRequest` as a line of JSON on stdin and writes events as lines of JSON on
stdout: `Holdable` (it will end with its parent, so the parent may hold it still), `Progressed`
for each step, then `Finished` or `Failed`. The database comes from DIALOOG_DB (not argv:
`ps` would show a password). This is a private contract between the TUI and this module;
`dialoog themes` is the command for people.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from dialoog_tui.core.themes.progress import Step
from dialoog_tui.errors import InvalidInput
from dialoog_tui.priority import BACKGROUND_ENV, run_in_background

if TYPE_CHECKING:
    from dialoog_tui.core.themes.live import LiveTheme
    from dialoog_tui.store.db.database import Database

MODULE = "dialoog_tui.services.theme_worker"
"""What `python -m` runs."""


@dataclass(frozen=True)
class ThemeRunRequest:
    """What to find."""

    session_ids: tuple[int, ...] | None = None
    """The sessions to cluster (None: all of them)."""
    fresh: bool = False
    """Cluster even when nothing changed since the last run over them."""
    save: bool = True
    """Store the run. Without: only read (the live panel: a stored run holds the write lock
    that logging a contribution needs for a third of a second at 10,000 contributions)."""
    view_session: int | None = None
    """Report this session's themes (what the live panel shows)."""


@dataclass(frozen=True)
class Holdable:
    """The worker ends with its parent now: the parent may hold it still (SIGSTOP)."""


@dataclass(frozen=True)
class Progressed:
    """A step of the run began."""

    step: Step


@dataclass(frozen=True)
class Finished:
    """The run is done (and stored, if asked)."""

    run_id: int | None
    """The stored run (None: not stored)."""
    view: list[LiveTheme] | None = None
    """The themes heard in `view_session`, when asked for."""


@dataclass(frozen=True)
class Failed:
    """The run could not be done; `message` says why in one sentence."""

    message: str


Event = Holdable | Progressed | Finished | Failed


def request_line(request: ThemeRunRequest) -> str:
    """The request as the worker reads it."""
    ids = list(request.session_ids) if request.session_ids is not None else None
    return json.dumps(
        {
            "session_ids": ids,
            "fresh": request.fresh,
            "save": request.save,
            "view_session": request.view_session,
        }
    )


def _request(line: str) -> ThemeRunRequest:
    document = json.loads(line)
    ids = document["session_ids"]
    return ThemeRunRequest(
        session_ids=tuple(int(i) for i in ids) if ids is not None else None,
        fresh=bool(document["fresh"]),
        save=bool(document["save"]),
        view_session=document["view_session"],
    )


def event_line(event: Event) -> str:
    """An event as the worker writes it."""
    document: dict[str, Any]
    match event:
        case Holdable():
            document = {"event": "holdable"}
        case Progressed(step):
            document = {"event": "progress", "step": step.key, "count": step.count}
        case Finished(run_id, view):
            from dialoog_tui.core.themes.live import to_json

            shown = to_json(view) if view is not None else None
            document = {"event": "finished", "run": run_id, "view": shown}
        case Failed(message):
            document = {"event": "failed", "message": message}
    return json.dumps(document, ensure_ascii=False)


def read_event(line: str) -> Event:
    """An event from one line the worker wrote; ValueError when it is none."""
    try:
        document = json.loads(line)
        match document["event"]:
            case "holdable":
                return Holdable()
            case "progress":
                return Progressed(Step(str(document["step"]), document["count"]))
            case "finished":
                from dialoog_tui.core.themes.live import from_json

                view = document["view"]
                return Finished(document["run"], from_json(view) if view is not None else None)
            case "failed":
                return Failed(str(document["message"]))
    except (KeyError, TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a theme worker event: {line!r}") from error
    raise ValueError(f"not a theme worker event: {line!r}")


def run(database: Database, request: ThemeRunRequest, progress: Callable[[Step], None]) -> Finished:
    """Do what `request` asks."""
    from dialoog_tui.core.themes.live import session_themes
    from dialoog_tui.services.sessions import session_ids
    from dialoog_tui.services.themes import latest_report, run_themes, unsaved_report

    everything = request.session_ids is None
    scope: Sequence[int] = session_ids(database, None) if everything else request.session_ids or ()
    if not scope:
        raise InvalidInput("there are no sessions yet")
    if request.save:
        stored = run_themes(
            database, scope, all_sessions=everything, progress=progress, fresh=request.fresh
        )
        report, run_id = latest_report(database, stored.session_ids), stored.id
    else:
        report = unsaved_report(database, scope, all_sessions=everything, progress=progress)
        run_id = None
    view = None
    if request.view_session is not None and report is not None:
        view = session_themes(report, request.view_session)
    return Finished(run_id, view)


def main(out: IO[str] = sys.stdout) -> int:
    """The child process: lowest priority first, then the request, the run and its events."""
    parent = os.environ.get(BACKGROUND_ENV, "")
    holdable = run_in_background(int(parent)) if parent.isdigit() else False

    def emit(event: Event) -> None:
        out.write(event_line(event) + "\n")
        out.flush()

    if holdable:
        emit(Holdable())
    try:
        request = _request(sys.stdin.readline())
        from dialoog_tui.services.database import open_database, resolve_target

        database = open_database(resolve_target(None))
        try:
            emit(run(database, request, lambda step: emit(Progressed(step))))
        finally:
            database.close()
    except Exception as error:  # the parent shows it, in one sentence
        text = str(error).strip()
        emit(Failed(text.splitlines()[0] if text else type(error).__name__))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
