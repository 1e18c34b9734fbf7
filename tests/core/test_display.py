"""Making text safe and fitting it into columns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from dialoog_tui.core.display import abbreviate_domain, fit, visible


def test_control_characters_become_symbols() -> None:
    assert visible("a\x1b[31mb\x07\n\x7f\x9b") == "a␛[31mb␇␊␡\ufffd"
    assert visible("[bold] 😀 مرحبا") == "[bold] 😀 مرحبا"


@given(st.text())
def test_visible_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = visible(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert len(shown) == len(text)


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_fit_gives_exactly_the_width(text: str, width: int) -> None:
    assert cell_len(fit(visible(text), width)) == width


def test_domain_abbreviations() -> None:
    assert abbreviate_domain("inwoner") == "inw"
    assert abbreviate_domain("maatschappelijke organisatie") == "mo"


def test_titles_are_told_apart_by_what_differs() -> None:
    from dialoog_tui.core.display import telling_titles

    evenings = {1: "Plein Wolderwijk – verkenning", 2: "Plein Wolderwijk – ontwerpatelier-avond 1"}
    assert telling_titles(evenings) == {1: "verkenning", 2: "ontwerpatelier-avond 1"}
    # Nothing shared, one title, or a title that is all beginning: whole.
    assert telling_titles({1: "Maart", 2: "Juni"}) == {1: "Maart", 2: "Juni"}
    assert telling_titles({1: "Avond", 2: "Avond 2"}) == {1: "Avond", 2: "Avond 2"}
    assert telling_titles({5: "Plein"}) == {5: "Plein"}
    # Two that still read alike (one title twice; a separator apart) are told by their ids.
    assert telling_titles({3: "Avond", 4: "Avond"}) == {3: "Avond (3)", 4: "Avond (4)"}
    assert telling_titles({1: "Plein – verkenning", 2: "Plein verkenning", 3: "Plein atelier"}) == {
        1: "verkenning (1)",
        2: "verkenning (2)",
        3: "atelier",
    }
