"""The theme engine: contributions in, groups of contributions that belong together out.

Method (measured against a TF-IDF + KMeans baseline in bench/themes_quality.py):

1. Each contribution becomes stemmed content words in its own language (Dutch or English,
   detected per contribution, else per session), their bigrams, and its tags, interests and
   values as extra tokens shared by both languages; plus character n-grams of the content
   words, which catch compounds and spelling variants. Only features that two or more
   contributions share count. TF-IDF, then LSA (truncated SVD) to a dense, normalised space.
2. The number of themes is found, not asked for: the Louvain communities of a
   k-nearest-neighbour graph over (a sample of) the contributions. When KMeans with that
   count shows little structure (cosine silhouette below `weak_structure`), half as many,
   broader themes are made instead.
3. KMeans on all contributions, starting from the communities' centres. A loose catch-all
   group is dissolved; contributions far from every theme, without content words ("ok",
   "ja") or in groups too small to be a theme stay unassigned.

Deterministic: every random choice is seeded. Memory stays linear: the only dense matrices
are n × dimensions and sample × sample.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dialoog_tui.core.themes.grouping import assign, kmeans, theme_count
from dialoog_tui.core.themes.progress import Progress, Step
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import Cluster, PinnedGroup, ThemeInput, ThemeParams
from dialoog_tui.core.themes.vectors import documents as read_documents
from dialoog_tui.core.themes.vectors import load_libraries, vectorise


@dataclass
class Clustering:
    """What the engine found, with what the explanation needs."""

    clusters: list[Cluster]
    unassigned: list[int]
    documents: list[list[str]] = field(default_factory=list)
    """Per input: the tokens its words became (stems, bigrams, extra tokens)."""
    stems: Stems | None = None
    """For showing stems as the words people wrote."""
    estimate: dict[str, Any] = field(default_factory=dict)
    """How the number of themes was found (for `--json` and the benchmark)."""
    joined: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    """Per pinned group: the inputs that joined it, with their similarity to its centre."""
    measured: dict[str, dict[int, float]] = field(default_factory=dict)
    """Per pinned group: its members' similarity to its centre, measured anew."""


def find_clusters(
    inputs: Sequence[ThemeInput],
    params: ThemeParams | None = None,
    progress: Progress | None = None,
    pinned: Sequence[PinnedGroup] = (),
) -> Clustering:
    """Group `inputs`; see the module docstring for the method.

    Members of `pinned` groups stay where they are; other inputs that fit a pinned group join
    it, and only the rest is grouped anew.
    """
    params = params or ThemeParams()
    say = progress or (lambda _step: None)
    say(Step("preparing"))
    load_libraries()
    say(Step("reading", len(inputs)))
    stems = Stems()
    documents, texts = read_documents(inputs, stems, params)
    held = {m for group in pinned for m in group.members}
    content = [i for i, doc in enumerate(documents) if doc]
    empty = [i for i, doc in enumerate(documents) if not doc and i not in held]
    free = [i for i in content if i not in held]
    if len(content) < 2 * params.min_theme_size:
        return Clustering([], sorted(free + empty), documents, stems, {"themes": 0})
    # Degenerate data (identical texts, fewer distinct points than groups) makes the libraries
    # warn on stderr; the engine handles those cases, and a user should not see the noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        say(Step("vectorising"))
        vectors = vectorise([documents[i] for i in content], [texts[i] for i in content], params)
        if vectors is None:
            return Clustering([], sorted(free + empty), documents, stems, {"themes": 0})
        row = {index: position for position, index in enumerate(content)}
        joined, measured = _join_pinned(vectors, row, free, pinned, params)
        taken = {i for members in joined.values() for i, _ in members}
        rest = [i for i in free if i not in taken]
        clustering = _group(vectors, row, rest, params, say)
    clustering.unassigned = sorted(clustering.unassigned + empty)
    clustering.documents, clustering.stems = documents, stems
    clustering.joined, clustering.measured = joined, measured
    return clustering


def _join_pinned(
    vectors: Any,
    row: dict[int, int],
    free: list[int],
    pinned: Sequence[PinnedGroup],
    params: ThemeParams,
) -> tuple[dict[str, list[tuple[int, float]]], dict[str, dict[int, float]]]:
    """The free inputs that fit a pinned group best, and well enough; and how well each
    group's own members fit it."""
    import numpy as np
    from sklearn.preprocessing import normalize

    groups = [g for g in pinned if any(m in row for m in g.members)]
    if not groups:
        return {}, {}
    centres = normalize(
        np.array([vectors[[row[m] for m in g.members if m in row]].mean(axis=0) for g in groups])
    )
    measured = {
        group.key: {m: float(vectors[row[m]] @ centres[column]) for m in group.members if m in row}
        for column, group in enumerate(groups)
    }
    if not free:
        return {}, measured
    similarity = vectors[[row[i] for i in free]] @ centres.T
    position_of = {index: position for position, index in enumerate(free)}
    for column, group in enumerate(groups):
        barred = [position_of[i] for i in group.excluded if i in position_of]
        if group.joinable is not None:
            barred += [p for p, i in enumerate(free) if i not in group.joinable]
        similarity[barred, column] = -1.0
    best = similarity.argmax(axis=1)
    joined: dict[str, list[tuple[int, float]]] = {}
    for position, index in enumerate(free):
        score = float(similarity[position, best[position]])
        if score >= params.pinned_fit:
            joined.setdefault(groups[best[position]].key, []).append((index, score))
    return joined, measured


def _group(
    vectors: Any, row: dict[int, int], rest: list[int], params: ThemeParams, say: Progress
) -> Clustering:
    """Themes among `rest` (input indices)."""
    if len(rest) < 2 * params.min_theme_size:
        return Clustering([], list(rest), estimate={"themes": 0})
    subset = vectors[[row[i] for i in rest]]
    say(Step("estimating"))
    count, estimate, start = theme_count(subset, params)
    say(Step("clustering", count))
    labels, centres = kmeans(subset, count, params, params.restarts, start)
    clusters, unassigned = assign(subset, labels, centres, params)
    # Back from positions in the subset to input indices.
    return Clustering(
        [Cluster(tuple(rest[m] for m in c.members), c.similarities) for c in clusters],
        [rest[m] for m in unassigned],
        estimate=estimate | {"themes": count},
    )
