"""The capture screen's commands, declared once (bindings, key line, help and palette)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text

from dialoog_tui.core.model import Participant
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.commands import QUICK_KEYS, Command, PaletteEntry, alt_key, key_display

CAPTURE_COMMANDS: tuple[Command, ...] = (
    Command("log", "enter", action="log"),
    Command("edit", "ctrl+e", priority=True),
    Command("remove", "ctrl+d", priority=True),
    Command("undo", "ctrl+z"),
    Command("redo", "ctrl+y"),
    Command("phase", "ctrl+g"),
    Command("ladder", "ctrl+l"),
    Command("consent", "ctrl+t"),
    Command("paraphrase", "ctrl+b", show=False),
    Command("ladder_view", "f2"),
    Command("theme_board", "f3"),
    Command("live_themes", "f4", show=False),
    Command("side_panel", "f7", show=False),
    Command("export", "f5"),
    Command("corrections", "f6"),
    Command("search", "ctrl+f", priority=True),
    Command("next_phase", "ctrl+n", show=False),
    Command("reply", "ctrl+r", show=False),
    Command("select_up", "up", show=False, action="select_previous"),
    Command("select_down", "down", show=False, action="select_next"),
    Command("page_up", "pageup", show=False),
    Command("page_down", "pagedown", show=False),
    Command("cancel", "escape", show=False),
    Command("room", alt_key("0"), show=False, priority=True),
    Command("help", "f1"),
    Command("sessions", "ctrl+o", show=False),
)

# Priority: the input line would otherwise take Alt+key as a typed character.
SPEAKER_COMMANDS: tuple[Command, ...] = tuple(
    Command(
        f"speaker_{key}",
        alt_key(key),
        show=False,
        priority=True,
        action=f"speaker({index})",
        text_key="cmd.speaker",
    )
    for index, key in enumerate(QUICK_KEYS)
)

SPEAKERS_HELP = Command("speakers", "alt+1…Z", action="speaker(0)")
"""One line in the help that stands for all the participant keys."""


def speaker_entries(people: Sequence[Participant], t: Translator) -> Iterator[PaletteEntry]:
    """A palette entry for each participant with a quick key."""
    for index, person in enumerate(people[: len(QUICK_KEYS)]):
        key = key_display(f"alt+{QUICK_KEYS[index]}")
        title = Text(f"{t('cmd.speaker', key=key)}: ")
        title.append(person.name)  # a name is data, never markup
        yield PaletteEntry(title, t("cmd.speaker.help", name=person.name), f"speaker({index})")
