"""The steps of a theme run, as a progress report names them.

A run reports each step to a `Progress` callback. The command line prints it as one line
on stderr (`progress_line`); the TUI, which runs `dialoog themes --progress` in a child
process, reads those lines back (`read_progress_line`) and says the step in its own
language, by the step's key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from msgspec import Struct

from dialoog_tui.i18n.progress import STEP_TEXTS

STEPS: Mapping[str, str] = STEP_TEXTS
"""Each step's key (an identifier) and the command line's text for it."""

PREFIX = "themes: "


class Step(Struct, frozen=True):
    """One step of a run: its key in `STEPS`, and a count where the step has one."""

    key: str
    count: int | None = None

    def __str__(self) -> str:
        return STEPS[self.key].format(count=self.count)


Progress = Callable[[Step], None]
"""Called at each step (for long runs)."""


def progress_line(step: Step, seconds: float) -> str:
    """The line the command line prints for `step`, `seconds` into the run."""
    return f"{PREFIX}{step} ({seconds:.1f} s)"


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text).replace(re.escape("{count}"), r"(?P<count>\d+)"))


_LINE = re.compile(re.escape(PREFIX) + r"(?P<step>.*) \(\d+\.\d s\)")
_STEP_PATTERNS = {key: _pattern(text) for key, text in STEPS.items()}


def read_progress_line(line: str) -> Step | None:
    """The step of a `progress_line`; None for any other line."""
    found = _LINE.fullmatch(line.strip())
    if found is None:
        return None
    for key, pattern in _STEP_PATTERNS.items():
        if step := pattern.fullmatch(found["step"]):
            count = step.groupdict().get("count")
            return Step(key, int(count) if count is not None else None)
    return None
