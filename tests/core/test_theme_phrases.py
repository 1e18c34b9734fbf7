"""Theme labels as a facilitator would write them: phrases of the theme's own members."""

from __future__ import annotations

from dialoog_tui.core.themes.phrases import Member, candidates, phrase_label
from dialoog_tui.core.themes.text import Stems


def scores_of(stems: Stems, words: dict[str, float]) -> dict[str, float]:
    return {stems.content_stems([word], "nl")[0]: score for word, score in words.items()}


PARKING = [
    Member("Er is te weinig parkeren voor bewoners in de straat."),
    Member("Parkeren voor bewoners moet voorrang krijgen."),
    Member(
        "Het parkeren voor bewoners is 's avonds onmogelijk, zegt Piet.", names=frozenset({"piet"})
    ),
    Member("Bezoekers nemen de plekken in."),
]


def test_a_phrase_two_members_share_beats_its_single_words() -> None:
    stems = Stems()
    scores = scores_of(stems, {"parkeren": 1.0, "bewoners": 0.8, "straat": 0.3, "piet": 2.0})
    assert phrase_label(PARKING, scores, stems) == "parkeren voor bewoners"


def test_phrases_join_by_linking_words_and_skip_names_and_stray_articles() -> None:
    stems = Stems()
    scores = scores_of(stems, {"parkeren": 1.0, "bewoners": 0.8, "piet": 2.0})
    wordings = [c.wording for c in candidates(PARKING, scores, stems, fallback="nl")]
    assert "parkeren voor bewoners" in wordings
    assert not any("piet" in wording for wording in wordings)
    assert "bewoners in de straat" not in wordings  # one member only


def test_nothing_shared_gives_no_phrase() -> None:
    stems = Stems()
    members = [Member("Bomen op het plein."), Member("Geluid van het terras.")]
    scores = scores_of(stems, {"bomen": 1.0, "geluid": 1.0})
    assert phrase_label(members, scores, stems) is None


def test_meaning_chooses_between_near_equals_only() -> None:
    stems = Stems()
    members = [
        Member("Meer bomen in de straat."),
        Member("Bomen geven schaduw in de straat."),
        Member("Schaduw van bomen koelt de stoep."),
        Member("Schaduw op het plein."),
    ]
    scores = scores_of(stems, {"bomen": 1.0, "straat": 1.0, "schaduw": 0.85})
    by_words = phrase_label(members, scores, stems)
    assert by_words == "bomen in de straat"
    # The members that speak of shade are the theme's core: of the near equals, that wins.
    core = phrase_label(members, scores, stems, typical=[0.1, 0.5, 0.9, 0.9])
    assert core == "schaduw van bomen"
    # A phrase far behind on words does not win by meaning alone.
    weak = scores_of(stems, {"bomen": 1.0, "straat": 1.0, "schaduw": 0.05})
    assert phrase_label(members, weak, stems, typical=[0.1, 0.5, 0.9, 0.9]) == by_words
