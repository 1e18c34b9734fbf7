"""Commands are declared once; each drives a key binding, the footer, the help screen and the
command palette. Binding ids equal command ids, so a keymap in the settings can rebind them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol, runtime_checkable

from msgspec import Struct
from rich.text import Text
from textual.binding import Binding, BindingsMap
from textual.command import DiscoveryHit, Hit, Hits, Provider

from dialoog_tui.i18n import Translator

QUICK_KEYS: tuple[str, ...] = tuple("123456789abcdefghijklmnopqrstuvwxyz")
"""Participant quick keys, pressed with Alt, in the order participants joined."""

# Most terminals send Alt+digit as ESC followed by the digit, and Textual reads that as the
# character a Mac's Option+digit types (ESC 1 → ¡). Binding those key names as well makes
# Alt+digit work in xterm, tmux and friends.
_ALT_DIGIT_ALIASES = {
    "1": "inverted_exclamation_mark",
    "2": "trade_mark_sign",
    "3": "pound_sign",
    "4": "cent_sign",
    "5": "infinity",
    "6": "section_sign",
    "7": "pilcrow_sign",
    "8": "bullet",
    "9": "ª",
    "0": "º",
}


ALT_DIGIT_KEYS = frozenset(_ALT_DIGIT_ALIASES.values())
"""Key names that stand for Alt+digit (the input line must leave them to the bindings)."""


def alt_key(char: str) -> str:
    """The binding keys for Alt+`char`, including what terminals actually deliver."""
    alias = _ALT_DIGIT_ALIASES.get(char)
    return f"alt+{char},{alias}" if alias else f"alt+{char}"


class Command(Struct, frozen=True):
    """One thing the user can do."""

    id: str
    """Stable id: the binding id (for keymaps) and the action name."""
    key: str
    """Default key(s), comma-separated, in Textual's key names."""
    show: bool = True
    """Whether the footer shows it (the help screen and palette always do)."""
    priority: bool = False
    """Checked before the input line's own keys (for keys the input would also use)."""
    action: str | None = None
    """The action to run, if not the id (may carry arguments)."""
    text_key: str | None = None
    """The i18n key of its texts, if not `cmd.<id>` (commands that share a text)."""

    def label(self, t: Translator) -> str:
        """The short name, for the footer and the palette."""
        return t(self.text_key or f"cmd.{self.id}", key=key_display(self.key, t))

    def help(self, t: Translator, **values: object) -> str:
        """One sentence on what it does."""
        return t(f"{self.text_key or f'cmd.{self.id}'}.help", **values)


def make_bindings(commands: Iterable[Command], t: Translator) -> BindingsMap:
    """The bindings for a screen's commands, labelled in the interface language."""
    return BindingsMap(
        [
            Binding(
                either_case(command.key),
                command.action or command.id,
                command.label(t),
                show=command.show,
                priority=command.priority,
                id=command.id,
                tooltip=command.help(t),
            )
            for command in commands
        ]
    )


def with_commands(base: BindingsMap, commands: Iterable[Command], t: Translator) -> BindingsMap:
    """A screen's own bindings (Tab, copy, …) with its commands added in front."""
    return BindingsMap.merge([make_bindings(commands, t), base])


def either_case(keys: str) -> str:
    """`keys` with each single letter also in capitals: the footer shows "E", so Shift+E
    must do what "e" does."""
    found = keys.split(",")
    found += [key.upper() for key in found if len(key) == 1 and key.islower()]
    return ",".join(dict.fromkeys(found))


NAMED_KEYS = {
    "escape": "Esc",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "delete": "Del",
}
"""Keys shown as most keyboards label them, the same in every language."""


def key_display(key: str, t: Translator | None = None) -> str:
    """A key as people write it: Ctrl+E, Alt+1, F1, Enter, Esc, ↑; the space bar in the
    interface's language (with `t`)."""
    first = key.split(",")[0]

    def shown(part: str) -> str:
        if part == "space" and t is not None:
            return t("key.space")
        return NAMED_KEYS.get(part) or (part.upper() if len(part) <= 1 else part.capitalize())

    return "+".join(shown(part) for part in first.split("+"))


class PaletteEntry(Struct, frozen=True):
    """A command as the palette offers it."""

    title: Text
    """What the palette shows (a Text, so names in it are never read as markup)."""
    help: str
    """The line under the title."""
    action: str
    """The action to run on the screen."""


@runtime_checkable
class HasPaletteEntries(Protocol):
    """A screen that offers its commands to the palette."""

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """The commands that apply right now."""
        ...


class ScreenCommands(Provider):
    """The command palette's view of the current screen's commands."""

    def _entries(self) -> list[PaletteEntry]:
        screen = self.screen
        if not isinstance(screen, HasPaletteEntries):
            return []
        return list(screen.palette_entries())

    def _run(self, action: str) -> None:
        self.screen.call_next(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(entry.title, partial(self._run, entry.action), help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title.plain)
            if score > 0:
                # Not matcher.highlight(): it reads the title as markup, and titles hold names.
                yield Hit(score, entry.title, partial(self._run, entry.action), help=entry.help)


def palette_entries_for(
    commands: Iterable[Command], t: Translator, *, enabled: Callable[[str], bool | None]
) -> Iterator[PaletteEntry]:
    """Palette entries for `commands`, skipping those `enabled(action)` rules out."""
    for command in commands:
        action = command.action or command.id
        if enabled(action):
            title = Text(f"{command.label(t)}  ({key_display(command.key, t)})")
            yield PaletteEntry(title=title, help=command.help(t), action=action)
