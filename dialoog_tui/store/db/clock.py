"""The store's notion of now: timezone-aware UTC, as every stored timestamp is."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)
