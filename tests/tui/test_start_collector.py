"""The cycle collector is held back while the app starts and collects again once it has:
after a session is loaded, and in any case a few seconds after the app is mounted."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialoog_tui.__main__ import main
from dialoog_tui.services.demo import load_demo
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.screens.picker import PickerScreen
from tests.tui.conftest import AppFactory, capture, settle


@pytest.fixture
def held_back() -> Iterator[None]:
    """The collector as the entry point leaves it for the app; enabled again afterwards,
    whatever the test did."""
    gc.disable()
    yield
    gc.enable()


@pytest.mark.usefixtures("held_back")
async def test_capture_collects_again_once_its_session_is_loaded(
    app_factory: AppFactory, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory("1")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert capture(app).recorder.session is not None
        assert gc.isenabled()


@pytest.mark.usefixtures("held_back")
async def test_a_screen_without_a_load_collects_again_soon_after_the_start(
    app_factory: AppFactory, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dialoog_tui.tui.app.SETTLED_AT_LATEST", 0.05)
    app = app_factory(None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        for _ in range(200):  # a timer's moment, waited for by the app's own clock
            if gc.isenabled():
                break
            await pilot.pause(0.01)
        assert gc.isenabled()


def test_a_command_that_does_not_start_the_app_collects_as_usual(
    held_back: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gc.enable()  # as before the entry point, which holds it back
    assert main(["--db", str(tmp_path / "cli.sqlite3"), "sessions"]) == 0
    assert gc.isenabled()
