"""Grouping vectors: how many themes (graph communities), KMeans, and who fits where."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from msgspec.structs import replace

from dialoog_tui.core.themes.types import Cluster, ThemeParams

BLOCK = 1000
"""Rows of the sample compared with all of it at a time, when looking for neighbours."""


def theme_count(
    vectors: Any, params: ThemeParams, *, words_alone: bool
) -> tuple[int, dict[str, Any], Any]:
    """How many themes, and where KMeans should start looking for them.

    The count is that of the communities of a neighbour graph, whose centres are the start.
    Read by `words_alone` (the fallback), it is halved (and KMeans starts afresh) when even
    that many groups show little structure: a few broad themes then say more than many thin
    ones. With meaning vectors the communities are the answer: their silhouette is low on
    nearly all short texts, and halving it merged themes the data keeps apart (measured in
    bench/themes_quality.py and on two meetings of tests/core/test_recurring_themes.py).
    """
    import numpy as np

    n = vectors.shape[0]
    rng = np.random.RandomState(params.seed)
    sample = vectors[np.sort(rng.choice(n, min(params.sample_size, n), replace=False))]
    centres = _communities(sample, params)
    count = len(centres)
    start = centres
    if count < 2 or count > n // params.min_theme_size:
        count, start = max(2, min(count, n // params.min_theme_size)), None
    estimate: dict[str, Any] = {"communities": len(centres)}
    if words_alone:
        silhouette = _silhouette(sample, count, params)
        if silhouette is not None and silhouette < params.weak_structure:
            count, start = max(2, round(count / 2)), None
        estimate["silhouette"] = None if silhouette is None else round(silhouette, 4)
    return count, estimate, start


def _silhouette(sample: Any, k: int, params: ThemeParams) -> float | None:
    """The mean cosine silhouette of KMeans with `k` groups on the sample.

    On a small sample one KMeans run is a noisy witness, so a few seeds are averaged.
    """
    from sklearn.metrics import silhouette_score

    n = sample.shape[0]
    repeats = max(1, min(5, 2000 // n))
    scores = []
    for repeat in range(repeats):
        labels, _ = kmeans(sample, k, replace(params, seed=params.seed + repeat), restarts=1)
        if len(set(labels.tolist())) < 2:
            return None
        scores.append(
            silhouette_score(
                sample,
                labels,
                metric="cosine",
                sample_size=min(params.silhouette_size, n),
                random_state=params.seed,
            )
        )
    return float(sum(scores) / len(scores))


def _communities(sample: Any, params: ThemeParams) -> Any:
    """The centres of the communities (of at least the minimal size) of a kNN graph of the
    sample, found with Louvain's modularity method."""
    import igraph
    import numpy as np
    from sklearn.preprocessing import normalize

    n = sample.shape[0]
    neighbours = min(params.neighbours, n - 1)
    nearest = np.empty((n, neighbours), dtype=np.int64)
    weights = np.empty((n, neighbours), dtype=np.float32)
    # A block of rows at a time: the whole sample × sample matrix, and the indices that
    # sorting it needs, would take half a gigabyte at 6,000.
    for start in range(0, n, BLOCK):
        block = sample[start : start + BLOCK] @ sample.T
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = -1.0
        # The largest at the end: partitioning `block` itself, not a negated copy of it, takes
        # half the time (a third of counting the themes at 10,000 contributions).
        last = block.shape[1] - neighbours
        chosen = np.argpartition(block, last, axis=1)[:, last:]
        nearest[start : start + BLOCK] = chosen
        weights[start : start + BLOCK] = np.clip(block[rows[:, None], chosen], 0.0, None)
    sources = np.repeat(np.arange(n), neighbours)
    targets = nearest.ravel()
    weights = weights.ravel()
    graph = igraph.Graph(n=n, edges=np.column_stack([sources, targets]).tolist())
    graph.es["weight"] = weights.tolist()
    graph.simplify(combine_edges="max")
    igraph.set_random_number_generator(random.Random(params.seed))
    membership = graph.community_multilevel(
        weights="weight", resolution=params.resolution
    ).membership
    sizes = Counter(membership)
    floor = max(params.min_theme_size, int(params.smallest_community * n))
    kept = sorted(c for c, size in sizes.items() if size >= floor)
    if not kept:
        # A few short contributions can all fall in communities below the floor: no centres,
        # and theme_count then chooses the count itself.
        return np.empty((0, sample.shape[1]))
    groups = np.asarray(membership)
    return normalize(
        np.array([sample[groups == c].mean(axis=0) for c in kept]).reshape(-1, sample.shape[1])
    )


def kmeans(
    vectors: Any, k: int, params: ThemeParams, restarts: int = 2, start: Any = None
) -> tuple[Any, Any]:
    """Labels, and the groups' centres (unit length). With `start`, KMeans refines those
    centres instead of trying `restarts` random ones."""
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from sklearn.preprocessing import normalize

    k = max(1, min(k, vectors.shape[0]))
    if vectors.shape[0] > 30000:
        # Full KMeans on 100,000 points takes minutes; mini-batches find nearly the same.
        model: Any = MiniBatchKMeans(
            k,
            init="k-means++" if start is None else start,
            n_init=3 if start is None else 1,
            random_state=params.seed,
            batch_size=4096,
            max_iter=100,
        )
    else:
        model = KMeans(
            k,
            init="k-means++" if start is None else start,
            n_init=restarts if start is None else 1,
            random_state=params.seed,
        )
    labels = model.fit_predict(vectors)
    return labels, normalize(model.cluster_centers_)


def assign(
    vectors: Any, labels: Any, centres: Any, params: ThemeParams
) -> tuple[list[Cluster], list[int]]:
    """Groups of the members that fit, and the rest (within the unassigned limit).

    A loose group whose cohesion is far below the others' is what was left over when they
    formed, not a theme: it is dissolved, and its members join the nearest real group they
    fit, or stay unassigned.
    """
    import numpy as np

    n = len(labels)
    similarity = (vectors * centres[labels]).sum(axis=1)
    groups = sorted(set(labels.tolist()))
    cohesion = {g: float(similarity[labels == g].mean()) for g in groups}
    if len(groups) >= 3:
        floor = params.leftover_ratio * float(np.median(list(cohesion.values())))
        real = [g for g in groups if cohesion[g] >= floor]
    else:
        real = groups
    if len(real) < len(groups):
        towards = vectors @ centres[real].T
        nearest = towards.argmax(axis=1)
        labels = np.asarray(real)[nearest]
        similarity = towards[np.arange(n), nearest]
    keep = _in_big_enough_groups(labels, similarity >= params.fit_threshold, params)
    limit = int(params.max_unassigned * n)
    if n - int(keep.sum()) > limit:
        # Too many left out: take back the best-fitting of them.
        for index in np.argsort(-similarity, kind="stable"):
            if n - int(keep.sum()) <= limit:
                break
            keep[index] = True
        # Taken back into a group that is still too small, a contribution would make a theme
        # of one or two: those stay unassigned after all.
        keep = _in_big_enough_groups(labels, keep, params)
    clusters = []
    for label in sorted(set(labels[keep].tolist())):
        members = np.flatnonzero(keep & (labels == label))
        members = members[np.argsort(-similarity[members], kind="stable")]
        clusters.append(
            Cluster(tuple(int(m) for m in members), tuple(float(similarity[m]) for m in members))
        )
    unassigned = [int(i) for i in np.flatnonzero(~keep)]
    return clusters, unassigned


def _in_big_enough_groups(labels: Any, chosen: Any, params: ThemeParams) -> Any:
    """Of the `chosen` positions, those whose group has `min_theme_size` chosen members."""
    import numpy as np

    sizes = Counter(labels[chosen].tolist())
    return chosen & np.array([sizes[label] >= params.min_theme_size for label in labels.tolist()])
