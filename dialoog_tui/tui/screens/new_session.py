"""The form for a new session: title (required), question, place, organiser, note-taker."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from dialoog_tui.core.model import NewSession
from dialoog_tui.i18n import Translator

FIELDS = ("title", "question", "location", "organiser", "note_taker")


class NewSessionScreen(ModalScreen[NewSession | None]):
    """Enter in any field creates the session; Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, t: Translator) -> None:
        super().__init__()
        self._t = t

    def compose(self) -> ComposeResult:
        t = self._t
        with Vertical(id="new-session"):
            yield Label(t("new.title"), id="new-session-title")
            for field in FIELDS:
                yield Label(t(f"new.field.{field}"))
                yield Input(id=f"field-{field}")
            with Horizontal(id="new-session-buttons"):
                yield Button(t("new.create"), variant="primary", id="create")
                yield Button(t("new.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#field-title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        values = {field: self.query_one(f"#field-{field}", Input).value.strip() for field in FIELDS}
        if not values["title"]:
            self.notify(self._t("new.needs_title"), severity="warning")
            self.query_one("#field-title", Input).focus()
            return
        self.dismiss(
            NewSession(
                title=values["title"],
                question=values["question"] or None,
                location=values["location"] or None,
                organiser=values["organiser"] or None,
                note_taker=values["note_taker"] or None,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without creating anything."""
        self.dismiss(None)
