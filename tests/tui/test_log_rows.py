"""The log's rows measured without drawing them: a row's height is the number of lines it
is drawn in, at every width and wherever it sits."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from rich.console import Console

from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.model import Contribution
from dialoog_tui.tui.capture.log_rows import LadderLabels, LogRows, RowPlace, SpeakerLabel
from dialoog_tui.tui.look import look_from_variables

AT = datetime(2026, 3, 12, 19, 30, tzinfo=UTC)

ROWS = [
    Contribution(1, 1, 7, AT, Kind.REMARK, "kort"),
    Contribution(2, 1, 8, AT, Kind.RESISTANCE, "niet zonder de bewoners " * 6, tags=("plein",)),
    Contribution(
        3,
        1,
        9,
        AT,
        Kind.COMMITMENT,
        "we komen erop terug",
        participant_id=1,
        reply_to_id=2,
        owner="Mark de Wit",
        due_on=date(2026, 4, 1),
    ),
    Contribution(
        4,
        1,
        1234,
        AT,
        Kind.RESISTANCE,
        "lang " * 400,
        interests=("bereikbaarheid",),
        values=("veiligheid",),
        condition="als de oversteek veilig is",
        paraphrase="te lang",
    ),
    Contribution(5, 1, 11, AT, Kind.QUESTION, ""),
    Contribution(6, 1, 12, AT, Kind.REMARK, "😀 👩‍👩‍👧 " * 30 + "\x1b[31m[/]"),
]


def painter() -> LogRows:
    console = Console(width=200, force_terminal=True, color_system="truecolor")
    return LogRows(
        speaker_label=lambda pid: (
            SpeakerLabel("Anna de Boer", 0, "inw") if pid else SpeakerLabel("zaal", None)
        ),
        kind_label=lambda c: c.kind.label("nl"),
        reply_label=lambda cid: f"#{cid} Henk",
        labels=LadderLabels("belang", "waarde", "voorwaarde"),
        look=look_from_variables({"surface": "#101010", "foreground": "#eeeeee"}),
        console=lambda: console,
    )


@pytest.mark.parametrize("width", [40, 61, 85, 120, 200])
@pytest.mark.parametrize(
    "place", [RowPlace(), RowPlace(folded=False), RowPlace(divider="2. Ideeën")]
)
def test_a_rows_height_is_the_number_of_lines_it_is_drawn_in(width: int, place: RowPlace) -> None:
    measured, drawn = painter(), painter()
    for rows in (measured, drawn):
        rows.set_width(width)
        rows.fit_numbers(1234)
    for row in ROWS:
        height = measured.height(row, place)
        lines = drawn.lines(row, place)
        assert height == len(lines), (row.id, width, place)
        assert drawn.height(row, place) == height  # from the drawn lines, kept
