"""SVG snapshots of the main screens (update with --snapshot-update after checking the diff)."""

from __future__ import annotations

from textual.pilot import Pilot

from dialoog_tui.services.demo import load_demo
from dialoog_tui.store.db.database import Database
from tests.tui.conftest import AppFactory, settle


async def _ready(pilot: Pilot[int]) -> None:
    await settle(pilot)
    await pilot.pause(0.1)


def test_capture_screen(snap_compare, app_factory: AppFactory, seeded: Database) -> None:  # type: ignore[no-untyped-def]
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory(2)

    async def type_a_line(pilot: Pilot[int]) -> None:
        await _ready(pilot)
        await pilot.press(*"@Piet ! Dan wordt het plein leeg #bereikbaarheid")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(130, 36), run_before=type_a_line)


def test_capture_screen_light_english(
    snap_compare, app_factory: AppFactory, seeded: Database
) -> None:  # type: ignore[no-untyped-def]
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory(3, lang="en", theme="dialoog-light")

    async def select_one(pilot: Pilot[int]) -> None:
        await _ready(pilot)
        await pilot.press("up", "up")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(110, 30), run_before=select_one)


def test_session_picker(snap_compare, app_factory: AppFactory, seeded: Database) -> None:  # type: ignore[no-untyped-def]
    seeded.write(lambda db: load_demo(db=db))
    assert snap_compare(app_factory(None), terminal_size=(100, 24), run_before=_ready)


def test_help_screen(snap_compare, app_factory: AppFactory, seeded: Database) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[int]) -> None:
        await _ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    app = app_factory(None, theme="dialoog-high-contrast")
    seeded.write(lambda db: load_demo(db=db))
    app._request = 1  # type: ignore[attr-defined]
    assert snap_compare(app, terminal_size=(110, 40), run_before=open_help)


def test_ladder_view(snap_compare, app_factory: AppFactory, seeded: Database) -> None:  # type: ignore[no-untyped-def]
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory(1)

    async def open_ladder(pilot: Pilot[int]) -> None:
        await _ready(pilot)
        await pilot.press("f2")
        await _ready(pilot)
        await pilot.press("a")  # all sessions
        await _ready(pilot)

    assert snap_compare(app, terminal_size=(130, 60), run_before=open_ladder)
