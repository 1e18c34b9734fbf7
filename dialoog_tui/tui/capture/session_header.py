"""The top of the capture screen: title, question, time running and the current phase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from dialoog_tui.core.display import visible
from dialoog_tui.core.model import Phase, Session
from dialoog_tui.i18n import Translator
from dialoog_tui.tui.look import Look

LIVE_HOURS = 12
"""A session younger than this shows a running clock; an older one its start date."""


def format_elapsed(seconds: float) -> str:
    """H:MM since the start (0:00 before it).

    Minutes, not seconds: a clock that changes every second draws a frame every second, and
    Textual draws at most one frame per 1/60 s. An Enter just after such a frame waited for
    the next one: 10-30 ms, in some 3 Enters out of 100 (traced at 10,000 contributions)."""
    minutes = max(int(seconds), 0) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


class SessionHeader(Widget):
    """Title and question on one line; elapsed time, phase and count on the next.

    The second line changes with every contribution and every minute. As a Static the
    whole header went through Textual's content pipeline each time (0.7 ms of the frame
    after Enter); drawn line by line, only the line that changed is drawn again.
    """

    def __init__(
        self, t: Translator, look: Look, *, clock: Callable[[], datetime], id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._t = t
        self._look = look
        self._clock = clock
        self._session: Session | None = None
        self._phase: Phase | None = None
        self._count: int | None = 0
        self._waiting = 0
        self._table: str | None = None
        self._lines = [Text(t("capture.loading")), Text()]
        self._strips: dict[int, tuple[Style, Strip]] = {}

    def on_mount(self) -> None:
        self.set_interval(1, self._redraw)

    def show(
        self, session: Session, phase: Phase | None, count: int | None, look: Look | None = None
    ) -> None:
        """Show the session's current state (`count` None: not counted yet)."""
        self._session, self._phase, self._count = session, phase, count
        if look is not None:
            self._look = look
        self._redraw()

    def show_table(self, name: str | None) -> None:
        """The table this screen captures at (None: the whole room)."""
        self._table = name
        self._redraw()

    def show_waiting(self, waiting: int) -> None:
        """How many lines wait in the outbox for the database (0: none, it is reachable)."""
        self._waiting = waiting
        self._redraw()

    def _redraw(self) -> None:
        session = self._session
        if session is None:
            return
        look, t = self._look, self._t
        title = Text()
        title.append(visible(session.title), look.strong)
        if session.question:
            title.append("  —  ", look.meta)
            title.append(visible(session.question), look.text)
        text = Text()
        if self._waiting:
            # First on the line, so a narrow screen cuts the phase rather than this.
            text.append(
                t("capture.offline", count=self._waiting), look.strong + Style(reverse=True)
            )
            text.append("   ")
        if self._table is not None:
            text.append(f"{t('capture.table')} ", look.meta)
            text.append(visible(self._table), look.strong)
            text.append("   ")
        elapsed = (self._clock() - session.started_at).total_seconds()
        if 0 <= elapsed < LIVE_HOURS * 3600:
            text.append(f"{t('capture.elapsed')} ", look.meta)
            text.append(format_elapsed(elapsed), look.strong)
        else:
            # A session resumed days later: when it was is more useful than how long ago.
            text.append(session.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), look.text)
        text.append("   ")
        if self._phase is not None:
            text.append(f"{t('cmd.phase')} {self._phase.position}: ", look.meta)
            text.append(visible(self._phase.title), look.strong)
        else:
            text.append(t("capture.no_phase"), look.meta)
        if self._count is not None:
            text.append(f"   {t('picker.count', count=self._count)}", look.meta)
        for y, line in enumerate((title, text)):
            if line != self._lines[y]:
                self._lines[y] = line
                self._strips.pop(y, None)
                self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self) -> None:
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        base = self.rich_style  # the header's own colours, from the CSS
        if y >= len(self._lines):
            return Strip.blank(width, base)
        cached = self._strips.get(y)
        if cached is None or cached[0] != base:
            line = self._lines[y].copy()
            line.stylize_before(base)
            line.truncate(width, overflow="ellipsis")
            strip = Strip(list(line.render(self.app.console))).crop_extend(0, width, base)
            cached = self._strips[y] = (base, strip.simplify())
        return cached[1]
