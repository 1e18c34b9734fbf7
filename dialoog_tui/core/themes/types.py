"""What the theme engine works on: its inputs, its settings and the groups it forms."""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from dialoog_tui.core.consent import Consent


class ThemeInput(Struct, frozen=True):
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
    created_at: datetime | None = None
    """When it was stored: only contributions newer than a curated theme's last change may
    join that theme (None: never, where the theme's change is known)."""
    paraphrase: str | None = None
    """The note-taker's paraphrase; through the consent gate it is the `text` of a
    paraphrase-only contribution, so the engine never reads the verbatim words."""
    at: datetime | None = None
    """When it was said: the order of a meeting (`meetings.order_evidence`)."""
    table: str | None = None
    """The name of the table it was said at (None: the whole room). Not read by the engine:
    the themes of a room are found over all its tables, and then read per table."""
    seq: int | None = None
    """Its number in its session, as the log and the minutes show it (None: not known)."""


class ThemeParams(Struct, frozen=True):
    """Settings of the engine. The defaults are what the quality benchmark measured."""

    seed: int = 0
    dimensions: int = 100
    """Of the LSA space, when the words are read alone."""
    dimensions_beside_meaning: int = 50
    """Of the LSA space beside meaning vectors: the words then add names of places and
    things, and fewer dimensions grouped as well and faster (bench/themes_quality.py)."""
    neighbours: int = 5
    """Edges per contribution in the graph whose communities count the themes."""
    resolution: float = 0.9
    """Of the Louvain communities beside meaning vectors (words alone: 1): below 1, fewer
    and larger ones. Measured: 1.0 made 13 to 16 themes for 7 broad labels (sib200), 0.9
    made 13 while the sharp intents of banking77 kept 41 to 47."""
    sample_size: int = 6000
    """Contributions in that graph (it needs a dense sample × sample matrix)."""
    smallest_community: float = 0.001
    """A community of the graph counts as a theme from this share of the sample on (and from
    `min_theme_size` contributions)."""
    words_weight: float = 0.3
    """Weight of the words (TF-IDF, LSA) beside the meaning vectors; alone when there are
    none."""
    session_prior: float = 20.0
    """How many contributions of all a session's mean is drawn towards before it is taken
    off (`meetings.centred`): a short session keeps its subject."""
    evidence: float = 3.0
    """Standard errors by which the data must show a pattern before the engine uses it:
    contributions of one session more alike than of two (`meetings.session_evidence`), then
    each session's mean is taken off; consecutive contributions more alike than random
    pairs of a session (`meetings.order_evidence`), then meetings are read in stretches."""
    stretch_length: int = 5
    """Contributions a stretch of a meeting holds, about (`meetings.stretches`)."""
    own_weight: float = 0.5
    """Weight of a contribution itself beside its stretch."""
    silhouette_size: int = 2000
    """Contributions the silhouette is measured on."""
    svd_iterations: int = 2
    """Power iterations of the randomised SVD; more cost time and did not group better."""
    weak_structure: float = 0.1
    """Below this silhouette, half as many themes are made (words alone)."""
    fit_threshold: float = 0.15
    """A contribution less similar than this to its theme's centre fits no theme."""
    max_unassigned: float = 0.2
    """At most this share stays unassigned; the best-fitting of the rest are taken back, unless
    their group would still be smaller than `min_theme_size`."""
    min_theme_size: int = 3
    restarts: int = 2
    """KMeans runs from random starting points, when it does not start from communities."""
    leftover_ratio: float = 0.6
    """A group whose cohesion is below this share of the median group's is what was left over
    when the others formed, not a theme: its members stay unassigned (within the limit)."""
    fit_spread: float = 2.5
    """A contribution fits a theme when its similarity to the theme's centre stands this many
    standard deviations above that of the contributions outside it (`placement`): new ones
    join a curated theme so, and the live panel places them so."""
    char_weight: float = 0.7
    """Weight of the character n-grams beside the words, when the words are read alone
    (beside meaning vectors they added nothing measurable and took a second at 10,000)."""
    extra_weight: int = 2
    """How many times a tag, interest or value counts as a word."""


class Cluster(Struct, frozen=True):
    """A group found by the engine (indices into the inputs)."""

    members: tuple[int, ...]
    """Input indices, most typical first."""
    similarities: tuple[float, ...]
    """Each member's cosine similarity to the group's centre, in the same order."""

    @property
    def cohesion(self) -> float:
        """Mean similarity to the centre: 1 is identical, 0 unrelated."""
        return sum(self.similarities) / len(self.similarities)


class PinnedGroup(Struct, frozen=True):
    """A curated theme: its members stay together and are not clustered again."""

    key: str
    members: tuple[int, ...]
    """Input indices."""
    excluded: frozenset[int] = frozenset()
    """Input indices that may never join it."""
    joinable: frozenset[int] | None = None
    """The only input indices that may join it (None: any that fit)."""
