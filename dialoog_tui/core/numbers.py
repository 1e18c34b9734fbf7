"""Numbers as people type them: a session's or a participant's id, a phase's place, a
contribution."""

from __future__ import annotations

from msgspec import Struct

LONGEST = 18
"""Digits a typed number may have: any more and it fits no database id (SQLite's and
PostgreSQL's are 64-bit), so the text is read as a name instead."""


def typed_number(text: str) -> int | None:
    """`text` as a whole number if it is written in the digits 0-9 (spaces around it
    aside); None otherwise: "²" is a digit to Python, but not a number anyone types."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= LONGEST:
        return int(text)
    return None


class ContributionRef(Struct, frozen=True):
    """A contribution as someone types it: by its id (`109`), or by its number in a session
    as the minutes and every shared output give it (`avond-2#13`, `2#13`; `#13` where the
    command names the session already)."""

    number: int
    """Its id, or with `numbered` its number in the session."""
    numbered: bool = False
    session: str | None = None
    """The session before '#' (an id or slug; None: not typed)."""


def typed_contribution(text: str) -> ContributionRef | None:
    """`text` as a contribution reference; None when it is none."""
    if "#" not in text:
        number = typed_number(text)
        return None if number is None else ContributionRef(number)
    session, _, after = text.strip().rpartition("#")
    number = typed_number(after)
    if number is None or number < 1:
        return None
    return ContributionRef(number, numbered=True, session=session.strip() or None)
