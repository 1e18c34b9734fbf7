"""The theme engine: contributions in, groups of contributions that belong together out.

Method (measured in bench/themes_quality.py against TF-IDF + KMeans and multilingual
embeddings + KMeans, both told the true number of labels):

1. *Meaning*: each contribution's sentence embedding (`meaning.py`, kept by the store).
   *Words*: stemmed content words in the contribution's language (Dutch or English), their
   bigrams, its tags, interests and values as extra tokens; only features two contributions
   share; TF-IDF, then LSA. Together, the words weighted by `words_weight`. Read alone (no
   embeddings: the fallback), the words also get character n-grams (compounds, spelling)
   and a larger LSA space.
2. *Meetings* (`meetings.py`): each meeting's own mean is taken off, so what recurs shows
   rather than what a meeting was about; where the order of a meeting carries meaning, each
   contribution is read with the stretch of the meeting it belongs to.
3. *How many*: the Louvain communities of a k-nearest-neighbour graph over (a sample of) the
   contributions. Read by words alone, when KMeans with that count shows little structure
   (cosine silhouette below `weak_structure`), half as many, broader themes are made.
4. KMeans on all contributions, starting from the communities' centres. A loose catch-all
   group is dissolved; contributions far from every theme, without content words ("ok",
   "ja") or in groups too small to be a theme stay unassigned.

Deterministic: every random choice is seeded, and the caller gives the inputs in one order
(`run.find_themes` sorts them). Memory stays linear: the only dense matrices are n ×
dimensions and sample × sample.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

from dialoog_tui.core.themes import meetings
from dialoog_tui.core.themes.grouping import assign, kmeans, theme_count
from dialoog_tui.core.themes.meaning import MODEL
from dialoog_tui.core.themes.placement import Placement, describe, standing
from dialoog_tui.core.themes.progress import Progress, Step
from dialoog_tui.core.themes.text import Stems
from dialoog_tui.core.themes.types import Cluster, PinnedGroup, ThemeInput, ThemeParams
from dialoog_tui.core.themes.vectors import documents as read_documents
from dialoog_tui.core.themes.vectors import load_libraries, vectorise


class Clustering(Struct):
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
    placement: Placement | None = None
    """Where contributions that come later fit (None: there were no meaning vectors)."""


def find_clusters(
    inputs: Sequence[ThemeInput],
    params: ThemeParams | None = None,
    progress: Progress | None = None,
    pinned: Sequence[PinnedGroup] = (),
    meanings: Any = None,
) -> Clustering:
    """Group `inputs`; see the module docstring for the method. `meanings` holds each
    input's meaning vector (a row per input, as `meaning.encode` makes them); without, the
    words alone are read.

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
        spaces = _space(inputs, content, documents, texts, params, meanings)
        if spaces is None:
            return Clustering([], sorted(free + empty), documents, stems, {"themes": 0})
        row = {index: position for position, index in enumerate(content)}
        joined, measured = _join_pinned(spaces.placing, row, free, pinned, params)
        taken = {i for members in joined.values() for i, _ in members}
        rest = [i for i in free if i not in taken]
        clustering = _group(spaces, row, rest, params, say)
        if spaces.model is not None:
            clustering.placement = _placement(spaces, row, clustering, pinned, joined, params)
    clustering.unassigned = sorted(clustering.unassigned + empty)
    clustering.documents, clustering.stems = documents, stems
    clustering.joined, clustering.measured = joined, measured
    clustering.estimate = spaces.read | clustering.estimate
    return clustering


def _placement(
    spaces: _Spaces,
    row: dict[int, int],
    clustering: Clustering,
    pinned: Sequence[PinnedGroup],
    joined: dict[str, list[tuple[int, float]]],
    params: ThemeParams,
) -> Placement:
    """The centres of the themes found (keyed `#<position>`) and of the pinned groups with
    the inputs that joined them, for placing contributions into later."""
    groups = {
        cluster_key(position): [row[m] for m in cluster.members]
        for position, cluster in enumerate(clustering.clusters)
    }
    for group in pinned:
        members = [*group.members, *(i for i, _ in joined.get(group.key, []))]
        groups[group.key] = [row[m] for m in members if m in row]
    assert spaces.model is not None
    return Placement(
        spaces.model,
        spaces.by_session,
        spaces.stretched,
        spaces.overall,
        tuple(describe(spaces.placing, groups)),
    )


def cluster_key(position: int) -> str:
    """How `Clustering.placement` names the cluster at `position` (pinned groups go by
    their own keys)."""
    return f"#{position}"


class _Spaces(Struct):
    """The vectors of the inputs the engine compares (unit rows, a row per content input)."""

    grouping: Any
    """Meaning and words together, as the themes are found in."""
    placing: Any
    """Meaning alone (words alone without meanings), as `placement` measures fit in."""
    model: str | None
    """Of the meaning vectors (None: words alone)."""
    by_session: bool
    """Each session's mean was taken off (sessions have subjects of their own); else only
    the mean of all."""
    stretched: bool
    """Each row is read with its stretch of the meeting (`meetings.in_stretches`)."""
    overall: Any
    """The mean meaning vector (None: no meanings)."""
    read: dict[str, Any]
    """How they were read (for `--json` and the benchmark)."""


def _space(
    inputs: Sequence[ThemeInput],
    content: list[int],
    documents: list[list[str]],
    texts: list[str],
    params: ThemeParams,
    meanings: Any,
) -> _Spaces | None:
    """The spaces of the `content` inputs; None when there is nothing to compare."""
    import numpy as np

    meaning = None if meanings is None else np.asarray(meanings)[content].astype(np.float32)
    if meaning is not None and not np.any(meaning):
        meaning = None
    reading = params
    if meaning is not None:
        reading = replace(params, dimensions=params.dimensions_beside_meaning, char_weight=0.0)
    lexical = vectorise([documents[i] for i in content], [texts[i] for i in content], reading)
    if lexical is None and meaning is None:
        return None
    parts = [] if meaning is None else [meaning]
    if lexical is not None:
        parts.append(lexical * (params.words_weight if meaning is not None else 1.0))
    combined = np.hstack(parts).astype(np.float32)
    sessions = [inputs[i].session_id for i in content]
    by_session = meetings.session_evidence(combined, sessions, params.seed) >= params.evidence
    grouping = (
        meetings.centred(combined, sessions, params.session_prior) if by_session else combined
    )
    timed = meetings.said_in_order([inputs[i] for i in content])
    order = meetings.order_evidence(grouping, sessions, params.seed) if timed else 0.0
    stretched = order >= params.evidence
    if stretched:
        stretch = meetings.stretches(grouping, sessions, params.stretch_length)
        grouping = meetings.in_stretches(grouping, stretch, params.own_weight)
    placing, overall = grouping, None
    if meaning is not None:
        overall = meaning.mean(axis=0)
        if lexical is not None:
            placing = meetings.meaning_space(
                meaning,
                sessions,
                by_session=by_session,
                stretched=stretched,
                length=params.stretch_length,
                own=params.own_weight,
                prior=params.session_prior,
                overall=overall,
            )
    model = MODEL if meaning is not None else None
    read = {
        "meaning": model,
        "by_session": by_session,
        "order_evidence": round(order, 2),
        "stretches": stretched,
    }
    return _Spaces(grouping, placing, model, by_session, stretched, overall, read)


def _join_pinned(
    placing: Any,
    row: dict[int, int],
    free: list[int],
    pinned: Sequence[PinnedGroup],
    params: ThemeParams,
) -> tuple[dict[str, list[tuple[int, float]]], dict[str, dict[int, float]]]:
    """The free inputs that fit a pinned group (`placement`: they stand out for it, and for
    it most), with their similarity to its centre; and that of each group's own members."""
    import numpy as np

    groups = [g for g in pinned if any(m in row for m in g.members)]
    places = describe(
        placing,
        {g.key: [row[m] for m in g.members if m in row] for g in groups},
        seed=params.seed,
    )
    if not places:
        return {}, {}
    by_key = {group.key: group for group in groups}
    measured = {
        p.key: {m: float(placing[row[m]] @ p.centre) for m in by_key[p.key].members if m in row}
        for p in places
    }
    candidates = [i for i in free if i in row]
    if not candidates:
        return {}, measured
    scores = standing(placing[[row[i] for i in candidates]], places)
    position_of = {index: position for position, index in enumerate(candidates)}
    for column, place in enumerate(places):
        group = by_key[place.key]
        barred = [position_of[i] for i in group.excluded if i in position_of]
        if group.joinable is not None:
            barred += [p for p, i in enumerate(candidates) if i not in group.joinable]
        scores[barred, column] = -np.inf
    best = scores.argmax(axis=1)
    joined: dict[str, list[tuple[int, float]]] = {}
    for position, index in enumerate(candidates):
        column = int(best[position])
        if scores[position, column] >= params.fit_spread:
            similarity = float(placing[row[index]] @ places[column].centre)
            joined.setdefault(places[column].key, []).append((index, similarity))
    return joined, measured


def _counting(spaces: _Spaces, params: ThemeParams) -> ThemeParams:
    """The settings the number of themes is found with. Words alone keep the resolution they
    were measured with. Read with its stretch, a contribution's nearest neighbours are its
    own stretch first: the graph looks past them, or its communities would be stretches
    rather than themes."""
    if spaces.model is None:
        params = replace(params, resolution=1.0)
    if spaces.stretched:
        params = replace(params, neighbours=params.neighbours + params.stretch_length)
    return params


def _group(
    spaces: _Spaces, row: dict[int, int], rest: list[int], params: ThemeParams, say: Progress
) -> Clustering:
    """Themes among `rest` (input indices)."""
    if len(rest) < 2 * params.min_theme_size:
        return Clustering([], list(rest), estimate={"themes": 0})
    rows = [row[i] for i in rest]
    subset = spaces.grouping[rows]
    say(Step("estimating"))
    count, estimate, start = theme_count(
        subset, _counting(spaces, params), words_alone=spaces.model is None
    )
    say(Step("clustering", count))
    labels, centres = kmeans(subset, count, params, params.restarts, start)
    clusters, unassigned = assign(subset, labels, centres, params)
    # Back from positions in the subset to input indices.
    return Clustering(
        [Cluster(tuple(rest[m] for m in c.members), c.similarities) for c in clusters],
        [rest[m] for m in unassigned],
        estimate=estimate | {"themes": count},
    )
