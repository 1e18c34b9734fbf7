"""Pilot tests of the capture screen: typing, speakers, editing, undo, phases, drafts."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from dialoog_tui.core.display import visible
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import NewSession
from dialoog_tui.store import contributions, drafts, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture.entry_bar import EntryMode
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line


async def test_two_lines_by_anna_are_logged_and_shown(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Stationsplein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! De parkeerdruk wordt te hoog #parkeren")
        await type_line(pilot, "ook de bus rijdt te weinig #ov")
        screen = capture(app)
        rows = screen.log_view.rows
        assert [r.text for r in rows] == [
            "De parkeerdruk wordt te hoog",
            "ook de bus rijdt te weinig",
        ]
        assert rows[0].kind is Kind.RESISTANCE and rows[0].tags == ("parkeren",)
        assert rows[1].participant_id == rows[0].participant_id
        anna = screen.recorder.context.participant(rows[0].participant_id)
        assert anna is not None and (anna.name, anna.domain) == ("Anna", "inwoner")
        assert screen.entry_bar.input.value == ""
    kept = stored(seeded)
    assert [(c.text, c.kind) for c in kept] == [
        ("De parkeerdruk wordt te hoog", Kind.RESISTANCE),
        ("ook de bus rijdt te weinig", Kind.REMARK),
    ]


async def test_an_enter_the_terminal_turned_into_a_newline_logs_the_line(
    app_factory: AppFactory, seeded: Database
) -> None:
    # Typed while dialoog starts, before the terminal is in raw mode, Enter arrives as "\n".
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw vroeg getypt", "ctrl+j")
        await settle(pilot)
        assert capture(app).entry_bar.input.value == ""
    assert [c.text for c in stored(seeded)] == ["vroeg getypt"]


async def test_preview_shows_how_the_line_will_be_read(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Piet/ond + Meer bankjes #groen")
        await pilot.pause()
        preview = str(app.screen.query_one("#entry-preview").render())
        assert "Piet (ondernemer)" in preview
        assert "voorstel" in preview
        assert "#groen" in preview


async def test_a_name_one_slip_from_someone_present_is_asked_about_before_enter(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Lotte", "inw"), ("Piet", "ond"))))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Lote = ja")
        await pilot.pause()
        preview = str(app.screen.query_one("#entry-preview").render())
        assert "nieuw: Lote" in preview and "bedoel je Lotte?" in preview


async def test_ambiguous_speaker_is_not_logged_and_keeps_the_line(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"), ("Anneke", "inw"))))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@an hallo")
        assert capture(app).entry_bar.input.value == "@an hallo"
        assert "meerdere deelnemers" in str(app.screen.query_one("#entry-preview").render())
    assert stored(seeded) == []


async def test_quick_keys_pick_the_speaker(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"), ("Piet", "ond"))))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("alt+2")
        await type_line(pilot, "van Piet")
        await pilot.press("alt+1")
        await type_line(pilot, "van Anna")
        await pilot.press("alt+0")
        await type_line(pilot, "van de zaal")
        await pilot.press(*"@Pi", "alt+1")  # the key corrects a typed mention in place
        assert capture(app).entry_bar.input.value.startswith("@Anna")
    speakers = [c.participant_id for c in stored(seeded)]
    assert speakers == [2, 1, None]


async def test_edit_then_undo_then_redo(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw eerste versie")
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        screen = capture(app)
        assert screen.entry_bar.mode is EntryMode.EDIT
        assert screen.entry_bar.input.value == "@Anna eerste versie"
        await pilot.press("ctrl+u")
        await type_line(pilot, "@Anna ? tweede versie #vraag")
        assert screen.entry_bar.mode is EntryMode.CAPTURE
        assert stored(seeded)[0].text == "tweede versie"
        assert stored(seeded)[0].kind is Kind.QUESTION
        assert stored(seeded)[0].edited_at is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored(seeded)[0].text == "eerste versie"
        assert screen.log_view.rows[0].text == "eerste versie"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert stored(seeded)[0].text == "tweede versie"


async def test_editing_a_commitment_shows_and_changes_its_owner_and_date(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(
            pilot, "@Bos/over > We organiseren een avond eigenaar:Fatima datum:1-3-2027"
        )
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        screen = capture(app)
        line = screen.entry_bar.input.value
        assert "eigenaar:Fatima" in line and "datum:2027-03-01" in line
        preview = str(screen.query_one("#entry-preview").render())
        assert "Fatima" in preview and "Bos" not in preview.split("eigenaar")[-1]
        await pilot.press("enter")  # nothing changed: nothing stored, not marked as edited
        await settle(pilot)
        (kept,) = stored(seeded)
        assert (kept.owner, kept.due_on, kept.edited_at) == ("Fatima", date(2027, 3, 1), None)
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        screen.entry_bar.input.value = line.replace("eigenaar:Fatima", "eigenaar:Piet")
        await pilot.press("enter")
        await settle(pilot)
        (changed,) = stored(seeded)
        assert (changed.owner, changed.due_on) == ("Piet", date(2027, 3, 1))
        assert changed.edited_at is not None
        await pilot.press("ctrl+z")
        await settle(pilot)
        (back,) = stored(seeded)
        assert (back.owner, back.due_on) == ("Fatima", date(2027, 3, 1))
        # Set elsewhere meanwhile (`dialoog commitment`): an edit of the words leaves it.
        from dialoog_tui.services.ladder import set_commitment

        set_commitment(seeded, back.id, owner="Noor", due_on=date(2028, 1, 1))
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        screen.entry_bar.input.value = screen.entry_bar.input.value.replace("avond", "middag")
        await pilot.press("enter")
        await settle(pilot)
        (later,) = stored(seeded)
        assert later.text.endswith("middag")
        assert (later.owner, later.due_on) == ("Noor", date(2028, 1, 1))


async def test_undo_removes_the_last_one_and_redo_brings_it_back(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw een")
        await type_line(pilot, "twee")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [c.text for c in stored(seeded)] == ["een"]
        assert [c.text for c in capture(app).log_view.rows] == ["een"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert [c.text for c in stored(seeded)] == ["een", "twee"]
        assert [c.text for c in capture(app).log_view.rows] == ["een", "twee"]


async def test_remove_selected_and_undo(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for line in ("@Anna/inw een", "twee", "drie"):
            await type_line(pilot, line)
        await pilot.press("up", "up", "ctrl+d")
        await settle(pilot)
        assert [c.text for c in stored(seeded)] == ["een", "drie"]
        counts = capture(app).recorder.context.counts
        assert sum(counts.values()) == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [c.text for c in capture(app).log_view.rows] == ["een", "twee", "drie"]


async def test_removing_the_newest_contribution_keeps_the_screen(
    app_factory: AppFactory, seeded: Database
) -> None:
    # It crashed: the selection was cleared after the row had gone (IndexError).
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for line in ("@Anna/inw een", "twee"):
            await type_line(pilot, line)
        await pilot.press("up", "ctrl+d")
        await settle(pilot)
        assert [c.text for c in stored(seeded)] == ["een"]
        assert [c.text for c in capture(app).log_view.rows] == ["een"]
        assert capture(app).log_view.selected is None


async def test_ctrl_d_without_selection_still_deletes_in_the_input(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"abc", "home", "ctrl+d")
        assert capture(app).entry_bar.input.value == "bc"


async def test_phase_prompt_adds_and_switches_phases(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", phases=("Opening", "Verkenning")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        assert screen.recorder.current_phase is not None
        assert screen.recorder.current_phase.title == "Opening"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.recorder.current_phase.title == "Verkenning"
        await pilot.press("ctrl+g")
        await type_line(pilot, "Afronding")
        assert screen.recorder.current_phase.title == "Afronding"
        await type_line(pilot, "@Anna/inw tot slot")
        await pilot.press("ctrl+g")
        await type_line(pilot, "1")
        assert screen.recorder.current_phase.title == "Opening"
    logged = stored(seeded)[0]
    assert logged.phase_id is not None
    session = seeded.read(lambda db: sessions.get_session(db=db, session_id=1))
    assert session.current_phase_id != logged.phase_id


async def test_the_phase_prompt_takes_a_unique_beginning_and_refuses_an_ambiguous_one(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", phases=("Opening", "Ideeën", "Ideeën ordenen")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = capture(app)
        await pilot.press("ctrl+g")
        await type_line(pilot, "ideeën o")
        assert screen.recorder.current_phase is not None
        assert screen.recorder.current_phase.title == "Ideeën ordenen"
        await pilot.press("ctrl+g")
        await type_line(pilot, "Idee")  # begins two phases: none is entered, none is added
        assert screen.recorder.current_phase.title == "Ideeën ordenen"
        said = [n.message for n in app._notifications]
        assert any("is het begin van meer dan één fase (Ideeën, Ideeën ordenen)" in m for m in said)
        assert [p.title for p in screen.recorder.phases] == ["Opening", "Ideeën", "Ideeën ordenen"]


async def test_the_phase_prompt_says_which_phase_enter_goes_to_before_it_is_pressed(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", phases=("Opening", "Ideeën", "Ideeën ordenen")))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)

        async def hint_for(typed: str) -> str:
            field = app.screen.query_one("#entry", Input)
            field.value = ""
            await pilot.press(*typed)
            await pilot.pause()
            return str(app.screen.query_one("#entry-preview").render())

        await pilot.press("ctrl+g")
        await pilot.pause()
        assert await hint_for("ideeën o") == "→ 3. Ideeën ordenen"
        assert await hint_for("open") == "→ 1. Opening"
        assert "meerdere fasen: Ideeën, Ideeën ordenen" in await hint_for("Idee")
        assert await hint_for("Pauz") == "→ nieuwe fase: Pauz"
        assert await hint_for("9") == "→ nieuwe fase: 9"
        # A title typed wrong is asked about, when it begins like one phase only.
        assert await hint_for("Openign") == "→ nieuwe fase: Openign  ⚠ bedoel je Opening?"
        assert await hint_for("Idea") == "→ nieuwe fase: Idea"  # Ideeën, or Ideeën ordenen?


async def test_reply_links_to_the_selected_contribution(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ? Waarom?")
        await pilot.press("up", "ctrl+r")
        await type_line(pilot, "@Karin/over Daarom.")
    question, answer = stored(seeded)
    assert answer.reply_to_id == question.id


async def test_half_typed_line_is_saved_and_restored(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw nog niet af")
        await pilot.pause(0.6)  # past the save delay
        await settle(pilot)
    assert seeded.read(lambda db: drafts.load_draft(db=db, session_id=1)) == "@Anna/inw nog niet af"
    again = app_factory(1)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert capture(again).entry_bar.input.value == "@Anna/inw nog niet af"


@pytest.mark.parametrize(
    "hostile",
    [
        "[bold]vet[/] en [/] en [link=https://x]klik[/link]",
        "\x1b[31mrood\x1b[0m \x1b]0;titel\x07 \x07 \x08",
        "😀 👩‍👩‍👧 مرحبا بالعالم עברית",
        "lang " * 2000,
    ],
)
async def test_hostile_text_is_stored_and_shown_verbatim(
    app_factory: AppFactory, seeded: Database, hostile: str
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        entry = capture(app).entry_bar.input
        entry.value = "@Anna/inw " + hostile
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("up")  # render the row selected, too
        await pilot.pause()
        log = capture(app).log_view
        shown = "".join(
            segment.text for y in range(log.size.height) for segment in log.render_line(y)
        )
        assert log.rows[-1].text == hostile.strip()
        # Wrapped over lines, so compare without the spaces the wrapping adds.
        assert "".join(visible(hostile).split())[:40] in "".join(shown.split())
        assert not any(ord(char) < 32 for char in shown)  # nothing for the terminal to act on
    assert stored(seeded)[-1].text == hostile.strip()


def long_session(database: Database, count: int) -> int:
    """A session of `count` remarks by the room, `bijdrage 0` onwards; its id."""
    from datetime import UTC, datetime

    from dialoog_tui.core.speakers import ROOM

    session_id = database.write(lambda db: sessions.create_session(db=db, title="Lang")).id

    def many(db):  # type: ignore[no-untyped-def]
        for number in range(count):
            contributions.log_contribution(
                db=db,
                session_id=session_id,
                speaker=ROOM,
                kind=Kind.REMARK,
                text=f"bijdrage {number}",
                at=datetime(2026, 3, 12, 18, tzinfo=UTC),
            )

    database.write(many)
    return session_id


async def test_older_contributions_load_when_scrolling_up(
    app_factory: AppFactory, seeded: Database
) -> None:
    session_id = long_session(seeded, 450)
    app = app_factory(session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        log = capture(app).log_view
        assert len(log.rows) == 200 and log.has_older
        assert log.rows[-1].text == "bijdrage 449"
        for _ in range(12):
            await pilot.press("pageup")
            await settle(pilot)
        assert len(log.rows) > 200
        while log.has_older:
            log.scroll_home(animate=False, immediate=True)
            await settle(pilot)
        assert [c.text for c in log.rows[:2]] == ["bijdrage 0", "bijdrage 1"]
        assert len(log.rows) == 450


async def test_a_first_look_shows_the_newest_contributions_before_the_store_opens(
    app_factory: AppFactory, seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from dialoog_tui.tui.gateway import StoreGateway

    session_id = long_session(seeded, 80)
    opening = StoreGateway._open
    may_open = threading.Event()

    def slow_open(gateway: StoreGateway) -> Database:
        may_open.wait(timeout=30)
        return opening(gateway)

    monkeypatch.setattr(StoreGateway, "_open", slow_open)
    app = app_factory(session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = capture(app)
        log = screen.log_view
        # As many as the terminal has lines: enough to fill the log, newest at the bottom.
        assert [c.text for c in log.rows] == [f"bijdrage {n}" for n in range(50, 80)]
        shown = ["".join(s.text for s in log.render_line(y)) for y in range(log.size.height)]
        assert any("bijdrage 79" in line for line in shown)
        # Who spoke how often follows in the frame after, still before the store opens.
        for _ in range(50):
            if screen.recorder.counted:
                break
            await pilot.pause()
        assert screen.recorder.counted and screen.recorder.total == 80
        await pilot.press(*"al getypt")
        may_open.set()
        await settle(pilot)
        assert len(log.rows) == 80 and screen.entry_bar.input.value == "al getypt"


async def test_the_resistance_a_ladder_prompt_asks_about_stays_in_view(
    app_factory: AppFactory, seeded: Database
) -> None:
    # The prompt makes the input bar taller and the log shorter: a log that followed the
    # end keeps showing it, so the note-taker sees the line the prompt is about.
    app = app_factory(long_session(seeded, 60))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        log = capture(app).log_view
        await type_line(pilot, "! dat kost ons klanten")
        assert capture(app).entry_bar.mode is EntryMode.LADDER
        await pilot.pause()
        assert log.scroll_y == log.max_scroll_y > 0
        last = log.region.height - 1
        assert "dat kost ons klanten" in log.render_line(last).text


async def test_a_preview_too_long_for_its_row_ends_in_an_ellipsis(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = '@Anna/inw ! Geen garage belang:"een plek voor de auto dichtbij huis" waarde:rust'
        app.screen.query_one("#entry", Input).value = line
        await pilot.pause()
        shown = app.screen.query_one("#entry-preview")
        (row,) = [strip.text.rstrip() for strip in shown.render_lines(shown.region.reset_offset)]
        assert row.endswith("…") and "belang: een plek" in row
