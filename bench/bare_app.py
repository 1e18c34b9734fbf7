"""The yardstick: a bare Textual app that shows the entered line in a label on Enter."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Label


class BareApp(App[None]):
    """An input and a label, nothing else."""

    def compose(self) -> ComposeResult:
        yield Label("bare-ready", id="shown")
        yield Input(placeholder="type hier")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#shown", Label).update(event.value)
        event.input.value = ""


if __name__ == "__main__":
    BareApp().run()
