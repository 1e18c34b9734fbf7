"""Pilot tests of the theme board and the theme card: what they show, and curation from the
keyboard (accept, rename, merge, undo, split, move, remove), checked in the store."""

from __future__ import annotations

from typing import Any

import pytest
from msgspec.structs import replace
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from dialoog_tui.core.themes.curation import CuratedTheme
from dialoog_tui.core.themes.run import ThemeReport
from dialoog_tui.services.demo import load_demo
from dialoog_tui.services.themes import run_themes, stored_report
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.themes.curation import history, load_curated
from dialoog_tui.store.themes.runs import all_session_ids
from dialoog_tui.tui.themes.board import ThemeBoardScreen
from dialoog_tui.tui.themes.card import ThemeCardScreen
from tests.tui.conftest import AppFactory, settle

SIZE = (150, 50)


@pytest.fixture
def demo(seeded: Database) -> Database:
    """The demo series with its themes found (as `dialoog themes --all` would)."""
    seeded.write(lambda db: load_demo(db=db))
    ids = seeded.read(lambda db: all_session_ids(db=db))
    run_themes(seeded, ids, all_sessions=True)
    return seeded


def report(database: Database) -> ThemeReport:
    ids = database.read(lambda db: all_session_ids(db=db))
    shown = database.read(lambda db: stored_report(db=db, session_ids=ids))
    assert shown is not None
    return shown


def curated(database: Database) -> dict[str, CuratedTheme]:
    return database.read(lambda db: load_curated(db=db))


async def open_board(pilot: Any) -> ThemeBoardScreen:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    board = pilot.app.screen
    assert isinstance(board, ThemeBoardScreen)
    return board


async def open_card(pilot: Any) -> ThemeCardScreen:
    """The card of the first theme on the board."""
    await open_board(pilot)
    await pilot.press("enter")
    await settle(pilot)
    card = pilot.app.screen
    assert isinstance(card, ThemeCardScreen)
    return card


def last_notification(app: Any) -> str:
    return str(list(app._notifications)[-1].message)


def board_ids(board: ThemeBoardScreen) -> list[str]:
    table = board.query_one("#board-themes", DataTable)
    return [str(row.value) for row in table.rows]


async def test_the_board_lists_the_themes_with_recurrence_and_spread(
    app_factory: AppFactory, demo: Database
) -> None:
    expected = report(demo)
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        assert board_ids(board) == [theme.id for theme in expected.themes]
        table = board.query_one("#board-themes", DataTable)
        first = expected.themes[0]
        cells = [str(cell) for cell in table.get_row(first.id)]
        assert cells[0] == "↻"  # recurring: heard in every demo session
        assert first.label[:20] in cells[1]
        assert cells[2] == str(first.size) and cells[3] == str(len(first.sessions))
        assert len(cells[4]) == 3  # one bar per session
        top_domain = next(iter(first.domains))
        assert f"{first.domains[top_domain]}" in cells[5]
        assert "Ctrl+P" in str(board.query_one("#key-hints", Static).render())


async def test_accept_rename_merge_and_undo_from_the_keys_in_the_footer(
    app_factory: AppFactory, demo: Database
) -> None:
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        hints = str(board.query_one("#key-hints", Static).render())
        for shown in ("A Accept", "N Rename", "M Merge", "U Undo"):
            assert shown in hints
        first, second = board_ids(board)[:2]

        await pilot.press("a")
        await settle(pilot)
        assert curated(demo)[first].accepted

        await pilot.press("n", *"Parkeren in de wijk", "enter")
        await settle(pilot)
        assert curated(demo)[first].name == "Parkeren in de wijk"
        table = board.query_one("#board-themes", DataTable)
        assert "Parkeren in de wijk" in str(table.get_row(first)[1])
        assert str(table.get_row(first)[0]) == "★"

        def column_widths() -> list[int]:
            return [column.get_render_width(table) for column in table.ordered_columns]

        unmarked = column_widths()
        await pilot.press("space")
        await settle(pilot)
        assert str(table.get_row(first)[0]) == "● ★"
        assert column_widths() == unmarked  # marking does not shift the columns
        await pilot.press("space", "m")  # mark the next one too, then merge
        await settle(pilot)
        assert second not in board_ids(board)
        assert column_widths()[0] == unmarked[0]  # nothing marked now: the same width
        survivor = curated(demo)[first]
        assert survivor.name == "Parkeren in de wijk"  # the accepted theme survives
        before_merge = {t.id: t.size for t in report(demo).themes}
        assert before_merge[first] > 0

        await pilot.press("u")
        await settle(pilot)
        assert second in board_ids(board)  # the merge is undone
        assert curated(demo)[first].name == "Parkeren in de wijk"
        actions = [a.kind.value for a in demo.read(lambda db: history(db=db))]
        assert actions == ["accept", "rename", "merge", "undo"]


async def test_the_card_shows_quotes_per_domain_and_every_member(
    app_factory: AppFactory, demo: Database
) -> None:
    theme = report(demo).themes[0]
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        assert card.card is not None
        quotes = str(card.query_one("#card-quotes", Static).render())
        for domain, members in card.card.quotes:
            assert (domain or "no domain") in quotes
            assert all(m.domain == (domain or None) for m in members)
            assert members[0].text[:30] in quotes
        assert len(card.card.quotes) >= 2  # the first demo theme is heard in several domains
        members = card.query_one("#card-members", DataTable)
        assert members.row_count == theme.size
        assert [int(str(row.value)) for row in members.rows] == list(theme.contributions)
        # The number shown is the one the log and the minutes give it, in its session.
        by_id = {m.contribution_id: m for m in card.card.members}
        first = by_id[theme.contributions[0]]
        assert members.get_row_at(0)[1] == str(first.seq)
        assert first.seq != first.contribution_id  # the demo's later sessions tell them apart
        overview = str(card.query_one("#card-overview", Static).render())
        assert "per session" in overview and "Values" in overview


async def test_the_cards_counts_say_one_session_in_the_singular(
    app_factory: AppFactory, demo: Database
) -> None:
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        assert card.card is not None
        theme, sessions = card.card.theme, card.card.sessions
        overview = str(card.query_one("#card-overview", Static).render())
        assert overview.startswith(f"{theme.size} contributions in {len(sessions)} sessions ·")
        alone = replace(card.card, sessions=sessions[:1])
        assert str(card._overview(alone)).startswith(f"{theme.size} contributions in 1 session ·")


async def test_the_cards_members_have_room_and_the_cursor_stays_in_sight(
    app_factory: AppFactory, demo: Database
) -> None:
    app = app_factory(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        card = await open_card(pilot)
        members = card.query_one("#card-members", DataTable)
        assert card.card is not None and members.row_count > 12
        assert members.region.height >= 12  # header and ten rows or more
        for _ in range(members.row_count - 1):
            await pilot.press("down")
        await settle(pilot)
        assert members.cursor_row == members.row_count - 1
        visible = members.scrollable_content_region.height - 1  # the header row aside
        top = round(members.scroll_offset.y)
        assert top <= members.cursor_row < top + visible
        assert card.screen.region.contains_region(members.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_cards_members_show_their_words_without_scrolling_sideways(
    app_factory: AppFactory, demo: Database, size: tuple[int, int]
) -> None:
    app = app_factory(lang="en")
    async with app.run_test(size=size) as pilot:
        card = await open_card(pilot)
        members = card.query_one("#card-members", DataTable)
        assert card.card is not None
        assert members.virtual_size.width <= members.size.width
        top = members.coordinate_to_cell_key(Coordinate(0, 0)).row_key.value
        first = next(m for m in card.card.members if str(m.contribution_id) == str(top))
        shown = str(members.get_row_at(0)[5])
        assert len(shown) >= 20 and first.text.startswith(shown.rstrip("…")[:20])


async def test_split_move_and_remove_from_the_card(app_factory: AppFactory, demo: Database) -> None:
    theme = report(demo).themes[0]
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        first, second = theme.contributions[:2]

        await pilot.press("space", "space", "s")  # mark two members, split them off
        await settle(pilot)
        themes = curated(demo)
        (new,) = [t for t in themes.values() if set(t.members) == {first, second}]
        assert first not in themes[theme.id].members

        removed = card.highlighted_member()
        await pilot.press("d")  # the highlighted member out of this theme, for good
        await settle(pilot)
        assert removed in curated(demo)[theme.id].excluded
        assert card.card is not None and removed not in card.card.theme.contributions

        fourth = card.highlighted_member()
        await pilot.press("v")
        await settle(pilot)
        asked = str(card.query_one("#card-targets").border_title)
        assert asked.startswith(f"Move contribution #{fourth} to which theme?")
        await pilot.press("enter")  # the first other theme offered
        await settle(pilot)
        moved_to = [t for t in curated(demo).values() if fourth in t.members]
        assert len(moved_to) == 1 and moved_to[0].id != theme.id
        assert new.id in {t.id for t in report(demo).themes}


async def test_the_live_panel_reads_the_themes_again_after_the_board(
    app_factory: AppFactory, demo: Database
) -> None:
    from dialoog_tui.tui.capture.screen import CaptureScreen

    app = app_factory(2, lang="en", live_themes=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaptureScreen) and screen.live_themes is not None
        live = screen.live_themes
        for _tick in range(300):
            if live.refreshes:
                break
            await pilot.pause(0.05)
        assert live.refreshes == 1 and not live.runner.running
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # found or curated there: the panel reads them again
        for _tick in range(300):
            if live.refreshes == 2:
                break
            await pilot.pause(0.05)
        assert live.refreshes == 2


async def test_the_live_panel_refreshes_in_the_background_while_typing_goes_on(
    app_factory: AppFactory, demo: Database
) -> None:
    from dialoog_tui.store.contributions import session_contributions
    from dialoog_tui.tui.capture.screen import CaptureScreen
    from dialoog_tui.tui.capture.themes_panel import ThemesPanel

    before = len(demo.read(lambda db: session_contributions(db=db, session_id=2)))
    app = app_factory(2, lang="en", live_themes=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaptureScreen) and screen.live_themes is not None
        panel = screen.query_one("#live-themes", ThemesPanel)
        live = screen.live_themes
        for _tick in range(300):  # the run at opening reuses the stored one: quick
            if live.refreshes:
                break
            await pilot.pause(0.05)
        assert panel.shown and not live.runner.running
        lines = [f"@Piet Parkeren voor de winkels moet blijven, regel {n}" for n in range(7)]
        for line in lines[:5]:
            await pilot.press(*line, "enter")
            await pilot.pause()
        assert live.runner.running  # the fifth contribution started a theme run
        for line in lines[5:]:  # typing goes on while it runs
            await pilot.press(*line, "enter")
            await pilot.pause()
        await settle(pilot)
        assert live.refreshes >= 1 and not live.runner.running
        texts = [c.text for c in demo.read(lambda db: session_contributions(db=db, session_id=2))]
        assert len(texts) == before + 7 and texts[-1] == lines[-1].removeprefix("@Piet ")
        newest = {t.id for t in report(demo).themes if dict(t.sessions).get(2)}
        assert {live.id for live in panel.shown} == newest


async def test_a_live_run_is_held_while_the_note_taker_types(
    app_factory: AppFactory, demo: Database
) -> None:
    import time

    from dialoog_tui.tui.capture.live_themes import QUIET
    from dialoog_tui.tui.capture.screen import CaptureScreen

    app = app_factory(2, lang="en", live_themes=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaptureScreen) and screen.live_themes is not None
        live = screen.live_themes
        for _tick in range(300):  # the run at opening reuses the stored one: quick
            if live.refreshes:
                break
            await pilot.pause(0.05)
        assert live.refreshes == 1 and not live.runner.running
        for n in range(5):  # the fifth contribution starts a run
            await pilot.press(*f"Regel {n} over parkeren", "enter")
        runner = live.runner
        for _tick in range(200):
            if runner.child_pid is not None:
                break
            await pilot.pause(0.01)
        assert runner.running and runner.child_pid is not None
        last_key = time.monotonic()
        await pilot.press("x")
        assert runner.paused  # held while keys come in
        await pilot.pause(QUIET / 2)
        assert runner.paused
        for _tick in range(100):
            if not runner.paused:
                break
            await pilot.pause(0.05)
        assert not runner.paused and time.monotonic() - last_key >= QUIET
        await settle(pilot)
        assert live.refreshes == 2 and not runner.running


async def test_the_board_without_sessions_says_what_to_do(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        assert not board.runner.running  # nothing to find themes in
        status = str(board.query_one("#board-status", Static).render())
        assert "dialoog demo" in status
        assert board_ids(board) == []


async def test_a_refused_action_is_a_notification_and_the_board_stays(
    app_factory: AppFactory, demo: Database
) -> None:
    from datetime import UTC, datetime

    from dialoog_tui.services.curation import merge_themes

    app = app_factory(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        await pilot.press("u")  # nothing curated yet: nothing to undo
        await settle(pilot)
        assert app.screen is board
        assert "Nothing to undo" in last_notification(app)

        first, second = board_ids(board)[:2]
        # Someone else merges the first theme away while this board still shows it.
        demo.write(
            lambda db: merge_themes(
                db=db, keys=[second, first], actor="elders", at=datetime.now(UTC)
            )
        )
        await pilot.press("a")  # accept the first row, which no longer exists
        await settle(pilot)
        assert app.screen is board
        assert "no longer exists" in last_notification(app)
        assert first not in board_ids(board)  # the board shows the themes as they are now
        assert not any(theme.accepted for theme in curated(demo).values())


async def test_curation_is_told_and_listed_in_the_interface_language(
    app_factory: AppFactory, demo: Database
) -> None:
    from dialoog_tui.tui.themes.history import ThemeHistoryScreen

    theme = report(demo).themes[0]
    first, second = theme.contributions[:2]
    app = app_factory(lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        assert card.card is not None
        numbers = {m.contribution_id: (m.seq, m.session_title) for m in card.card.members}
        await pilot.press("space", "space", "s")  # split two members off
        await settle(pilot)
        (new,) = [t.id for t in curated(demo).values() if set(t.members) == {first, second}]
        # Numbered as the card shows them, with their session: not by database id.
        (session,) = {numbers[first][1], numbers[second][1]}
        said = f"#{numbers[first][0]}, #{numbers[second][0]} ({session})"
        assert last_notification(app).startswith(f"Afgesplitst: {said}: ")
        assert last_notification(app).endswith(f"→ {new}")

        await pilot.press("u")
        await settle(pilot)
        assert last_notification(app).startswith("Ongedaan: afsplitsen — ")

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, ThemeHistoryScreen)
        table = app.screen.query_one("#history", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert [row[2] for row in rows] == ["ongedaan maken", "afsplitsen"]  # newest first
        assert rows[0][4].startswith(f"afsplitsen — {said}: ")
        assert "ongedaan gemaakt" in rows[1][4]


async def test_the_history_names_the_themes_not_their_ids(
    app_factory: AppFactory, demo: Database
) -> None:
    from datetime import UTC, datetime

    from dialoog_tui.services import curation as curating
    from dialoog_tui.tui.themes.history import ThemeHistoryScreen

    theme = report(demo).themes[0]
    at = datetime.now(UTC)
    curating.act(demo, curating.rename_theme, actor="Ilse", at=at, key=theme.id, name="Groen")
    app = app_factory(lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, ThemeHistoryScreen)
        table = app.screen.query_one("#history", DataTable)
        (row,) = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert row[1] == "Ilse" and row[3] == "Groen"


async def test_finding_the_themes_again_shows_its_steps_and_can_be_cancelled(
    app_factory: AppFactory, demo: Database
) -> None:
    from datetime import datetime

    from dialoog_tui.store.themes.runs import latest_run

    def newest_run() -> datetime:
        run = demo.read(lambda db: latest_run(db=db))
        assert run is not None
        return run.at

    before = newest_run()
    app = app_factory(lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        board = await open_board(pilot)
        status = board.query_one("#board-status", Static)
        await pilot.press("r")
        assert board.runner.running
        seen = set()
        for _tick in range(600):
            seen.add(str(status.render()))
            if not board.runner.running:
                break
            await pilot.pause(0.05)
        await settle(pilot)
        # The step that takes a while (the child's first import of scikit-learn), in Dutch.
        assert "Thema's zoeken: tekstanalyse voorbereiden  (C stopt)" in seen
        assert newest_run() > before  # stored: the board shows the new run
        assert last_notification(app) == f"{len(board_ids(board))} thema's gevonden"

        found = newest_run()
        await pilot.press("r")
        await pilot.press("c")
        for _tick in range(200):
            if not board.runner.running:
                break
            await pilot.pause(0.05)
        await settle(pilot)
        assert board.runner.cancelled
        assert str(status.render()) == "Gestopt; de thema's zijn zoals ze waren"
        assert newest_run() == found  # nothing stored


async def test_the_board_says_when_contributions_are_newer_than_its_themes(
    app_factory: AppFactory, demo: Database
) -> None:
    app = app_factory(2, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*"@Piet Parkeren voor klanten blijft nodig", "enter")
        board = await open_board(pilot)
        status = str(board.query_one("#board-status", Static).render())
        assert status == "Contributions newer than these themes: 1. R finds the themes again"


async def test_the_live_panel_says_it_has_no_themes_only_when_no_run_is_under_way() -> None:
    from textual.app import App, ComposeResult

    from dialoog_tui.i18n import Translator
    from dialoog_tui.tui.capture.themes_panel import ThemesPanel

    t = Translator("nl")

    class Holder(App[None]):
        def compose(self) -> ComposeResult:
            yield ThemesPanel(t, id="live-themes")

    async with Holder().run_test(size=(40, 10)) as pilot:
        panel = pilot.app.query_one(ThemesPanel)
        panel.show_status(t("live.running"))  # a session opened: its first run begins
        shown = str(panel.content)
        assert t("live.running") in shown and t("live.none") not in shown
        panel.show_status("")  # the run found nothing
        assert t("live.none") in str(panel.content)
