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
from typing import IO, TYPE_CHECKING, Any

from msgspec import Struct

from dialoog_tui.core.themes.progress import Step
from dialoog_tui.errors import InvalidInput
from dialoog_tui.hold_lock import HOLD_LOCK_ENV, writes_outside_hold
from dialoog_tui.priority import BACKGROUND_ENV, run_in_background

if TYPE_CHECKING:
    from dialoog_tui.core.themes.live import LiveView
    from dialoog_tui.store.db.database import Database

MODULE = "dialoog_tui.services.theme_worker"
"""What `python -m` runs."""


class ThemeRunRequest(Struct, frozen=True):
    """What to find."""

    session_ids: tuple[int, ...] | None = None
    """The sessions to cluster (None: all of them)."""
    fresh: bool = False
    """Cluster even when nothing changed since the last run over them."""
    live_session: int | None = None
    """Instead: what the live panel shows for this session (`services.live_themes`), over
    all sessions."""
    opening: bool = False
    """With `live_session`: the session was just opened (a full run is due if anything
    changed since the last)."""


class Holdable(Struct, frozen=True):
    """The worker ends with its parent now: the parent may hold it still (SIGSTOP)."""


class Progressed(Struct, frozen=True):
    """A step of the run began."""

    step: Step


class Finished(Struct, frozen=True):
    """The run is done (and stored, if asked)."""

    run_id: int | None
    """The stored run (None: the live panel's view, which may not have needed one)."""
    view: LiveView | None = None
    """What the live panel shows for `live_session`, when asked for."""


class Failed(Struct, frozen=True):
    """The run could not be done; `message` says why in one sentence (in English), `key` and
    `values` as an interface text when the error has one (`errors.StoreError`)."""

    message: str
    key: str | None = None
    values: dict[str, str] = {}


Event = Holdable | Progressed | Finished | Failed


def request_line(request: ThemeRunRequest) -> str:
    """The request as the worker reads it."""
    ids = list(request.session_ids) if request.session_ids is not None else None
    return json.dumps(
        {
            "session_ids": ids,
            "fresh": request.fresh,
            "live_session": request.live_session,
            "opening": request.opening,
        }
    )


def _request(line: str) -> ThemeRunRequest:
    document = json.loads(line)
    ids = document["session_ids"]
    return ThemeRunRequest(
        session_ids=tuple(int(i) for i in ids) if ids is not None else None,
        fresh=bool(document["fresh"]),
        live_session=document["live_session"],
        opening=bool(document["opening"]),
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
        case Failed(message, key, values):
            document = {"event": "failed", "message": message, "key": key, "values": values}
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
                key = document.get("key")
                values = {str(k): str(v) for k, v in (document.get("values") or {}).items()}
                return Failed(str(document["message"]), str(key) if key else None, values)
    except (KeyError, TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a theme worker event: {line!r}") from error
    raise ValueError(f"not a theme worker event: {line!r}")


def run(database: Database, request: ThemeRunRequest, progress: Callable[[Step], None]) -> Finished:
    """Do what `request` asks."""
    from dialoog_tui.services.live_themes import session_view
    from dialoog_tui.services.sessions import session_ids
    from dialoog_tui.services.themes import run_themes

    if request.live_session is not None:
        view = session_view(
            database, request.live_session, opening=request.opening, progress=progress
        )
        return Finished(None, view)
    everything = request.session_ids is None
    scope: Sequence[int] = session_ids(database, None) if everything else request.session_ids or ()
    if not scope:
        raise InvalidInput("there are no sessions yet")
    stored = run_themes(
        database, scope, all_sessions=everything, progress=progress, fresh=request.fresh
    )
    return Finished(stored.id)


def main(out: IO[str] = sys.stdout) -> int:
    """The child process: lowest priority first, then the request, the run and its events."""
    parent = os.environ.get(BACKGROUND_ENV, "")
    holdable = run_in_background(int(parent)) if parent.isdigit() else False

    def emit(event: Event) -> None:
        out.write(event_line(event) + "\n")
        out.flush()

    # Held still only between writes (see hold_lock): the lock is ready before it may be,
    # and without it (the parent's file is gone) the child runs on unheld.
    writing = writes_outside_hold(os.environ.get(HOLD_LOCK_ENV, "")) if holdable else None
    if writing is not None:
        emit(Holdable())
    try:
        request = _request(sys.stdin.readline())
        from dialoog_tui.services.database import open_database, resolve_target

        database = open_database(resolve_target(None))
        if writing is not None:
            database.writing = writing
        try:
            emit(run(database, request, lambda step: emit(Progressed(step))))
        finally:
            database.close()
    except Exception as error:  # the parent shows it, in one sentence, in its language
        text = str(error).strip()
        key = getattr(error, "key", None)
        values = {name: str(v) for name, v in getattr(error, "values", {}).items()}
        emit(Failed(text.splitlines()[0] if text else type(error).__name__, key, values))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
