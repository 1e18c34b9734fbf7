"""The child process that finds themes for the TUI: it stores a run, reports progress, and
can be cancelled without storing anything."""

from __future__ import annotations

import asyncio

from dialoog_tui.store.database import Database
from dialoog_tui.store.demo import load_demo
from dialoog_tui.store.target import DatabaseTarget
from dialoog_tui.store.themes import latest_run
from dialoog_tui.tui.theme_runner import ThemeRunner


async def test_a_run_stores_its_themes_and_reports_progress(
    target: DatabaseTarget, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    steps: list[str] = []
    runner = ThemeRunner(target)
    printed = await runner.run(None, steps.append, extra=["--session-view", "2"])
    assert printed is not None and '"session": 2' in printed
    assert any(step.startswith("reading 157 contributions") for step in steps)
    run = seeded.read(lambda db: latest_run(db=db))
    assert run is not None and run.all_sessions and len(run.found.themes) >= 3
    assert not runner.running


async def test_a_cancelled_run_stores_nothing(target: DatabaseTarget, seeded: Database) -> None:
    seeded.write(lambda db: load_demo(db=db))
    runner = ThemeRunner(target)
    runner.start()
    running = asyncio.create_task(runner.run(None))
    assert runner.cancel() is True
    assert await running is None and runner.cancelled
    assert seeded.read(lambda db: latest_run(db=db)) is None
    assert runner.cancel() is False  # nothing under way any more
