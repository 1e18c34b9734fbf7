"""Errors the store reports to people: each carries one clear sentence.

An error may also carry an interface text's id and its values (`key`, `values`): the CLI
and the TUI then say it in the interface's language (`Translator.explain`); `str()` stays
the English sentence, for logs and for errors that have no text of their own yet.
"""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database that the user has to act on; `str()` is the message."""

    def __init__(self, message: str = "", *, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key = key
        """The interface text that says this (None: only the English sentence)."""
        self.values = values
        """The values the text is filled in with."""


class DatabaseUnusable(StoreError):
    """The database cannot be opened or created where it was asked for."""


class NewerDatabase(StoreError):
    """The database was written by a newer version of dialoog; it is left untouched."""


class NotFound(StoreError):
    """A session, participant or contribution that was asked for does not exist."""


class InvalidInput(StoreError):
    """Data that cannot be stored as given (an import row, a name, a domain)."""


class DatabaseAway(StoreError):
    """The database cannot be reached now (the server is down or restarting, the network is
    gone); it may answer again. Nothing of the work was stored."""


def no_session(key: str) -> NotFound:
    """A key that names no session: one sentence, whether the store finds out or the check
    before the screen appears does."""
    return NotFound(
        f"no session {key!r} (give an id or slug from 'dialoog sessions')",
        key="error.no_session",
        key_typed=key,
    )
