"""A child started for background work lowers its own priority before doing anything."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dialoog_tui.priority import BACKGROUND_ENV, NICENESS


def _priority_seen_by_the_command_line(environment: dict[str, str]) -> str:
    # The command line itself is replaced by a probe that prints the priority it runs at.
    script = (
        "import os, sys\n"
        "import dialoog_tui.cli.main as cli\n"
        "cli.main = lambda argv: print(os.nice(0), os.sched_getscheduler(0)) or 0\n"
        "from dialoog_tui.__main__ import main\n"
        "sys.exit(main([]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux scheduling classes only")
def test_a_background_child_runs_in_the_idle_class_at_the_lowest_niceness() -> None:
    seen = _priority_seen_by_the_command_line({**os.environ, BACKGROUND_ENV: "1"})
    assert seen == f"{NICENESS} {os.SCHED_IDLE}"


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux scheduling classes only")
def test_without_the_variable_the_command_line_keeps_its_priority() -> None:
    environment = {k: v for k, v in os.environ.items() if k != BACKGROUND_ENV}
    seen = _priority_seen_by_the_command_line(environment)
    assert seen == f"{os.nice(0)} {os.sched_getscheduler(0)}"
