"""Recognising rows that an import already brought in, so importing a file twice never
doubles a meeting.

A row with a `ref` is there when a contribution of its session has that ref. A row without
one is recognised by what it says: its speaker, its text (spacing aside) and its minute,
when the file gives a time. Removed contributions count, and so do the words a contribution
had before an edit: a contribution taken out or corrected after an import does not come
back when the file is imported again. Rows are counted, not only looked up: a file that holds
"Eens." twice from the same speaker, imported over a session that holds it once, adds it once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from typing import TypeVar

from msgspec import Struct

K = TypeVar("K")


class StoredMark(Struct, frozen=True):
    """What identifies a stored contribution for an import."""

    id: int
    ref: str | None
    participant_id: int | None
    at: datetime
    text: str


def _said(participant_id: int | None, text: str) -> tuple[int | None, str]:
    return participant_id, " ".join(text.split())


def _minute(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(second=0, microsecond=0)


class AlreadyThere:
    """The contributions a session holds, to take rows against one at a time."""

    def __init__(self, stored: Iterable[StoredMark]) -> None:
        self._refs: set[str] = set()
        self._minutes: dict[tuple[int | None, str], Counter[datetime]] = {}
        for mark in stored:
            if mark.ref:
                self._refs.add(mark.ref)
            minutes = self._minutes.setdefault(_said(mark.participant_id, mark.text), Counter())
            minutes[_minute(mark.at)] += 1

    def take(
        self, *, ref: str | None, participant_id: int | None, at: datetime | None, text: str
    ) -> bool:
        """Whether the row is there already; if so the contribution it matched is counted
        off, so that an identical row after it is only there when the session holds it
        twice. A row without a time matches the same words at any minute."""
        if ref:
            return ref in self._refs
        minutes = self._minutes.get(_said(participant_id, text))
        if not minutes:
            return False
        minute = _minute(at) if at is not None else next((m for m, n in minutes.items() if n), None)
        return minute is not None and _count_off(minutes, minute)

    def add(self, *, ref: str | None) -> None:
        """A row was stored: later rows with its ref are there (a file repeating a ref holds
        one contribution, not two)."""
        if ref:
            self._refs.add(ref)


def _count_off(counter: Counter[K], key: K) -> bool:
    if counter[key] <= 0:
        return False
    counter[key] -= 1
    return True


class Answerable:
    """What a reply in an import can answer in one session: its contributions by `ref` and
    by the time of day they were said (the latest at a minute)."""

    def __init__(self, stored: Iterable[StoredMark], zone: tzinfo | None) -> None:
        self._zone = zone
        self._by_ref: dict[str, int] = {}
        self._by_time: dict[str, int] = {}
        for mark in sorted(stored, key=lambda m: (m.at, m.id)):
            self.add(mark.id, ref=mark.ref, at=mark.at)

    def add(self, contribution_id: int, *, ref: str | None, at: datetime) -> None:
        """A contribution a later row may answer."""
        self._by_time[at.astimezone(self._zone).strftime("%H:%M")] = contribution_id
        if ref:
            self._by_ref[ref] = contribution_id

    def by_ref(self, ref: str) -> int | None:
        """The contribution with this `ref`, if any."""
        return self._by_ref.get(ref)

    def by_time(self, clock: str) -> int | None:
        """The latest contribution said at `clock` (`19:05`), if any."""
        return self._by_time.get(clock)
