"""Charts for the exports, drawn as SVG by our own code: a few bars and dots need no library.

Each chart is readable without colour and in print: dark bars on white, light bands with
numbers instead of colours, every value written out beside its mark. Each carries its text
alternative (`<title>` and `<desc>`, which say the data in words), and no text in it is
markup: every string is escaped, control characters shown as symbols (XML cannot hold them).
Nothing is fetched: no fonts, no images, no styles beyond attributes.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo

from msgspec import Struct

from dialoog_tui.core.display import printable

WIDTH = 640
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK = "#1d1d1f"
BAR = "#3a3a3c"
BAND = "#ececf0"
FAINT = "#8e8e93"
BIN_STEPS = (1, 2, 5, 10, 15, 20, 30, 60)
"""Minutes a bar of the timeline may span: round numbers a reader can take in."""
MOST_BARS = 30
WIDE = 960
"""The widest a chart is drawn before its columns narrow: scaled to a printed page it is
still readable."""
NARROWEST_COLUMN = 22
"""A session's column in the recurrence chart: a dot and some air."""


class Chart(Struct, frozen=True):
    """One picture: its file name beside a Markdown export, its caption and text
    alternative, and its drawing."""

    name: str
    """The file's name (a slug and `.svg`): also how the Markdown refers to it."""
    title: str
    """The caption."""
    description: str
    """The data in words, for whoever cannot see the picture."""
    width: int
    height: int
    body: str
    """The SVG elements, escaped."""

    def document(self) -> str:
        """A standalone SVG file."""
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + self._svg('xmlns="http://www.w3.org/2000/svg" ', "chart")
            + "\n"
        )

    def inline(self, number: int) -> str:
        """The chart inside an HTML page; `number` keeps its ids unique on the page."""
        return self._svg("", f"chart{number}")

    def _svg(self, namespace: str, key: str) -> str:
        return (
            f'<svg {namespace}viewBox="0 0 {self.width} {self.height}" width="{self.width}"'
            f' height="{self.height}" role="img" aria-labelledby="{key}-title {key}-desc"'
            f' {FONT} font-size="13" fill="{INK}">'
            f'<title id="{key}-title">{_text(self.title)}</title>'
            f'<desc id="{key}-desc">{_text(self.description)}</desc>'
            f'<rect width="{self.width}" height="{self.height}" fill="#fff"/>'
            f"{self.body}</svg>"
        )


class Document(Struct, frozen=True):
    """A Markdown export and the pictures it refers to."""

    markdown: str
    charts: tuple[Chart, ...] = ()
    """Each named as the Markdown refers to it (none when no pictures were asked for)."""


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""Characters no XML document may hold (beside the control characters `printable` shows)."""


def _text(value: str) -> str:
    shown = _NOT_XML.sub("\ufffd", printable(" ".join(value.split())))
    return html.escape(shown, quote=True)


def _short(value: str, most: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= most else value[: most - 1].rstrip() + "…"


# --- participation per domain --------------------------------------------------------------


class Bar(Struct, frozen=True):
    """One labelled bar: its label, its length and what is written beside it."""

    label: str
    value: int
    note: str


def bar_chart(name: str, title: str, bars: Sequence[Bar]) -> Chart:
    """Horizontal bars, longest value the full width, each with its note written out."""
    row, top = 30, 10
    labels = [_short(bar.label, 30) for bar in bars]
    label_width = min(250, 16 + _width(max(labels, key=len, default="")))
    note_width = 12 + _width(max((bar.note for bar in bars), key=len, default=""))
    room = max(60.0, WIDTH - label_width - note_width)
    most = max((bar.value for bar in bars), default=0) or 1
    parts = []
    for index, (bar, label) in enumerate(zip(bars, labels, strict=True)):
        y = top + index * row
        length = max(2.0, room * bar.value / most) if bar.value else 0.0
        parts.append(
            f'<text x="{label_width - 10:.0f}" y="{y + 19}" text-anchor="end">'
            f"{_text(label)}</text>"
            f'<rect x="{label_width:.0f}" y="{y + 5}" width="{length:.1f}" height="{row - 10}"'
            f' fill="{BAR}"/>'
            f'<text x="{label_width + length + 8:.1f}" y="{y + 19}">{_text(bar.note)}</text>'
        )
    description = "; ".join(f"{bar.label}: {bar.note}" for bar in bars)
    height = top * 2 + row * max(1, len(bars))
    return Chart(name, title, description, WIDTH, height, "".join(parts))


def _width(text: str) -> float:
    """About how wide `text` is at the charts' 13 pixels (no font is measured: a little more
    than most sans-serif letters take)."""
    return 7.4 * len(text)


# --- the course of the meeting -------------------------------------------------------------


class Stage(Struct, frozen=True):
    """A stretch of the meeting spent in one phase, for the timeline."""

    title: str
    start: datetime
    end: datetime
    moments: tuple[datetime, ...]
    """When each of its contributions was made."""


class Bin(Struct, frozen=True):
    """A bar of the timeline: the contributions made in `minutes` from `start`."""

    start: datetime
    minutes: int
    count: int


def bins_of(stages: Sequence[Stage]) -> list[Bin]:
    """The contributions per stretch of a few minutes, from the first to the last: at most
    `MOST_BARS` bars, each a round number of minutes."""
    moments = sorted(moment for stage in stages for moment in stage.moments)
    if not moments:
        return []
    first = moments[0].replace(second=0, microsecond=0)
    span = (moments[-1] - first).total_seconds() / 60
    minutes = next(
        (step for step in BIN_STEPS if span / step < MOST_BARS),
        60 * math.ceil(span / (60 * MOST_BARS)),  # a long day: whole hours
    )
    count = int(span // minutes) + 1
    bins = [Bin(first + timedelta(minutes=minutes * n), minutes, 0) for n in range(count)]
    tally = [0] * count
    for moment in moments:
        tally[int((moment - first).total_seconds() / 60 // minutes)] += 1
    return [Bin(b.start, b.minutes, n) for b, n in zip(bins, tally, strict=True)]


def timeline_chart(
    name: str,
    title: str,
    stages: Sequence[Stage],
    *,
    zone: tzinfo | None,
    counted: Callable[[int], str],
    per_bar: Callable[[int], str],
) -> Chart:
    """Contributions over time as bars, on bands that mark each phase with its number; the
    phases are named below with their times and counts. `counted` words a count
    ("12 bijdragen"), `per_bar` what a bar of so many minutes holds ("bijdragen per 5 minuten")."""
    bins = bins_of(stages)
    left, right, top, plot = 44, WIDTH - 16, 26, 150
    if not bins:
        return Chart(name, title, "", WIDTH, 40, "")
    start = bins[0].start
    end = bins[-1].start + timedelta(minutes=bins[-1].minutes)
    total = (end - start).total_seconds() or 60.0

    def x(moment: datetime) -> float:
        return left + (right - left) * (moment - start).total_seconds() / total

    def clock(moment: datetime) -> str:
        return moment.astimezone(zone).strftime("%H:%M")

    parts = []
    for number, stage in enumerate(stages, start=1):
        band_start = x(max(stage.start, start))
        band_end = x(min(stage.end + timedelta(minutes=1), end))
        shade = BAND if number % 2 else "#f7f7f9"
        parts.append(
            f'<rect x="{band_start:.1f}" y="{top}" width="{max(1.0, band_end - band_start):.1f}"'
            f' height="{plot}" fill="{shade}" stroke="{FAINT}" stroke-width="0.5"/>'
            f'<text x="{band_start + 4:.1f}" y="{top - 8}" font-weight="bold">{number}</text>'
        )
    most = max(b.count for b in bins) or 1
    width = (right - left) / len(bins)
    for b in bins:
        height = plot * b.count / most
        parts.append(
            f'<rect x="{x(b.start) + 1:.1f}" y="{top + plot - height:.1f}"'
            f' width="{max(1.0, width - 2):.1f}" height="{height:.1f}" fill="{BAR}"/>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot}" x2="{right}" y2="{top + plot}" stroke="{INK}"/>'
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end">{most}</text>'
        f'<text x="{left - 6}" y="{top + plot}" text-anchor="end">0</text>'
        f'<text x="{left}" y="{top + plot + 16}">{clock(start)}</text>'
        f'<text x="{right}" y="{top + plot + 16}" text-anchor="end">{clock(end)}</text>'
        f'<text x="{(left + right) / 2:.1f}" y="{top + plot + 16}" text-anchor="middle"'
        f' fill="{FAINT}">{_text(per_bar(bins[0].minutes))}</text>'
    )
    legend_top = top + plot + 40
    lines = []
    for number, stage in enumerate(stages, start=1):
        said = counted(len(stage.moments))
        line = f"{number}. {stage.title} ({clock(stage.start)}–{clock(stage.end)}): {said}"
        lines.append(line)
        parts.append(
            f'<text x="{left}" y="{legend_top + 18 * (number - 1)}">'
            f"{_text(_short(line, 80))}</text>"
        )
    height = legend_top + 18 * max(0, len(stages) - 1) + 12
    return Chart(name, title, "; ".join(lines), WIDTH, height, "".join(parts))


# --- themes across sessions ----------------------------------------------------------------


class Recurrence(Struct, frozen=True):
    """Where one theme was heard: its members per session."""

    title: str
    counts: dict[int, int]
    """Members by session id."""


def recurrence_chart(
    name: str,
    title: str,
    themes: Sequence[Recurrence],
    sessions: Sequence[tuple[int, str]],
    *,
    counted: Callable[[int], str],
) -> Chart:
    """Themes down, sessions across (numbered, named below), a dot where a theme was heard,
    its area the number of contributions, the number written beside it. With many sessions
    the columns narrow down to a dot each (the numbers stay in the text alternative and the
    table), and the chart grows wider only as far as it stays readable when scaled to a
    page."""
    label_width, row, top = 250, 26, 30
    columns = max(1, len(sessions))
    column = max(NARROWEST_COLUMN, min(56, (WIDE - label_width - 10) // columns))
    numbered = column >= 40
    width = max(WIDTH, label_width + column * columns + 10)
    most = max((n for theme in themes for n in theme.counts.values()), default=0) or 1
    biggest = min(row / 2 - 3, column / 2 - (12 if numbered else 2))
    parts = []
    for index, (_session_id, _title) in enumerate(sessions):
        cx = label_width + column * index + column / 2
        parts.append(
            f'<text x="{cx:.1f}" y="{top - 10}" text-anchor="middle" font-weight="bold">'
            f"{index + 1}</text>"
        )
    for number, theme in enumerate(themes):
        y = top + row * number
        if number % 2 == 0:
            parts.append(
                f'<rect x="0" y="{y}" width="{label_width + column * columns}" height="{row}"'
                f' fill="{BAND}"/>'
            )
        parts.append(f'<text x="8" y="{y + 17}">{_text(_short(theme.title, 34))}</text>')
        for index, (session_id, _title) in enumerate(sessions):
            cx = label_width + column * index + column / 2
            count = theme.counts.get(session_id, 0)
            if not count:
                parts.append(f'<circle cx="{cx:.1f}" cy="{y + row / 2}" r="1.5" fill="{FAINT}"/>')
                continue
            radius = max(2.5, biggest * math.sqrt(count / most))
            if not numbered:
                parts.append(
                    f'<circle cx="{cx:.1f}" cy="{y + row / 2}" r="{radius:.1f}" fill="{BAR}"/>'
                )
                continue
            parts.append(
                f'<circle cx="{cx - 5:.1f}" cy="{y + row / 2}" r="{radius:.1f}" fill="{BAR}"/>'
                f'<text x="{cx + 5:.1f}" y="{y + row / 2 + 4}" font-size="11">{count}</text>'
            )
    legend_top = top + row * len(themes) + 22
    for index, (_session_id, session_title) in enumerate(sessions):
        parts.append(
            f'<text x="8" y="{legend_top + 18 * index}">'
            f"{index + 1}. {_text(_short(session_title, 80))}</text>"
        )
    numbers = {session_id: index + 1 for index, (session_id, _t) in enumerate(sessions)}
    description = "; ".join(
        f"{theme.title}: "
        + ", ".join(
            f"{numbers[session_id]}. {counted(count)}"
            for session_id, count in theme.counts.items()
            if session_id in numbers
        )
        for theme in themes
    )
    height = legend_top + 18 * max(0, len(sessions) - 1) + 12
    return Chart(name, title, description, width, height, "".join(parts))
