"""How a contribution looks in the log: its columns, its text with tags and ladder, wrapped.

Kept apart from the log widget, which only decides which rows are loaded, where they sit and
which lines are on screen. A row's lines are made once per width and kept until the row or
the look changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from msgspec import Struct
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.strip import Strip

from dialoog_tui.core.display import fit, visible
from dialoog_tui.core.model import Contribution
from dialoog_tui.tui.look import Look


class SpeakerLabel(Struct, frozen=True):
    """How a speaker appears in the log."""

    name: str
    """The name shown."""
    domain_position: int | None
    """Picks the domain colour; None for the room or an unknown domain."""
    domain: str = ""
    """A short form of the domain (`inw`), shown beside the name on wide screens."""


class LadderLabels(Struct, frozen=True):
    """The words for the ladder shown after a contribution's text."""

    interest: str
    value: str
    condition: str
    paraphrase: str = "paraphrase"
    """Before the note-taker's paraphrase, which shows after the ladder."""
    owner: str = "by"
    """Before a commitment's owner."""
    due: str = "due"
    """Before a commitment's date."""
    more: str = "… {count} more lines (select to read)"
    """Under a folded contribution."""


class RowPlace(Struct, frozen=True):
    """What a row shows besides its own contribution, given where it sits in the log."""

    divider: str | None = None
    """The phase that starts at this row (a line above it), if one does."""
    folded: bool = True
    """Whether a long contribution shows only its first lines (it unfolds when selected)."""


ON_ITS_OWN = RowPlace()
"""A row with no phase starting at it, folded if long."""


FOLDED_LINES = 5
"""Lines a long contribution keeps while folded (one more says how many more there are)."""

FOLD_FROM = 9
"""Lines from which a contribution folds: a few more lines than that are read on screen
anyway, and folding would hide what ends a row (a commitment's owner, the ladder)."""


class LogRows:
    """Lines of contributions at one width, in one look."""

    def __init__(
        self,
        *,
        speaker_label: Callable[[int | None], SpeakerLabel],
        kind_label: Callable[[Contribution], str],
        reply_label: Callable[[int], str | None],
        labels: LadderLabels,
        look: Look,
        console: Callable[[], Console],
        table_label: Callable[[int | None], str | None] = lambda _table: None,
    ) -> None:
        self._speaker_label = speaker_label
        self._kind_label = kind_label
        self._reply_label = reply_label
        self._table_label = table_label
        self._labels = labels
        self._look = look
        self._console = console
        self._width = 0
        self._number_width = 2
        self._strips: dict[int, tuple[RowPlace, list[Strip]]] = {}

    @property
    def look(self) -> Look:
        """The colours rows are drawn in."""
        return self._look

    @property
    def width(self) -> int:
        """The width rows are laid out for."""
        return self._width

    def set_width(self, width: int) -> None:
        """Lay rows out for `width` from now on."""
        if width != self._width:
            self._strips.clear()
            self._width = width

    def fit_numbers(self, highest: int) -> bool:
        """Make the number column wide enough for contribution number `highest`; True when
        it widened (every row is then laid out anew: its text has one column less)."""
        width = max(len(str(highest)), 2)
        if width <= self._number_width:
            return False
        self._number_width = width
        self._strips.clear()
        return True

    def restyle(self, look: Look) -> None:
        """Draw rows in `look` (and with the speakers' current names) from now on."""
        self._look = look
        self._strips.clear()

    def forget(self, contribution_id: int) -> None:
        """The contribution changed or left: make its lines again when asked."""
        self._strips.pop(contribution_id, None)

    def keep_only(self, contribution_ids: Iterable[int]) -> None:
        """Drop the lines of every contribution not in `contribution_ids`."""
        kept = set(contribution_ids)
        self._strips = {k: v for k, v in self._strips.items() if k in kept}

    def _columns(self) -> tuple[int, int]:
        """Widths of the speaker (with domain) and kind columns: narrower on a narrow screen."""
        if self._width >= 90:
            return 19, 11
        if self._width >= 70:
            return 16, 11
        return 8, 2

    def _shows_time(self) -> bool:
        """Whether the time has room: on a narrow log the number says where a row is."""
        return self._width >= 60

    def _prefix_width(self) -> int:
        # Number, a space, time (5), consent mark (1), a space, the name, a space, the kind.
        name_width, kind_width = self._columns()
        time_width = 5 if self._shows_time() else 0
        return self._number_width + 1 + time_width + 1 + 1 + name_width + 1 + kind_width

    def height(self, contribution: Contribution, place: RowPlace = ON_ITS_OWN) -> int:
        """How many lines the contribution takes at the current width, where it sits.
        Counted from its wrapped text without drawing it: drawing takes twice as long as
        wrapping, and only the rows in view are drawn (a first look measures a screenful
        of rows, a load a whole page)."""
        cached = self._strips.get(contribution.id)
        if cached is not None and cached[0] == place:
            return len(cached[1])
        body = self._body(contribution)
        text_width = self._width - self._prefix_width()
        if text_width > 0 and place.divider is None and cell_len(body.plain) <= text_width:
            return 1  # the common case, without wrapping anything
        wrapped = self._wrapped(body, max(text_width, 10), place, self._console())
        return max(len(wrapped), 1) + (place.divider is not None)

    def _body(self, contribution: Contribution) -> Text:
        look, labels = self._look, self._labels
        body = Text()
        table = self._table_label(contribution.table_id)
        if table:  # said at another table: the room's lines are not all this table's
            body.append(f"[{visible(table)}] ", look.meta)
        if contribution.reply_to_id is not None:
            target = self._reply_label(contribution.reply_to_id)
            body.append(f"↳ {target} " if target else "↳ ", look.meta)
        # A participant's words are data: a plain Text with control characters made visible,
        # never markup, so nothing typed in a meeting can restyle or take over the terminal.
        body.append(visible(contribution.text), look.text)
        for tag in contribution.tags:
            body.append(f" #{tag}", look.tag)
        if contribution.edited_at is not None:
            body.append(" ✎", look.meta)
        promise = [
            *([f"{labels.owner} {visible(contribution.owner)}"] if contribution.owner else []),
            *([f"{labels.due} {contribution.due_on.isoformat()}"] if contribution.due_on else []),
        ]
        if promise:
            body.append(" → " + ", ".join(promise), look.meta)
        ladder = [
            *(f"{labels.interest}: {visible(name)}" for name in contribution.interests),
            *(f"{labels.value}: {visible(name)}" for name in contribution.values),
        ]
        if contribution.condition:
            ladder.append(f"{labels.condition}: {visible(contribution.condition)}")
        if ladder:
            body.append(" ▸ " + " · ".join(ladder), look.meta)
        if contribution.paraphrase:
            body.append(f" ≈ {labels.paraphrase}: {visible(contribution.paraphrase)}", look.meta)
        return body

    def lines(self, contribution: Contribution, place: RowPlace = ON_ITS_OWN) -> list[Strip]:
        """The contribution's lines at the current width, where it sits (cached until it,
        or its place, changes)."""
        cached = self._strips.get(contribution.id)
        if cached is not None and cached[0] == place:
            return cached[1]
        look = self._look
        name_width, kind_width = self._columns()
        speaker = self._speaker_label(contribution.participant_id)
        name_style = look.domain_style(speaker.domain_position)
        kind_style = look.kind_style(contribution.kind)
        prefix = Text.assemble(
            (f"{contribution.seq:>{self._number_width}} ", look.meta),
            (
                contribution.at.astimezone().strftime("%H:%M") if self._shows_time() else "",
                look.time,
            ),
            (contribution.consent.marker, look.strong),
            " ",
            (fit(self._speaker_text(speaker, name_width), name_width), name_style),
            " ",
            (fit(self._kind_text(contribution, kind_width - 1), kind_width - 1), kind_style),
            " ",
        )
        indent = prefix.cell_len  # as `_prefix_width`
        console = self._console()
        body = self._body(contribution)
        wrapped = self._wrapped(body, max(self._width - indent, 10), place, console)
        strips: list[Strip] = []
        if place.divider is not None:
            strips.append(self._divider(place.divider, console))
        for number, line in enumerate(wrapped):
            lead = prefix if number == 0 else Text(" " * indent)
            segments = list(Text.assemble(lead, line, style=look.base).render(console))
            # Fewer, longer segments: every segment costs time in each frame that shows it.
            strips.append(Strip(segments).crop_extend(0, self._width, look.base).simplify())
        if len(strips) == (place.divider is not None):
            prefix.stylize_before(look.base)
            strips.append(
                Strip(list(prefix.render(console))).crop_extend(0, self._width, look.base)
            )
        self._strips[contribution.id] = (place, strips)
        return strips

    def _wrapped(self, body: Text, width: int, place: RowPlace, console: Console) -> list[Text]:
        """A row's text as the lines it takes at `width`, folded where it sits folded."""
        wrapped = list(body.wrap(console, width, overflow="fold"))
        if place.folded and len(wrapped) >= FOLD_FROM:
            hidden = len(wrapped) - FOLDED_LINES
            wrapped = [
                *wrapped[:FOLDED_LINES],
                Text(self._labels.more.format(count=hidden), self._look.meta),
            ]
        return wrapped

    def folds(self, contribution: Contribution) -> bool:
        """Whether the contribution is long enough to fold (selecting it then changes its
        height)."""
        return self.height(contribution, RowPlace(folded=False)) >= FOLD_FROM

    def _divider(self, title: str, console: Console) -> Strip:
        """`── 2. Ideeën ─────…`: where a phase starts."""
        look = self._look
        line = Text("── ", look.meta)
        line.append(visible(title), look.strong)  # a phase's title is typed: data, not markup
        line.append(" " + "─" * max(self._width - cell_len(title) - 4, 0), look.meta)
        line.stylize_before(look.base)
        return Strip(list(line.render(console))).crop_extend(0, self._width, look.base)

    def _kind_text(self, contribution: Contribution, width: int) -> str:
        """The kind's name, or on a narrow screen its quick-entry sigil."""
        if width >= 9:
            return self._kind_label(contribution)
        return contribution.kind.sigil or "·"

    @staticmethod
    def _speaker_text(speaker: SpeakerLabel, width: int) -> str:
        """The name, and on wide screens its domain: `Anna de Boer  inw`."""
        if width < 16 or not speaker.domain:
            return visible(speaker.name)
        return fit(visible(speaker.name), width - len(speaker.domain) - 1) + " " + speaker.domain
