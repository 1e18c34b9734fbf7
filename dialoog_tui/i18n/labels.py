"""The names of core's identifiers in Dutch and English: kinds of contribution, consents and
what was done with an interest. Core keeps the identifiers; their names live here, keyed by
the identifiers' stable values, so this module imports nothing of dialoog's."""

from __future__ import annotations

from collections.abc import Mapping

KINDS: Mapping[str, tuple[str, str]] = {
    "remark": ("inbreng", "remark"),
    "question": ("vraag", "question"),
    "proposal": ("voorstel", "proposal"),
    "resistance": ("weerstand", "resistance"),
    "agreement": ("instemming", "agreement"),
    "commitment": ("afspraak", "commitment"),
}
"""Kind of contribution → (Dutch, English)."""

CONSENTS: Mapping[str, tuple[str, str]] = {
    "named": ("met naam", "named"),
    "anonymous": ("anoniem", "anonymous"),
    "paraphrase": ("parafrase", "paraphrase"),
    "off_record": ("vertrouwelijk", "off the record"),
}
"""Consent → (Dutch, English)."""

CONSENT_ALIASES: Mapping[str, str] = {
    "naam": "named",
    "benoemd": "named",
    "anonymous": "anonymous",
    "paraphrase_only": "paraphrase",
    "offrecord": "off_record",
}
"""Other words people write for a consent (in an import, say), folded → consent."""

INTEREST_STATUSES: Mapping[str, tuple[str, str]] = {
    "open": ("open", "open"),
    "acknowledged": ("erkend", "acknowledged"),
    "answered": ("beantwoord", "answered"),
}
"""What was done with an interest → (Dutch, English)."""


def name(table: Mapping[str, tuple[str, str]], key: str, lang: str) -> str:
    """`key`'s name in `lang`: Dutch for `nl`, English otherwise."""
    dutch, english = table[key]
    return dutch if lang == "nl" else english
