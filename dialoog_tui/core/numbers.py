"""Numbers as people type them: a session's or a participant's id, a phase's place."""

from __future__ import annotations

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
