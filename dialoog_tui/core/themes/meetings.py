"""What recurs, not what a meeting was about: the engine's view of contributions in their
meetings.

Every contribution of a meeting shares the meeting's question, and its words and meaning
carry it: "regenton" and "kelder" in the meeting about flooding, "voedselbank" in the one
about debt. Compared as they are, contributions find their own meeting rather than the
concern they share with another one. Two measures, both from the data:

- *Centring*: each meeting's mean vector is taken off its contributions, so what they share
  as a meeting no longer makes them alike; what is left is how each differs from its
  meeting, and that is what another meeting can share. A theme of one meeting only still
  differs from the rest of its meeting, so it stays a theme of its own.
- *Order*: a meeting dwells on a subject for a while before it moves on. When the data
  shows it (consecutive contributions of a meeting are measurably more alike than random
  pairs of it; `order_evidence`), each contribution is read together with the stretch of
  the meeting it belongs to (`in_stretches`): one remark says little, five on one subject
  say what the subject is. Data without such order (a survey, a shuffled set) shows no
  evidence and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from dialoog_tui.core.themes.types import ThemeInput

ORDER_SAMPLES = 3
"""Random pairs drawn per consecutive pair when measuring the evidence for order."""
TIMED_SHARE = 0.9
"""Share of a session's consecutive contributions that must have been said later for the
order of a meeting to count."""
EVERY_PAIR_UP_TO = 1500
"""Contributions up to which every pair is compared for the evidence that sessions have
subjects of their own (about a million pairs)."""
PAIR_SAMPLES = 200_000
"""Random pairs compared for it past that."""


def _groups(sessions: Sequence[int]) -> dict[int, Any]:
    """Row positions per session, in row order."""
    import numpy as np

    positions: dict[int, list[int]] = {}
    for row, session in enumerate(sessions):
        positions.setdefault(session, []).append(row)
    return {session: np.asarray(rows) for session, rows in positions.items()}


def centred(vectors: Any, sessions: Sequence[int], prior: float = 0.0, overall: Any = None) -> Any:
    """`vectors` (unit rows) with each session's mean taken off, made unit again.

    A session of few contributions says little about what its meeting was about: its mean is
    drawn towards the mean of all (`overall`, by default that of `vectors`) as if `prior`
    contributions of all had been added to it. Three remarks on one subject keep their
    subject; a meeting of sixty loses its question.
    """
    import numpy as np

    out = np.array(vectors, dtype=np.float32, copy=True)
    everything = out.mean(axis=0) if overall is None else np.asarray(overall, dtype=np.float32)
    for rows in _groups(sessions).values():
        own = len(rows) / (len(rows) + prior)
        out[rows] -= own * out[rows].mean(axis=0) + (1 - own) * everything
    return _unit(out)


def session_evidence(vectors: Any, sessions: Sequence[int], seed: int = 0) -> float:
    """How sure it is that each meeting has a subject of its own: the difference between the
    mean similarity of pairs from one session and of pairs from two, in standard errors
    (about 0 when sessions are arbitrary batches of the same material). Every pair counts
    in small data; in large data a sample of pairs, never more than there are."""
    import numpy as np

    label = np.asarray(sessions)
    n = len(label)
    if len(set(sessions)) < 2:
        return 0.0
    if n <= EVERY_PAIR_UP_TO:
        first, second = np.triu_indices(n, k=1)
        similarity = (vectors @ vectors.T)[first, second]
    else:
        rng = np.random.RandomState(seed)
        first, second = rng.randint(0, n, (2, PAIR_SAMPLES))
        kept = first != second
        first, second = first[kept], second[kept]
        similarity = _paired(vectors, first, second)
    same = label[first] == label[second]
    return _difference(similarity[same], similarity[~same])


def said_in_order(inputs: Sequence[ThemeInput]) -> bool:
    """Whether the inputs' times tell their order within a session (rows in the order said):
    nearly every next contribution of a session was said later. Imported without times,
    contributions share one time, and their order is only the order of the file."""
    pairs = [(a.at, b.at) for a, b in pairwise(inputs) if a.session_id == b.session_id]
    if not pairs:
        return False
    later = sum(1 for a, b in pairs if a is not None and b is not None and b > a)
    return later >= TIMED_SHARE * len(pairs)


def order_evidence(vectors: Any, sessions: Sequence[int], seed: int = 0) -> float:
    """How sure it is that the order of a meeting's contributions carries meaning: the
    difference between the mean similarity of consecutive contributions and of random pairs
    of the same meeting, in standard errors (about 0 for shuffled data; rows are in the
    order they were said)."""
    import numpy as np

    rng = np.random.RandomState(seed)
    consecutive, random_pairs = [], []
    for rows in _groups(sessions).values():
        if len(rows) < 4:
            continue
        block = vectors[rows]
        consecutive.append((block[:-1] * block[1:]).sum(axis=1))
        pairs = rng.randint(0, len(rows), (ORDER_SAMPLES * len(rows), 2))
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        random_pairs.append((block[pairs[:, 0]] * block[pairs[:, 1]]).sum(axis=1))
    if not consecutive:
        return 0.0
    return _difference(np.concatenate(consecutive), np.concatenate(random_pairs))


def _paired(vectors: Any, first: Any, second: Any, chunk: int = 10_000) -> Any:
    """The similarity of each pair (`first[i]`, `second[i]`), a chunk at a time (memory)."""
    import numpy as np

    return np.concatenate(
        [
            np.einsum("ij,ij->i", vectors[first[i : i + chunk]], vectors[second[i : i + chunk]])
            for i in range(0, len(first), chunk)
        ]
    )


def _difference(near: Any, far: Any) -> float:
    """How much larger the mean of `near` is than that of `far`, in standard errors."""
    import numpy as np

    if len(near) < 2 or len(far) < 2:
        return 0.0
    spread = float(np.sqrt(near.var() / len(near) + far.var() / len(far)))
    return float(near.mean() - far.mean()) / spread if spread > 0 else 0.0


def stretches(vectors: Any, sessions: Sequence[int], length: int) -> Any:
    """Per row, its stretch: contiguous runs of a meeting, about `length` contributions long,
    cut where the subject changes most (Ward's criterion under the constraint that only
    neighbours in time may join). Numbered across meetings."""
    import numpy as np
    from scipy.sparse import diags
    from sklearn.cluster import AgglomerativeClustering

    labels = np.zeros(len(sessions), dtype=np.int64)
    next_label = 0
    for rows in _groups(sessions).values():
        count = max(1, round(len(rows) / length))
        if count == 1 or len(rows) < 3:
            labels[rows] = next_label
            next_label += 1
            continue
        n = len(rows)
        ones = np.ones(n - 1)
        chain = diags([ones, ones], [-1, 1], shape=(n, n), dtype=np.float64)
        cut = AgglomerativeClustering(count, connectivity=chain, linkage="ward")
        local = cut.fit_predict(vectors[rows])
        # Numbered in the order the stretches begin, so the same data gives the same numbers.
        first = {label: int(np.flatnonzero(local == label)[0]) for label in set(local.tolist())}
        for label in sorted(first, key=first.__getitem__):
            labels[rows[local == label]] = next_label
            next_label += 1
    return labels


def in_stretches(vectors: Any, stretch: Any, own: float) -> Any:
    """Each row read together with its stretch (`stretches`' labels): the stretch's mean plus
    `own` times itself, made unit."""
    import numpy as np

    sums = np.zeros((int(stretch.max()) + 1, vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, stretch, vectors)
    return _unit(_unit(sums)[stretch] + own * vectors)


def _unit(matrix: Any) -> Any:
    import numpy as np

    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def meaning_space(
    meanings: Any,
    sessions: Sequence[int],
    *,
    by_session: bool,
    stretched: bool,
    length: int,
    own: float,
    prior: float,
    overall: Any,
) -> Any:
    """The meaning vectors as placement compares them: centred per session when
    `by_session` (`centred`) and, when `stretched`, each read with its stretch of its
    session. Rebuilt for one session from its kept vectors and the run's `overall` mean, it
    is the space a stored run's centres are in."""
    space = centred(meanings, sessions, prior, overall) if by_session else meanings
    if not stretched:
        return space
    return in_stretches(space, stretches(space, sessions, length), own)
