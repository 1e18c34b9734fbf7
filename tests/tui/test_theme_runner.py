"""The child process that finds themes for the TUI: it stores a run, reports progress, and
can be cancelled without storing anything."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from dialoog_tui.core.themes.progress import Step
from dialoog_tui.hold_lock import writes_outside_hold
from dialoog_tui.services.demo import load_demo
from dialoog_tui.services.theme_worker import Finished
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.themes.runs import latest_run
from dialoog_tui.tui.themes.runner import ThemeRunner


async def test_a_run_stores_its_themes_and_reports_progress(
    target: DatabaseTarget, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    steps: list[Step] = []
    runner = ThemeRunner(target)
    finished = await runner.run(None, steps.append)
    # The meaning of every contribution is read once, then kept for the next runs.
    assert steps[:3] == [Step("understanding", 157), Step("preparing"), Step("reading", 157)]
    assert [step.key for step in steps][-2:] == ["labelling", "saving"]
    run = seeded.read(lambda db: latest_run(db=db))
    assert run is not None and run.all_sessions and len(run.found.themes) >= 3
    assert finished is not None and finished.run_id == run.id
    assert not runner.running


async def test_the_live_view_of_a_session_runs_once_then_places(
    target: DatabaseTarget, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    runner = ThemeRunner(target)
    opened = await runner.run(None, live_session=2, opening=True)
    assert opened is not None and opened.view is not None and opened.view.themes
    run = seeded.read(lambda db: latest_run(db=db))
    assert run is not None  # opening a session ran and stored the themes of all sessions
    steps: list[Step] = []
    again = await runner.run(None, steps.append, live_session=2)
    assert again is not None and again.view == opened.view
    assert steps == []  # nothing changed: no run, nothing to place
    assert seeded.read(lambda db: latest_run(db=db)) == run


async def test_a_cancelled_run_stores_nothing(target: DatabaseTarget, seeded: Database) -> None:
    seeded.write(lambda db: load_demo(db=db))
    runner = ThemeRunner(target)
    runner.start()
    running = asyncio.create_task(runner.run(None))
    assert runner.cancel() is True
    assert await running is None and runner.cancelled
    assert seeded.read(lambda db: latest_run(db=db)) is None
    assert runner.cancel() is False  # nothing under way any more


def _state(pid: int) -> str:
    """The process state letter from /proc (T: stopped)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0]


async def _stopped(pid: int, *, stopped: bool = True) -> bool:
    """Whether the process is (or, with stopped=False, is no longer) stopped within 5 s:
    a signal takes effect a moment after it was sent."""
    for _ in range(500):
        if (_state(pid) == "T") == stopped:
            return True
        await asyncio.sleep(0.01)
    return False


async def _held_run(
    target: DatabaseTarget, **options: Any
) -> tuple[ThemeRunner, asyncio.Task[Finished | None], int]:
    """A run over all sessions, held (paused) as soon as its child exists: the runner, the
    task awaiting the run, and the child's pid."""
    runner = ThemeRunner(target)
    running = asyncio.create_task(runner.run(None, **options))
    for _ in range(200):
        if runner.child_pid is not None:
            runner.pause()
            return runner, running, runner.child_pid
        await asyncio.sleep(0.01)
    raise AssertionError("the child did not start")


def _gone(pid: int) -> bool:
    """Whether the process has ended (a zombie waiting to be reaped has)."""
    return not Path(f"/proc/{pid}").exists() or _state(pid) == "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
async def test_a_paused_run_is_held_still_and_goes_on_when_resumed(
    target: DatabaseTarget, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    runner, running, pid = await _held_run(target, live_session=2, opening=True)
    assert runner.paused and await _stopped(pid)
    await asyncio.sleep(0.3)
    assert not running.done() and _state(pid) == "T"  # held: it cannot finish meanwhile
    runner.resume()
    assert not runner.paused and await _stopped(pid, stopped=False)
    finished = await asyncio.wait_for(running, timeout=120)
    assert finished is not None and finished.view


async def test_a_paused_run_can_still_be_cancelled(
    target: DatabaseTarget, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    runner, running, _pid = await _held_run(target)
    assert runner.cancel() is True
    assert await asyncio.wait_for(running, timeout=30) is None
    assert seeded.read(lambda db: latest_run(db=db)) is None


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
async def test_a_held_run_ends_when_its_worker_is_cancelled(
    target: DatabaseTarget, seeded: Database
) -> None:
    # Closing the screen or the app cancels the worker awaiting the run: the child, held
    # still at that moment, must not stay behind.
    seeded.write(lambda db: load_demo(db=db))
    runner, running, pid = await _held_run(target)
    assert await _stopped(pid)
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    for _ in range(500):
        if _gone(pid):
            break
        await asyncio.sleep(0.01)
    assert _gone(pid)
    assert not runner.running


_PARENT = """
import asyncio, sys
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.services.theme_worker import Finished
from dialoog_tui.tui.themes.runner import ThemeRunner

async def main():
    runner = ThemeRunner(resolve_target(sys.argv[1]))
    running = asyncio.create_task(runner.run(None, fresh=True))
    while runner.child_pid is None:
        await asyncio.sleep(0.001)
    runner.pause()  # at once, as typing does: before the child could be held
    print(runner.child_pid, flush=True)
    while not runner._held:
        await asyncio.sleep(0.001)
    print("held", flush=True)
    await running

asyncio.run(main())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux holds a run still")
@pytest.mark.parametrize("moment", ["as it starts", "while held"])
def test_a_run_never_outlives_an_app_killed_with_kill_9(
    target: DatabaseTarget, seeded: Database, moment: str
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    for _round in range(3):
        app = subprocess.Popen(
            [sys.executable, "-c", _PARENT, target.url.removeprefix("sqlite:///")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert app.stdout is not None
        child = int(app.stdout.readline())
        if moment == "while held":
            assert app.stdout.readline().strip() == "held"
            # SIGSTOP is sent; the kernel stops the child a moment later.
            deadline = time.monotonic() + 10
            while _state(child) != "T" and time.monotonic() < deadline:
                time.sleep(0.01)
            assert _state(child) == "T"
        app.kill()
        app.wait()
        deadline = time.monotonic() + 10
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.01)  # polling for the kernel to end it, not a timing
        assert _gone(child), f"the theme run outlived the app ({moment})"


def _lock_file_of(pid: int) -> str:
    """The lock file the child `pid` has open, as a path to open it by (/proc)."""
    for entry in Path(f"/proc/{pid}/fd").iterdir():
        if "dialoog-hold-" in os.readlink(entry):
            return str(entry)
    raise AssertionError("the child has no lock file open")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
async def test_a_run_is_not_held_inside_a_write_only_once_it_is_over(
    target: DatabaseTarget, seeded: Database
) -> None:
    # Held with the database's write lock in hand, the child would make every Enter wait
    # until the typing paused: a held child is always between two writes (hold_lock.py).
    seeded.write(lambda db: load_demo(db=db))
    runner = ThemeRunner(target)
    running = asyncio.create_task(runner.run(None, live_session=2, opening=True))
    for _ in range(1000):
        if runner.child_pid is not None and runner._holdable:
            break
        await asyncio.sleep(0.01)
    assert runner._lock is not None and runner.child_pid is not None
    # Open in the child, the lock file has no name any more: an app killed now leaves
    # nothing behind. The test reaches it as the child has it open.
    assert not Path(runner._lock.path).exists()
    pid = runner.child_pid
    writing = writes_outside_hold(_lock_file_of(pid))
    assert writing is not None
    with writing():  # as the child does around each write
        runner.pause()
        await asyncio.sleep(0.2)
        assert not runner._held and _state(pid) != "T"
    runner.pause()  # the next key, after the write
    assert await _stopped(pid)
    runner.resume()
    finished = await asyncio.wait_for(running, timeout=120)
    assert finished is not None and finished.view
