"""Labels that keep to what may be shared.

A label and its terms are made from the contributions as the engine read them, through the
consent gate. A contribution can leave that gate afterwards (switched to paraphrase or off
the record, edited or removed), while a stored run keeps its label: before a theme is shown
again, every label word is checked against what its members may still show, and a word none
of them holds any more is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from dialoog_tui.core.themes.text import words
from dialoog_tui.core.themes.types import ThemeInput

SEPARATOR = " · "
"""Between the terms of a generated label."""
LABEL_TERMS = 3
"""Terms a generated label is made of."""


def label_of(terms: Sequence[str]) -> str:
    """A generated label: the first terms, or a dash when there are none."""
    return SEPARATOR.join(terms[:LABEL_TERMS]) or "—"


class _Forms:
    """The words members may show, and their stems in both languages."""

    def __init__(self, members: Iterable[ThemeInput]) -> None:
        self.words: set[str] = set()
        for item in members:
            for text in (item.text, *item.tags, *item.interests, *item.values):
                self.words.update(words(text))
        stemmers = _stemmers()
        self.stems = {stemmer.stemWord(word) for word in self.words for stemmer in stemmers}

    def hold(self, term: str) -> bool:
        """Whether every word of `term` is one the members show (or a form of one)."""
        stemmers = _stemmers()
        if term.endswith("…"):  # a shared beginning: some word must start with it
            beginning = term[:-1].casefold()
            return any(word.startswith(beginning) for word in self.words)
        return all(
            word in self.words or any(s.stemWord(word) in self.stems for s in stemmers)
            for word in words(term)
        )


@cache
def _stemmers() -> tuple[Any, ...]:
    import Stemmer  # PyStemmer: Snowball in C

    return (Stemmer.Stemmer("dutch"), Stemmer.Stemmer("english"))


def vetted(
    label: str, terms: Sequence[str], members: Iterable[ThemeInput]
) -> tuple[str, tuple[str, ...]]:
    """`label` and `terms` without the words `members` (read through the consent gate) no
    longer hold. A label that loses a part is made again from the terms that remain."""
    forms = _Forms(members)
    kept = tuple(term for term in terms if forms.hold(term))
    if all(forms.hold(part) for part in label.split(SEPARATOR)):
        return label, kept
    return label_of(kept), kept
