"""Stable pseudonyms for an anonymised export: "Inwoner 3", "Ondernemer 1".

Each participant gets the next number of their domain in order of first appearance, so the
same export of the same data always gives the same pseudonyms. Names are also replaced
inside free text (an `@Anna` mention, "Piet krijgt antwoord"): the full name first, then a
first name that belongs to one participant only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from dialoog_tui.core.model import Participant

NO_DOMAIN = {"nl": "Deelnemer", "en": "Participant"}


class Pseudonyms:
    """Names → pseudonyms for one export."""

    def __init__(self, people: Iterable[Participant], lang: str = "nl") -> None:
        self._by_id: dict[int, str] = {}
        numbers: Counter[str] = Counter()
        replacements: dict[str, str] = {}
        ordered = list(people)
        for person in ordered:
            domain = person.domain or NO_DOMAIN["en" if lang == "en" else "nl"]
            numbers[domain] += 1
            pseudonym = f"{domain[:1].upper()}{domain[1:]} {numbers[domain]}"
            self._by_id[person.id] = pseudonym
            replacements[person.name] = pseudonym
        firsts = Counter(p.name.split()[0] for p in ordered if p.name.split())
        for person in ordered:
            first = person.name.split()[0] if person.name.split() else ""
            # A first name alone is replaced only when it points at one person.
            if first and firsts[first] == 1 and first not in replacements and len(first) > 1:
                replacements[first] = self._by_id[person.id]
        self._replacements = replacements
        names = sorted(replacements, key=len, reverse=True)  # "Piet Hendriks" before "Piet"
        self._pattern = (
            re.compile(
                r"(?<![\w])@?(" + "|".join(re.escape(n) for n in names) + r")(?![\w])",
                re.IGNORECASE,
            )
            if names
            else None
        )
        self._folded = {name.casefold(): pseudonym for name, pseudonym in replacements.items()}

    def of(self, person: Participant) -> str:
        """The pseudonym of a participant."""
        return self._by_id[person.id]

    def scrub(self, text: str) -> str:
        """`text` with every participant's name (and @mention) replaced by a pseudonym."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._folded[m.group(1).casefold()], text)
