"""The live log: every contribution of the loaded window, drawn line by line.

A widget per row would make each append slower as the meeting grows. This is a Line API
widget instead: it keeps the loaded contributions and, per row, its height at the current
width; only the lines on screen are rendered (and cached), so an append costs the same with
ten rows or a hundred thousand behind it. Older rows are loaded in pages when scrolled to.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from dialoog_tui.core.model import Contribution
from dialoog_tui.tui.capture.log_rows import LadderLabels, LogRows, RowPlace, SpeakerLabel
from dialoog_tui.tui.look import Look

NEAR_TOP = 3
"""When the view is this close to the top, the previous page of contributions is asked for."""

DRAW_WAIT = 0.25
"""Seconds `when_drawn` work waits at most for a frame that draws the log (one that never
comes, say while another screen covers it, must not hold the input line)."""

AFTER_FRAME = 0.005
"""Seconds between a frame with new rows and the work that waited for it. Textual hands the
frame to an output thread, which in practice got the processor only once this thread slept:
work started right after the frame held the row back from the terminal by 2-3 ms in one
Enter out of ten (at 10,000 contributions). The frame after comes 1/60 s later anyway."""


class ContributionLog(ScrollView, can_focus=False):
    """Scrollable, selectable log of contributions."""

    class SelectionChanged(Message):
        """The selected contribution changed (None: nothing selected)."""

        def __init__(self, contribution: Contribution | None) -> None:
            self.contribution = contribution
            """The newly selected contribution."""
            super().__init__()

    class OlderWanted(Message):
        """The view reached the top of the loaded rows and older ones exist."""

        def __init__(self, before_seq: int) -> None:
            self.before_seq = before_seq
            """Load contributions numbered below this."""
            super().__init__()

    def __init__(
        self,
        *,
        speaker_label: Callable[[int | None], SpeakerLabel],
        kind_label: Callable[[Contribution], str],
        reply_label: Callable[[int], str | None],
        phase_label: Callable[[int], str | None],
        labels: LadderLabels,
        placeholder: str,
        look: Look,
        table_label: Callable[[int | None], str | None] = lambda _table: None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._phase_label = phase_label
        self._painter = LogRows(
            speaker_label=speaker_label,
            kind_label=kind_label,
            reply_label=reply_label,
            labels=labels,
            look=look,
            console=lambda: self.app.console,
            table_label=table_label,
        )
        self._placeholder = placeholder
        self._rows: list[Contribution] = []
        self._index_by_id: dict[int, int] = {}
        self._heights: list[int] = []
        self._starts: list[int] = []
        self._total = 0
        self._selected_id: int | None = None
        self._blank: tuple[tuple[int, Style], Strip] | None = None
        self.has_older = False
        """True while older contributions exist that are not loaded yet."""
        self._older_requested = False
        self._drawn = True
        self._view_height = 0
        """The height the rows were last drawn in."""
        self._when_drawn: list[Callable[[], object]] = []
        self._draw_wait: Timer | None = None

    # --- state changes (called by the screen) --------------------------------------------

    @property
    def rows(self) -> Sequence[Contribution]:
        """The loaded contributions, oldest first."""
        return self._rows

    @property
    def selected(self) -> Contribution | None:
        """The selected contribution, if any."""
        index = self._index_by_id.get(self._selected_id) if self._selected_id else None
        return self._rows[index] if index is not None else None

    def reset(self, rows: Sequence[Contribution], *, has_older: bool) -> None:
        """Show `rows` (oldest first) and follow the end."""
        self._rows = list(rows)
        self.has_older = has_older
        self._older_requested = False
        if self._painter.width:
            self._relayout()
            self.scroll_end(animate=False, immediate=True)
        # Else not drawn yet: `_fit_view` lays the rows out at the width they get.

    def append(self, contribution: Contribution, *, follow: bool = True) -> None:
        """Add a newly logged contribution at the end and show it, in the next frame
        (without `follow`, the view stays where the note-taker scrolled it)."""
        self._rows.append(contribution)
        self._index_by_id[contribution.id] = len(self._rows) - 1
        if self._painter.fit_numbers(contribution.seq):
            # Number 100, 1000, …: every row's text lost a column and may wrap differently.
            self._relayout()
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
            self._drawn = False
            return
        # Drawn in the next frame: measured by drawing it (its lines are kept for that frame).
        height = len(self._painter.lines(contribution, self._place(len(self._rows) - 1)))
        self._starts.append(self._total)
        self._heights.append(height)
        self._total += height
        self._set_virtual_size()
        if follow:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()
        self._drawn = False

    def arrive(self, arrived: Sequence[Contribution]) -> None:
        """Show contributions other screens logged: at the end when they are the newest (as
        they nearly always are), else each in its place by number."""
        # A note-taker who scrolled up or selected a line to fix it is not thrown back.
        follow = self._selected_id is None and self.scroll_y >= self.max_scroll_y
        last = self._rows[-1].seq if self._rows else 0
        if all(c.seq > last for c in arrived):
            for contribution in arrived:
                self.append(contribution, follow=follow)
            return
        self._rows = sorted([*self._rows, *arrived], key=lambda c: c.seq)
        self._relayout()
        if follow:
            self.scroll_end(animate=False, immediate=True)

    def correct(self, corrected: Sequence[Contribution]) -> None:
        """Show contributions another screen changed as they read now: a removed one leaves,
        the others take their place (back in it after an undo). A view that followed the end
        goes on following it; one scrolled up or with a selection stays where it is."""
        follow = self._selected_id is None and self.scroll_y >= self.max_scroll_y
        for contribution in corrected:
            if contribution.deleted_at is not None:
                self.drop(contribution.id)
            else:
                self.restore(contribution, scroll=False)
        if follow:
            self.scroll_end(animate=False, immediate=True)

    def when_drawn(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the rows appended so far are on screen (now if they are).

        Textual draws the box around everything that changed since the last frame. A new
        row changes the log only, so the capture screen leaves what else an Enter changes
        (counts at the top and side, the input line at the bottom) to the frame after: the
        row then shows without waiting for the rest of the screen to be drawn again."""
        if self._drawn:
            callback()
            return
        self._when_drawn.append(callback)
        if self._draw_wait is None:
            self._draw_wait = self.set_timer(DRAW_WAIT, lambda: _run(self._drawn_now()))

    def prepend(self, older: Sequence[Contribution], *, has_older: bool) -> None:
        """Put a page of older contributions above, keeping the view where it was."""
        self._older_requested = False
        self.has_older = has_older
        if not older:
            return
        before = self._total
        self._rows[:0] = older
        self._relayout()
        self.scroll_to(y=self.scroll_y + (self._total - before), animate=False, immediate=True)

    def replace(self, contribution: Contribution) -> None:
        """Show the new version of an edited contribution."""
        index = self._index_by_id.get(contribution.id)
        if index is None:
            return
        self._rows[index] = contribution
        self._painter.forget(contribution.id)
        self._relayout()

    def drop(self, contribution_id: int) -> None:
        """Take a removed contribution out of the view."""
        index = self._index_by_id.get(contribution_id)
        if index is None:
            return
        if self._selected_id == contribution_id:
            self._select(None)  # while the index still finds its row
        del self._rows[index]
        self._painter.forget(contribution_id)
        self._relayout()

    def restore(self, contribution: Contribution, *, scroll: bool = True) -> None:
        """Put a contribution back in its place (by number), e.g. after an undo; shown there
        unless not `scroll` (another screen's undo does not move this one's view)."""
        if contribution.id in self._index_by_id:
            self.replace(contribution)
            return
        if self._rows and contribution.seq < self._rows[0].seq and self.has_older:
            return  # it belongs to a page that is not loaded; it will appear when it is
        insort(self._rows, contribution, key=lambda c: c.seq)
        self._relayout()
        if scroll:
            self._scroll_to_row(self._index_by_id[contribution.id])

    def restyle(self, look: Look | None = None) -> None:
        """Re-render everything: names, domains or the colour theme changed."""
        # Cached lines carry the old colours and names.
        self._painter.restyle(look or self._painter.look)
        self._relayout()

    # --- selection -----------------------------------------------------------------------

    def select_previous(self) -> None:
        """Select the contribution above the selected one (or the last one)."""
        if not self._rows:
            return
        index = self._index_by_id.get(self._selected_id) if self._selected_id else None
        target = len(self._rows) - 1 if index is None else max(index - 1, 0)
        self._select(self._rows[target].id)
        if target == 0:
            self._want_older()

    def select_next(self) -> None:
        """Select the contribution below; past the last one the selection ends."""
        index = self._index_by_id.get(self._selected_id) if self._selected_id else None
        if index is None:
            return
        self._select(self._rows[index + 1].id if index + 1 < len(self._rows) else None)

    def select(self, contribution_id: int) -> bool:
        """Select a loaded contribution and bring it into view; False when it is not
        loaded."""
        if contribution_id not in self._index_by_id:
            return False
        self._select(contribution_id)
        return True

    def clear_selection(self) -> None:
        """Select nothing (and follow the end again)."""
        if self._selected_id is not None:
            self._select(None)
        self.scroll_end(animate=False, immediate=True)

    def _select(self, contribution_id: int | None) -> None:
        before = self._selected_id
        self._selected_id = contribution_id
        # A long contribution unfolds while selected and folds again after: its height
        # changes, and with it the place of every row below.
        changed = [
            self._rows[i]
            for i in (self._index_by_id.get(k) for k in (before, contribution_id) if k)
            if i is not None
        ]
        if any(self._painter.folds(row) for row in changed):
            self._relayout()
        index = self._index_by_id.get(contribution_id) if contribution_id else None
        if index is not None:
            self._scroll_to_row(index)
        self.refresh()
        self.post_message(self.SelectionChanged(self.selected))

    def on_click(self, event: events.Click) -> None:
        """A click selects the row under the pointer."""
        line = int(self.scroll_y) + event.y
        if 0 <= line < self._total:
            self._select(self._rows[bisect_right(self._starts, line) - 1].id)

    # --- layout --------------------------------------------------------------------------

    def _fit_view(self) -> None:
        """Lay the rows out again when the log's width changed, and keep the end in view when
        its height did (called as it is drawn)."""
        view = self.scrollable_content_region
        if view.width != self._painter.width:
            self._relayout()
            if self._selected_id is None:
                self.scroll_end(animate=False, immediate=True)
        elif (
            view.height != self._view_height
            and self._selected_id is None
            and self.scroll_y >= self._total - self._view_height
        ):
            # A prompt made the input bar taller (or the terminal changed): a view that showed
            # the end shows it still, with the line the prompt is about.
            self.scroll_end(animate=False, immediate=True)
        self._view_height = view.height

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Not ScrollView's version: it moves the scrollbar, which the CSS hides (size 0), and
        # a hidden widget marked for a redraw makes Textual rebuild its map of the whole screen
        # in the next frame — on every new row.
        if round(old_value) != round(new_value):
            self.refresh()
        if new_value < NEAR_TOP:
            self._want_older()

    def _want_older(self) -> None:
        if self.has_older and self._rows and not self._older_requested:
            self._older_requested = True
            self.post_message(self.OlderWanted(self._rows[0].seq))

    def _relayout(self) -> None:
        """Recompute row heights and positions for the current width (O(loaded rows))."""
        painter = self._painter
        painter.set_width(self.scrollable_content_region.width)
        self._index_by_id = {c.id: i for i, c in enumerate(self._rows)}
        painter.keep_only(self._index_by_id)
        if self._rows:
            painter.fit_numbers(max(c.seq for c in self._rows))
        self._heights = [painter.height(c, self._place(i)) for i, c in enumerate(self._rows)]
        self._starts = []
        total = 0
        for height in self._heights:
            self._starts.append(total)
            total += height
        self._total = total
        self._set_virtual_size()
        self.refresh()

    def _place(self, index: int) -> RowPlace:
        """Where row `index` sits: whether a phase starts there, whether it is selected."""
        row = self._rows[index]
        previous = self._rows[index - 1].phase_id if index > 0 else None
        starts = row.phase_id is not None and (index == 0 or row.phase_id != previous)
        divider = self._phase_label(row.phase_id) if starts and row.phase_id is not None else None
        return RowPlace(divider=divider, folded=row.id != self._selected_id)

    def _set_virtual_size(self) -> None:
        # Setting virtual_size normally makes Textual lay out the whole screen and update the
        # scrollbar a frame later (until then, scrolling to the new end is refused). Only this
        # widget's scroll range changes, so set it without a layout and update the scrollbar
        # now: a new row is drawn, scrolled into view, in the very next frame.
        self.set_reactive(
            ContributionLog.virtual_size, Size(self._painter.width, max(self._total, 1))
        )
        self._scroll_update(self.virtual_size)

    def _scroll_to_row(self, index: int) -> None:
        top = self._starts[index]
        bottom = top + self._heights[index]
        view = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + view:
            self.scroll_to(y=max(bottom - view, 0), animate=False, immediate=True)

    def _blank_line(self) -> Strip:
        # One strip for every empty line, so its filtered version is cached with it.
        width, base = self._painter.width, self._painter.look.base
        if self._blank is None or self._blank[0] != (width, base):
            self._blank = ((width, base), Strip.blank(width, base))
        return self._blank[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        # Textual passes every line through its styles cache (background, border, padding,
        # tint) and re-styles all of them whenever the view moves, which a new row does: some
        # 0.1 ms a line, the largest part of the frame after Enter. These lines are finished
        # already (own background; the CSS gives the log no border, padding or tint), so they
        # go out as they are, through the app's filters, whose results each strip caches.
        # Fitted to its width here, as it is drawn, not on its Resize event: the screen's
        # first frame is drawn before that event arrives, and should show the rows the log
        # already holds (a first look).
        self._fit_view()
        filters = self.get_line_filters()
        _, background = self.background_colors
        strips = []
        for y in crop.line_range:
            strip = self.render_line(y)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        left, right = crop.column_span
        if (left, right) != (0, self._painter.width):
            strips = [strip.crop(left, right) for strip in strips]
        if not self._drawn:
            # What waited for this frame runs once it is out, not inside it; what a later
            # append brings waits for the frame after.
            waiting = self._drawn_now()
            self.set_timer(AFTER_FRAME, lambda: _run(waiting))
        return strips

    def _drawn_now(self) -> list[Callable[[], object]]:
        """The rows appended so far are on screen: what waited for that, to run now."""
        self._drawn = True
        if self._draw_wait is not None:
            self._draw_wait.stop()
            self._draw_wait = None
        waiting, self._when_drawn = self._when_drawn, []
        return waiting

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_y) + y
        width = self._painter.width
        look = self._painter.look
        if not self._rows:
            if y == 0:
                text = Text(self._placeholder, look.base + look.placeholder)
                return Strip(list(text.render(self.app.console))).crop_extend(0, width, look.base)
            return self._blank_line()
        if line >= self._total:
            return self._blank_line()
        index = bisect_right(self._starts, line) - 1
        contribution = self._rows[index]
        strip = self._painter.lines(contribution, self._place(index))[line - self._starts[index]]
        if contribution.id == self._selected_id:
            strip = Strip(
                [Segment(seg.text, (seg.style or Style()) + look.selected) for seg in strip],
                strip.cell_length,
            )
        return strip


def _run(callbacks: Sequence[Callable[[], object]]) -> None:
    for callback in callbacks:
        callback()
