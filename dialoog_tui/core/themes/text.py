"""Words for clustering: tokens, stop words and stems in Dutch and English."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
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


@cache
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (imported when first needed)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def words(text: str) -> list[str]:
    """The lower-case words of a text."""
    return WORD.findall(text.lower())


def detect_language(tokens: Iterable[str]) -> str | None:
    """`nl` or `en` by which language's function words occur more; None when undecided."""
    english = english_stop_words()
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
    stops = DUTCH_STOP_WORDS if lang == "nl" else english_stop_words()
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
