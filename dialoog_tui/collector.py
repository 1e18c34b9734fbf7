"""Python's cycle collector, held back while the app starts.

Starting the TUI makes a few hundred thousand objects that live as long as the app: the
modules of Textual and dialoog, the screen's widgets, the loaded page of contributions, and
SQLAlchemy's on the store thread. Collected while they are made, they are walked again and
again; measured when opening a session of 100,000 contributions, one full collection
paused the first frame for 14 ms, and ready-to-type came 10-20% later than without the
collector. So the collector waits (`hold_back`, before the first import) until the app holds
what it keeps (`settled`), which freezes that: a later full collection leaves it alone.
"""

from __future__ import annotations

import gc

SETTLED_AT_LATEST = 5.0
"""Seconds after the app is mounted at which collecting resumes even if nothing said the
start was over (a screen without a load, or a load that failed)."""


def hold_back() -> None:
    """No collecting until `settled` (or `resume`)."""
    gc.disable()


def resume() -> None:
    """Collect again, freezing nothing: for a command that does not start the app."""
    gc.enable()


def settled() -> None:
    """What exists now lives as long as the app: freeze it, then collect again."""
    gc.freeze()
    gc.enable()


def settle_if_held() -> None:
    """`settled`, unless collecting already resumed."""
    if not gc.isenabled():
        settled()
