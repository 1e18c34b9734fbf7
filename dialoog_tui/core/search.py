"""Full-text search: what a contribution is indexed by, what a query asks, and where in a
text it was found.

Both backends index the same thing, made here: a text's words without accents ("ideeën" as
"ideeen"), each reduced by the Snowball stemmers of Dutch and of English ("parkeren",
"parkeer" and "parkeert" all as "parker"). A contribution is not told its language; it is
indexed in both, each as its own column, so a phrase keeps its order within a language. A
query word matches when either language's stem of it does, a phrase when the stems follow
each other in one language. SQLite's FTS5 and PostgreSQL's full-text search (its `simple`
configuration, which only splits what is given: the stemming is done) then look the stems
up in an index (`store/search.py`).

Two things make Dutch findable beyond what Snowball does: a doubled vowel counts as one
("parkeer" and "parkeren" spell one root in a closed and an open syllable; both index as
"parker"), and a query word finds the words it begins (Dutch writes compounds as one word:
"parkeer" finds "parkeervergunning"). A phrase is found as typed, word for word.

Stemming is done here rather than by PostgreSQL's `dutch` configuration so that the two
backends find exactly the same contributions, and an SQLite file moved to a server keeps
its answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from msgspec import Struct

WORD = re.compile(r"\w+")
"""A word of a text as people wrote it (letters and digits of any script; accents kept
until `plain`). Stems are letters and digits only, so quoting them in a query (FTS5's
"…", PostgreSQL's '…') is all the escaping they need."""
QUOTED = re.compile(r'"([^"]*)"?')
"""A phrase in a query: between double quotes (an unclosed quote runs to the end)."""
DOUBLED_VOWEL = re.compile(r"([aeiou])\1")
NOT_IN_A_STEM = re.compile(r"[\W_]")
SHORTEST_PREFIX = 3
"""A query word shorter than this finds itself only ("de" does not find "debat")."""


def plain(word: str) -> str:
    """`word` in lower case without accents: "Ideeën" → "ideeen"."""
    if word.isascii():  # most words: nothing to take off (a search marks thousands)
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


SNOWBALL = {"dutch": "dutch_porter", "english": "english"}
"""The Snowball algorithm a language is stemmed by. Dutch by the classic one: Snowball 3's
`dutch` takes off a leading "ge", so "gezondheid" stems as "zon" and "gemeente" as "meen",
and a query word, which finds the words its stem begins, found "zondag" for "gezondheid"
and "mensen" for "gemeente"."""


@cache
def _stemmer(language: str) -> Any:
    import Stemmer  # PyStemmer: the Snowball algorithms in C; imported on first use

    return Stemmer.Stemmer(SNOWBALL[language])


def stems(words: list[str], language: str) -> list[str]:
    """The stems of plain words in `language`; only letters and digits remain (of any
    script), and in Dutch a doubled vowel counts as one."""
    found = [_letters_and_digits(stem) for stem in _stemmer(language).stemWords(words)]
    if language == "dutch":
        found = [DOUBLED_VOWEL.sub(r"\1", stem) for stem in found]
    return [stem or word for stem, word in zip(found, words, strict=True)]


def _letters_and_digits(word: str) -> str:
    return word if word.isalnum() else NOT_IN_A_STEM.sub("", word)


def _plain_words(text: str) -> list[str]:
    words = []
    for match in WORD.finditer(text):
        word = _letters_and_digits(plain(match.group()))
        if word:
            words.append(word)
    return words


class Indexed(Struct, frozen=True):
    """What a text is found by: its stems in each language, space-separated, in order."""

    dutch: str
    english: str


def indexed(text: str | None) -> Indexed:
    """The stems of `text` as the index keeps them (empty for no text)."""
    words = _plain_words(text or "")
    if not words:
        return Indexed("", "")
    return Indexed(" ".join(stems(words, "dutch")), " ".join(stems(words, "english")))


class Term(Struct, frozen=True):
    """One word of a query, or a phrase: its stems in each language, in order."""

    dutch: tuple[str, ...]
    english: tuple[str, ...]
    prefix: bool = False
    """A word that also finds the words it begins."""

    def finds(self, dutch: str, english: str) -> bool:
        """Whether a word of a text, by its stems, is the word this term looks for (or, for
        a phrase, one of its words)."""
        if self.prefix:
            return dutch.startswith(self.dutch[0]) or english.startswith(self.english[0])
        return dutch in self.dutch or english in self.english


class Query(Struct, frozen=True):
    """What a search asks: every term must be found (a phrase as a phrase)."""

    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str) -> Query:
    """The terms of a query as people type it: words, and "phrases in quotes"."""
    terms: list[Term] = []
    position = 0
    for match in QUOTED.finditer(text):
        terms += _words_as_terms(text[position : match.start()])
        words = _plain_words(match.group(1))
        if words:
            terms.append(Term(tuple(stems(words, "dutch")), tuple(stems(words, "english"))))
        position = match.end()
    terms += _words_as_terms(text[position:])
    unique = list(dict.fromkeys(terms))
    return Query(tuple(unique))


def _words_as_terms(text: str) -> list[Term]:
    words = _plain_words(text)
    if not words:
        return []
    dutch, english = stems(words, "dutch"), stems(words, "english")
    return [
        Term((d,), (e,), prefix=len(word) >= SHORTEST_PREFIX)
        for word, d, e in zip(words, dutch, english, strict=True)
    ]


def found_at(text: str, query: Query) -> tuple[tuple[int, int], ...]:
    """Where in `text` the query's terms stand (start, end) to highlight them: each word a
    word of the query finds, each run of words a phrase finds."""
    places = list(_words_with_places(text))
    words = [word for word, _, _ in places]
    dutch, english = stems(words, "dutch"), stems(words, "english")
    marked = [False] * len(places)
    for term in query.terms:
        length = len(term.dutch)
        for first in range(len(places) - length + 1):
            if length == 1:
                hit = term.finds(dutch[first], english[first])
            else:
                hit = all(
                    dutch[first + i] == term.dutch[i] or english[first + i] == term.english[i]
                    for i in range(length)
                )
            if hit:
                marked[first : first + length] = [True] * length
    return tuple((start, end) for (_, start, end), on in zip(places, marked, strict=True) if on)


def _words_with_places(text: str) -> Iterator[tuple[str, int, int]]:
    for match in WORD.finditer(text):
        word = _letters_and_digits(plain(match.group()))
        if word:
            yield word, match.start(), match.end()
