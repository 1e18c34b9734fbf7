"""A theme's label as a facilitator would write it: a short phrase from its own contributions.

Candidates are the runs of one to four words in the members' texts (as the engine read
them, through the consent gate) that begin and end with a content word: "parkeren voor
bewoners", "vertrouwen in de gemeente", "ouderen met hun telefoon". A candidate counts when
two members speak of all its content words (in any form: the stems are compared), and is
scored by how many do and how distinctive those words are for this theme (`term_scores`,
class-based TF-IDF). Where meaning vectors are at hand, of the candidates that score near
the best, the one used by the members most typical of the theme wins (`phrase_label`).
The label is the candidate's most frequent wording, in the members' own language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from msgspec import Struct

from dialoog_tui.core.themes.text import (
    BACKCHANNEL,
    DUTCH_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    Stems,
    detect_language,
    words,
)

LONGEST = 4
"""Words a phrase may have."""
MOST_CONTENT = 3
"""Content words a phrase may have."""
SHORTLIST = 30
"""Best-scoring candidates read for their meaning, at most."""
NEAR = 0.8
"""Share of the best score a candidate needs to be read for its meaning: of phrases nearly
as well supported, the one the theme's core uses says most (lower, and phrases of a few
atypical members won on the demo series: "eerste zomer op vrijdag" over "tien uur")."""
READ = 200
"""Members a phrase is looked for in, most typical first: a label says what the core of a
theme says, and reading every member of a theme of thousands takes seconds."""

LINKS = {
    "nl": frozenset(
        "voor van in met op naar bij uit over aan om tot zonder tegen door en of".split()  # noqa: SIM905
    ),
    "en": frozenset(
        "for of in with on to at from about without against by and or".split()  # noqa: SIM905
    ),
}
"""Words that may join two content words in a phrase ("parkeren voor bewoners")."""
DETERMINERS = {
    "nl": frozenset("de het een hun haar zijn onze ons mijn uw jullie".split()),  # noqa: SIM905
    "en": frozenset("the a an their his her its our my your".split()),  # noqa: SIM905
}
"""Words that may follow a joining word ("vertrouwen in de gemeente")."""


class Member(Struct, frozen=True):
    """What a phrase may be taken from: a member's text as the engine read it."""

    text: str
    language: str | None = None
    names: frozenset[str] = frozenset()
    """Words that are people's names: a theme is not "Piet"."""


class Candidate(Struct, frozen=True):
    """A phrase a label could be."""

    wording: str
    """As members most often wrote it."""
    support: int
    """Members that speak of all its content words."""
    score: float
    """`support` times the distinctiveness of its content words."""
    speakers: frozenset[int]
    """Positions of the members that speak of all its content words."""


def phrase_label(
    members: Sequence[Member],
    term_scores: Mapping[str, float],
    stems: Stems,
    *,
    typical: Sequence[float] | None = None,
    fallback: str = "nl",
    taken: Collection[str] = (),
) -> str | None:
    """The best phrase for a theme of `members` that does not name another theme already
    (`taken`, casefolded); None when no content word is shared.

    With `typical` (per member, how close its meaning comes to what sets the theme apart),
    of the candidates that score near the best, the one whose speakers are the most typical
    wins: a phrase of the theme's core, not just the word most members happen to use."""
    ranked = candidates(members, term_scores, stems, fallback=fallback)
    ranked = [c for c in ranked if c.wording.casefold() not in taken]
    if not ranked:
        return None
    if typical is None:
        return ranked[0].wording
    # Words decide which phrases are in the running; meaning decides between near equals.
    shortlist = [c for c in ranked[:SHORTLIST] if c.score >= NEAR * ranked[0].score]
    closeness = [sum(typical[i] for i in c.speakers) / len(c.speakers) for c in shortlist]
    best = max(range(len(shortlist)), key=lambda i: (closeness[i], -i))
    return shortlist[best].wording


def candidates(
    members: Sequence[Member], term_scores: Mapping[str, float], stems: Stems, *, fallback: str
) -> list[Candidate]:
    """The phrases of (the first `READ` of) `members` that two of them (one of a theme of
    one) speak of, best first."""
    members = members[:READ]
    least = 2 if len(members) >= 2 else 1
    wordings: dict[frozenset[str], Counter[str]] = {}
    speakers: dict[str, set[int]] = {}
    """Per stem: the members that use it."""
    for number, member in enumerate(members):
        tokens = words(member.text)
        language = member.language or detect_language(tokens) or fallback
        tagged = [_stem(token, language, member.names, stems) for token in tokens]
        for stem in tagged:
            if stem:
                speakers.setdefault(stem, set()).add(number)
        for start in range(len(tokens)):
            if not tagged[start]:
                continue
            for end in range(start + 1, min(start + LONGEST, len(tokens)) + 1):
                content = [stem for stem in tagged[start:end] if stem]
                if not tagged[start] or not tagged[end - 1] or len(content) > MOST_CONTENT:
                    continue
                if not _joined(tokens[start:end], tagged[start:end], language):
                    continue
                key = frozenset(content)
                if len(key) < len(content):  # a word repeated: "meer en meer"
                    continue
                wordings.setdefault(key, Counter())[" ".join(tokens[start:end])] += 1
    found = []
    for key, said in wordings.items():
        score = sum(term_scores.get(stem, 0.0) for stem in key)
        if score <= 0:
            continue
        using = frozenset(set.intersection(*(speakers[stem] for stem in key)))
        score *= len(using)
        if len(using) >= least:
            wording = min(said, key=lambda text: (-said[text], len(text), text))
            found.append(Candidate(wording, len(using), score, using))
    return sorted(found, key=lambda c: (-c.score, len(c.wording), c.wording))


def _joined(tokens: Sequence[str], tagged: Sequence[str | None], language: str) -> bool:
    """Whether the function words between the content words of a phrase join them as a
    phrase does: a joining word, perhaps with a determiner after it ("stad en dorp",
    "ouderen met hun telefoon"), not a stray article ("voedselbank de uitgifte")."""
    links, determiners = (
        LINKS.get(language, LINKS["nl"]),
        DETERMINERS.get(language, DETERMINERS["nl"]),
    )
    between: list[str] = []
    for token, stem in zip(tokens, tagged, strict=True):
        if stem is not None:
            if between and not (
                len(between) <= 2
                and between[0] in links
                and all(word in determiners for word in between[1:])
            ):
                return False
            between = []
        else:
            between.append(token)
    return True


def _stem(token: str, language: str, names: frozenset[str], stems: Stems) -> str | None:
    """The stem of a content word; None for a function word, a listening word or a name."""
    stops = DUTCH_STOP_WORDS if language == "nl" else ENGLISH_STOP_WORDS
    if len(token) < 2 or token in stops or token in BACKCHANNEL or token in names:
        return None
    if "'" in token or "’" in token:
        return None
    return stems.content_stems([token], language)[0]
