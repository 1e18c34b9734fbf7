"""Words for clustering: tokens, stop words and stems in Dutch and English."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
"""A word: letters, with inner apostrophes or hyphens (zaak's, buurt-app)."""

# Dutch function words and the filler of spoken Dutch; written for dialoog.
DUTCH_STOP_WORDS = frozenset(
    """
    aan aangezien af al alle allebei alleen alles als alsof altijd ander andere anders
    ben bent beter bij bijna binnen bovendien daar daarbij daardoor daarna daarom daarvan
    dan dat de deed der deze die dik dit doch doe doen doet door dus echt een eens eigen
    eigenlijk elk elke en enig enige enkele er erg ergens even gaan gaat gedaan geen gehad
    geweest goed graag haar had hadden heb hebben hebt heeft hele helemaal hem hen het hier
    hij hoe hoewel hun ieder iedere iemand iets ik in is ja je jij jou jouw jullie kan kon
    konden kun kunnen kunt laat laten maar maken me meer meest men met mij mijn minder moet
    moeten mocht mogen na naar natuurlijk nee net niet niets nog nogal nou nu of ofwel om
    omdat onder ons onze ook op over pas precies reeds sinds sommige steeds te tegen ten ter
    toch toe toen tot tussen u uit uw van vanaf veel voor vooral waar waarom wanneer want
    waren was wat we wel welk welke werd wie wij wil wilde willen wilt word worden wordt
    zal ze zei zelf zich zij zijn zo zoals zodat zonder zou zouden zullen zulke oké oke hè
    hoor joh nou dus eh ehm uh zo'n m'n z'n d'r
    """.split()  # noqa: SIM905 — a word list reads best as running text
)


# English function words and the filler of spoken English; written for dialoog, like the
# Dutch ones. Not scikit-learn's list: it holds words a theme can be about ("interest",
# "bill", "fire", "system", "computer"), and reading it imported all of scikit-learn into
# the live panel's refresh (60 MB and most of a second) for a word list.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and
    another any anybody anyone anything anyway are around as at be became because been
    before being below besides between both but by can cannot could did do does doing done
    down during each either else enough even ever every everybody everyone everything few
    for from further get gets getting got had has have having he her here hers herself him
    himself his how however i if in indeed into is it its itself just least less let like
    many may me might mine more most much must my myself neither never nevertheless no
    nobody none nor not nothing now of off often on once one only onto or other others
    otherwise our ours ourselves out over own per perhaps please quite rather really same
    shall she should since so some somebody someone something sometimes somewhat still such
    than that the their theirs them themselves then there therefore these they this those
    though through thus to together too toward towards under until up upon us very via was
    we well were what whatever when whenever where whereas wherever whether which while who
    whoever whom whose why will with within without would yet you your yours yourself
    yourselves across afterwards along already anyhow anywhere beside beyond elsewhere
    everywhere except hence meanwhile moreover mostly namely nowhere somehow sometime
    somewhere throughout whereby become becomes becoming seem seems seemed go goes going
    gone went back two three four five six seven eight nine ten eleven twelve twenty
    hundred first second third last next
    uh um erm hey oh ah gonna wanna kinda sorta
    """.split()  # noqa: SIM905 — a word list reads best as running text
)


def words(text: str) -> list[str]:
    """The lower-case words of a text."""
    return WORD.findall(text.lower())


def detect_language(tokens: Iterable[str]) -> str | None:
    """`nl` or `en` by which language's function words occur more; None when undecided."""
    english = ENGLISH_STOP_WORDS
    dutch_hits = english_hits = 0
    for token in tokens:
        dutch_hits += token in DUTCH_STOP_WORDS
        english_hits += token in english
    if dutch_hits == english_hits:
        return None
    return "nl" if dutch_hits > english_hits else "en"


BACKCHANNEL = frozenset(
    """
    ok oké oke okay hm hmm mm mhm uhm ja jawel jazeker jep nee neen klopt prima inderdaad
    precies zeker dank dankjewel dankuwel bedankt thanks thank yes yeah yep no nope sure
    right agreed exactly
    """.split()  # noqa: SIM905 — a word list reads best as running text
)
"""What people say to show they listen or agree, in either language: it says nothing about a
theme, and a meeting log is full of it."""

CONTRACTIONS = frozenset(["t", "ve", "re", "ll", "d", "m"])
"""English endings after an apostrophe that make a function word: don't, I've, we're."""


def _without_clitic(token: str) -> str:
    """`card's` and `auto's` as `card` and `auto`; contractions as the empty string."""
    head, apostrophe, tail = token.replace("’", "'").rpartition("'")
    if not apostrophe:
        return token
    if tail in CONTRACTIONS:
        return ""
    return head if tail == "s" else token


def content_words(tokens: list[str], lang: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The words that say what a text is about: stop words of `lang`, the small words of
    listening and `names` left out."""
    stops = DUTCH_STOP_WORDS if lang == "nl" else ENGLISH_STOP_WORDS
    out = []
    for raw in tokens:
        token = _without_clitic(raw)
        if len(token) < 2 or token in stops or token in BACKCHANNEL or token in names:
            continue
        out.append(token)
    return out


class Stems:
    """Snowball stems per language, cached per word (vocabularies are small, texts many)."""

    def __init__(self) -> None:
        import Stemmer  # PyStemmer: the Snowball algorithms in C

        self._stemmers: dict[str, Any] = {
            "nl": Stemmer.Stemmer("dutch"),
            "en": Stemmer.Stemmer("english"),
        }
        self._cache: dict[tuple[str, str], str] = {}
        self._surface: dict[str, dict[str, int]] = {}

    def content_stems(self, content: list[str], lang: str) -> list[str]:
        """The stems of content words (see `content_words`)."""
        out = []
        for token in content:
            key = (lang, token)
            stem = self._cache.get(key)
            if stem is None:
                stem = self._cache[key] = self._stemmers[lang].stemWord(token)
            seen = self._surface.setdefault(stem, {})
            seen[token] = seen.get(token, 0) + 1
            out.append(stem)
        return out

    def display(self, stem: str) -> str:
        """The word people wrote most often for a stem (labels show words, not stems)."""
        forms = self._surface.get(stem)
        if not forms:
            return stem
        return max(forms.items(), key=lambda item: (item[1], -len(item[0])))[0]
