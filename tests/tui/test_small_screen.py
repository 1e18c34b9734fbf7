"""A laptop beside a projector, 80×24: the log keeps room to be read, the participants panel
shows whoever speaks (and F7 gives the log the whole width), and the ladder and the theme
board keep their status and domain columns in view."""

from __future__ import annotations

from textual.widgets import DataTable

from dialoog_tui.core.model import NewSession
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.screens.ladder import LadderScreen
from tests.tui.conftest import AppFactory, capture, settle, type_line
from tests.tui.test_theme_board import demo, open_board  # noqa: F401  (demo is a fixture)

SMALL = (80, 24)
EIGHTEEN = tuple((f"Deelnemer {n}", "inw") for n in range(1, 19))


def _fits(table: DataTable[object], column: int, width: int) -> bool:
    """Whether column `column` of `table` ends within `width` cells of the table's left."""
    widths = [c.get_render_width(table) for c in table.ordered_columns]
    return sum(widths[: column + 1]) <= width


async def test_the_log_keeps_room_and_the_panel_shows_who_speaks(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=EIGHTEEN))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("alt+i")  # the 18th participant, far below the panel's fold
        await type_line(pilot, "meer bankjes bij de bibliotheek")
        screen = capture(app)
        assert screen.log_view.size.width >= 50
        panel = screen.participants
        shown = [panel.render_line(y).text for y in range(panel.size.height)]
        assert any("Deelnemer 18" in line for line in shown)
        hints = str(screen.query_one("#key-hints").render())
        assert "F6 Corrigeer" in hints and "F1 Help" in hints  # the line wraps, not cut
        assert screen.query_one("#key-hints").size.height == 2
        # It wraps between two keys, never between a key and what it does.
        lines = [line.strip() for line in hints.splitlines()]
        assert len(lines) == 2 and all(len(line) <= 80 for line in lines)
        assert lines[0].endswith(("Thema's", "Exporteer", "Corrigeer", "Ladder", "Fase"))
        await pilot.press("f7")
        await pilot.pause()
        assert screen.log_view.size.width == 80
        await pilot.press("f7")
        await pilot.pause()
        assert screen.log_view.size.width < 80


async def test_the_ladder_keeps_the_status_in_view(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Een lange titel van een bijeenkomst over het plein"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! geen garage belang:bereikbaarheid")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LadderScreen)
        table = app.screen.query_one("#ladder-interests", DataTable)
        assert [str(c.label) for c in table.ordered_columns][:3] == ["belang", "aantal", "status"]
        assert _fits(table, 2, table.size.width)


async def test_the_board_keeps_its_domain_column_in_view(
    app_factory: AppFactory,
    demo: Database,  # noqa: F811
) -> None:
    app = app_factory(1)
    async with app.run_test(size=SMALL) as pilot:
        board = await open_board(pilot)
        table = board.query_one("#board-themes", DataTable)
        assert _fits(table, len(table.ordered_columns) - 1, table.size.width)
