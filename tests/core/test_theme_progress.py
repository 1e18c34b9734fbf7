"""A theme run's progress lines: printed by the command line, read back by the TUI."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialoog_tui.core.themes.progress import STEPS, Step, progress_line, read_progress_line


def steps() -> st.SearchStrategy[Step]:
    def with_count(key: str) -> st.SearchStrategy[Step]:
        if "{count}" in STEPS[key]:
            return st.integers(0, 10**7).map(lambda count: Step(key, count))
        return st.just(Step(key))

    return st.sampled_from(sorted(STEPS)).flatmap(with_count)


@given(steps(), st.floats(0, 10**5))
def test_a_progress_line_reads_back_as_its_step(step: Step, seconds: float) -> None:
    line = progress_line(step, seconds)
    assert read_progress_line(line) == step


def test_the_line_is_plain_english_for_a_person_at_the_terminal() -> None:
    assert progress_line(Step("reading", 157), 0.04) == "themes: reading 157 contributions (0.0 s)"
    assert progress_line(Step("clustering", 8), 2.25) == "themes: clustering into 8 themes (2.2 s)"


@pytest.mark.parametrize(
    "line",
    [
        "",
        "error: no sessions",
        "themes: reading many contributions (0.1 s)",
        "themes: thinking (0.1 s)",
        "themes: saving",
    ],
)
def test_other_lines_are_not_steps(line: str) -> None:
    assert read_progress_line(line) is None
