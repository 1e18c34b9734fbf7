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

import random
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from dialoog_tui.core.consent import Consent
from dialoog_tui.core.themes.text import Stems, content_words, detect_language, words

Progress = Callable[[str], None]
"""Called with a short description of each step (for long runs)."""


@dataclass(frozen=True)
class ThemeInput:
    """One contribution as the engine sees it."""

    contribution_id: int
    session_id: int
    text: str
    speaker: str | None = None
    domain: str | None = None
    consent: Consent = Consent.NAMED
    tags: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    language: str | None = None
    """`nl` or `en` if known; otherwise detected from the text."""


@dataclass(frozen=True)
class ThemeParams:
    """Settings of the engine. The defaults are what the quality benchmark measured."""

    seed: int = 0
    dimensions: int = 100
    """Of the LSA space."""
    neighbours: int = 10
    """Edges per contribution in the graph whose communities count the themes."""
    sample_size: int = 3000
    """Contributions in that graph (it needs a dense sample × sample matrix)."""
    silhouette_size: int = 2000
    """Contributions the silhouette is measured on."""
    svd_iterations: int = 2
    """Power iterations of the randomised SVD; more cost time and did not group better."""
    weak_structure: float = 0.1
    """Below this silhouette, half as many themes are made."""
    fit_threshold: float = 0.15
    """A contribution less similar than this to its theme's centre fits no theme."""
    max_unassigned: float = 0.2
    """At most this share stays unassigned; the best-fitting of the rest are taken back."""
    min_theme_size: int = 3
    restarts: int = 2
    """KMeans runs from random starting points, when it does not start from communities."""
    leftover_ratio: float = 0.6
    """A group whose cohesion is below this share of the median group's is what was left over
    when the others formed, not a theme: its members stay unassigned (within the limit)."""
    char_weight: float = 0.7
    """Weight of the character n-grams beside the words."""
    extra_weight: int = 2
    """How many times a tag, interest or value counts as a word."""


@dataclass(frozen=True)
class Cluster:
    """A group found by the engine (indices into the inputs)."""

    members: tuple[int, ...]
    """Input indices, most typical first."""
    similarities: tuple[float, ...]
    """Each member's cosine similarity to the group's centre, in the same order."""

    @property
    def cohesion(self) -> float:
        """Mean similarity to the centre: 1 is identical, 0 unrelated."""
        return sum(self.similarities) / len(self.similarities)


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
    documents, texts = _documents(inputs, stems, params)
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
    vectors = _vectors([documents[i] for i in content], [texts[i] for i in content], params)
    if vectors is None:
        return Clustering([], sorted(range(len(inputs))), documents, stems, {"themes": 0})
    say("estimating the number of themes")
    count, estimate, start = _theme_count(vectors, params)
    say(f"clustering into {count} themes")
    labels, centres = _kmeans(vectors, count, params, params.restarts, start)
    clusters, unassigned = _assign(vectors, labels, centres, params)
    # Back from positions among the content documents to input indices.
    clusters = [Cluster(tuple(content[m] for m in c.members), c.similarities) for c in clusters]
    unassigned = sorted([content[m] for m in unassigned] + empty)
    return Clustering(clusters, unassigned, documents, stems, estimate | {"themes": count})


def _documents(
    inputs: Sequence[ThemeInput], stems: Stems, params: ThemeParams
) -> tuple[list[list[str]], list[str]]:
    """Per input: its tokens for the word vectors, and its content words for the character
    n-grams (function words left out, so that they do not make unrelated texts alike)."""
    tokenised = [words(item.text) for item in inputs]
    detected = [
        item.language or detect_language(tokens)
        for item, tokens in zip(inputs, tokenised, strict=True)
    ]
    # Undecided texts take their session's language, then the language of the whole set.
    by_session: dict[int, Counter[str]] = {}
    for item, lang in zip(inputs, detected, strict=True):
        if lang:
            by_session.setdefault(item.session_id, Counter())[lang] += 1
    overall = Counter(lang for lang in detected if lang)
    fallback = overall.most_common(1)[0][0] if overall else "nl"
    # People's names say who spoke, not what about: a theme is not "Piet".
    names = frozenset(word for item in inputs if item.speaker for word in words(item.speaker))
    documents, texts = [], []
    for item, tokens, lang in zip(inputs, tokenised, detected, strict=True):
        session_lang = by_session.get(item.session_id)
        language = lang or (session_lang.most_common(1)[0][0] if session_lang else fallback)
        kept = content_words(tokens, language, names)
        texts.append(" ".join(kept))
        content = stems.content_stems(kept, language)
        document = content + [f"{a} {b}" for a, b in pairwise(content)]
        extra = [
            *(f"#{tag}" for tag in item.tags),
            *(f"belang:{name.casefold()}" for name in item.interests),
            *(f"waarde:{name.casefold()}" for name in item.values),
        ]
        if content or extra:
            document += extra * params.extra_weight
        documents.append(document)
    return documents, texts


def _vectors(documents: list[list[str]], texts: list[str], params: ThemeParams) -> Any:
    from scipy.sparse import hstack
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    # Only features two or more contributions share: a word said once links nothing, and in
    # a small meeting such words would drown the few that do.
    words = _tfidf(TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2), documents)
    characters = _tfidf(
        TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=60000
        ),
        texts,
    )
    if words is None or characters is None:
        return None
    matrix = hstack([words, characters * params.char_weight]).tocsr()
    dimensions = min(params.dimensions, matrix.shape[1] - 1, matrix.shape[0] - 1)
    if dimensions < 2:
        return None
    reduced = TruncatedSVD(
        dimensions, n_iter=params.svd_iterations, random_state=params.seed
    ).fit_transform(matrix)
    return normalize(reduced)


def _tfidf(vectorizer: Any, data: list[Any]) -> Any:
    """The TF-IDF matrix, or None when no feature is shared by two contributions."""
    try:
        return vectorizer.fit_transform(data)
    except ValueError:  # scikit-learn's way of saying the vocabulary came out empty
        return None


def _identity(document: list[str]) -> list[str]:
    return document


def _theme_count(vectors: Any, params: ThemeParams) -> tuple[int, dict[str, Any], Any]:
    """How many themes, and where KMeans should start looking for them.

    The count is that of the communities of a neighbour graph, whose centres are the start;
    it is halved (and KMeans starts afresh) when even that many groups show little structure:
    a few broad themes then say more than many thin ones.
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
    silhouette = _silhouette(sample, count, params)
    if silhouette is not None and silhouette < params.weak_structure:
        count, start = max(2, round(count / 2)), None
    estimate = {
        "communities": len(centres),
        "silhouette": None if silhouette is None else round(silhouette, 4),
    }
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
        labels, _ = _kmeans(sample, k, replace(params, seed=params.seed + repeat), restarts=1)
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
    similarity = sample @ sample.T
    np.fill_diagonal(similarity, -1.0)
    nearest = np.argpartition(-similarity, neighbours - 1, axis=1)[:, :neighbours]
    sources = np.repeat(np.arange(n), neighbours)
    targets = nearest.ravel()
    weights = np.clip(similarity[sources, targets], 0.0, None)
    graph = igraph.Graph(n=n, edges=np.column_stack([sources, targets]).tolist())
    graph.es["weight"] = weights.tolist()
    graph.simplify(combine_edges="max")
    igraph.set_random_number_generator(random.Random(params.seed))
    membership = graph.community_multilevel(weights="weight").membership
    sizes = Counter(membership)
    floor = max(params.min_theme_size, int(0.005 * n))
    kept = sorted(c for c, size in sizes.items() if size >= floor)
    groups = np.asarray(membership)
    return normalize(
        np.array([sample[groups == c].mean(axis=0) for c in kept]).reshape(-1, sample.shape[1])
    )


def _kmeans(
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


def _assign(
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
    fits = similarity >= params.fit_threshold
    sizes = Counter(labels[fits].tolist())
    keep = fits & np.array(
        [sizes.get(label, 0) >= params.min_theme_size for label in labels.tolist()]
    )
    limit = int(params.max_unassigned * n)
    if n - int(keep.sum()) > limit:
        # Too many left out: take back the best-fitting of them.
        for index in np.argsort(-similarity, kind="stable"):
            if n - int(keep.sum()) <= limit:
                break
            keep[index] = True
    clusters = []
    for label in sorted(set(labels[keep].tolist())):
        members = np.flatnonzero(keep & (labels == label))
        members = members[np.argsort(-similarity[members], kind="stable")]
        clusters.append(
            Cluster(tuple(int(m) for m in members), tuple(float(similarity[m]) for m in members))
        )
    unassigned = [int(i) for i in np.flatnonzero(~keep)]
    return clusters, unassigned
