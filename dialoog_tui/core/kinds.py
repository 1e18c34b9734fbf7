"""The fixed set of contribution kinds, with their stable ids and sigils (their names in
Dutch and English are in `i18n.labels`)."""

from __future__ import annotations

from enum import StrEnum

from dialoog_tui.i18n import labels


class Kind(StrEnum):
    """What kind of contribution an utterance is. The values are stable identifiers."""

    REMARK = "remark"
    QUESTION = "question"
    PROPOSAL = "proposal"
    RESISTANCE = "resistance"
    AGREEMENT = "agreement"
    COMMITMENT = "commitment"

    @property
    def sigil(self) -> str | None:
        """The quick-entry character that selects this kind (a remark has none)."""
        return _SIGILS.get(self)

    def label(self, lang: str) -> str:
        """The kind's name in the interface language (`nl` or `en`)."""
        return labels.name(labels.KINDS, self.value, lang)

    @classmethod
    def from_name(cls, name: str) -> Kind | None:
        """Find a kind by its id, its Dutch or English label or its sigil; None if unknown."""
        key = name.strip().casefold()
        if not key:
            return None
        for kind in cls:
            names = {kind.value, kind.label("nl"), kind.label("en"), kind.sigil or ""}
            if key in {n.casefold() for n in names if n}:
                return kind
        return None


_SIGILS: dict[Kind, str] = {
    Kind.QUESTION: "?",
    Kind.RESISTANCE: "!",
    Kind.PROPOSAL: "+",
    Kind.AGREEMENT: "=",
    Kind.COMMITMENT: ">",
}

SIGIL_KINDS: dict[str, Kind] = {sigil: kind for kind, sigil in _SIGILS.items()}
"""Quick-entry sigil → kind."""
