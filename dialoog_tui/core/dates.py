"""Reading the dates people type for commitments: 2026-05-01, 1-5-2026, 1/5 or 1-5."""

from __future__ import annotations

import re
from datetime import date

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?$")


def parse_due(text: str, today: date) -> date | None:
    """The date `text` means, or None. Without a year it is the next such day from today."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_MONTH_YEAR.match(text)
    if match is None:
        return None
    day, month, year = int(match[1]), int(match[2]), match[3]
    try:
        if year is not None:
            full = int(year) + (2000 if len(year) == 2 else 0)
            return date(full, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        return None
