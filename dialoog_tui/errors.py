"""Errors the store reports to people: each carries one clear sentence."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database that the user has to act on; `str()` is the message."""


class DatabaseUnusable(StoreError):
    """The database cannot be opened or created where it was asked for."""


class NewerDatabase(StoreError):
    """The database was written by a newer version of dialoog; it is left untouched."""


class NotFound(StoreError):
    """A session, participant or contribution that was asked for does not exist."""


class InvalidInput(StoreError):
    """Data that cannot be stored as given (an import row, a name, a domain)."""
