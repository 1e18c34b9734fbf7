"""Who is in the room: quick keys, domain colours, and how often each person and domain spoke."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from msgspec import Struct
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from dialoog_tui.core.display import fit, visible
from dialoog_tui.core.model import Participant
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.commands import QUICK_KEYS
from dialoog_tui.tui.look import Look

BAR_WIDTH = 8

# A panel line as plain data (kind, then what it shows). Lines are compared by these tuples
# and only those that changed are turned into text and drawn again.
LineSpec = tuple[object, ...]


class Participation(Struct, frozen=True):
    """What the panel shows; the screen builds it from its capture context."""

    people: Sequence[Participant]
    """Session participants in quick-key order."""
    counts: Mapping[int | None, int] | None
    """Contributions per participant id (None: the room); None while not counted yet."""
    domains: Sequence[str]
    """Configured domains in order."""
    domain_counts: Mapping[str | None, int]
    """Contributions per domain (None: the room or no domain)."""
    current_speaker_id: int | None
    """The participant a line without @ goes to (None: the room)."""


def participation_lines(data: Participation) -> list[LineSpec]:
    """The panel's lines: a heading, a line per person and the room, then a bar per domain."""
    positions = {name: index for index, name in enumerate(data.domains)}
    lines: list[LineSpec] = [("heading", "capture.participants", True)]
    if not data.people:
        lines += [("hint", f"capture.no_participants{part}") for part in ("", ".how", ".why")]
    counts = data.counts
    for index, person in enumerate(data.people):
        key = QUICK_KEYS[index] if index < len(QUICK_KEYS) else " "
        lines.append(
            (
                "person",
                key,
                person.name,
                positions.get(person.domain or ""),
                None if counts is None else counts.get(person.id, 0),
                person.id == data.current_speaker_id,
            )
        )
    room = None if counts is None else counts.get(None, 0)
    lines.append(("person", "0", None, None, room, data.current_speaker_id is None))
    silent = 0 if counts is None else sum(1 for p in data.people if counts.get(p.id, 0) == 0)
    if silent:
        lines.append(("silent", silent))
    lines += [("blank",), ("heading", "capture.domains", False)]
    most = max([*data.domain_counts.values(), 1])
    for name in data.domains:
        if counts is None:
            lines.append(("domain", name, positions[name], None, 0))
            continue
        count = data.domain_counts.get(name, 0)
        lines.append(("domain", name, positions[name], count, round(BAR_WIDTH * count / most)))
    return lines


def _count(count: object, look: Look) -> tuple[str, Style]:
    """A count at the end of a line: blank while not counted, `·` for none."""
    if count is None:
        return "    ", look.meta
    return (f" {count:>3}", look.text) if count else ("   ·", look.meta)


def render_line_spec(spec: LineSpec, look: Look, t: Translator, width: int) -> list[Segment]:
    """One panel line as styled pieces, on the panel's base style. Built as segments, not
    as Rich text: a start draws some fifty of these lines, and rendering text through the
    console took 2.6 ms of the first frame."""
    kind = spec[0]
    pieces: list[tuple[str, Style]] = []
    if kind == "heading":
        pieces.append((t(str(spec[1])), look.strong))
        if spec[2]:
            pieces.append(("  Alt+…", look.meta))
    elif kind == "hint":
        pieces.append((t(str(spec[1])), look.placeholder))
    elif kind == "silent":
        pieces.append((f"· {spec[1]} {t('capture.silent')}", look.meta))
    elif kind == "person":
        _, key, name, position, count, speaking = spec
        name_width = max(width - 9, 6)
        if name is None:
            label, style = t("capture.room"), look.no_domain
        else:
            label = visible(str(name))
            style = look.domain_style(position if isinstance(position, int) else None) + (
                look.strong if speaking else look.text
            )
        pieces.append(("▶" if speaking else " ", look.strong))
        pieces.append((f"{key} ", look.meta))
        pieces.append((fit(label, name_width), style))
        pieces.append(_count(count, look))
    elif kind == "domain":
        _, name, position, count, filled = spec
        style = look.domain_style(position if isinstance(position, int) else None)
        filled = int(filled) if isinstance(filled, int) else 0
        pieces.append((fit(visible(str(name)), max(width - BAR_WIDTH - 5, 6)), style))
        if count is not None:  # before the count, an empty bar would read as nobody spoke
            pieces.append((" " + "█" * filled, style))
            pieces.append(("░" * (BAR_WIDTH - filled), look.meta))
            pieces.append(_count(count, look))
    return [Segment(text, look.base + style) for text, style in pieces if text]


class ParticipantsPanel(ScrollView, can_focus=False):
    """The participants panel beside the log.

    It changes with every contribution, so it is a Line API widget that redraws only the
    lines that changed (usually two: a person's count and their domain's bar).
    """

    def __init__(self, t: Translator, look: Look, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._t = t
        self._look = look
        self._specs: list[LineSpec] = []
        self._strips: dict[int, Strip] = {}

    def show(self, data: Participation, look: Look | None = None) -> None:
        """Show new numbers (and, after a theme change, new colours)."""
        if look is not None and look is not self._look:
            self._look = look
            self._strips.clear()
            self.refresh()
        specs = participation_lines(data)
        for y, spec in enumerate(specs):
            if y >= len(self._specs) or self._specs[y] != spec:
                self._strips.pop(y, None)
                self.refresh_lines(y)
        if len(specs) != len(self._specs):
            # As in the log: only this panel's scroll range changes, so no layout is needed.
            self.set_reactive(ParticipantsPanel.virtual_size, Size(0, len(specs)))
            self._scroll_update(self.virtual_size)
            self.refresh()
        self._specs = specs
        self._keep_speaker_in_view()

    def _keep_speaker_in_view(self) -> None:
        """On a short screen not everyone fits: the panel scrolls to who speaks now."""
        current = next(
            (y for y, spec in enumerate(self._specs) if spec[0] == "person" and spec[5]), None
        )
        view = self.scrollable_content_region.height
        if current is None or view <= 0:
            return
        if not self.scroll_y <= current < self.scroll_y + view:
            self.scroll_to(y=max(current - view // 2, 0), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self._look.base
        if line >= len(self._specs):
            return Strip.blank(width, base)
        strip = self._strips.get(line)
        if strip is None:
            segments = render_line_spec(self._specs[line], self._look, self._t, width)
            strip = Strip(segments).crop_extend(0, width, base).simplify()
            self._strips[line] = strip
        return strip
