"""Enter while the database is away: every line kept, one contribution per Enter, in order,
written when the database answers again, also after a restart (issue 22)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dialoog_tui.core.model import NewSession
from dialoog_tui.errors import DatabaseAway
from dialoog_tui.services import capture as capture_service
from dialoog_tui.services.outbox import outbox_for
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.db.target import DatabaseTarget
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line


class Outage:
    """Makes the store's logging fail as a server that went away does, while `down`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.down = False
        self.commit_then_fail = False
        """The commit goes through, but the answer is lost (the connection broke after)."""
        for name in ("log_typed", "log_waiting"):
            monkeypatch.setattr(capture_service, name, self._guard(getattr(capture_service, name)))

    def _guard(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if self.commit_then_fail:
                real(*args, **kwargs)
                raise DatabaseAway("gone after the commit", key="error.database_away", database="x")
            if self.down:
                raise DatabaseAway("refused", key="error.database_away", database="x")
            return real(*args, **kwargs)

        return guarded


def header_of(app: Any) -> str:
    return str(capture(app).query_one("#session-header").render_line(1).text)


async def test_enter_while_the_database_is_away_keeps_each_line_apart(
    app_factory: AppFactory,
    seeded: Database,
    target: DatabaseTarget,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outage = Outage(monkeypatch)
    app = app_factory(NewSession(title="Tafel 3"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        await type_line(pilot, "@Rik/inw eerst dit")
        outage.down = True
        for line in ("dan dat", "@Sanne/ond en zij zegt", "en nog iets"):
            await type_line(pilot, line)
            assert screen.entry_bar.input.value == ""  # never glued to the next line
        assert "offline — 3 wachtend" in header_of(app)
        assert [c.text for c in stored(seeded)] == ["eerst dit"]
        assert len(outbox_for(target)) == 3

        outage.down = False
        await screen.waiting.send()
        await settle(pilot)
        rows = stored(seeded)
        assert [c.text for c in rows] == ["eerst dit", "dan dat", "en zij zegt", "en nog iets"]
        assert [c.seq for c in rows] == [1, 2, 3, 4]
        speakers = [screen.view.speaker_label(c.participant_id).name for c in rows]
        assert speakers == ["Rik", "Rik", "Sanne", "Sanne"]
        assert [c.text for c in screen.log_view.rows] == [c.text for c in rows]
        assert "offline" not in header_of(app)
        assert len(outbox_for(target)) == 0


async def test_a_commit_whose_answer_was_lost_is_not_written_twice(
    app_factory: AppFactory, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    outage = Outage(monkeypatch)
    app = app_factory(NewSession(title="Tafel 3"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        outage.commit_then_fail = True
        await type_line(pilot, "@Rik/inw dit kwam wel aan")
        outage.commit_then_fail = False
        await capture(app).waiting.send()
        await settle(pilot)
        assert [c.text for c in stored(seeded)] == ["dit kwam wel aan"]
        assert [c.text for c in capture(app).log_view.rows] == ["dit kwam wel aan"]


async def test_lines_left_waiting_by_a_killed_app_are_written_once_at_the_next_start(
    app_factory: AppFactory,
    seeded: Database,
    target: DatabaseTarget,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outage = Outage(monkeypatch)
    app = app_factory(NewSession(title="Tafel 3"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw nog voor de storing")
        outage.down = True
        await type_line(pilot, "@Rik/inw tijdens de storing")
        await type_line(pilot, "nog een")
    # The app is gone with two lines in its outbox; the database answers again.
    outage.down = False
    assert len(outbox_for(target)) == 2
    again = app_factory(1)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await settle(pilot)
        texts = [c.text for c in stored(seeded)]
        screen = capture(again)
        # Rik said the last of them: a line without a name goes on as his.
        speaking = screen.recorder.context.current_speaker.participant
        assert speaking is not None and speaking.name == "Rik"
        assert [c.text for c in screen.log_view.rows] == texts
    assert texts == ["nog voor de storing", "tijdens de storing", "nog een"]
    assert len(outbox_for(target)) == 0


async def test_what_another_table_logs_appears_in_the_log(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.core.kinds import Kind
    from dialoog_tui.core.speakers import Speaker
    from dialoog_tui.store import contributions
    from tests.tui.conftest import NOW

    app = app_factory(NewSession(title="Wereldcafé"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        await type_line(pilot, "@Rik/inw hier aan tafel 1")
        contributions.log_entry(  # the note-taker at table 2, in a program of their own
            seeded,
            session_id=1,
            speaker=Speaker(new_name="Fatima", domain="maatschappelijke organisatie"),
            kind=Kind.QUESTION,
            text="en wie betaalt dat aan tafel 2?",
            at=NOW,
        )
        for _ in range(200):  # until the watch has heard it (a few tenths of a second)
            if len(screen.log_view.rows) == 2:
                break
            await pilot.pause(0.02)
        await settle(pilot)
        assert [c.text for c in screen.log_view.rows] == [
            "hier aan tafel 1",
            "en wie betaalt dat aan tafel 2?",
        ]
        assert screen.view.speaker_label(screen.log_view.rows[1].participant_id).name == "Fatima"
        assert "2 bijdragen" in header_of(app)
        # This table goes on as before.
        await type_line(pilot, "en nog iets van tafel 1")
        assert [c.seq for c in stored(seeded)] == [1, 2, 3]


async def test_a_database_that_could_not_be_opened_is_tried_again(tmp_path: Path) -> None:
    from dialoog_tui.errors import StoreError
    from dialoog_tui.store.db.target import resolve_target
    from dialoog_tui.tui.gateway import StoreGateway

    folder = tmp_path / "share"  # a network share not mounted yet
    gateway = StoreGateway(resolve_target(str(folder / "dialoog.sqlite3")))
    try:
        with pytest.raises(StoreError):
            await gateway.ready()
        folder.mkdir()
        await gateway.ready()  # there now: not the first answer kept for ever
    finally:
        gateway.close()
