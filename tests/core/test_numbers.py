"""Numbers as people type them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dialoog_tui.core.consent_gate import seq_of_shared, shared_number
from dialoog_tui.core.numbers import ContributionRef, typed_contribution, typed_number


def test_only_digits_zero_to_nine_that_fit_an_id_are_a_number() -> None:
    assert typed_number(" 12 ") == 12
    assert typed_number("007") == 7
    assert typed_number("²") is None  # a digit to Python
    assert typed_number("١٢") is None  # Arabic-Indic: a name here, not an id
    assert typed_number("9" * 18) == int("9" * 18)
    assert typed_number("9" * 19) is None  # fits no database id
    assert typed_number("12a") is None and typed_number("") is None


def test_a_contribution_is_typed_by_id_or_by_its_number_in_a_session() -> None:
    assert typed_contribution("109") == ContributionRef(109)
    assert typed_contribution("avond-2#13") == ContributionRef(13, numbered=True, session="avond-2")
    assert typed_contribution("2#13") == ContributionRef(13, numbered=True, session="2")
    assert typed_contribution(" #13 ") == ContributionRef(13, numbered=True)
    # A slug never holds '#', so the number is what follows the last one.
    assert typed_contribution("a#b#4") == ContributionRef(4, numbered=True, session="a#b")
    for wrong in ("avond-2#", "#0", "#x", "avond", "", "2#13a"):
        assert typed_contribution(wrong) is None, wrong


@given(st.sets(st.integers(1, 60)), st.integers(1, 60))
def test_a_shared_number_leads_back_to_its_contribution(unshared: set[int], seq: int) -> None:
    skipped = sorted(unshared - {seq})
    number = shared_number(seq, skipped)
    assert seq_of_shared(number, skipped) == seq
