"""A theme named by what its members' note-taker recorded as being at stake, or as what it
was about.

An interest (belang) is the note-taker's word for what matters to a speaker: "nachtrust",
"veilig oversteken". Where the members of a theme share one, it names the theme more
plainly than any phrase from the texts; `explain` falls back to a tag the note-taker put on
them ("#participatie"), then to a value (waarde), then to a phrase (`phrases`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.types import ThemeInput

LEAST = 3
"""Members that must carry an interest for it to name their theme."""
SHARE = 0.12
"""Share of a theme's members that must carry an interest for it to name the theme. A
note-taker records interests mostly under resistance, for a few contributions of a theme:
of a theme of 23 about being heard, three carried "serieus genomen worden", a plainer name
than any phrase of its texts ("punt"), where a fifth would have been needed at 0.2."""
LIFT = 2.0
"""How much more often than its size would have it a theme must carry an interest that is
heard across themes, to be named by it: "bereikbaarheid", carried by 7 of a theme of 12
about cars and parking and by 9 others in five other themes (of 157), names the first."""


def ladder_names(
    groups: Sequence[Sequence[int]],
    inputs: Sequence[ThemeInput],
    terms_of: Callable[[ThemeInput], Sequence[str]],
) -> list[str | None]:
    """Per group of input indices, the term (`terms_of`: its interests, tags or values) that
    names it, if one does: carried by at least `LEAST` of its members and `SHARE` of them,
    and mostly here: at least half of all who carry it across the groups, or `LIFT` times
    the share of them the group's size would give it. A term names one
    group at most, the one that carries it most. Paraphrase-only contributions lend no words
    to a label, their interests neither. Terms are compared ignoring case; the most used
    wording names the group."""
    wording: dict[str, Counter[str]] = {}
    carried: list[Counter[str]] = []
    for members in groups:
        counts: Counter[str] = Counter()
        for member in members:
            item = inputs[member]
            if item.consent is Consent.PARAPHRASE:
                continue
            for key, written in {term.casefold(): term for term in terms_of(item)}.items():
                counts[key] += 1
                wording.setdefault(key, Counter())[written] += 1
        carried.append(counts)
    everywhere = sum(carried, Counter[str]())
    grouped = sum(len(members) for members in groups)
    named: dict[str, int] = {}  # term → the group it names
    for group, (members, counts) in enumerate(zip(groups, carried, strict=True)):
        if not counts:
            continue
        key, count = max(counts.items(), key=lambda item: (item[1], item[0]))
        enough = count >= max(LEAST, math.ceil(SHARE * len(members)))
        share = count / everywhere[key]
        mostly_here = share >= 0.5 or share >= LIFT * len(members) / grouped
        holder = named.get(key)
        if enough and mostly_here and (holder is None or carried[holder][key] < count):
            named[key] = group
    by_group = {group: key for key, group in named.items()}
    return [
        wording[by_group[group]].most_common(1)[0][0] if group in by_group else None
        for group in range(len(groups))
    ]
