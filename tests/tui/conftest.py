"""Building the app for Pilot tests: the CLI's factory, a temporary database, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.pilot import Pilot

from dialoog_tui.core.model import SessionRequest
from dialoog_tui.store import contributions
from dialoog_tui.store.db.database import Database, open_database
from dialoog_tui.store.db.target import DatabaseTarget, resolve_target
from dialoog_tui.tui.app import DialoogApp, make_app
from dialoog_tui.tui.capture.screen import CaptureScreen

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 12, 20, 15, tzinfo=AMSTERDAM)

AppFactory = Callable[..., DialoogApp]


@pytest.fixture(autouse=True)
def _amsterdam_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times on screen are local; pin the zone so screens look the same on every machine."""
    import time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()


@pytest.fixture
def target(tmp_path: Path) -> DatabaseTarget:
    """Where the app's database lives."""
    return resolve_target(str(tmp_path / "tui.sqlite3"))


@pytest.fixture
def seeded(target: DatabaseTarget) -> Database:
    """The database, opened and migrated, for tests to put data in before the app starts."""
    database = open_database(target)
    yield database  # type: ignore[misc]
    database.close()


@pytest.fixture
def app_factory(target: DatabaseTarget, tmp_path: Path) -> AppFactory:
    """Builds the app on the test database with a fixed clock."""

    def build(
        request: SessionRequest | None = None,
        *,
        lang: str = "nl",
        theme: str | None = None,
        clock: Callable[[], datetime] = lambda: NOW,
        live_themes: bool = False,
    ) -> DialoogApp:
        return make_app(
            target,
            request,
            lang=lang,
            theme=theme,
            settings_file=tmp_path / "settings.json",
            clock=clock,
            live_themes=live_themes,
        )

    return build


async def settle(pilot: Pilot[int]) -> None:
    """Wait until background work and the resulting messages are done."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def capture(app: object) -> CaptureScreen:
    """The app's current screen, which must be the capture screen."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, CaptureScreen)
    return screen


def stored(database: Database, session_id: int = 1) -> list[contributions.Contribution]:
    """The session's live contributions, as the store has them."""
    return database.read(
        lambda db: contributions.session_contributions(db=db, session_id=session_id)
    )


async def type_line(pilot: Pilot[int], line: str) -> None:
    """Type `line`, press Enter and wait until it has been dealt with."""
    await pilot.press(*line)
    await pilot.press("enter")
    await settle(pilot)
