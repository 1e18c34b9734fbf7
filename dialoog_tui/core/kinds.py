"""The fixed set of contribution kinds, with their stable ids, labels and sigils."""

from __future__ import annotations

from enum import StrEnum


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
        return _LABELS["nl" if lang == "nl" else "en"][self]

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

_LABELS: dict[str, dict[Kind, str]] = {
    "nl": {
        Kind.REMARK: "inbreng",
        Kind.QUESTION: "vraag",
        Kind.PROPOSAL: "voorstel",
        Kind.RESISTANCE: "weerstand",
        Kind.AGREEMENT: "instemming",
        Kind.COMMITMENT: "afspraak",
    },
    "en": {
        Kind.REMARK: "remark",
        Kind.QUESTION: "question",
        Kind.PROPOSAL: "proposal",
        Kind.RESISTANCE: "resistance",
        Kind.AGREEMENT: "agreement",
        Kind.COMMITMENT: "commitment",
    },
}
