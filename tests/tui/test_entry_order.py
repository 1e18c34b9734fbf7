"""What an Enter changes reaches the screen in order: the new row, then the input line."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.strip import Strip

from dialoog_tui.core.model import NewSession
from dialoog_tui.store import drafts
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture import contribution_log
from tests.tui.conftest import AppFactory, capture, settle, stored

LINE = "@Anna/inw Een voetgangersbrug over de haven"


async def test_the_line_leaves_the_input_only_once_its_row_is_drawn(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        log, entry = screen.log_view, screen.entry_bar.input
        input_when_row_drawn: list[str] = []
        draw = log.render_lines

        def watched(crop: Region) -> list[Strip]:
            strips = draw(crop)
            if any("voetgangersbrug" in strip.text for strip in strips):
                input_when_row_drawn.append(entry.value)
            return strips

        log.render_lines = watched  # type: ignore[method-assign]
        await pilot.press(*LINE)
        await pilot.press("enter")
        await settle(pilot)
        assert input_when_row_drawn, "the row was never drawn"
        assert input_when_row_drawn[0] == LINE
        assert entry.value == ""
        header = screen.query_one("#session-header").render_line(1).text
        assert "1 bijdrage" in header


async def test_a_log_that_is_not_drawn_holds_the_line_only_briefly(
    app_factory: AppFactory, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contribution_log, "DRAW_WAIT", 1.0)
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        entry = screen.entry_bar.input
        screen.log_view.display = False  # no frame will draw the new row
        await pilot.press(*LINE)
        await pilot.press("enter")
        for _ in range(100):
            if stored(seeded):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press(*" en")  # typed while the logged line still stands in the input
        assert entry.value == LINE + " en"
        # A draft saved now (a pause in typing, quitting) holds what is not logged yet, so
        # after a crash the logged line does not come back into the input.
        await screen.flush_draft()
        assert seeded.read(lambda db: drafts.load_draft(db=db, session_id=1)) == "en"
        await pilot.pause(1.2)
        assert entry.value == "en"
    assert [c.text for c in stored(seeded)] == ["Een voetgangersbrug over de haven"]
