"""The log shows what was recorded: numbers, whom a reply answers, a commitment's owner and
date, where a phase starts, and a long contribution folded until it is selected."""

from __future__ import annotations

from textual.pilot import Pilot

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import NewSession
from dialoog_tui.store.db.database import Database
from dialoog_tui.tui.capture.contribution_log import ContributionLog
from tests.store.writing import log, start
from tests.tui.conftest import AppFactory, capture, settle, type_line

MEETING = NewSession(
    title="Groen plan",
    participants=(("Lotte", "inwoner"), ("Piet", "overheid")),
    phases=("Opening", "Ideeën"),
)


def _screen_text(log: ContributionLog) -> list[str]:
    """The log's lines as they are on screen, trailing spaces off."""
    return [log.render_line(y).text.rstrip() for y in range(log.size.height)]


async def _logged(pilot: Pilot[int]) -> ContributionLog:
    await type_line(pilot, "@Lotte meer bomen graag")
    await type_line(pilot, "@Piet > we komen erop terug owner:Piet due:2027-01-15")
    await pilot.press("ctrl+n")
    await settle(pilot)
    return capture(pilot.app).log_view


async def test_numbers_owner_date_and_phase_dividers_are_in_the_log(
    app_factory: AppFactory,
) -> None:
    app = app_factory(MEETING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        log = await _logged(pilot)
        await type_line(pilot, "@Lotte een plein")
        lines = [line for line in _screen_text(log) if line]
        assert lines[0].startswith("── 1. Opening ──")
        assert lines[1].startswith(" 1 20:15  Lotte")
        assert lines[2].startswith(" 2 20:15  Piet")
        said = " ".join(" ".join(line.split()) for line in lines[2:-2])
        assert "we komen erop terug → door Piet, vóór 2027-01-15" in said
        assert lines[-2].startswith("── 2. Ideeën ──")
        assert lines[-1].startswith(" 3 20:15  Lotte") and lines[-1].endswith("een plein")


async def test_a_reply_names_the_number_and_speaker_it_answers(app_factory: AppFactory) -> None:
    app = app_factory(MEETING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        log = await _logged(pilot)
        await pilot.press("up", "up", "ctrl+r")
        await type_line(pilot, "@Piet ? wat bedoelt u precies")
        last = [line for line in _screen_text(log) if line][-1]
        assert last.endswith("↳ #1 Lotte wat bedoelt u precies")


async def test_a_long_contribution_folds_and_unfolds_when_selected(
    app_factory: AppFactory,
) -> None:
    app = app_factory(MEETING)
    long_text = " ".join(["een heel lang verhaal over het plein en de bomen"] * 40)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        log = capture(app).log_view
        capture(app).entry_bar.input.value = f"@Lotte {long_text}"  # pasted, not typed
        await pilot.press("enter")
        await settle(pilot)
        await type_line(pilot, "@Piet kort")
        folded = [line for line in _screen_text(log) if line]
        assert len(folded) == 1 + 6 + 1  # divider, five lines and the fold, the next row
        assert "… nog" in folded[6] and "regels (selecteer om te lezen)" in folded[6]
        await pilot.press("up", "up")
        await settle(pilot)
        unfolded = [line for line in _screen_text(log) if line]
        assert len(unfolded) > len(folded) + 10
        assert not any("… nog" in line for line in unfolded)
        await pilot.press("escape")
        await settle(pilot)
        assert [line for line in _screen_text(log) if line] == folded


async def test_number_100_lays_every_row_out_again(
    app_factory: AppFactory, seeded: Database
) -> None:
    session_id = start(seeded, "Groot", (("Anna", "inwoner"),))
    for n in range(1, 100):
        # Rows of many lengths, so some wrap differently once the number column widens.
        log(seeded, session_id, "Anna", Kind.REMARK, "woord " * (n % 40 + 1))
    app = app_factory(session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_line(pilot, "@Anna de honderdste")
        log_view = capture(app).log_view
        painter = log_view._painter
        for index, row in enumerate(log_view.rows):
            place = log_view._place(index)
            assert log_view._heights[index] == len(painter.lines(row, place)), row.seq
        assert _screen_text(log_view)[-1].startswith("100 ")
