"""Corrections from the keyboard without leaving the meeting (F6), at 120×40 and 80×24: a typo'd
name merged into the real person, a wrong domain changed, a stray phase taken off — then the
export shows none of them, and Ctrl+Z undoes a correction like any change."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from dialoog_tui.core.model import NewSession
from dialoog_tui.services.exports import ExportChoice, session_export
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.tui.screens.corrections import CorrectionsScreen
from tests.tui.conftest import NOW, AppFactory, capture, settle, type_line

GREEN = NewSession(
    title="Groen plan",
    participants=(("Lotte", "inwoner"), ("Piet", "overheid")),
    phases=("Opening", "Ideeën"),
)


async def _open_on(pilot: Pilot[int], label: str) -> CorrectionsScreen:
    """F6, then the arrow keys down to the row that begins with `label`."""
    await pilot.press("f6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CorrectionsScreen)
    listing = screen.query_one("#fix-list", OptionList)
    listing.highlighted = 1
    for _ in range(listing.option_count):
        option = listing.get_option_at_index(listing.highlighted or 0)
        if str(option.prompt).strip().startswith(label):
            break
        await pilot.press("down")
    assert (
        str(listing.get_option_at_index(listing.highlighted or 0).prompt).strip().startswith(label)
    )
    await pilot.press("enter")
    await pilot.pause()
    return screen


async def _field(pilot: Pilot[int], screen: CorrectionsScreen, name: str, value: str) -> None:
    """Tab to field `name`, replace its text with `value`."""
    for _ in range(8):
        if screen.focused is not None and screen.focused.id == f"fix-{name}":
            break
        await pilot.press("tab")
    field = screen.query_one(f"#fix-{name}", Input)
    assert field.has_focus
    field.value = ""
    await pilot.press(*value)


async def _correct(pilot: Pilot[int], label: str, **fields: str) -> None:
    """F6 on the row that begins with `label`, these fields filled in, Enter; settled."""
    screen = await _open_on(pilot, label)
    for name, value in fields.items():
        await _field(pilot, screen, name, value)
    await pilot.press("enter")
    await settle(pilot)


def _people(database: Database) -> list[tuple[str, str | None]]:
    people = database.read(lambda db: list_session_participants(db=db, session_id=1))
    return [(p.name, p.domain) for p in people]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_typo_a_wrong_domain_and_a_stray_phase_are_fixed_from_the_keyboard(
    app_factory: AppFactory, seeded: Database, size: tuple[int, int]
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Lote meer bomen graag")
        await type_line(pilot, "@Karin/inwoner mijn zaak ligt aan het plein")
        await pilot.press("ctrl+g")
        await type_line(pilot, "Idea")
        await type_line(pilot, "@Lotte een plein bij de flats")
        assert ("Lote", None) in _people(seeded)

        await _correct(pilot, "Lote", merge="Lot")
        assert _people(seeded) == [("Lotte", "inwoner"), ("Piet", "overheid"), ("Karin", "inwoner")]

        await _correct(pilot, "Karin", domain="onder")
        assert _people(seeded)[2] == ("Karin", "ondernemer")

        screen = await _open_on(pilot, "3. Idea")
        assert screen.query_one("#fix-into", Input).value == "Ideeën"
        await pilot.press("ctrl+d")
        await settle(pilot)
        agenda = seeded.read(lambda db: list_phases(db=db, session_id=1))
        assert [p.title for p in agenda] == ["Opening", "Ideeën"]
        assert capture(app).recorder.current_phase == agenda[1]

        log = capture(app).log_view
        names = [capture(app).view.speaker_label(c.participant_id) for c in log.rows]
        assert [label.name for label in names] == ["Lotte", "Karin", "Lotte"]

    export = session_export(seeded, "1", ExportChoice("md"), now=NOW, find_if_missing=False)
    text = export.text
    assert "Lote" not in text.replace("Lotte", "")
    assert "Idea" not in text.replace("Ideeën", "")


async def test_a_stray_phase_gives_its_contributions_to_the_phase_it_interrupted(
    app_factory: AppFactory, seeded: Database
) -> None:
    """Pauze was added during Ideeën and stands last on the agenda, after Afspraken: by
    default its contributions go back to Ideeën, not to Afspraken."""
    app = app_factory(NewSession(title="Groen", phases=("Opening", "Ideeën", "Afspraken")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for phase, line in (("Idee", "@Anna meer bomen"), ("Pauze", "@Anna koffie"), ("Afs", "ok")):
            await pilot.press("ctrl+g")
            await type_line(pilot, phase)
            await type_line(pilot, line)
        screen = await _open_on(pilot, "4. Pauze")
        assert screen.query_one("#fix-into", Input).value == "Ideeën"


async def test_the_speaker_merged_away_speaks_on_as_the_one_they_became(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Lote meer bomen graag")
        await _correct(pilot, "Lote", merge="Lotte")
        speaking = capture(app).recorder.context.current_speaker.participant
        assert speaking is not None and speaking.name == "Lotte"
        await type_line(pilot, "en een bankje")  # no @: the current speaker says it
        log = capture(app).log_view
        assert capture(app).view.speaker_label(log.rows[-1].participant_id).name == "Lotte"


async def test_the_typo_typed_again_after_the_merge_means_the_one_it_was_fixed_to(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Lote meer bomen graag")
        await _correct(pilot, "Lote", merge="Lotte")
        await type_line(pilot, "@Piet dat kan")
        screen = capture(app)
        await pilot.press(*"@Lote en een bankje")
        await pilot.pause()
        preview = screen.recorder.context.preview(screen.entry_bar.input.value)
        assert preview.speaker.participant is not None
        assert preview.speaker.participant.name == "Lotte"
        await pilot.press("enter")
        await settle(pilot)
        log = screen.log_view
        assert screen.view.speaker_label(log.rows[-1].participant_id).name == "Lotte"
    assert _people(seeded) == [("Lotte", "inwoner"), ("Piet", "overheid")]


async def test_a_correction_is_undone_and_redone_like_any_change(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Piet we kijken ernaar")
        await _correct(pilot, "Piet", name="Pieter")
        assert _people(seeded)[1] == ("Pieter", "overheid")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _people(seeded)[1] == ("Piet", "overheid")
        people = [p.name for p in capture(app).recorder.context.session_participants]
        assert people == ["Lotte", "Piet"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert _people(seeded)[1] == ("Pieter", "overheid")


async def test_undoing_the_line_with_a_typo_takes_the_typo_out_of_the_panel(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Piet we kijken ernaar")
        await type_line(pilot, "@Lote meer bomen")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _people(seeded) == [("Lotte", "inwoner"), ("Piet", "overheid")]
        # Piet spoke before the typo: he speaks on, not the room.
        speaking = capture(app).recorder.context.current_speaker.participant
        assert speaking is not None and speaking.name == "Piet"
        names = [p.name for p in capture(app).recorder.context.session_participants]
        assert names == ["Lotte", "Piet"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert ("Lote", None) in _people(seeded)
        assert capture(app).log_view.rows[-1].text == "meer bomen"
        speaking = capture(app).recorder.context.current_speaker.participant
        assert speaking is not None and speaking.name == "Lote"  # as when it was logged


async def test_deleting_the_session_asks_twice_and_names_what_goes(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Piet we kijken ernaar")
        screen = await _open_on(pilot, "Groen plan")
        await pilot.press("escape")  # back from the fields to the list
        await pilot.press("ctrl+d")
        await pilot.pause()
        hint = str(screen.query_one("#fix-hint").render())
        assert "met 1 bijdrage en 2 deelnemers" in hint and "restore groen-plan" in hint
        await pilot.press("ctrl+d")
        await settle(pilot)
        from dialoog_tui.services.sessions import listing

        assert listing(seeded) == []


async def test_saving_the_session_unchanged_changes_nothing(
    app_factory: AppFactory, seeded: Database
) -> None:
    from dialoog_tui.services.corrections import history

    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_on(pilot, "Groen plan")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, CorrectionsScreen)
        assert capture(app).recorder.undo_stack.peek_undo() is None
    assert history(seeded) == []


async def test_a_new_name_and_a_new_place_at_once_are_refused_not_half_kept(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _correct(pilot, "2. Ideeën", phase_title="Ideeën en wensen", position="1")
        assert any("not both at once" in n.message for n in app._notifications)
        agenda = seeded.read(lambda db: list_phases(db=db, session_id=1))
        assert [p.title for p in agenda] == ["Opening", "Ideeën"]


async def test_a_name_left_empty_is_refused_as_a_typing_matter_not_a_database_error(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(GREEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Lote meer bomen graag")
        await _correct(pilot, "Lote", name="")
        said = [(n.message, n.severity) for n in app._notifications]
        assert ("Een deelnemer heeft een naam nodig", "warning") in said, said
        assert not any("Databasefout" in message for message, _ in said)
        assert ("Lote", None) in _people(seeded)
