"""Pilot tests of paraphrases in capture: typed inline, offered when the consent becomes
paraphrase, written with Ctrl+B, undone with Ctrl+Z, and what the export then shares."""

from __future__ import annotations

from datetime import UTC, datetime

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import NewSession
from dialoog_tui.services.exports import ExportChoice, session_export
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture.entry_bar import EntryMode
from tests.tui.conftest import AppFactory, capture, settle, stored, type_line

WORDS = "Het plein moet voor altijd een groene long blijven"
PARAPHRASE = "Anna wil dat het plein groen blijft"


async def test_a_paraphrase_typed_inline_is_shared_instead_of_the_words(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*f'@Anna/inw + {WORDS} parafrase:"{PARAPHRASE}"')
        await pilot.pause()
        preview = str(app.screen.query_one("#entry-preview").render())
        assert f"parafrase: {PARAPHRASE}" in preview and "≈ parafrase" in preview
        await pilot.press("enter")
        await settle(pilot)
        row = capture(app).log_view.rows[-1]
        assert row.text == WORDS  # the note-taker still sees what was said
        assert row.paraphrase == PARAPHRASE and row.consent is Consent.PARAPHRASE
    (logged,) = stored(seeded)
    assert (logged.consent, logged.paraphrase) == (Consent.PARAPHRASE, PARAPHRASE)
    for fmt in ("md", "html"):
        made = session_export(
            seeded, "1", ExportChoice(fmt), now=datetime.now(UTC), find_if_missing=False
        )
        assert PARAPHRASE in made.text and "[parafrase]" in made.text
        for word in ("altijd", "long", "blijven"):
            assert word not in made.text, (fmt, word)


async def test_switching_to_paraphrase_offers_the_prompt_and_undo_takes_it_back(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, f"@Anna/inw {WORDS}")
        screen = capture(app)
        await pilot.press("up", "ctrl+t")  # named → anonymous
        await settle(pilot)
        assert screen.entry_bar.mode is EntryMode.CAPTURE
        await pilot.press("ctrl+t")  # → paraphrase: the prompt is offered
        await settle(pilot)
        assert screen.entry_bar.mode is EntryMode.PARAPHRASE
        await type_line(pilot, PARAPHRASE)
        assert screen.entry_bar.mode is EntryMode.CAPTURE
        assert stored(seeded)[0].paraphrase == PARAPHRASE
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored(seeded)[0].paraphrase is None
        assert stored(seeded)[0].consent is Consent.PARAPHRASE  # the switch itself stays
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert stored(seeded)[0].paraphrase == PARAPHRASE


async def test_ctrl_b_writes_a_paraphrase_and_esc_keeps_the_typed_line(
    app_factory: AppFactory, seeded: Database
) -> None:
    app = app_factory(NewSession(title="Plein"))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_line(pilot, f"@Anna/inw {WORDS}")
        screen = capture(app)
        await pilot.press(*"half getypt")
        await pilot.press("up", "ctrl+b")
        await settle(pilot)
        assert screen.entry_bar.mode is EntryMode.PARAPHRASE
        await pilot.press(*"iets", "escape")
        await settle(pilot)
        assert screen.entry_bar.input.value == "half getypt"
        assert stored(seeded)[0].paraphrase is None
        await pilot.press("up", "ctrl+b")
        await settle(pilot)
        await type_line(pilot, PARAPHRASE)
        assert screen.entry_bar.input.value == "half getypt"
    (logged,) = stored(seeded)
    # Writing a paraphrase means it is to be shared instead of the words.
    assert (logged.consent, logged.paraphrase) == (Consent.PARAPHRASE, PARAPHRASE)
