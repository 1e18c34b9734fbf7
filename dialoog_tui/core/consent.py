"""What a participant agreed to: how a contribution may appear outside the database."""

from __future__ import annotations

from enum import StrEnum

from dialoog_tui.i18n import labels

PREFIX_AT_LEAST = 3
"""Letters a beginning needs to name a consent: `n` in a spreadsheet's consent column may
mean "nee" as well as "named", the most open consent."""


class Consent(StrEnum):
    """Consent for one contribution. Stable identifiers; the order is the cycling order."""

    NAMED = "named"
    """Quote it with the speaker's name."""
    ANONYMOUS = "anonymous"
    """Quote it, but without a name."""
    PARAPHRASE = "paraphrase"
    """No verbatim quote: only what it was about."""
    OFF_RECORD = "off_record"
    """Never in a shareable export."""

    def label(self, lang: str) -> str:
        """The consent's name in the interface language."""
        return labels.name(labels.CONSENTS, self.value, lang)

    @property
    def quotable(self) -> bool:
        """Whether the words may be quoted verbatim (with or without a name)."""
        return self in (Consent.NAMED, Consent.ANONYMOUS)

    @property
    def marker(self) -> str:
        """The one-character mark the log shows (a space for named)."""
        return _MARKERS[self]

    def with_paraphrase(self, paraphrase: str | None) -> Consent:
        """The consent once the note-taker wrote a paraphrase: whoever gives one means the
        words to be paraphrased, so a quotable consent becomes paraphrase; off the record
        stays off the record."""
        return Consent.PARAPHRASE if paraphrase and self.quotable else self

    def following(self) -> Consent:
        """The next consent when cycling with the consent key."""
        members = list(Consent)
        return members[(members.index(self) + 1) % len(members)]

    @classmethod
    def from_name(cls, name: str) -> Consent | None:
        """A consent from its id or its Dutch or English name, or a unique beginning of one
        (`anon`, as for domains and phases) of `PREFIX_AT_LEAST` letters; None if unknown or
        ambiguous."""
        key = name.strip().casefold().replace("-", "_").replace(" ", "_")
        named = {
            consent: {
                n.casefold().replace("-", "_").replace(" ", "_")
                for n in (consent.value, consent.label("nl"), consent.label("en"))
            }
            for consent in cls
        }
        for consent, names in named.items():
            if key in names:
                return consent
        alias = labels.CONSENT_ALIASES.get(key)
        if alias:
            return cls(alias)
        if len(key) < PREFIX_AT_LEAST:
            return None
        begun = {c for c, names in named.items() if any(n.startswith(key) for n in names)}
        return begun.pop() if len(begun) == 1 else None


_MARKERS = {
    Consent.NAMED: " ",
    Consent.ANONYMOUS: "◌",
    Consent.PARAPHRASE: "≈",
    Consent.OFF_RECORD: "⊘",
}
