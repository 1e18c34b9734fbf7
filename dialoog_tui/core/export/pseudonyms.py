"""Stable pseudonyms for an anonymised export: "Inwoner 3", "Ondernemer 1".

Each participant shown gets the next number of their domain in order of first appearance,
so the same export of the same data always gives the same pseudonyms. Names are also
replaced inside free text, in every form a reader would recognise them by:

- the full name, a first name or a surname that points at one participant (`Piet`,
  `de Vries`, `Vries`), in any letter case, also as an `@Piet` mention;
- inflected: possessive (`Berts winkel`, `Anna's`, `Klaas'`, `Bob's`), diminutive (`Bertje`,
  `Jantje`) and as the first part of a compound joined by a hyphen or a genitive `s`
  (`Bert-achtig`, `Bertswinkel`).

A name that belongs to someone the export does not show (they spoke only off the record)
is still replaced, by a word that says only that a name stood there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from dialoog_tui.core.model import Participant
from dialoog_tui.core.speakers import name_key
from dialoog_tui.core.themes.text import DUTCH_STOP_WORDS
from dialoog_tui.i18n.exports import HIDDEN_NAME, NO_DOMAIN

SHORTEST_NAME = 2
"""Letters a first name or surname needs to be replaced alone (`Jo` is, `J` is not)."""
SHORTEST_INFLECTED = 3
"""Letters a name needs before its inflected forms count: `Al` + `s` is the word `als`."""
PARTICLES = frozenset(
    "van de der den het ten ter te op in 't von zu du da di del la le bin ibn al el".split()  # noqa: SIM905
)
"""Dutch and other name particles: never a surname on their own."""

# What may follow a name that is long enough to be inflected. A compound goes on with more
# letters; the other forms end the word.
_COMPOUND = r"(?P<compound>s?-(?=\w)|s(?=[^\W\d_]{4,}))"
_POSSESSIVE = r"(?P<possessive>['’]s|s['’]?|['’])(?!\w)"
_DIMINUTIVE = r"(?P<diminutive>etjes?|tjes?|pjes?|kjes?|jes?)(?!\w)"
_NAME_GROUPS = ("compound_of", "possessive_of", "diminutive_of", "bare")

COMMON_WORDS = DUTCH_STOP_WORDS | frozenset(["an", "can", "did", "do", "is", "may", "so", "will"])
"""A name that is also one of these (Wil, Ben, Kan) counts only when written with a capital:
`ik wil` is not about Wil."""


class Pseudonyms:
    """Names → pseudonyms for one export."""

    def __init__(
        self,
        people: Iterable[Participant],
        lang: str = "nl",
        *,
        others: Iterable[Participant] = (),
    ) -> None:
        """`people` are those the export shows, in the order their numbers follow; `others`
        are everyone else whose name must not appear either, and other names of the people
        shown (by their id), which their pseudonym replaces too."""
        language = "en" if lang == "en" else "nl"
        self._by_id: dict[int, str] = {}
        numbers: Counter[str] = Counter()
        shown = list(people)
        for person in shown:
            domain = person.domain or NO_DOMAIN[language]
            numbers[domain] += 1
            self._by_id[person.id] = f"{domain[:1].upper()}{domain[1:]} {numbers[domain]}"
        names = {person.id: name_key(person.name) for person in shown}
        hidden = [p for p in others if p.id not in names]
        # Another name of someone shown (one they went by before a correction): theirs too.
        aliases = [p for p in others if p.id in names and name_key(p.name) != names[p.id]]
        replacement = {
            **{p.id: HIDDEN_NAME[language] for p in hidden},
            **self._by_id,
        }
        self._folded = _name_forms([*shown, *aliases, *hidden], replacement)
        self._pattern = _pattern(self._folded)

    def of(self, person: Participant) -> str:
        """The pseudonym of a participant the export shows."""
        return self._by_id[person.id]

    def scrub(self, text: str) -> str:
        """`text` with every form of every participant's name replaced."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        groups = match.groupdict()
        name = next(groups[g] for g in _NAME_GROUPS if groups.get(g))
        pseudonym = self._folded[name_key(name)]
        if groups.get("possessive"):
            return f"{pseudonym}’s"
        if groups.get("compound"):
            return f"{pseudonym}-"
        return pseudonym


def _name_forms(people: list[Participant], replacement: dict[int, str]) -> dict[str, str]:
    """Each recognisable way of writing a name (casefolded) → what replaces it. A first name
    or surname shared by two people stays (replacing it would say which one was meant)."""
    forms: dict[str, str] = {}
    for person in people:
        forms[name_key(person.name)] = replacement[person.id]
    owners: dict[str, set[int]] = {}
    for person in people:
        for part in _parts(person.name):
            owners.setdefault(part, set()).add(person.id)
    for part, ids in owners.items():
        if len(ids) == 1 and part not in forms:
            forms[part] = replacement[next(iter(ids))]
    return {form: value for form, value in forms.items() if form}


def _parts(name: str) -> set[str]:
    """A first name and surnames of `name`: `Anna de Vries` → anna, de vries, vries."""
    words = name.split()
    if len(words) < 2:
        return set()
    parts = {words[0]}
    surname = words[1:]
    while surname:
        if surname[0].casefold() not in PARTICLES:
            parts.add(" ".join(surname))
        surname = surname[1:]
    parts.add(" ".join(words[1:]))
    return {
        name_key(part)
        for part in parts
        if len(part.replace(" ", "")) >= SHORTEST_NAME and part.casefold() not in PARTICLES
    }


def _pattern(forms: dict[str, str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    # Longest first: "piet hendriks" before "piet".
    names = sorted(forms, key=len, reverse=True)
    bare = "|".join(_form(name) for name in names)
    long_enough = "|".join(_form(name) for name in names if len(name) >= SHORTEST_INFLECTED)
    readings = [rf"(?P<bare>{bare})(?!\w)"]
    if long_enough:
        # Inflected readings first: `Berts` is Bert's, not an unknown word.
        readings[:0] = [
            rf"(?P<compound_of>{long_enough}){_COMPOUND}",
            rf"(?P<possessive_of>{long_enough}){_POSSESSIVE}",
            rf"(?P<diminutive_of>{long_enough}){_DIMINUTIVE}",
        ]
    return re.compile(rf"(?<![\w@])@?(?:{'|'.join(readings)})", re.IGNORECASE)


def _form(name: str) -> str:
    """A casefolded name as a pattern: any run of spaces between its words, any letter case
    (a common word only with its capital)."""
    if name in COMMON_WORDS:
        first = re.escape(name[0].upper())
        return f"(?-i:{first})" + re.escape(name[1:])
    return r"\s+".join(re.escape(word) for word in name.split(" "))
