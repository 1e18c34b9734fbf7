"""How a theme shows in a row: its mark and its spread over domains (as Rich Text, so a
theme's name or label is never read as markup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text

from dialoog_tui.core.display import abbreviate_domain, visible
from dialoog_tui.core.themes.explain import ThemeSummary
from dialoog_tui.tui.look import Look

SPREAD_WIDTH = 12
"""Cells of the bar that shows a theme's spread over domains."""


def theme_mark(theme: ThemeSummary, min_sessions: int) -> Text:
    """★ accepted, ✎ curated, ↻ recurring, · otherwise."""
    if theme.accepted:
        return Text("★", style="bold")
    if theme.curated:
        return Text("✎", style="bold")
    return Text("↻" if theme.recurs(min_sessions) else "·")


def domain_spread(
    counts: Mapping[str, int], domains: Sequence[str], look: Look, *, labels: bool = True
) -> Text:
    """A bar in the domains' colours, as wide as each domain's share, then the counts:
    `████████▒▒▒▒ inw 8 ond 4` (without `labels`, on a narrow screen: the bar alone)."""
    total = sum(counts.values())
    text = Text()
    if total == 0:
        return text
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    running = 0
    for domain, count in ordered:
        # Rounded on the running total, so the pieces always add up to the full width.
        start = round(SPREAD_WIDTH * running / total)
        running += count
        cells = round(SPREAD_WIDTH * running / total) - start
        slot = domains.index(domain) if domain in domains else None
        text.append("█" * cells, look.domain_style(slot))
    for domain, count in ordered if labels else ():
        label = abbreviate_domain(visible(domain)) if domain else "—"
        slot = domains.index(domain) if domain in domains else None
        text.append(f" {label} ", look.domain_style(slot))
        text.append(str(count))
    return text
