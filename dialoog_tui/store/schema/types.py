"""Column types shared by the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp, stored as UTC on every backend.

    SQLite keeps no offset, so values are normalised to UTC on the way in and given the UTC
    zone back on the way out; PostgreSQL stores `timestamptz`. Naive datetimes are refused:
    a time without a zone is a bug waiting for the next daylight-saving switch.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store timezone-aware times only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


_NUL = "\x00"
_ESCAPE = "\U0010fffd"  # a private-use character no keyboard or import produces on purpose


class VerbatimText(TypeDecorator[str]):
    """Text stored exactly as given, NUL characters included.

    PostgreSQL text cannot hold NUL, so there (only) NUL is written as a two-character escape
    and read back as NUL; the escape character itself is doubled, which keeps it reversible.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or dialect.name == "sqlite":
            return value
        if _NUL not in value and _ESCAPE not in value:
            return value
        return value.replace(_ESCAPE, _ESCAPE * 2).replace(_NUL, _ESCAPE + "0")

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or dialect.name == "sqlite" or _ESCAPE not in value:
            return value  # type: ignore[no-any-return]
        out: list[str] = []
        chars = iter(value)
        for char in chars:
            if char == _ESCAPE:
                following = next(chars, "")
                out.append(_NUL if following == "0" else _ESCAPE)
            else:
                out.append(char)
        return "".join(out)
