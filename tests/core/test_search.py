"""What a contribution is found by, and where a query's words stand (core/search.py)."""

from __future__ import annotations

from dialoog_tui.core.search import found_at, indexed, parse_query


def marked(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in found_at(text, parse_query(query))]


def test_a_dutch_word_finds_its_inflections_compounds_and_spelling_with_accents() -> None:
    text = "Parkeren wordt lastig; hij parkeert, een parkeervergunning. Café en ideeën."
    assert marked(text, "parkeer") == ["Parkeren", "parkeert", "parkeervergunning"]
    assert marked(text, "cafe idee") == ["Café", "ideeën"]


def test_a_dutch_word_beginning_with_ge_finds_no_words_without_it() -> None:
    # A stemmer that takes off "ge" made "gezondheid" "zon" and "gemeente" "meen": found
    # as beginnings, they marked "zondag", "zonder" and "mensen".
    text = "Zondag zonder zon; de mensen en hun mening. De gemeente en haar gemeenten, gezond."
    assert marked(text, "gezondheid") == ["gezond"]
    assert marked(text, "gemeente") == ["gemeente", "gemeenten"]


def test_an_english_word_finds_its_inflections() -> None:
    assert marked("The parking fees went up; they parked elsewhere.", "park") == [
        "parking",
        "parked",
    ]


def test_a_phrase_is_found_only_as_a_run_of_its_words() -> None:
    text = "De auto staat bij de deur, niet in de garage; de Auto!"
    assert marked(text, '"de auto"') == ["De", "auto", "de", "Auto"]
    assert marked(text, '"auto de"') == []


def test_short_words_find_only_themselves() -> None:
    assert marked("de debatten en het debat", "de") == ["de"]


def test_a_query_without_words_asks_nothing() -> None:
    assert not parse_query(' ... "" -- ')
    assert parse_query("bus bus BUS").terms == parse_query("bus").terms


def test_the_index_keeps_both_languages_stems_in_order() -> None:
    words = indexed("Bibliotheken sluiten")
    assert words.dutch.split() == ["bibliothek", "sluit"]
    assert words.english.split()[1] == "sluiten"
    assert indexed(None).dutch == "" and indexed("").english == ""


def test_words_of_other_scripts_are_found_too() -> None:
    text = "Библиотека закрыта; η βιβλιοθήκη; 图书馆; Kılıç"
    assert marked(text, "библиотека") == ["Библиотека"]
    assert marked(text, "βιβλιοθηκη") == ["βιβλιοθήκη"]
    assert marked(text, "图书馆") == ["图书馆"]
    assert marked(text, "kılıç") == ["Kılıç"]
