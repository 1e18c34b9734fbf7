"""How a contribution looks in the log: its columns, its text with tags and ladder, wrapped.

Kept apart from the log widget, which only decides which rows are loaded, where they sit and
which lines are on screen. A row's lines are made once per width and kept until the row or
the look changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.strip import Strip

from dialoog_tui.core.display import fit, visible
from dialoog_tui.core.model import Contribution
from dialoog_tui.tui.look import Look


@dataclass(frozen=True)
class SpeakerLabel:
    """How a speaker appears in the log."""

    name: str
    """The name shown."""
    domain_position: int | None
    """Picks the domain colour; None for the room or an unknown domain."""
    domain: str = ""
    """A short form of the domain (`inw`), shown beside the name on wide screens."""


@dataclass(frozen=True)
class LadderLabels:
    """The words for the ladder shown after a contribution's text."""

    interest: str
    value: str
    condition: str
    paraphrase: str = "paraphrase"
    """Before the note-taker's paraphrase, which shows after the ladder."""


class LogRows:
    """Lines of contributions at one width, in one look."""

    def __init__(
        self,
        *,
        speaker_label: Callable[[int | None], SpeakerLabel],
        kind_label: Callable[[Contribution], str],
        labels: LadderLabels,
        look: Look,
        console: Callable[[], Console],
    ) -> None:
        self._speaker_label = speaker_label
        self._kind_label = kind_label
        self._labels = labels
        self._look = look
        self._console = console
        self._width = 0
        self._strips: dict[int, list[Strip]] = {}

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

    def height(self, contribution: Contribution) -> int:
        """How many lines the contribution takes at the current width."""
        name_width, kind_width = self._columns()
        # Time (5), consent mark (1), a space, the name column, a space, the kind column.
        text_width = self._width - (5 + 1 + 1 + name_width + 1 + kind_width)
        body = self._body(contribution)
        if text_width > 0 and cell_len(body.plain) <= text_width:
            return 1  # the common case, without wrapping anything
        return len(self.lines(contribution))

    def _body(self, contribution: Contribution) -> Text:
        look = self._look
        body = Text()
        if contribution.reply_to_id is not None:
            body.append("↳ ", look.meta)
        # A participant's words are data: a plain Text with control characters made visible,
        # never markup, so nothing typed in a meeting can restyle or take over the terminal.
        body.append(visible(contribution.text), look.text)
        for tag in contribution.tags:
            body.append(f" #{tag}", look.tag)
        if contribution.edited_at is not None:
            body.append(" ✎", look.meta)
        ladder = [
            *(f"{self._labels.interest}: {visible(name)}" for name in contribution.interests),
            *(f"{self._labels.value}: {visible(name)}" for name in contribution.values),
        ]
        if contribution.condition:
            ladder.append(f"{self._labels.condition}: {visible(contribution.condition)}")
        if ladder:
            body.append(" ▸ " + " · ".join(ladder), look.meta)
        if contribution.paraphrase:
            body.append(
                f" ≈ {self._labels.paraphrase}: {visible(contribution.paraphrase)}", look.meta
            )
        return body

    def lines(self, contribution: Contribution) -> list[Strip]:
        """The contribution's lines at the current width (cached until it changes)."""
        cached = self._strips.get(contribution.id)
        if cached is not None:
            return cached
        look = self._look
        name_width, kind_width = self._columns()
        speaker = self._speaker_label(contribution.participant_id)
        name_style = look.domain_style(speaker.domain_position)
        kind_style = look.kind_style(contribution.kind)
        prefix = Text.assemble(
            (contribution.at.astimezone().strftime("%H:%M"), look.time),
            (contribution.consent.marker, look.strong),
            " ",
            (fit(self._speaker_text(speaker, name_width), name_width), name_style),
            " ",
            (fit(self._kind_text(contribution, kind_width - 1), kind_width - 1), kind_style),
            " ",
        )
        indent = prefix.cell_len
        text_width = max(self._width - indent, 10)
        console = self._console()
        wrapped = self._body(contribution).wrap(console, text_width, overflow="fold")
        strips: list[Strip] = []
        for number, line in enumerate(wrapped):
            lead = prefix if number == 0 else Text(" " * indent)
            segments = list(Text.assemble(lead, line, style=look.base).render(console))
            # Fewer, longer segments: every segment costs time in each frame that shows it.
            strips.append(Strip(segments).crop_extend(0, self._width, look.base).simplify())
        if not strips:
            prefix.stylize_before(look.base)
            strips.append(
                Strip(list(prefix.render(console))).crop_extend(0, self._width, look.base)
            )
        self._strips[contribution.id] = strips
        return strips

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
