"""Messages that travel up to the App."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.message import Message

from dialoog_tui.core.model import NewSession
from dialoog_tui.i18n import Translator


@dataclass
class BackgroundWorkFailed(Message):
    """A screen's background job raised; the App decides what the user sees."""

    group: str
    """The worker group ("open" means the session could not be opened at all)."""
    error: BaseException
    """What went wrong."""


def say_failure(app: App[Any], t: Translator, event: BackgroundWorkFailed) -> None:
    """The one way a failed background job reaches the user: a session that could not be
    opened at all ends the app with the reason, as the CLI would; anything else is a
    notification."""
    message = t.explain(event.error)
    if event.group == "open":
        app.exit(return_code=1, message=t("cli.error", message=message))
    else:
        app.notify(t("notify.store_error", error=message), severity="error", markup=False)


@dataclass
class SessionChosen(Message):
    """The user picked a session to open, or filled in a new one."""

    request: int | NewSession
    """The session's id, or what to create."""
