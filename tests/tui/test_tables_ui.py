"""Capture at a table, and the facilitator's room view (issue 22)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import NewSession, SessionRequest
from dialoog_tui.core.speakers import ROOM, Speaker
from dialoog_tui.store import contributions, sessions, tables
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.target import DatabaseTarget
from dialoog_tui.store.schema.tables import ContributionRow
from dialoog_tui.tui.app import DialoogApp, make_app
from dialoog_tui.tui.screens.room import RoomScreen
from tests.tui.conftest import NOW, AppFactory, capture, settle, stored, type_line


def at_table(
    target: DatabaseTarget, tmp_path: Path, request: SessionRequest, table: str
) -> DialoogApp:
    """The app capturing at `table` of the session `request` names, as `open --table` does."""
    return make_app(
        target,
        request,
        lang="nl",
        settings_file=tmp_path / "settings.json",
        clock=lambda: NOW,
        live_themes=False,
        table=table,
    )


async def test_capture_at_a_table_says_so_and_keeps_it_on_each_line(
    target: DatabaseTarget, seeded: Database, tmp_path: Path
) -> None:
    app = at_table(target, tmp_path, NewSession(title="Wereldcafé"), "Tafel Noord")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw de bus rijdt niet op zondag")
        header = str(capture(app).query_one("#session-header").render_line(1).text)
        assert "tafel Tafel Noord" in header
    noord = seeded.read(lambda db: tables.list_tables(db=db, session_id=1))
    assert [t.name for t in noord] == ["Tafel Noord"]
    assert [c.table_id for c in stored(seeded)] == [noord[0].id]


def room_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, RoomScreen)
    return " ".join(
        str(widget.render())
        for widget in screen.query("Static")  # type: ignore[attr-defined]
    )


async def test_the_room_view_shows_every_table_live_and_changes_nothing(
    target: DatabaseTarget, seeded: Database, tmp_path: Path
) -> None:
    session = seeded.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    seats = [
        seeded.write(
            lambda db, name=name: tables.take_seat(
                db=db, session_id=session.id, name=name, note_taker=None
            )
        )
        for name in ("Noord", "Zuid")
    ]

    def log(table: int, text: str, consent: Consent | None = None) -> None:
        contributions.log_entry(
            seeded,
            session_id=session.id,
            speaker=Speaker(new_name="Anna", domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=NOW,
            table_id=table,
            consent=consent,
        )

    log(seats[0].id, "de bus rijdt niet op zondag")
    log(seats[1].id, "dit blijft tussen ons", Consent.OFF_RECORD)
    app = make_app(target, "wereldcafe", lang="nl", settings_file=tmp_path / "s.json", room=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        shown = room_text(app)
        assert "Noord" in shown and "Zuid" in shown
        assert "de bus rijdt niet op zondag" in shown
        assert "dit blijft tussen ons" not in shown
        log(seats[1].id, "aan de zuidtafel gezegd")  # another note-taker, elsewhere
        for _ in range(200):  # until the watch has heard it (a few tenths of a second)
            if "aan de zuidtafel gezegd" in room_text(app):
                break
            await pilot.pause(0.02)
        assert "aan de zuidtafel gezegd" in room_text(app)
        before = seeded.read(lambda db: len(db.exec(select(ContributionRow.id)).all()))
        await pilot.press(*"hallo", "enter", "backspace", "delete", "ctrl+z")
        await settle(pilot)
        after = seeded.read(lambda db: len(db.exec(select(ContributionRow.id)).all()))
        assert after == before


async def test_a_table_that_is_new_at_two_screens_is_one_table(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Wereldcafé"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
    for _ in range(2):
        seeded.write(
            lambda db: tables.take_seat(db=db, session_id=1, name="tafel 7", note_taker=None)
        )
    assert len(seeded.read(lambda db: tables.list_tables(db=db, session_id=1))) == 1


async def test_at_a_table_f5_offers_that_table_s_own_minutes(
    target: DatabaseTarget, seeded: Database, tmp_path: Path
) -> None:
    from textual.widgets import Checkbox, Input

    from dialoog_tui.tui.screens.export_dialog import ExportDialog

    session = seeded.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))
    zuid = seeded.write(
        lambda db: tables.take_seat(db=db, session_id=session.id, name="Zuid", note_taker=None)
    )
    contributions.log_entry(
        seeded,
        session_id=session.id,
        speaker=ROOM,
        kind=Kind.REMARK,
        text="aan de andere tafel gezegd",
        at=NOW,
        table_id=zuid.id,
    )
    folder = tmp_path / "out"
    folder.mkdir()
    app = at_table(target, tmp_path, session.id, "Noord")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw de bus rijdt niet op zondag")
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-table", Checkbox).value  # ticked: this table's
        dialog.query_one("#export-folder", Input).value = str(folder)
        dialog.query_one("#export-folder", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
    (minutes,) = [path for path in folder.iterdir() if path.suffix == ".md"]
    written = minutes.read_text(encoding="utf-8")
    assert minutes.name.startswith("wereldcafe-noord-")
    assert "de bus rijdt niet op zondag" in written
    assert "aan de andere tafel gezegd" not in written


async def test_the_log_names_the_table_another_table_s_line_was_said_at(
    target: DatabaseTarget, seeded: Database, tmp_path: Path
) -> None:
    from tests.tui.test_others_corrections import until

    session = seeded.write(lambda db: sessions.create_session(db=db, title="Wereldcafé"))

    def said_at(table: str, text: str) -> None:
        seat = seeded.write(
            lambda db: tables.take_seat(db=db, session_id=session.id, name=table, note_taker=None)
        )
        contributions.log_entry(
            seeded,
            session_id=session.id,
            speaker=ROOM,
            kind=Kind.REMARK,
            text=text,
            at=NOW,
            table_id=seat.id,
        )

    said_at("Zuid", "de speeltuin is verouderd")
    app = at_table(target, tmp_path, session.id, "Noord")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw de bus rijdt niet op zondag")
        # A table set up after this screen opened: its name is read with its first line.
        said_at("West", "meer bankjes langs het water")
        log = capture(app).log_view
        await until(pilot, lambda: len(log.rows) == 3)
        shown = [log.render_line(y).text for y in range(log.size.height)]
    lines = [line for line in shown if "speeltuin" in line or "bus" in line or "bankjes" in line]
    assert "[Zuid] de speeltuin is verouderd" in lines[0]
    assert "[" not in lines[1]  # this table's own line
    assert "[West] meer bankjes langs het water" in lines[2]
