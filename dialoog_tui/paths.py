"""Where dialoog keeps its files, from platformdirs; every path can be overridden for tests."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_documents_path

APP_NAME = "dialoog"


def data_dir() -> Path:
    """The folder for the default database (created on first use)."""
    override = os.environ.get("DIALOOG_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for the settings file."""
    override = os.environ.get("DIALOOG_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def documents_dir() -> Path:
    """Where exports go unless the user chose a folder before: the documents folder (the
    XDG one on Linux, Documents elsewhere)."""
    return user_documents_path()


def default_database_path() -> Path:
    """The embedded SQLite database used when neither --db nor DIALOOG_DB is given."""
    return data_dir() / "dialoog.sqlite3"


def settings_path() -> Path:
    """The JSON file that remembers the colour theme and similar choices."""
    return config_dir() / "settings.json"


def bundled_themes_dir() -> Path:
    """The colour themes: inside the package when installed, the repository's `themes/` in a
    source checkout (the wheel copies the top-level folder into the package)."""
    packaged = Path(__file__).parent / "themes"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "themes"


def wall_page() -> Path:
    """The folder of the web page `dialoog serve` shows the wall in (its template)."""
    return Path(__file__).parent / "tui" / "wall_page"
