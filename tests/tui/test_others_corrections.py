"""A correction made at another screen shows in a capture screen open on the session:
the edited line reads as it does now, a removed one leaves, an undone removal comes back,
and the counts follow (issue 22: live for everyone)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from msgspec.structs import replace
from sqlmodel import Session
from textual.pilot import Pilot

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import NewSession
from dialoog_tui.services import capture as capture_service
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture.screen import CaptureScreen
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line


async def until(pilot: Pilot[int], holds: Callable[[], bool]) -> None:
    """Until the watch has heard the other program and the screen shows it."""
    for _ in range(200):  # mostly a few tenths of a second; at most 4 s
        if holds():
            break
        await pilot.pause(0.02)
    await settle(pilot)


async def logged(app: object, pilot: Pilot[int], *lines: str) -> CaptureScreen:
    """The capture screen once `lines` are logged on it."""
    await settle(pilot)
    screen = capture(app)
    for line in lines:
        await type_line(pilot, line)
    return screen


async def test_another_screens_edit_removal_and_undo_show_here(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Wereldcafé"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await logged(
            app, pilot, "@Rik/inw de bus rijdt te weinig", "het plein is te donker"
        )
        first, second = screen.log_view.rows
        rik = first.participant_id
        assert screen.recorder.context.counts[rik] == 2

        # The note-taker at the other table, in a program of their own, fixes a line…
        capture_service.edit(
            seeded,
            first.id,
            speaker=screen.recorder.context.speaker_for(rik),
            kind=Kind.REMARK,
            text="de bus rijdt 's avonds te weinig",
            tags=(),
            ladder=None,
            paraphrase=None,
            consent=None,
        )
        await until(pilot, lambda: screen.log_view.rows[0].text != first.text)
        assert [c.text for c in screen.log_view.rows] == [
            "de bus rijdt 's avonds te weinig",
            "het plein is te donker",
        ]

        # …removes one, and takes that back.
        capture_service.remove(seeded, second.id)
        await until(pilot, lambda: len(screen.log_view.rows) == 1)
        assert [c.id for c in screen.log_view.rows] == [first.id]
        assert screen.recorder.context.counts[rik] == 1
        capture_service.restore(seeded, second.id)
        await until(pilot, lambda: len(screen.log_view.rows) == 2)
        assert [c.id for c in screen.log_view.rows] == [first.id, second.id]
        assert screen.recorder.context.counts[rik] == 2

        # This screen's own lines and corrections go on as before.
        await type_line(pilot, "en nog iets")
        assert [c.text for c in screen.log_view.rows][-1] == "en nog iets"
        assert screen.recorder.context.counts[rik] == 3


async def test_a_line_removed_elsewhere_while_it_is_edited_here_closes_the_prompt(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.tui.capture.modes import EntryMode

    app = app_factory(NewSession(title="Wereldcafé"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await logged(
            app, pilot, "@Rik/inw de bus rijdt te weinig", "het plein is te donker"
        )
        second = screen.log_view.rows[1]
        await pilot.press("up", "ctrl+e")
        await settle(pilot)
        assert screen.entry.mode is EntryMode.EDIT and screen.entry.target == second

        capture_service.remove(seeded, second.id)  # at the other table
        await until(pilot, lambda: screen.entry.mode is EntryMode.CAPTURE)
        assert screen.entry.mode is EntryMode.CAPTURE
        assert any("#2 is op een ander scherm verwijderd" in n.message for n in app._notifications)
        assert [c.text for c in screen.log_view.rows] == ["de bus rijdt te weinig"]


async def test_after_a_merge_elsewhere_the_next_line_goes_to_who_the_speaker_became(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.store import corrections

    app = app_factory(NewSession(title="Buurt"))
    async with app.run_test(size=(120, 36)) as pilot:
        # "Lote": a typo, the same person
        screen = await logged(app, pilot, "@Lotte/inw meer bankjes", "@Lote/inw en schaduw")
        lotte, lote = (c.participant_id for c in screen.log_view.rows)
        assert lotte is not None and lote is not None

        seeded.write(lambda db: corrections.merge_participants(db, lote, lotte))  # elsewhere
        await until(pilot, lambda: screen.log_view.rows[1].participant_id == lotte)
        assert [p.name for p in screen.recorder.context.session_participants] == ["Lotte"]
        assert screen.recorder.context.counts[lotte] == 2

        await type_line(pilot, "en een boom")  # no name: Lote spoke last, and is Lotte now
        assert [(c.text, c.participant_id) for c in screen.log_view.rows][-1] == (
            "en een boom",
            lotte,
        )
        assert not any("Database" in n.message for n in app._notifications)


def screen_lines(widget: object) -> str:
    """What a line-API widget shows, line by line."""
    from textual.widget import Widget

    assert isinstance(widget, Widget)
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_a_rename_of_a_person_a_phase_or_the_session_elsewhere_shows_here(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.core.corrections import ParticipantFacts
    from dialoog_tui.services import corrections
    from dialoog_tui.store import phases

    meeting = NewSession(title="Groen plan", phases=("Opening", "Ideen"))
    app = app_factory(meeting)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await logged(app, pilot, "@Lote/inw meer bomen")
        await pilot.press("ctrl+n")  # into the second phase
        await type_line(pilot, "en schaduw")
        lote = screen.log_view.rows[0].participant_id
        assert lote is not None
        second = screen.recorder.current_phase
        assert second is not None and second.title == "Ideen"
        log_before = screen_lines(screen.log_view)
        assert "Lote" in log_before and "2. Ideen" in log_before

        # At another table: back to the opening there, then the typo in the name, the
        # phase's title and the session's.
        opening = screen.recorder.phases[0]
        seeded.write(
            lambda db: phases.enter_phase(
                db=db, session_id=screen.recorder.session_id, phase_id=opening.id
            )
        )
        after = ParticipantFacts("Lotte", "ondernemer", None)
        corrections.change_participant(seeded, lote, after)
        await until(pilot, lambda: "Lotte" in screen_lines(screen.participants))
        corrections.rename_phase(seeded, second.id, "Ideeën")
        facts = corrections.session_facts(seeded, screen.recorder.session_id)
        corrections.edit_session(seeded, screen.recorder.session_id, replace(facts, title="Groen"))
        await until(pilot, lambda: "Ideeën" in screen_lines(screen.session_header))

        log = screen_lines(screen.log_view)
        assert "Lotte" in log and "Lote " not in log
        assert "2. Ideeën" in log and "Ideen" not in log
        assert "Groen " in screen_lines(screen.session_header)
        assert screen.recorder.context.current_speaker.participant is not None
        assert screen.recorder.context.current_speaker.participant.domain == "ondernemer"
        # This screen stays in the phase it is in, and logs on under the new names…
        await type_line(pilot, "en water")
        newest = screen.log_view.rows[-1]
        assert newest.phase_id == second.id and newest.participant_id == lote
        # …also after a correction of its own, which reads the session again.
        await screen.recorder.correct(
            partial(corrections.rename_phase, phase_id=opening.id, title="Begin")
        )
        assert screen.recorder.current_phase is not None
        assert screen.recorder.current_phase.id == second.id


async def test_a_screen_in_no_phase_stays_there_when_another_table_enters_one(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.core.corrections import ParticipantFacts
    from dialoog_tui.services import corrections
    from dialoog_tui.store import phases

    app = app_factory(NewSession(title="Wereldcafé"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await logged(app, pilot, "@Rik/inw de bus rijdt te weinig")
        session_id = screen.recorder.session_id
        assert screen.recorder.current_phase is None

        def their_round(db: Session) -> None:  # another table starts a round of its own
            phase = phases.add_phase(db=db, session_id=session_id, title="Ronde 1")
            phases.enter_phase(db=db, session_id=session_id, phase_id=phase.id)

        seeded.write(their_round)
        await until(pilot, lambda: [p.title for p in screen.recorder.phases] == ["Ronde 1"])
        assert [p.title for p in screen.recorder.phases] == ["Ronde 1"]  # its agenda too
        assert screen.recorder.current_phase is None
        rik = screen.log_view.rows[0].participant_id
        assert rik is not None
        corrections.change_participant(seeded, rik, ParticipantFacts("Rick", "inwoner", None))
        await until(pilot, lambda: "Rick" in screen_lines(screen.participants))
        assert [p.title for p in screen.recorder.phases] == ["Ronde 1"]
        assert screen.recorder.current_phase is None
        await type_line(pilot, "en 's avonds helemaal niet")
        assert screen.log_view.rows[-1].phase_id is None


async def test_a_commitment_set_elsewhere_while_its_words_are_edited_here_stays(
    app_factory: AppFactory, seeded: Database
) -> None:
    from datetime import date

    from dialoog_tui.services.ladder import set_commitment
    from dialoog_tui.tui.capture.modes import EntryMode

    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await logged(app, pilot, "@Bos/over > We organiseren een avond eigenaar:Fatima")
        promise = screen.log_view.rows[0]
        await pilot.press("up", "ctrl+e")
        await settle(pilot)
        assert (
            screen.entry.mode is EntryMode.EDIT
            and "eigenaar:Fatima" in screen.entry_bar.input.value
        )
        set_commitment(seeded, promise.id, owner="Noor", due_on=date(2028, 1, 1))  # elsewhere
        await until(
            pilot, lambda: screen.entry.target is not None and screen.entry.target.owner == "Noor"
        )
        screen.entry_bar.input.value = screen.entry_bar.input.value.replace("avond", "middag")
        await pilot.press("enter")
        await settle(pilot)
        (later,) = stored(seeded)
        assert later.text.endswith("middag")
        # The line still said Fatima, as loaded: the note-taker changed the words only.
        assert (later.owner, later.due_on) == ("Noor", date(2028, 1, 1))
