"""Undo and redo of changes to the record. Each change knows how to reverse itself."""

from __future__ import annotations

from typing import Generic, TypeVar

from msgspec import Struct, field

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.ladder import Ladder
from dialoog_tui.core.model import CommitmentTerms

T = TypeVar("T")


class ContributionContent(Struct, frozen=True):
    """The editable part of a contribution, as it was before or after an edit."""

    participant_id: int | None
    """The speaker (None: the room)."""
    kind: Kind
    """The kind."""
    text: str
    """The text."""
    tags: tuple[str, ...]
    """The tags."""
    ladder: Ladder = field(default_factory=Ladder)
    """Interests, values and condition (an edited line carries them too)."""
    paraphrase: str | None = None
    """The note-taker's paraphrase."""
    consent: Consent | None = None
    """The consent (None: as it is); giving a paraphrase can change it."""
    commitment: CommitmentTerms | None = None
    """A commitment's owner and date (None: as they are)."""


class WasLogged(Struct, frozen=True):
    """A contribution was logged; undoing it removes it (and the speaker its line
    introduced, when nothing else refers to them: a typo'd name leaves no participant)."""

    contribution_id: int
    introduced_speaker: bool = False


class WasRemoved(Struct, frozen=True):
    """A contribution was removed; undoing it brings it back."""

    contribution_id: int


class WasEdited(Struct, frozen=True):
    """A contribution was edited; undoing it puts the earlier content back."""

    contribution_id: int
    before: ContributionContent
    after: ContributionContent


class WasLaddered(Struct, frozen=True):
    """Interests, values or condition were set; undoing it puts the earlier ones back."""

    contribution_id: int
    before: Ladder
    after: Ladder


class WasConsented(Struct, frozen=True):
    """The consent was changed; undoing it restores the earlier consent."""

    contribution_id: int
    before: Consent
    after: Consent


class Paraphrased(Struct, frozen=True):
    """A contribution's paraphrase with the consent it goes with."""

    paraphrase: str | None
    consent: Consent


class WasParaphrased(Struct, frozen=True):
    """The note-taker's paraphrase was written or changed; undoing it puts the earlier one
    (and the consent that went with it) back."""

    contribution_id: int
    before: Paraphrased
    after: Paraphrased


Change = WasLogged | WasRemoved | WasEdited | WasLaddered | WasConsented | WasParaphrased
"""Anything the undo stack can reverse."""


class UndoStack(Generic[T]):
    """Changes that can be undone, and undone changes that can be redone.

    A new change clears the redo side, as in every editor people know.
    """

    def __init__(self, limit: int = 500) -> None:
        self._done: list[T] = []
        self._undone: list[T] = []
        self._limit = limit

    def push(self, change: T) -> None:
        """Record a fresh change."""
        self._done.append(change)
        del self._done[: -self._limit]
        self._undone.clear()

    def peek_undo(self) -> T | None:
        """The change `undo` would reverse."""
        return self._done[-1] if self._done else None

    def peek_redo(self) -> T | None:
        """The change `redo` would repeat."""
        return self._undone[-1] if self._undone else None

    def drop_undo(self) -> T:
        """Forget the newest change (its undo failed and cannot be tried again)."""
        return self._done.pop()

    def drop_redo(self) -> T:
        """Forget the newest undone change (its redo failed)."""
        return self._undone.pop()

    def undone(self) -> T:
        """Move the newest change to the redo side (after it was reversed)."""
        change = self._done.pop()
        self._undone.append(change)
        return change

    def redone(self) -> T:
        """Move the newest undone change back (after it was repeated)."""
        change = self._undone.pop()
        self._done.append(change)
        return change
