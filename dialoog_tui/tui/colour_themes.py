"""Colour themes: TOML data files in the top-level `themes/` folder, shipped in the package."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from dialoog_tui.config import DEFAULT_THEME
from dialoog_tui.paths import bundled_themes_dir

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message names the file and the problem."""


def load_theme(path: Path) -> Theme:
    """A Textual theme from one TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        colours = data.get("colors", {})
        variables = {str(k): str(v) for k, v in data.get("variables", {}).items()}
        for value in [
            *colours.values(),
            *(v for k, v in variables.items() if "text-style" not in k),
        ]:
            Color.parse(value)
        theme = Theme(name=str(data["name"]), primary=str(colours["primary"]))
        for name in _COLOUR_FIELDS:
            if name in colours:
                setattr(theme, name, str(colours[name]))
        theme.dark = bool(data.get("dark", True))
        theme.variables = variables
        return theme
    except (
        OSError,
        tomllib.TOMLDecodeError,
        KeyError,
        TypeError,
        ValueError,
        ColorParseError,
    ) as error:
        raise ThemeFileError(f"{path.name}: {error}") from None


def bundled_themes(folder: Path | None = None) -> list[Theme]:
    """Every theme in the themes folder, sorted by name."""
    folder = folder or bundled_themes_dir()
    return [load_theme(path) for path in sorted(folder.glob("*.toml"))]


def offer_colour_themes(app: App[Any], wanted: str | None) -> None:
    """Give `app` the bundled colour themes and choose `wanted` (else the default). Done
    before the first screen mounts: switching later restyles every widget."""
    for bundled in bundled_themes():
        app.register_theme(bundled)
    name = wanted if wanted in app.available_themes else DEFAULT_THEME
    if app.available_themes[name].dark != app.current_theme.dark:
        app.theme = name
        return
    # Set quietly, with what Textual's watcher does that matters before any CSS is read: the
    # colour variables and the theme's classes. The watcher would also parse every style
    # sheet a second time, some 12 ms of every start (its ANSI colour mapping only changes
    # between dark and light, which the line above leaves to the watcher).
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.set_class(True, f"-theme-{name}", update=False)
