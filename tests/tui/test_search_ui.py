"""The search screen: Ctrl+F from capture, results marked, Enter jumps to where it was
said (issue 23)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, OptionList

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import Speaker
from dialoog_tui.store import contributions, sessions
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.screens.search import SearchScreen
from tests.tui.conftest import NOW, AppFactory, capture, settle, type_line


def evenings(database: Database) -> tuple[int, int]:
    """Two sessions that speak of the library; the first has 250 contributions, so its
    library line lies outside the first page the log loads."""
    first = database.write(lambda db: sessions.create_session(db=db, title="Bibliotheek"))
    second = database.write(lambda db: sessions.create_session(db=db, title="Wijkraad"))
    lines = [
        (first.id, "De bibliotheek gaat om vijf uur dicht", Consent.NAMED),
        *((first.id, f"punt {n} over de stoep", Consent.NAMED) for n in range(250)),
        (second.id, "Geheim: de bibliotheek verhuist", Consent.OFF_RECORD),
        (second.id, "Na de bibliotheken ook het buurthuis dicht?", Consent.NAMED),
    ]
    for minute, (session_id, text, consent) in enumerate(lines):
        contributions.log_entry(
            database,
            session_id=session_id,
            speaker=Speaker(new_name="Anna", domain="inwoner"),
            kind=Kind.REMARK,
            text=text,
            at=NOW + timedelta(minutes=minute),
            consent=consent,
        )
    return first.id, second.id


def results(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SearchScreen)
    options = screen.query_one("#search-results", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_ctrl_f_finds_across_sessions_and_enter_opens_the_one_chosen(
    seeded: Database, app_factory: AppFactory
) -> None:
    library, council = evenings(seeded)
    app = app_factory("wijkraad")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await pilot.press(*"bibliotheek")
        await pilot.pause(0.3)
        await settle(pilot)
        found = results(app)
        assert len(found) == 2  # the off-record line is not found
        assert any("Bibliotheek · " in line and "om vijf uur" in line for line in found)
        assert not any("Geheim" in line for line in found)
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.found is not None
        marked = [hit.text[a:b] for hit in screen.found.hits for a, b in hit.found]
        assert sorted(marked) == ["bibliotheek", "bibliotheken"]
        # Enter in the query goes to the results; Enter there opens the chosen one.
        await pilot.press("enter")
        chosen = next(i for i, line in enumerate(found) if "om vijf uur" in line)
        options = screen.query_one("#search-results", OptionList)
        options.highlighted = chosen
        await pilot.press("enter")
        await settle(pilot)
        opened = capture(app)
        assert opened.recorder.session_id == library
        # What is typed next goes to another session now: it says so.
        assert any("Nu in de sessie ‘Bibliotheek’" in n.message for n in app._notifications)
        selected = opened.log_view.selected
        assert selected is not None and selected.text == "De bibliotheek gaat om vijf uur dicht"
        # Back to capture, typing goes on in the session jumped to.
        await type_line(pilot, "@Anna en nu verder")
    newest = seeded.read(
        lambda db: contributions.latest_contributions(db=db, session_id=library, limit=1)
    )
    assert newest[0].text == "en nu verder"
    assert council != library


async def test_a_search_in_the_same_session_selects_without_leaving_it(
    seeded: Database, app_factory: AppFactory
) -> None:
    library, _ = evenings(seeded)
    app = app_factory("bibliotheek")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = capture(app)
        await pilot.press("ctrl+f")
        # Enter right after typing searches at once, Enter again opens the result.
        await pilot.press(*'"om vijf uur"', "enter")
        await settle(pilot)
        assert len(results(app)) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert capture(app) is before
        selected = before.log_view.selected
        assert selected is not None and selected.seq == 1
        assert before.recorder.session_id == library


async def test_a_query_without_words_says_so_in_the_interfaces_language(
    seeded: Database, app_factory: AppFactory
) -> None:
    evenings(seeded)
    app = app_factory("bibliotheek")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await pilot.press(*"...")
        await pilot.pause(0.3)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        status = str(screen.query_one("#search-status").render())
        assert "geef een woord om naar te zoeken" in status
        assert screen.query_one("#search-query", Input).value == "..."
        await pilot.press("escape")
        await settle(pilot)
        assert capture(app).recorder.session_id == 1
