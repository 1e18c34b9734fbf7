"""Theme labels as a facilitator would write them: phrases of the theme's own members."""

from __future__ import annotations

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.ladder_names import ladder_names
from dialoog_tui.core.themes.phrases import Member, candidates, phrase_label
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import ThemeInput


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


def _said(number: int, interests: tuple[str, ...], **extra: object) -> ThemeInput:
    return ThemeInput(
        contribution_id=number,
        session_id=1,
        text=f"bijdrage {number}",
        interests=interests,
        **extra,  # type: ignore[arg-type]
    )


def test_an_interest_most_members_of_a_theme_carry_names_it() -> None:
    inputs = [
        _said(0, ("Nachtrust",)),
        _said(1, ("nachtrust", "omzet terras")),
        _said(2, ("nachtrust",)),
        _said(3, ()),
        _said(4, ("bereikbaarheid",)),
        _said(5, ("bereikbaarheid",)),
        _said(6, ("bereikbaarheid",)),
        _said(7, ("bereikbaarheid",)),
        _said(8, ("bereikbaarheid",)),
        _said(9, ("bereikbaarheid",)),
        _said(10, ("veiligheid",)),
    ]
    groups = [(0, 1, 2, 3), (4, 5, 6), (7, 8, 9, 10)]
    named = ladder_names(groups, inputs, lambda item: item.interests)
    # Three of four carry "nachtrust"; "bereikbaarheid" is carried as much in two groups:
    # it names one of them, never both.
    assert named[0] == "nachtrust"
    assert sorted(n for n in named[1:] if n) == ["bereikbaarheid"]


def test_an_interest_few_carry_or_only_paraphrases_carry_names_nothing() -> None:
    inputs = [
        _said(0, ("schaduw",)),
        _said(1, ("schaduw",)),
        _said(2, ()),
        _said(3, ("rust",), consent=Consent.PARAPHRASE),
        _said(4, ("rust",), consent=Consent.PARAPHRASE),
        _said(5, ("rust",), consent=Consent.PARAPHRASE),
    ]
    assert ladder_names([(0, 1, 2), (3, 4, 5)], inputs, lambda i: i.interests) == [None, None]


def test_a_phrase_that_names_another_theme_already_is_passed_over() -> None:
    stems = Stems()
    scores = scores_of(stems, {"parkeren": 1.0, "bewoners": 0.8, "straat": 0.3})
    assert phrase_label(PARKING, scores, stems, taken={"parkeren voor bewoners"}) != (
        "parkeren voor bewoners"
    )
    assert phrase_label(PARKING, scores, stems, taken={"parkeren voor bewoners"}) is not None


def test_two_themes_never_share_a_label() -> None:
    from dialoog_tui.core.themes.explain import label_groups

    said = [
        "De bus rijdt te weinig naar het dorp.",
        "De bus naar het dorp is altijd te laat.",
        "De bus is 's ochtends vol.",
    ]
    group = [ThemeInput(contribution_id=n, session_id=1, text=t) for n, t in enumerate(said)]
    again = [ThemeInput(contribution_id=10 + n, session_id=2, text=t) for n, t in enumerate(said)]
    (first, _), (second, _) = label_groups([group, again])
    assert first.casefold() != second.casefold()
    # Nothing shared at all: the fallback of words is numbered rather than repeated.
    lone = [ThemeInput(contribution_id=20, session_id=1, text="Fietsenstalling")]
    twin = [ThemeInput(contribution_id=21, session_id=2, text="Fietsenstalling")]
    (one, _), (other, _) = label_groups([lone, twin])
    assert one.casefold() != other.casefold()


def test_an_interest_a_few_of_a_large_theme_carry_names_it_when_it_is_theirs() -> None:
    # A note-taker records interests for a few contributions only: three of a theme of
    # twenty-three, and no one outside it.
    inputs = [_said(n, ("serieus genomen worden",) if n < 3 else ()) for n in range(23)] + [
        _said(23 + n, ("bereikbaarheid",)) for n in range(3)
    ]
    groups = [tuple(range(23)), (23, 24, 25)]
    named = ladder_names(groups, inputs, lambda item: item.interests)
    assert named == ["serieus genomen worden", "bereikbaarheid"]


def test_an_interest_heard_across_themes_names_the_one_that_carries_it_far_beyond_its_size() -> (
    None
):
    # Six of eighty-six members carry "bereikbaarheid" three times; four themes of twenty
    # carry it once each: fewer than half of its carriers, but five times its size's share.
    inputs = [_said(n, ("bereikbaarheid",) if n < 3 else ()) for n in range(6)]
    inputs += [_said(6 + n, ("bereikbaarheid",) if n % 20 == 0 else ()) for n in range(80)]
    groups = [tuple(range(6))] + [tuple(range(6 + 20 * g, 26 + 20 * g)) for g in range(4)]
    assert ladder_names(groups, inputs, lambda item: item.interests) == [
        "bereikbaarheid",
        None,
        None,
        None,
        None,
    ]


def test_a_tag_the_note_taker_put_on_a_theme_names_it_where_no_interest_does() -> None:
    from dialoog_tui.core.themes.explain import label_groups

    said = [
        ("Worden de kinderen op de avond ook gevraagd?", ("participatie", "spelen")),
        ("Buurtwerk organiseert een avond met groep 7 en 8.", ("participatie",)),
        ("Op de avond schrijven bewoners zich in voor de klankbordgroep.", ("participatie",)),
        ("Mogen wij de volgende avond meepraten?", ()),
    ]
    group = [
        ThemeInput(contribution_id=n, session_id=1, text=text, tags=tags)
        for n, (text, tags) in enumerate(said)
    ]
    [(label, _terms)] = label_groups([group])
    assert label == "participatie"


def _carrying(start: int, count: int, **carried: tuple[str, ...]) -> list[ThemeInput]:
    return [
        ThemeInput(contribution_id=start + n, session_id=1, text=f"Bijdrage {start + n}", **carried)
        for n in range(count)
    ]


def test_an_interest_a_few_raised_does_not_name_a_theme_most_of_which_carry_a_tag() -> None:
    from dialoog_tui.core.themes.explain import label_groups

    renovation = (
        _carrying(0, 3, interests=("toilet in de buurt",), tags=("renovatie",))
        + _carrying(3, 6, tags=("renovatie",))
        + _carrying(9, 15)
    )
    trust = (
        _carrying(30, 3, interests=("serieus genomen worden",), tags=("vertrouwen",))
        + _carrying(33, 4, tags=("vertrouwen",))
        + _carrying(37, 16)
    )
    [(first, _), (second, _)] = label_groups([renovation, trust])
    # Nine of twenty-four carry #renovatie: three times the three who raised the toilet.
    assert first == "renovatie"
    # Seven of twenty-three carry #vertrouwen: the interest three raised still names it.
    assert second == "serieus genomen worden"


def test_a_theme_whose_first_tag_names_another_theme_is_named_by_its_next() -> None:
    from dialoog_tui.core.themes.explain import label_groups

    access = _carrying(0, 6, interests=("bereikbaarheid",)) + _carrying(6, 6)
    works = (
        _carrying(20, 8, tags=("bereikbaarheid", "renovatie"))
        + _carrying(28, 4, tags=("bereikbaarheid",))
        + _carrying(32, 8)
    )
    [(first, _), (second, _)] = label_groups([access, works])
    assert first == "bereikbaarheid"
    # Its most carried tag is the other theme's name already: not a phrase, its next tag.
    assert second == "renovatie"


def test_a_term_too_few_of_a_large_theme_carry_still_names_the_small_one_it_marks() -> None:
    # Six of a hundred carry #groen (too few there to name it), five of ten do.
    inputs = _carrying(0, 6, tags=("groen",)) + _carrying(6, 94)
    inputs += _carrying(100, 5, tags=("groen",)) + _carrying(105, 5)
    groups = [tuple(range(100)), tuple(range(100, 110))]
    assert ladder_names(groups, inputs, lambda item: item.tags) == [None, "groen"]
