"""A theme run's progress lines: printed by the command line, read back by the TUI."""

from __future__ import annotations

import json
import subprocess
import sys

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


# In a fresh interpreter: in this one, other tests may have imported scikit-learn already.
WHAT_EACH_STEP_FINDS_LOADED = """
import json, sys
from dialoog_tui.core.themes.engine import find_clusters
from dialoog_tui.core.themes.types import ThemeInput
loaded = []
texts = ["parkeren op het plein", "parkeerplaatsen voor bewoners", "bomen voor schaduw",
         "meer bomen en groen", "geluid van het terras", "geluidsoverlast in de nacht"]
inputs = [ThemeInput(n, 1, text) for n, text in enumerate(texts)]
find_clusters(inputs, progress=lambda step: loaded.append(
    [step.key, "sklearn.feature_extraction.text" in sys.modules]))
print(json.dumps(loaded))
"""


def test_the_slow_first_import_is_a_step_of_its_own_not_part_of_reading() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WHAT_EACH_STEP_FINDS_LOADED],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = dict(json.loads(done.stdout))
    assert list(loaded)[:2] == ["preparing", "reading"]
    assert loaded["preparing"] is False
    assert loaded["reading"] is True
