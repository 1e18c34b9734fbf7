"""Which agenda item a typed phase means: its number, its title, or a unique beginning.

Phases are picked as participants are (`speakers.prefix_matches`): "Idee" is "Ideeën" when no
other phase begins so, rather than a new phase nobody meant.
"""

from __future__ import annotations

from collections.abc import Sequence
from os.path import commonprefix

from dialoog_tui.core.model import Contribution, Phase
from dialoog_tui.core.numbers import typed_number
from dialoog_tui.core.speakers import name_key, prefix_matches


def phase_matches(typed: str, agenda: Sequence[Phase]) -> list[Phase]:
    """The phases `typed` may mean, best kind of match only: the one numbered so, those
    titled so (case and spacing aside), else those it is the beginning of. None: a new
    phase."""
    key = name_key(typed)
    if not key:
        return []
    number = typed_number(key)
    if number is not None:
        return [p for p in agenda if p.position == number]
    exact = [p for p in agenda if name_key(p.title) == key]
    return exact or prefix_matches(key, agenda, lambda p: p.title)


def came_after(said: Sequence[Contribution]) -> dict[int, int]:
    """Per phase: the phase the meeting was in when it began, as far as `said` (in any
    order) shows. A stray phase added late stands last on the agenda, but its contributions
    belong to the phase it interrupted, not to the one before it on the agenda."""
    found: dict[int, int] = {}
    seen: set[int | None] = set()
    before: int | None = None
    for contribution in sorted(said, key=lambda c: c.seq):
        phase = contribution.phase_id
        if phase not in seen and phase is not None and before is not None and before != phase:
            found[phase] = before
        seen.add(phase)
        before = phase
    return found


def resembling(
    title: str, agenda: Sequence[Phase], *, other_than: int | None = None
) -> Phase | None:
    """The one phase (other than `other_than`) whose title `title` begins like (most of its
    letters, three at least): "Idea" for "Ideeën", a phase typed wrong at Ctrl+G; None for
    none or more."""
    title = title.casefold()
    close = [
        other
        for other in agenda
        if other.id != other_than
        and (shared := _shared_beginning(title, other.title.casefold())) >= RESEMBLING_LETTERS
        and shared >= RESEMBLING_SHARE * len(title)
    ]
    return close[0] if len(close) == 1 else None


RESEMBLING_LETTERS = 3
RESEMBLING_SHARE = 0.7
"""How much of a title must begin as another does for one to be the other typed wrong."""


def _shared_beginning(one: str, other: str) -> int:
    # Letter by letter, which is what commonprefix does (not path parts, as ruff suspects).
    return len(commonprefix([one, other]))  # noqa: RUF071
