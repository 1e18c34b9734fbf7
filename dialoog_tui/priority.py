"""Background priority for child processes whose work must never hold up typing."""

from __future__ import annotations

import contextlib
import os
import signal
import sys

BACKGROUND_ENV = "DIALOOG_BACKGROUND"
"""Set to the parent's process id in a child's environment: the child lowers its own priority
first thing and ends when that parent does (see `services.theme_worker`)."""

NICENESS = 19
"""The lowest niceness. Measured with a theme run under way, Enter-to-visible p95 was 41 ms
at niceness 10 and 27 ms at 19 (23 ms without a run), on two cores."""


def run_in_background(parent_pid: int) -> bool:
    """Lowest priority, and end with the parent: a child held still (SIGSTOP) would
    otherwise outlive a parent that was killed, stopped for good and holding its memory.

    Returns whether the system makes sure of that (Linux): only then may the parent hold
    this process still. Killed while the child is stopped, the parent takes the child with
    it; stopped before this, the child would stay stopped for ever."""
    lower_priority()
    return _end_with_parent(parent_pid)


def _end_with_parent(parent_pid: int) -> bool:
    """Ask the kernel to kill this process when its parent ends; whether it will."""
    if sys.platform != "linux":
        return False
    import ctypes

    pr_set_pdeathsig = 1
    try:
        done = bool(ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL) == 0)
    except (OSError, AttributeError):
        done = False
    if os.getppid() != parent_pid:
        os._exit(1)  # the parent was already gone before the line above took effect
    return done


def lower_priority() -> None:
    """Run this process at the lowest priority the system allows it."""
    os.nice(NICENESS)
    # Where Linux offers it, the idle class goes further than any niceness: the process gets
    # a core only when nothing else wants it. Where it is not allowed, the niceness stays.
    if hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
