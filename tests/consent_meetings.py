"""Random meetings with every mix of consent, for the property tests of the consent gate.

Every word that must never be shared carries a marker: `qoff` for anything said off the
record (text, interests, values, condition, tags), `qlett` for the verbatim words of a
paraphrase-only contribution. Participants have names no text holds by chance, and shared
texts mention them in the forms a reader would recognise (`Bertolts winkel`, `BERTOLT`,
`@Bertolt`, `Zwanenburgs`, `bertoltje`).
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.kinds import Kind

NAMES = (
    ("Bertolt Zwanenburg", "ondernemer"),
    ("Annelies Quakkelaar", "inwoner"),
    ("Wubbo Hazewinkel", "overheid"),
    ("Geertruida Vlietstra", "maatschappelijke organisatie"),
    ("Kees Ockeloen", "inwoner"),
)
"""Participants: distinctive first names and surnames, none of them a Dutch or English word."""

FORMS = (
    "{first}s winkel",
    "{first_lower}'s zorg",
    "{first_upper} zei het",
    "mevrouw {last}",
    "@{first} weet het",
    "{first_lower}je heeft gelijk",
    "{last}s plan",
    "{first}swinkel",
)
"""How a shared text mentions someone."""

SECRETS = ("qoff", "qlett")
"""Markers of what no shareable output may hold."""


@dataclass(frozen=True)
class Said:
    """One contribution of a random meeting."""

    number: int
    speaker: int | None
    """Index into NAMES; None: the room."""
    kind: Kind
    consent: Consent
    mentions: int | None
    """Index into NAMES of someone the text names (only in what may be shared)."""
    form: int
    paraphrase: bool
    """Whether the note-taker wrote a paraphrase."""
    ladder: bool
    """Whether it carries an interest, a value, a condition and a tag."""
    reply_to: int | None
    """The number of an earlier contribution it answers."""

    @property
    def secret(self) -> str:
        """The marker of its words, if they must never be shared."""
        if self.consent is Consent.OFF_RECORD:
            return "qoff"
        return "qlett" if self.consent is Consent.PARAPHRASE else "qgewoon"

    @property
    def hidden(self) -> bool:
        return self.consent is Consent.OFF_RECORD

    def text(self) -> str:
        words = f"{self.secret}tekst{self.number}"
        if self.mentions is None or self.hidden:
            return words
        first, last = NAMES[self.mentions][0].split()
        mention = FORMS[self.form].format(
            first=first,
            first_lower=first.lower(),
            first_upper=first.upper(),
            last=last,
        )
        return f"{words} {mention}"

    def paraphrase_text(self) -> str | None:
        return f"qpara{self.number}" if self.paraphrase else None

    def marker(self, what: str) -> str:
        """An interest, value, condition or tag: secret when the contribution is."""
        prefix = "qoff" if self.hidden else "q"
        return f"{prefix}{what}{self.number}"


@st.composite
def meetings(draw: st.DrawFn) -> list[Said]:
    """A meeting of 1–14 contributions."""
    count = draw(st.integers(min_value=1, max_value=14))
    said = []
    for number in range(1, count + 1):
        said.append(
            Said(
                number=number,
                speaker=draw(st.none() | st.integers(0, len(NAMES) - 1)),
                kind=draw(st.sampled_from(list(Kind))),
                consent=draw(st.sampled_from(list(Consent))),
                mentions=draw(st.none() | st.integers(0, len(NAMES) - 1)),
                form=draw(st.integers(0, len(FORMS) - 1)),
                paraphrase=draw(st.booleans()),
                ladder=draw(st.booleans()),
                reply_to=draw(st.none() | st.integers(1, number)) if number > 1 else None,
            )
        )
    return said


def name_words(index: int) -> list[str]:
    """The words of a participant's name, lower case."""
    return [word.casefold() for word in NAMES[index][0].split()]


def must_not_be_named(said: list[Said]) -> set[int]:
    """Participants a shareable output may not name: those heard only off the record or
    only anonymously (and never named by someone else in what may be shared)."""
    consents: dict[int, set[Consent]] = {}
    for item in said:
        if item.speaker is not None:
            consents.setdefault(item.speaker, set()).add(item.consent)
    mentioned = {item.mentions for item in said if not item.hidden and item.mentions is not None}
    return {
        person
        for person, given in consents.items()
        if given <= {Consent.OFF_RECORD, Consent.ANONYMOUS} and person not in mentioned
    }


def leaks(output: str, said: list[Said], *, anonymised: bool) -> list[str]:
    """What `output` shows that it must not."""
    folded = output.casefold()
    found = [secret for secret in SECRETS if secret in folded]
    unnamed = set(range(len(NAMES))) if anonymised else must_not_be_named(said)
    for person in sorted(unnamed):
        found += [word for word in name_words(person) if word in folded]
    return found
