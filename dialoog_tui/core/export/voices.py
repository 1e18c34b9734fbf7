"""Who a summary says said something, and what it may quote — the consent rules in one place.

What may be shown at all is decided before, by the consent gate (`core.consent_gate`):

- `off_record`: never reaches a summary.
- `anonymous`: quoted, never with a name (not even a pseudonym that could be traced).
- `paraphrase`: the note-taker's paraphrase, marked "[parafrase]", never the words.
- `named`: quoted with the name, or the pseudonym when the export is anonymised.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.export.pseudonyms import Pseudonyms
from dialoog_tui.core.model import Participant
from dialoog_tui.i18n.exports import Words


class Voices(Struct, frozen=True):
    """Names and texts as one export may show them."""

    words: Words
    pseudonyms: Pseudonyms | None
    """Set when the export is anonymised."""

    @classmethod
    def for_export(
        cls,
        people: Iterable[Participant],
        words: Words,
        *,
        anonymize: bool,
        others: Iterable[Participant] = (),
    ) -> Voices:
        """Voices for an export that shows `people`; anonymised, the names of `others` are
        kept out of its texts as well."""
        if not anonymize:
            return cls(words, None)
        return cls(words, Pseudonyms(people, words.lang, others=others))

    def name(self, person: Participant | None, consent: Consent = Consent.NAMED) -> str:
        """The speaker as shown: a name, a pseudonym, "anoniem" or "de zaal"."""
        if consent is Consent.ANONYMOUS:
            return self.words("anonymous")
        if person is None:
            return self.words("room")
        return self.person(person)

    def person(self, person: Participant) -> str:
        """A participant's name (or pseudonym)."""
        return self.pseudonyms.of(person) if self.pseudonyms else person.name

    def text(self, text: str) -> str:
        """Free text with participant names replaced, when anonymised."""
        return self.pseudonyms.scrub(text) if self.pseudonyms else text
