"""A child started for background work (the theme worker) lowers its own priority before
doing anything."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dialoog_tui.priority import BACKGROUND_ENV, NICENESS


def _priority_seen_by_the_command_line(environment: dict[str, str]) -> str:
    # The worker gets no request (so it stops at once), then the probe prints the priority.
    script = (
        "import io, os, sys\n"
        "from dialoog_tui.services import theme_worker\n"
        "sys.stdin = io.StringIO('')\n"
        "theme_worker.main(out=io.StringIO())\n"
        "print(os.nice(0), os.sched_getscheduler(0))\n"
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
    seen = _priority_seen_by_the_command_line({**os.environ, BACKGROUND_ENV: str(os.getpid())})
    assert seen == f"{NICENESS} {os.SCHED_IDLE}"


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux scheduling classes only")
def test_without_the_variable_the_command_line_keeps_its_priority() -> None:
    environment = {k: v for k, v in os.environ.items() if k != BACKGROUND_ENV}
    seen = _priority_seen_by_the_command_line(environment)
    assert seen == f"{os.nice(0)} {os.sched_getscheduler(0)}"


def test_a_background_child_whose_parent_is_already_gone_ends_at_once() -> None:
    script = "from dialoog_tui.services.theme_worker import main\nmain()\nprint('ran on')\n"
    environment = {**os.environ, BACKGROUND_ENV: "999999999"}  # not this process's parent
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert done.returncode != 0 and "ran on" not in done.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_a_background_child_ends_when_its_parent_is_killed() -> None:
    # A parent starts a background child that would sleep for a minute, prints its pid and
    # is then killed; the child must end with it.
    child = (
        "import time\n"
        "from dialoog_tui.priority import run_in_background\n"
        "import os\n"
        "run_in_background(os.getppid())\n"
        "time.sleep(60)\n"
    )
    parent = (
        "import subprocess, sys, time\n"
        f"p = subprocess.Popen([sys.executable, '-c', {child!r}])\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    started = subprocess.Popen([sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True)
    assert started.stdout is not None
    child_pid = int(started.stdout.readline())
    time.sleep(0.5)  # the child has set itself up
    started.kill()
    started.wait()
    for _ in range(200):
        if not _alive(child_pid):
            break
        time.sleep(0.02)
    assert not _alive(child_pid)


def _alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
