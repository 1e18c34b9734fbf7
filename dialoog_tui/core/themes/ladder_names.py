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
from collections.abc import Callable, Collection, Sequence

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
    """Per group of input indices, the term that names it best, if one does (the first of
    `candidate_names`)."""
    return [names[0][0] if names else None for names in candidate_names(groups, inputs, terms_of)]


def candidate_names(
    groups: Sequence[Sequence[int]],
    inputs: Sequence[ThemeInput],
    terms_of: Callable[[ThemeInput], Sequence[str]],
) -> list[list[tuple[str, int]]]:
    """Per group of input indices, the terms (`terms_of`: its interests, tags or values) that
    could name it, with how many of its members carry each, most carried first: carried by
    at least `LEAST` of its members and `SHARE` of them, and mostly here: at least half of
    all who carry it across the groups, or `LIFT` times the share of them the group's size
    would give it (of equally carried terms, the last in alphabetical order first). A term
    can name one group only: of those it could name, the one that carries it most; of
    equals, the one it comes first in (#groen, carried by six of a theme about trees and by
    six of one about renovation, where #renovatie comes first), then the first group.
    Paraphrase-only contributions lend no words to a label, their interests neither. Terms
    are compared ignoring case; the most used wording names the group.

    More than one, because the first may name another theme already (`explain`)."""
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

    ranked = [
        {key: rank for rank, (key, _) in enumerate(_most_carried_first(counts))}
        for counts in carried
    ]

    def weight(group: int, key: str) -> tuple[int, int]:
        return carried[group][key], -ranked[group][key]

    grouped = sum(len(members) for members in groups)
    qualified: list[list[str]] = []  # per group, the terms that could name it, best first
    for members, counts in zip(groups, carried, strict=True):
        least = max(LEAST, math.ceil(SHARE * len(members)))
        qualified.append(
            [
                key
                for key, count in _most_carried_first(counts)
                if count >= least
                and (
                    (share := count / everywhere[key]) >= 0.5
                    or share >= LIFT * len(members) / grouped
                )
            ]
        )
    holder: dict[str, int] = {}  # among the groups it could name
    for group, keys in enumerate(qualified):
        for key in keys:
            if key not in holder or weight(holder[key], key) < weight(group, key):
                holder[key] = group
    candidates = [
        [
            (wording[key].most_common(1)[0][0], carried[group][key])
            for key in keys
            if holder[key] == group
        ]
        for group, keys in enumerate(qualified)
    ]
    return candidates


def _most_carried_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (item[1], item[0]), reverse=True)


OUTWEIGHS = 3
"""How many times as many members a tag or value must carry as the interest that could name a
theme, to name it instead. Interests are recorded for few contributions (under resistance),
so three who raised "serieus genomen worden" name a theme of 23 where seven carry the tag
#vertrouwen; but three who asked for a toilet do not name a theme of 24 where nine carry
#renovatie."""


def best_name(
    interests: Sequence[tuple[str, int]],
    others: Sequence[tuple[str, int]],
    taken: Collection[str],
) -> str | None:
    """The name of a theme: of its candidates (`candidate_names`) not naming another theme
    already, its first interest, unless a tag or value (`others`, tags first) is carried
    `OUTWEIGHS` times as much; None when there is none."""
    interest = next((n for n in interests if n[0].casefold() not in taken), None)
    free = [n for n in others if n[0].casefold() not in taken]
    other = max(free, key=lambda n: n[1]) if free else None  # max keeps the first of equals
    if interest is None:
        return other[0] if other else None
    if other is not None and other[1] >= OUTWEIGHS * interest[1]:
        return other[0]
    return interest[0]
