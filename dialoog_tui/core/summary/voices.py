"""Who a summary says said something, and what it may quote — the consent rules in one place.

- `off_record`: never reaches a summary (the record is read without them).
- `anonymous`: quoted, never with a name (not even a pseudonym that could be traced).
- `paraphrase`: never quoted verbatim; shown as "[parafrase]" with its tags and ladder.
- `named`: quoted with the name, or the pseudonym when the export is anonymised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.model import Participant
from dialoog_tui.core.summary.pseudonyms import Pseudonyms
from dialoog_tui.core.summary.words import Words


@dataclass(frozen=True)
class Voices:
    """Names and texts as one export may show them."""

    words: Words
    pseudonyms: Pseudonyms | None
    """Set when the export is anonymised."""

    @classmethod
    def for_export(cls, people: Iterable[Participant], words: Words, *, anonymize: bool) -> Voices:
        return cls(words, Pseudonyms(people, words.lang) if anonymize else None)

    def name(self, person: Participant | None, consent: Consent = Consent.NAMED) -> str:
        """The speaker as shown: a name, a pseudonym, "anoniem" or "de zaal"."""
        if person is None:
            return self.words("room")
        if consent is Consent.ANONYMOUS:
            return self.words("anonymous")
        return self.person(person)

    def person(self, person: Participant) -> str:
        """A participant's name (or pseudonym)."""
        return self.pseudonyms.of(person) if self.pseudonyms else person.name

    def text(self, text: str) -> str:
        """Free text with participant names replaced, when anonymised."""
        return self.pseudonyms.scrub(text) if self.pseudonyms else text
