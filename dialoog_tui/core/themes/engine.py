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
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import Cluster, Progress, ThemeInput, ThemeParams
from dialoog_tui.core.themes.vectors import documents as read_documents
from dialoog_tui.core.themes.vectors import vectorise


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


def find_clusters(
    inputs: Sequence[ThemeInput],
    params: ThemeParams | None = None,
    progress: Progress | None = None,
) -> Clustering:
    """Group `inputs`; see the module docstring for the method."""
    params = params or ThemeParams()
    say = progress or (lambda _step: None)
    say(f"reading {len(inputs)} contributions")
    stems = Stems()
    documents, texts = read_documents(inputs, stems, params)
    content = [i for i, doc in enumerate(documents) if doc]
    empty = [i for i, doc in enumerate(documents) if not doc]
    if len(content) < 2 * params.min_theme_size:
        return Clustering([], sorted(range(len(inputs))), documents, stems, {"themes": 0})

    # Degenerate data (identical texts, fewer distinct points than groups) makes the libraries
    # warn on stderr; the engine handles those cases, and a user should not see the noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _cluster(inputs, documents, texts, content, empty, stems, params, say)


def _cluster(
    inputs: Sequence[ThemeInput],
    documents: list[list[str]],
    texts: list[str],
    content: list[int],
    empty: list[int],
    stems: Stems,
    params: ThemeParams,
    say: Progress,
) -> Clustering:
    say("vectorising")
    vectors = vectorise([documents[i] for i in content], [texts[i] for i in content], params)
    if vectors is None:
        return Clustering([], sorted(range(len(inputs))), documents, stems, {"themes": 0})
    say("estimating the number of themes")
    count, estimate, start = theme_count(vectors, params)
    say(f"clustering into {count} themes")
    labels, centres = kmeans(vectors, count, params, params.restarts, start)
    clusters, unassigned = assign(vectors, labels, centres, params)
    # Back from positions among the content documents to input indices.
    clusters = [Cluster(tuple(content[m] for m in c.members), c.similarities) for c in clusters]
    unassigned = sorted([content[m] for m in unassigned] + empty)
    return Clustering(clusters, unassigned, documents, stems, estimate | {"themes": count})
