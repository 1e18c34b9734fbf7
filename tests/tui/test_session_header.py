"""The capture header's elapsed time."""

from __future__ import annotations

import pytest

from dialoog_tui.tui.capture.session_header import format_elapsed


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(-5, "0:00"), (0, "0:00"), (59.9, "0:00"), (60, "0:01"), (45 * 60, "0:45"), (11_279, "3:07")],
)
def test_elapsed_time_is_shown_in_hours_and_minutes(seconds: float, shown: str) -> None:
    assert format_elapsed(seconds) == shown
