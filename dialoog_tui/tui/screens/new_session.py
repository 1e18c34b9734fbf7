"""The form for a new session: title (required), question, place, organiser, note-taker, the
people known in advance, the agenda and the default consent — one line each, so it fits a
24-line terminal."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import NewSession
from dialoog_tui.core.speakers import split_participant
from dialoog_tui.i18n import Translator

FIELDS = (
    "title",
    "question",
    "location",
    "organiser",
    "note_taker",
    "participants",
    "phases",
    "consent",
)


class NewSessionScreen(ModalScreen[NewSession | None]):
    """Enter in any field creates the session; Esc cancels."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, t: Translator, *, person: str = "") -> None:
        """`person`: the note-taker's name from the settings, offered as the note-taker."""
        super().__init__()
        self._t = t
        self._person = person

    def compose(self) -> ComposeResult:
        t = self._t
        with Vertical(id="new-session"):
            yield Label(t("new.title"), id="new-session-title")
            for field in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(f"new.field.{field}"), classes="form-label")
                    yield Input(
                        placeholder=t(f"new.hint.{field}") if field in HINTED else "",
                        id=f"field-{field}",
                        classes="form-input",
                    )
            with Horizontal(id="new-session-buttons"):
                yield Button(t("new.create"), variant="primary", id="create")
                yield Button(t("new.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#field-note_taker", Input).value = self._person
        self.query_one("#field-consent", Input).value = Consent.NAMED.label(self._t.lang)
        self.query_one("#field-title", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#field-{field}", Input).value.strip()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        t = self._t
        if not self._value("title"):
            self._refuse("title", t("new.needs_title"))
            return
        consent = Consent.from_name(self._value("consent") or Consent.NAMED.value)
        if consent is None:
            names = ", ".join(c.label(t.lang) for c in Consent)
            self._refuse("consent", t("new.bad_consent", names=names))
            return
        people = tuple(
            split_participant(part.strip())
            for part in self._value("participants").split(",")
            if part.strip()
        )
        phases = tuple(p.strip() for p in self._value("phases").split(";") if p.strip())
        self.dismiss(
            NewSession(
                title=self._value("title"),
                question=self._value("question") or None,
                location=self._value("location") or None,
                organiser=self._value("organiser") or None,
                note_taker=self._value("note_taker") or None,
                participants=people,
                phases=phases,
                default_consent=consent,
            )
        )

    def _refuse(self, field: str, message: str) -> None:
        self.notify(message, severity="warning", markup=False)
        self.query_one(f"#field-{field}", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without creating anything."""
        self.dismiss(None)


HINTED = frozenset({"participants", "phases"})
"""Fields that show an example of what to type."""
