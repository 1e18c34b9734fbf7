"""Rich styles for Line API widgets, taken from the active theme's variables.

Widgets that render lines themselves cannot use TCSS per span, so they get their colours
here, from the same theme variables the TCSS uses. Themes without dialoog's own variables
(Textual's built-in ones) fall back to the standard palette.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import Struct, field
from rich.style import Style
from textual.color import Color, ColorParseError

from dialoog_tui.core.kinds import Kind

DOMAIN_COLOURS = 6
"""Number of domain colour slots a theme provides (domain-0 … domain-5)."""

_KIND_FALLBACK = {
    Kind.REMARK: "foreground",
    Kind.QUESTION: "primary",
    Kind.PROPOSAL: "success",
    Kind.RESISTANCE: "error",
    Kind.AGREEMENT: "secondary",
    Kind.COMMITMENT: "warning",
}
_DOMAIN_FALLBACK = ("primary", "secondary", "warning", "success", "error", "accent")


class Look(Struct, frozen=True):
    """Resolved styles for one theme."""

    base: Style = field(default_factory=Style)
    """Background and text colour of the widget."""
    text: Style = field(default_factory=Style)
    """A contribution's words."""
    time: Style = field(default_factory=Style)
    """Timestamps."""
    meta: Style = field(default_factory=Style)
    """Secondary marks: edited, reply arrows, counts."""
    tag: Style = field(default_factory=Style)
    """Tags."""
    placeholder: Style = field(default_factory=Style)
    """Hints shown when there is nothing yet."""
    selected: Style = field(default_factory=Style)
    """Background of the selected row."""
    strong: Style = field(default_factory=Style)
    """Headings and the current speaker."""
    domains: tuple[Style, ...] = ()
    """One style per domain colour slot."""
    no_domain: Style = field(default_factory=Style)
    """The room, or someone without a domain."""
    kinds: Mapping[Kind, Style] = field(default_factory=dict)
    """One style per contribution kind."""

    def domain_style(self, position: int | None) -> Style:
        """The colour of the domain at `position` in the configured order."""
        if position is None or not self.domains:
            return self.no_domain
        return self.domains[position % len(self.domains)]

    def kind_style(self, kind: Kind) -> Style:
        """The colour of a contribution kind."""
        return self.kinds.get(kind, self.text)


def look_from_variables(variables: Mapping[str, str]) -> Look:
    """Styles from a theme's CSS variables (as `App.theme_variables` gives them)."""

    def parse(name: str) -> Color | None:
        try:
            return Color.parse(variables[name]) if variables.get(name) else None
        except ColorParseError:
            return None

    backdrop = parse("surface") or parse("background") or Color(0, 0, 0)

    def colour(*names: str) -> str | None:
        for name in names:
            parsed = parse(name)
            if parsed is not None:
                # Translucent variables (foreground-muted) are composited onto the surface.
                return (backdrop + parsed).hex if parsed.a < 1 else parsed.hex
        return None

    background = colour("surface", "background")
    foreground = colour("foreground")
    muted = colour("foreground-muted", "foreground")
    return Look(
        base=Style(color=foreground, bgcolor=background),
        text=Style(color=foreground),
        time=Style(color=muted, dim=muted is None),
        meta=Style(color=muted, dim=True),
        tag=Style(color=colour("accent", "primary")),
        placeholder=Style(color=muted, italic=True),
        selected=Style(bgcolor=colour("log-selected", "block-cursor-background", "primary")),
        strong=Style(color=foreground, bold=True),
        domains=tuple(
            Style(color=colour(f"domain-{slot}", _DOMAIN_FALLBACK[slot]), bold=True)
            for slot in range(DOMAIN_COLOURS)
        ),
        no_domain=Style(color=colour("domain-none", "foreground")),
        kinds={
            kind: Style(color=colour(f"kind-{kind.value}", fallback))
            for kind, fallback in _KIND_FALLBACK.items()
        },
    )
