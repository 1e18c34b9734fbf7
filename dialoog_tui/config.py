"""User settings: what the app remembers between runs, and what a run was asked for."""

from __future__ import annotations

import json
import locale
import os
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import asdict

LANGUAGES = ("nl", "en")
USER_ENV = "DIALOOG_USER"
DEFAULT_THEME = "dialoog-dark"
"""The colour theme of a first run."""


def current_user() -> str:
    """Who is working, for the histories and on contributions: the person named in the
    settings, else $DIALOOG_USER, else the login name."""
    from dialoog_tui.paths import settings_path  # here: config is read before paths is

    return load_settings(settings_path()).person or default_person()


def default_person() -> str:
    """The name to offer before anyone gave one: $DIALOOG_USER, else the login name."""
    import getpass  # here, not at the top: the capture screen starts without it

    try:
        return os.environ.get(USER_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


class Settings(Struct, frozen=True):
    """Choices remembered in the settings file."""

    theme: str = DEFAULT_THEME
    """Name of the colour theme."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys, to rebind commands (for example {"edit": "ctrl+o"})."""
    person: str = ""
    """The note-taker's or facilitator's name, for histories and contributions ("": not
    given yet; the new-session form asks, `dialoog person NAME` sets it)."""
    export_folder: str = ""
    """Where the export dialog last wrote ("": the user's documents folder)."""


def load_settings(path: Path) -> Settings:
    """Settings from `path`; defaults when the file is missing or unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    theme = raw.get("theme")
    keymap = raw.get("keymap")
    person = raw.get("person")
    folder = raw.get("export_folder")
    return Settings(
        theme=theme if isinstance(theme, str) else DEFAULT_THEME,
        keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
        person=" ".join(person.split())[:200] if isinstance(person, str) else "",
        export_folder=folder if isinstance(folder, str) else "",
    )


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2), encoding="utf-8")
    os.replace(temporary, path)


def language_from_locale() -> str:
    """`en` when the locale says English, otherwise Dutch (also when it says nothing)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "en" if code.lower().startswith("en") else "nl"
