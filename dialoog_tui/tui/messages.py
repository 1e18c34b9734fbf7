"""Messages that travel up to the App."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from dialoog_tui.core.model import NewSession


@dataclass
class BackgroundWorkFailed(Message):
    """A screen's background job raised; the App decides what the user sees."""

    group: str
    """The worker group ("open" means the session could not be opened at all)."""
    error: BaseException
    """What went wrong."""


@dataclass
class SessionChosen(Message):
    """The user picked a session to open, or filled in a new one."""

    request: int | NewSession
    """The session's id, or what to create."""
