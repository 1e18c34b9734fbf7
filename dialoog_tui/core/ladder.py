"""What a note-taker sets under one contribution: its interests, values and condition, from
the shared vocabularies, and a commitment's ledger entry. The session's ladder built from
them is `ladder_report`."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from msgspec import Struct


class TermKind(StrEnum):
    """The two vocabularies."""

    INTEREST = "interest"
    VALUE = "value"


class Term(Struct, frozen=True):
    """An entry of the shared vocabulary of interests or values."""

    id: int
    """Database id."""
    kind: TermKind
    """Interest or value."""
    name: str
    """The name as used (Dutch for the starter values)."""
    name_en: str | None = None
    """An English name that means the same (starter values have one)."""


class Ladder(Struct, frozen=True):
    """Interests, values and condition under one contribution."""

    interests: tuple[str, ...] = ()
    """Interest names (new ones join the vocabulary)."""
    values: tuple[str, ...] = ()
    """Value names (new ones join the vocabulary)."""
    condition: str | None = None
    """What would make it acceptable."""

    @property
    def is_empty(self) -> bool:
        """Nothing on the ladder."""
        return not (self.interests or self.values or self.condition)


class Commitment(Struct, frozen=True):
    """A commitment's ledger entry: who does it, by when, and whether it was done."""

    contribution_id: int
    """The commitment contribution."""
    owner: str | None = None
    """Who will do it."""
    due_on: date | None = None
    """By when."""
    done_at: datetime | None = None
    """When it was marked done."""
