"""The engine's view of meetings, on vectors made by hand: centring, evidence, order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from dialoog_tui.core.themes.meetings import (
    centred,
    in_stretches,
    order_evidence,
    said_in_order,
    session_evidence,
    stretches,
)
from dialoog_tui.core.themes.placement import describe, place
from dialoog_tui.core.themes.types import ThemeInput

DIMENSIONS = 64


def unit(matrix: np.ndarray) -> np.ndarray:
    return (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)


def axis(number: int) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[number] = 1.0
    return vector


def meetings_with_a_shared_concern(seed: int = 0) -> tuple[np.ndarray, list[int], list[str]]:
    """Two sessions, each strongly about its own question (axis 0 or 1); a third of each
    also about one concern (axis 2), a little."""
    rng = np.random.default_rng(seed)
    rows, sessions, subjects = [], [], []
    for session, question in ((1, 0), (2, 1)):
        for n in range(30):
            concern = n % 3 == 0
            rows.append(3 * axis(question) + (1.2 * axis(2) if concern else 0))
            sessions.append(session)
            subjects.append("concern" if concern else f"question {question}")
    vectors = unit(np.array(rows) + rng.normal(0, 0.35, (len(rows), DIMENSIONS)))
    return vectors, sessions, subjects


def alike(vectors: np.ndarray, first: list[int], second: list[int]) -> float:
    """The mean similarity of the rows of `first` to those of `second`."""
    return float((vectors[first] @ vectors[second].T).mean())


def test_centring_lets_a_concern_find_itself_across_meetings() -> None:
    vectors, sessions, subjects = meetings_with_a_shared_concern()

    def rows(session: int, concern: bool) -> list[int]:
        return [
            i
            for i, (s, subject) in enumerate(zip(sessions, subjects, strict=True))
            if s == session and (subject == "concern") == concern
        ]

    def concern_finds_itself(space: np.ndarray) -> bool:
        """The concern of meeting 1 is more like that of meeting 2 than like its own
        meeting's question."""
        return alike(space, rows(1, True), rows(2, True)) > alike(
            space, rows(1, True), rows(1, False)
        )

    assert not concern_finds_itself(vectors)
    assert concern_finds_itself(centred(vectors, sessions))


def test_a_short_session_keeps_its_subject_by_the_prior() -> None:
    vectors = unit(np.array([axis(0) + 0.1 * axis(5), axis(0) + 0.1 * axis(6)] + [axis(1)] * 40))
    sessions = [1, 1] + [2] * 40
    without = centred(vectors, sessions, prior=0.0)
    with_prior = centred(vectors, sessions, prior=20.0)
    assert float(with_prior[0] @ axis(0)) > 0.5 > float(without[0] @ axis(0))


def test_sessions_with_subjects_of_their_own_show_evidence_and_shuffled_ones_none() -> None:
    vectors, sessions, _ = meetings_with_a_shared_concern()
    assert session_evidence(vectors, sessions) > 10
    shuffled = list(sessions)
    np.random.default_rng(1).shuffle(shuffled)
    assert abs(session_evidence(vectors, shuffled)) < 3


def test_order_counts_only_when_times_say_it() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    said = [ThemeInput(i, 1, "x", at=start + timedelta(minutes=i)) for i in range(10)]
    imported = [ThemeInput(i, 1, "x", at=start) for i in range(10)]
    assert said_in_order(said)
    assert not said_in_order(imported)
    assert not said_in_order([ThemeInput(i, 1, "x") for i in range(10)])


def subjects_in_turn(seed: int = 0) -> tuple[np.ndarray, list[int]]:
    """One meeting that speaks of four subjects in turn, eight contributions each."""
    rng = np.random.default_rng(seed)
    rows = [axis(subject) for subject in range(4) for _ in range(8)]
    return unit(np.array(rows) + rng.normal(0, 0.2, (32, DIMENSIONS))), [1] * 32


def test_order_evidence_sees_subjects_in_turn_and_not_a_shuffle() -> None:
    vectors, sessions = subjects_in_turn()
    assert order_evidence(vectors, sessions) > 5
    shuffled = vectors[np.random.default_rng(2).permutation(len(vectors))]
    assert abs(order_evidence(shuffled, sessions)) < 3


def test_stretches_cut_where_the_subject_changes() -> None:
    vectors, sessions = subjects_in_turn()
    labels = stretches(vectors, sessions, length=8)
    assert labels.tolist() == [n // 8 for n in range(32)]
    read = in_stretches(vectors, labels, own=0.5)
    assert np.allclose(np.linalg.norm(read, axis=1), 1.0, atol=1e-5)
    assert float(read[0] @ read[7]) > float(vectors[0] @ vectors[7])


def test_placement_finds_the_theme_a_vector_stands_out_for_or_none() -> None:
    rng = np.random.default_rng(0)
    rows = [axis(subject) for subject in range(3) for _ in range(20)]
    space = unit(np.array(rows) + rng.normal(0, 0.3, (60, DIMENSIONS)))
    places = describe(space, {"a": range(0, 20), "b": range(20, 40), "c": range(40, 60)})
    near_b = unit(np.array([axis(1) + rng.normal(0, 0.3, DIMENSIONS)]))
    elsewhere = unit(np.array([axis(9) + rng.normal(0, 0.3, DIMENSIONS)]))
    assert place(np.vstack([near_b, elsewhere]), places, fit_spread=2.5) == ["b", None]


def test_placement_prefers_a_curated_theme_the_vector_fits() -> None:
    rng = np.random.default_rng(0)
    rows = [axis(0)] * 20 + [axis(1)] * 20 + [axis(5)] * 20
    space = unit(np.array(rows) + rng.normal(0, 0.2, (60, DIMENSIONS)))
    places = describe(space, {"found": range(0, 20), "curated": range(20, 40), "x": range(40, 60)})
    between = unit(np.array([axis(0) + 0.7 * axis(1)]))
    assert place(between, places, 2.5) == ["found"]
    assert place(between, places, 2.5, first=["curated"]) == ["curated"]
