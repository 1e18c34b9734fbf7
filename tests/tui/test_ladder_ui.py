"""Pilot tests of the ladder in the TUI: inline annotations, the prompt after resistance,
Ctrl+L on a selected contribution, consent, and the ladder view."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.ladder_report import InterestStatus
from dialoog_tui.core.model import NewSession
from dialoog_tui.store import contributions, interests
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture.entry_bar import EntryMode
from dialoog_tui.tui.capture.screen import CaptureScreen
from dialoog_tui.tui.screens.ladder import LadderScreen
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line


async def test_inline_interest_and_value(app_factory: AppFactory, seeded: Database) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(
            pilot,
            "@Piet/ond ! Als de parkeerplaatsen verdwijnen gaat mijn zaak dicht "
            'belang:"bereikbaarheid winkel" waarde:bestaanszekerheid',
        )
        assert capture(app).entry_bar.mode is EntryMode.CAPTURE  # it had its ladder already
    (logged,) = stored(seeded)
    assert logged.kind is Kind.RESISTANCE
    assert logged.text == "Als de parkeerplaatsen verdwijnen gaat mijn zaak dicht"
    assert logged.interests == ("bereikbaarheid winkel",)
    assert logged.values == ("bestaanszekerheid",)


async def test_a_value_is_offered_in_a_later_session(
    app_factory: AppFactory, seeded: Database
) -> None:
    first = app_factory(NewSession(title="Maart"))
    async with first.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Piet/ond ! Mijn zaak gaat dicht waarde:bestaanszekerheid")
    later = app_factory(NewSession(title="Juni"))
    async with later.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"@Anna/inw ! waarde:be")
        await pilot.pause(0.2)
        entry = capture(later).entry_bar.input
        assert entry._suggestion.endswith("waarde:bestaanszekerheid ")
        await pilot.press("right")  # accept the suggestion
        assert entry.value.endswith("waarde:bestaanszekerheid ")


async def test_prompt_after_resistance_takes_the_ladder(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! Geen garage")
        screen = capture(app)
        assert screen.entry_bar.mode is EntryMode.LADDER
        await type_line(
            pilot, 'belang:"veilig oversteken" waarde:veiligheid voorwaarde:"zebra erbij"'
        )
        assert screen.entry_bar.mode is EntryMode.CAPTURE
        await type_line(pilot, "tweede regel")
    first, second = stored(seeded)
    assert first.interests == ("veilig oversteken",)
    assert first.values == ("veiligheid",)
    assert first.condition == "zebra erbij"
    assert second.text == "tweede regel"


async def test_prompt_after_resistance_lets_typing_go_on(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! De parkeerdruk wordt te hoog #parkeren")
        await type_line(pilot, "ook de bus rijdt te weinig #ov")  # not an answer: the next line
        assert capture(app).entry_bar.mode is EntryMode.CAPTURE
        await type_line(pilot, "@Henk/inw ! Nog een bezwaar")
        await pilot.press("escape")  # skip the prompt
        assert capture(app).entry_bar.mode is EntryMode.CAPTURE
    texts = [c.text for c in stored(seeded)]
    assert texts == [
        "De parkeerdruk wordt te hoog",
        "ook de bus rijdt te weinig",
        "Nog een bezwaar",
    ]
    assert all(c.interests == () for c in stored(seeded))


async def test_the_offered_ladder_says_what_a_plain_line_does_and_esc_keeps_the_typing(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! Geen garage")
        screen = capture(app)
        assert screen.entry_bar.mode is EntryMode.LADDER
        said = str(screen.entry_bar.query_one("#entry-mode", Static).content)
        assert "plain text is the next contribution" in said and "Esc skips" in said
        await pilot.press(*"en de bus")
        await pilot.press("escape")  # skip the ladder, not the line being typed
        assert screen.entry_bar.mode is EntryMode.CAPTURE
        assert screen.entry_bar.input.value == "en de bus"
        await pilot.press("enter")
        await settle(pilot)
    assert [c.text for c in stored(seeded)] == ["Geen garage", "en de bus"]


async def test_at_80_columns_the_offered_ladder_says_all_of_it(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw ! Geen garage")
        bar = capture(app).entry_bar
        said = str(bar.query_one("#entry-mode", Static).content)
        assert "gewone tekst is de volgende bijdrage" in said and "Esc slaat over" in said
        # The label and the hint in the empty line each fit the width they are shown in.
        assert len(said) <= bar.query_one("#entry-mode", Static).content_region.width
        assert len(bar.input.placeholder) <= bar.input.content_region.width


async def test_ladder_later_on_a_selected_contribution_and_undo(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna/inw = Eens met Piet")
        await pilot.press("up", "ctrl+l")
        screen = capture(app)
        assert screen.entry_bar.mode is EntryMode.LADDER
        await type_line(pilot, "winkels bereikbaar waarde:bestaanszekerheid")
        (logged,) = stored(seeded)
        assert logged.interests == ("winkels bereikbaar",)  # plain words are the interest
        await pilot.press("ctrl+z")
        await settle(pilot)
        (logged,) = stored(seeded)
        assert logged.interests == () and logged.values == ()


async def test_consent_for_the_next_and_for_a_selected_contribution(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")  # next one: anonymous
        await pilot.pause()
        assert "anoniem" in str(app.screen.query_one("#entry-preview").render())
        await type_line(pilot, "@Anna/inw liever zonder naam")
        await type_line(pilot, "en dit mag met naam")
        await pilot.press("up", "ctrl+t", "ctrl+t", "ctrl+t")  # named → … → off the record
        await settle(pilot)
    first, second = stored(seeded)
    assert first.consent is Consent.ANONYMOUS
    assert second.consent is Consent.OFF_RECORD


async def test_ladder_view_shows_and_changes_statuses(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"), ("Piet", "ond"))))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna ! geen garage belang:bereikbaarheid waarde:leefbaarheid")
        await type_line(pilot, "@Piet + garage met lift belang:bereikbaarheid")
        await type_line(pilot, "@Piet > we rekenen het door datum:2026-06-01")
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LadderScreen)
        assert screen.report is not None
        assert [b.interest for b in screen.report.bridging] == ["bereikbaarheid"]
        assert "leefbaarheid" in str(screen.query_one("#ladder-values").render())
        await pilot.press("e")  # acknowledge the highlighted interest
        await settle(pilot)
        state = seeded.read(lambda db: interests.interest_states(db=db, session_ids=[1]))[0]
        assert state.status is InterestStatus.ACKNOWLEDGED
        await pilot.press("b")  # answered, by …
        await pilot.pause()
        await pilot.press("down", "enter")  # … the commitment
        await settle(pilot)
        state = seeded.read(lambda db: interests.interest_states(db=db, session_ids=[1]))[0]
        assert state.status is InterestStatus.ANSWERED
        assert state.answered_by_id == stored(seeded)[2].id
        for _ in range(3):  # Tab moves between the interests and the ledger
            if app.focused is not None and app.focused.id == "ladder-ledger":
                break
            await pilot.press("tab")

        await pilot.press("d")  # mark the commitment done
        await settle(pilot)
        assert screen.report.commitments[0][1].done_at is not None
        await pilot.press("escape")
        assert isinstance(app.screen, CaptureScreen)


async def test_the_ladder_view_keeps_its_cursor_on_the_interest_it_marked(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna ! geen garage belang:bereikbaarheid belang:rust belang:groen")
        await pilot.press("f2")
        await settle(pilot)
        table = app.screen.query_one("#ladder-interests", DataTable)
        await pilot.press("down", "down")
        second = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.press("e")  # acknowledge it: the view is read again
        await settle(pilot)
        assert table.cursor_row == 2
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == second
        await pilot.press("o")  # so the next key marks the same interest, not the first
        await settle(pilot)
    states = seeded.read(lambda db: interests.interest_states(db=db, session_ids=[1]))
    assert all(state.status is InterestStatus.OPEN for state in states)


async def test_a_long_commitment_leaves_its_date_and_owner_in_view(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Piet", "ond"),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        long = "we rekenen de varianten door met de ondernemers en de bewoners " * 3
        await type_line(pilot, f"@Piet > {long.strip()} datum:2027-06-01")
        await pilot.press("f2")
        await settle(pilot)
        screen = app.export_screenshot()
    assert "2027-06-01" in screen and "Piet" in screen


async def test_the_capital_shown_in_the_footer_does_what_the_letter_does(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein", participants=(("Anna", "inw"),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna ! geen garage belang:bereikbaarheid")
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("E")  # as the footer shows it
        await settle(pilot)
    (state,) = seeded.read(lambda db: interests.interest_states(db=db, session_ids=[1]))
    assert state.status is InterestStatus.ACKNOWLEDGED


async def test_ladder_view_across_all_sessions(app_factory: AppFactory, seeded: Database) -> None:
    from dialoog_tui.core.speakers import ROOM
    from dialoog_tui.store import sessions

    other = seeded.write(lambda db: sessions.create_session(db=db, title="Ander")).id
    from datetime import UTC, datetime

    seeded.write(
        lambda db: contributions.log_contribution(
            db=db,
            session_id=other,
            speaker=ROOM,
            kind=Kind.RESISTANCE,
            text="elders",
            at=datetime(2026, 3, 1, tzinfo=UTC),
            ladder=Ladder(values=("rust",)),
        )
    )
    app = app_factory(NewSession(title="Hier"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LadderScreen) and screen.report is not None
        assert screen.report.values == ()
        await pilot.press("a")
        await settle(pilot)
        assert [v.value for v in screen.report.values] == ["rust"]


async def test_across_all_sessions_a_commitment_names_its_session(
    app_factory: AppFactory, seeded: Database
) -> None:
    from datetime import UTC, datetime

    from dialoog_tui.core.speakers import ROOM
    from dialoog_tui.store import sessions

    for title in ("Maart", "Juni"):
        session_id = seeded.write(lambda db, t=title: sessions.create_session(db=db, title=t)).id
        seeded.write(
            lambda db, s=session_id: contributions.log_contribution(
                db=db,
                session_id=s,
                speaker=ROOM,
                kind=Kind.COMMITMENT,
                text="we sturen het verslag",
                at=datetime(2026, 3, 1, tzinfo=UTC),
            )
        )
    app = app_factory(NewSession(title="Hier"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2", "a")
        await settle(pilot)
        ledger = app.screen.query_one("#ladder-ledger", DataTable)
        quotes = [str(ledger.get_row_at(row)[3]) for row in range(ledger.row_count)]
    # Both are the first of their session: without its title, '#1' would not say which.
    assert sorted(quotes) == [
        "Juni #1 — (—): we sturen het verslag",
        "Maart #1 — (—): we sturen het verslag",
    ]
