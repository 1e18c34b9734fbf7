"""Which agenda item a typed phase means: its number, its title, or a unique beginning.

Phases are picked as participants are (`speakers.prefix_matches`): "Idee" is "Ideeën" when no
other phase begins so, rather than a new phase nobody meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialoog_tui.core.model import Phase
from dialoog_tui.core.numbers import typed_number
from dialoog_tui.core.speakers import prefix_matches


def phase_matches(typed: str, agenda: Sequence[Phase]) -> list[Phase]:
    """The phases `typed` may mean, best kind of match only: the one numbered so, those
    titled so (case and spacing aside), else those it is the beginning of. None: a new
    phase."""
    key = " ".join(typed.split()).casefold()
    if not key:
        return []
    number = typed_number(key)
    if number is not None:
        return [p for p in agenda if p.position == number]
    exact = [p for p in agenda if " ".join(p.title.split()).casefold() == key]
    return exact or prefix_matches(key, agenda, lambda p: p.title)
