"""Messages that travel up to the App."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from textual.app import App
from textual.message import Message

from dialoog_tui.core.model import NewSession
from dialoog_tui.errors import InvalidInput, NotFound
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
    if event.group == "open":
        app.exit(return_code=1, message=t("cli.error", message=t.explain(event.error)))
    else:
        message, severity = trouble(t, event.error)
        app.notify(message, severity=severity, markup=False)


def trouble(t: Translator, error: BaseException) -> tuple[str, Literal["warning", "error"]]:
    """What the user reads when store work failed, and how loud: what was typed refused (a
    name left empty, a phase that is not there) is theirs to mend, not a database error."""
    if isinstance(error, InvalidInput | NotFound):
        said = t.explain(error)  # written to follow "error:", here it stands on its own
        return said[:1].upper() + said[1:], "warning"
    return t("notify.store_error", error=t.explain(error)), "error"


@dataclass
class SessionChosen(Message):
    """The user picked a session to open, or filled in a new one."""

    request: int | NewSession
    """The session's id, or what to create."""
