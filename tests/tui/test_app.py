"""Pilot tests of the app around capture: picker, new-session form, help, themes, palette."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Input, OptionList, Static

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import NewSession
from dialoog_tui.services.demo import load_demo
from dialoog_tui.store import sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.store.participants import list_session_participants
from dialoog_tui.store.phases import list_phases
from dialoog_tui.tui.capture.screen import CaptureScreen
from dialoog_tui.tui.screens.help import HelpScreen
from dialoog_tui.tui.screens.new_session import NewSessionScreen
from dialoog_tui.tui.screens.picker import PickerScreen
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line


async def test_picker_lists_sessions_and_opens_one(
    app_factory: AppFactory, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory(None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")  # the newest session is highlighted
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.recorder.session is not None
        assert app.screen.recorder.session.title.endswith("terugkoppeling en afspraken")
        assert len(app.screen.log_view.rows) == 51
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)


async def test_the_pickers_list_stops_at_its_ends(
    app_factory: AppFactory, seeded: Database
) -> None:
    seeded.write(lambda db: load_demo(db=db))
    app = app_factory(None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#sessions", OptionList)
        last = options.option_count - 1
        for _ in range(last + 2):  # past the oldest session: it stays there
            await pilot.press("down")
        assert options.highlighted == last
        for _ in range(last + 2):
            await pilot.press("up")
        assert options.highlighted == 0  # "new session", and no further
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)


async def test_new_session_from_the_picker(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # "new session" is highlighted when there are none
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press(*"Wijkavond", "tab", *"Hoe nu verder?", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
    listed = seeded.read(lambda db: sessions.list_sessions(db=db))
    assert [(s.session.title, s.session.question) for s in listed] == [
        ("Wijkavond", "Hoe nu verder?")
    ]


async def test_the_new_session_form_takes_people_agenda_consent_and_remembers_the_person(
    app_factory: AppFactory, seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALOOG_USER", "Marieke")
    app = app_factory(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert form.query_one("#field-note_taker", Input).value == "Marieke"
        form.query_one("#field-note_taker", Input).value = "Marieke de Vries"
        form.query_one("#field-participants", Input).value = "Anna/inw, Piet/over"
        form.query_one("#field-phases", Input).value = "Opening; Ideeën"
        form.query_one("#field-consent", Input).value = "anon"  # a beginning is enough
        await pilot.press(*"Wijkavond", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaptureScreen)
        await type_line(pilot, "@Anna meer bomen")
        # The next session's form offers the note-taker just named, without a restart.
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
        assert app.screen.query_one("#field-note_taker", Input).value == "Marieke de Vries"
        await pilot.press("escape")
    session = seeded.read(lambda db: sessions.list_sessions(db=db))[0].session
    assert (session.note_taker, session.default_consent) == ("Marieke de Vries", Consent.ANONYMOUS)
    people = seeded.read(lambda db: list_session_participants(db=db, session_id=session.id))
    assert [(p.name, p.domain) for p in people] == [("Anna", "inwoner"), ("Piet", "overheid")]
    agenda = seeded.read(lambda db: list_phases(db=db, session_id=session.id))
    assert [p.title for p in agenda] == ["Opening", "Ideeën"]
    said = stored(seeded, session.id)[0]
    assert (said.consent, said.phase_id, said.recorded_by) == (
        Consent.ANONYMOUS,
        agenda[0].id,
        "Marieke de Vries",
    )
    assert json.loads((tmp_path / "settings.json").read_text())["person"] == "Marieke de Vries"


async def test_help_lists_the_keys(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Plein"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(_as_text(static) for static in app.screen.query(Static))
        for expected in ("Ctrl+E", "Edit", "Ctrl+Z", "Undo", "Alt+1", "@Name"):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, CaptureScreen)


async def test_help_speaks_dutch_and_keeps_long_texts_in_their_column(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys", Static)
        lines = [line.rstrip() for line in _as_text(keys).splitlines() if line.strip()]
    assert not any("Command palette" in line for line in lines)
    assert any(line.startswith("Ctrl+P") and "opdrachten" in line for line in lines)
    # A description that wraps goes on under itself, never where the keys are.
    continued = [line for line in lines if line[0] == " "]
    assert continued and all(line[: len("Ctrl+P") + 1].strip() == "" for line in continued)
    assert not any(line[0].islower() for line in lines)
    # Keys as keyboards label them, not Textual's English names.
    assert not any(
        line.startswith(("Escape", "Up ", "Down ", "Pageup", "Pagedown")) for line in lines
    )
    assert any(line.startswith("PgUp") for line in lines)
    assert any(line.startswith("↑") for line in lines)


def _as_text(static: Static) -> str:
    """What `static` shows, as plain text at its width."""
    console = Console(width=static.content_region.width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


async def test_english_interface(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Square"), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw ? Why")
        await pilot.pause()
        assert "question" in str(app.screen.query_one("#entry-preview").render())


async def test_theme_choice_is_remembered(
    app_factory: AppFactory, seeded: Database, tmp_path: Path
) -> None:
    app = app_factory(NewSession(title="Plein"), theme="dialoog-high-contrast")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "dialoog-high-contrast"
        app.theme = "dialoog-light"
        await pilot.pause()
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["theme"] == "dialoog-light"
    again = app_factory(1)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "dialoog-light"


async def test_palette_offers_screen_commands_and_speakers(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"),)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaptureScreen)
        titles = [entry.title.plain for entry in screen.palette_entries()]
        assert any(title.startswith("Fase") for title in titles)
        assert any("Anna" in title and "Alt+1" in title for title in titles)
        assert not any(title.startswith("Bewerk") for title in titles)  # nothing selected


async def test_opening_an_unknown_session_exits_with_a_message(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory("bestaat-niet")
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(50):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1


async def test_the_palette_and_its_own_commands_speak_the_interface_language(
    app_factory: AppFactory, seeded: Database
) -> None:
    from textual.command import CommandInput, CommandList, CommandPalette

    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles == ["Kleurthema", "Stop", "Schermafdruk"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(CommandInput).placeholder == "Zoek een opdracht…"
        await pilot.press(*"qqqzzz")
        await pilot.pause(0.7)  # Textual waits half a second before saying nothing matched
        shown = palette.query_one(CommandList)
        said = [
            str(shown.get_option_at_index(i).prompt.renderable) for i in range(shown.option_count)
        ]
        assert said == ["Niets gevonden"]
        await pilot.press("escape")
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        themes = app.screen
        assert isinstance(themes, CommandPalette)
        assert themes.query_one(CommandInput).placeholder == "Zoek een kleurthema…"


async def test_a_new_colour_theme_recolours_the_rows_already_shown(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"), theme="dialoog-dark")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw De bus rijdt te weinig")
        log = capture(app).log_view

        def backgrounds() -> set[object]:
            return {segment.style.bgcolor for segment in log.render_line(0) if segment.style}

        dark = backgrounds()
        app.theme = "dialoog-light"
        await pilot.pause()
        light = backgrounds()
        assert light and dark and light.isdisjoint(dark)
