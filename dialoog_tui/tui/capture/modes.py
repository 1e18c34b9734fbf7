"""What the capture screen's input line is for, as a small state machine: plain data and pure
transitions, no widgets, so every rule can be tested on its own.

The line is for a new contribution (`CAPTURE`), or a prompt holds it: editing a contribution,
naming what lies under one (ladder), writing its paraphrase, or choosing a phase. A prompt
puts the half-typed line aside and gives it back when it closes. A prompt can be *offered*
rather than asked for: after a resistance the ladder prompt, after a switch to paraphrase
the paraphrase prompt; an offered ladder prompt still takes a plain line as the next
contribution, so typing on never goes astray. Beside the mode: the contribution the next
one replies to, and the resistance whose ladder is to be offered once its line has left
the input.
"""

from __future__ import annotations

from enum import Enum

from msgspec import Struct
from msgspec.structs import replace

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import Contribution
from dialoog_tui.core.quick_entry import parse_entry


class EntryMode(Enum):
    """What the input line is for at the moment."""

    CAPTURE = "capture"
    """Typing a new contribution."""
    EDIT = "edit"
    """Changing a logged contribution."""
    PHASE = "phase"
    """Naming the phase to go to."""
    LADDER = "ladder"
    """Naming the interests, values and condition under a contribution."""
    PARAPHRASE = "paraphrase"
    """Writing the note-taker's paraphrase of a contribution."""


ON_SELECTION = frozenset({"edit", "remove", "reply", "ladder", "paraphrase"})
"""Actions on the selected contribution: only while typing, and only with a selection."""


class EntryState(Struct, frozen=True):
    """The input line's mode and what it is about."""

    mode: EntryMode = EntryMode.CAPTURE
    target: Contribution | None = None
    """The contribution a prompt is about (edited, laddered, paraphrased)."""
    loaded: Contribution | None = None
    """`target` as the line was made from it: another screen may change the target meanwhile
    (`target` then becomes the new version), and what the line leaves as it was loaded is
    not the note-taker's change."""
    offered: bool = False
    """The prompt was offered, not asked for."""
    stash: str = ""
    """The half-typed line put aside while a prompt holds the input."""
    reply_to: Contribution | None = None
    """The contribution the next one answers."""
    ladder_due: Contribution | None = None
    """A resistance just logged: its ladder prompt is offered once its line left the input."""

    # --- transitions ---------------------------------------------------------------------

    def prompt(
        self,
        mode: EntryMode,
        typed: str,
        *,
        target: Contribution | None = None,
        offered: bool = False,
    ) -> EntryState:
        """A prompt takes the line; what was typed for a new contribution is put aside
        (from another prompt, the line put aside earlier stays aside)."""
        stash = typed if self.mode is EntryMode.CAPTURE else self.stash
        return replace(self, mode=mode, target=target, loaded=target, offered=offered, stash=stash)

    def leave(self) -> EntryState:
        """Back to typing a new contribution; `stash` is the line to give back."""
        return replace(
            self, mode=EntryMode.CAPTURE, target=None, loaded=None, offered=False, stash=""
        )

    def replying(self, to: Contribution | None) -> EntryState:
        """The next contribution answers `to` (None: no reply)."""
        return replace(self, reply_to=to)

    def expecting_ladder(self, resistance: Contribution | None) -> EntryState:
        """Offer `resistance`'s ladder once its line has left the input (None: nothing)."""
        return replace(self, ladder_due=resistance)

    # --- what the state means ------------------------------------------------------------

    @property
    def capturing(self) -> bool:
        """The line is for a new contribution."""
        return self.mode is EntryMode.CAPTURE

    def is_new_contribution(self, line: str) -> bool:
        """Whether `line`, entered now, is logged as a new contribution: while capturing, or
        at an offered ladder prompt when it names no interest, value or condition."""
        if self.capturing:
            return True
        return self.mode is EntryMode.LADDER and self.offered and not has_annotations(line)

    @property
    def draft_in_input(self) -> bool:
        """Whether the input holds the line a saved draft should keep (else `stash` does):
        while capturing, and at an offered ladder prompt, where typing goes on."""
        return self.capturing or (self.mode is EntryMode.LADDER and self.offered)

    def allows(self, action: str, *, selected: bool) -> bool:
        """Whether a key action applies now (and shows in the footer)."""
        if action in ON_SELECTION:
            return self.capturing and selected
        if action == "consent":
            # From the paraphrase prompt offered on the way round, going on round is fine.
            return self.capturing or self.mode is EntryMode.PARAPHRASE
        if action in ("select_previous", "select_next"):
            return self.capturing
        return True

    def consent_of_line(
        self, paraphrase: str | None, *, chosen: Consent | None, default: Consent
    ) -> Consent:
        """The consent the line in the input will have: as chosen (Ctrl+T), else the
        session's default, or when editing, the contribution's own; a first paraphrase
        makes a quotable one paraphrase, as the store will (`Consent.with_paraphrase`)."""
        target = self.target
        if self.mode is EntryMode.EDIT and target is not None:
            first = target.paraphrase is None
            return target.consent.with_paraphrase(paraphrase) if first else target.consent
        return chosen if chosen is not None else default.with_paraphrase(paraphrase)


def has_annotations(line: str) -> bool:
    """Whether `line` names an interest, a value or a condition."""
    entry = parse_entry(line)
    return bool(entry.interests or entry.values or entry.condition)


def ladder_of(line: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """What a line typed at the ladder prompt means: plain words are an interest."""
    entry = parse_entry(line)
    interests = entry.interests
    if entry.text and entry.text.casefold() not in {i.casefold() for i in interests}:
        interests = (entry.text, *interests)
    return interests, entry.values, entry.condition
