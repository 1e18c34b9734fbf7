"""Numbers as people type them."""

from __future__ import annotations

from dialoog_tui.core.numbers import typed_number


def test_only_digits_zero_to_nine_that_fit_an_id_are_a_number() -> None:
    assert typed_number(" 12 ") == 12
    assert typed_number("007") == 7
    assert typed_number("²") is None  # a digit to Python
    assert typed_number("١٢") is None  # Arabic-Indic: a name here, not an id
    assert typed_number("9" * 18) == int("9" * 18)
    assert typed_number("9" * 19) is None  # fits no database id
    assert typed_number("12a") is None and typed_number("") is None
