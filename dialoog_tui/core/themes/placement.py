"""Where a contribution fits, without clustering again: one measure for the live panel and
for curated themes taking in new contributions.

A theme is known by the centre of its members' vectors. How near is near enough differs
per theme (a broad theme's members lie far from its centre, a sharp one's close), so the
measure is not a fixed similarity but how far a contribution stands out from the rest: its
similarity to the centre in standard deviations above that of the contributions outside the
theme. A contribution fits a theme from `ThemeParams.fit_spread` on; it goes to the theme
it stands out for most, and where it stands out for none it is new, not yet a theme.

The space is the meaning space (`meetings.meaning_space`): each meeting's mean taken off
(when meetings have subjects of their own) and, when the run found that a meeting's order
carries meaning, each contribution read with its stretch. The live panel rebuilds that space
for one session from its kept vectors and the run's mean, so the centres of a stored run
stay comparable with contributions logged since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from msgspec import Struct

OUTSIDE_SAMPLE = 2000
"""Contributions outside a theme its spread is measured on."""


class ThemePlace(Struct, frozen=True):
    """A theme as placement sees it."""

    key: str
    centre: Any
    """Unit vector in the meaning space (float32)."""
    outside_mean: float
    """Mean similarity to `centre` of the contributions outside the theme."""
    outside_spread: float
    """Their standard deviation."""

    def stands_out(self, similarity: Any) -> Any:
        """How far `similarity` (to the centre) stands above the outside, in deviations."""
        return (similarity - self.outside_mean) / self.outside_spread


class Placement(Struct, frozen=True):
    """The centres of a run's themes, to place contributions into later."""

    model: str
    """Of the meaning vectors the centres are made of."""
    by_session: bool
    """Each session's mean is taken off (`meetings.centred`)."""
    stretched: bool
    """Contributions are read with their stretch of the meeting (`meetings.in_stretches`)."""
    overall: Any
    """The mean meaning vector of the run's contributions."""
    themes: tuple[ThemePlace, ...]


def describe(space: Any, groups: Mapping[str, Sequence[int]], *, seed: int = 0) -> list[ThemePlace]:
    """Each group's centre (rows of `space`, unit vectors) and its outside's similarity."""
    import numpy as np

    rng = np.random.RandomState(seed)
    n = space.shape[0]
    places = []
    for key, members in groups.items():
        if not members:
            continue
        centre = space[list(members)].mean(axis=0)
        norm = float(np.linalg.norm(centre))
        if norm == 0:
            continue
        centre = (centre / norm).astype(np.float32)
        inside = np.zeros(n, dtype=bool)
        inside[list(members)] = True
        outside = np.flatnonzero(~inside)
        if len(outside) > OUTSIDE_SAMPLE:
            outside = np.sort(rng.choice(outside, OUTSIDE_SAMPLE, replace=False))
        if len(outside) < 2:
            continue
        similarity = space[outside] @ centre
        spread = float(similarity.std())
        places.append(ThemePlace(key, centre, float(similarity.mean()), max(spread, 1e-6)))
    return places


def standing(vectors: Any, themes: Sequence[ThemePlace]) -> Any:
    """Per row of `vectors` and per theme: how far it stands out (rows × themes)."""
    import numpy as np

    if not themes:
        return np.zeros((vectors.shape[0], 0), dtype=np.float32)
    centres = np.stack([theme.centre for theme in themes])
    means = np.array([theme.outside_mean for theme in themes], dtype=np.float32)
    spreads = np.array([theme.outside_spread for theme in themes], dtype=np.float32)
    return (vectors @ centres.T - means) / spreads


def place(
    vectors: Any,
    themes: Sequence[ThemePlace],
    fit_spread: float,
    *,
    first: Iterable[str] = (),
) -> list[str | None]:
    """Per row of `vectors`: the key of the theme it fits, None when it fits none.

    Themes in `first` (curated ones) take a contribution that fits them before the others
    are looked at: a run joins new contributions to curated themes before it clusters.
    """
    import numpy as np

    scores = standing(vectors, themes)
    keys = [theme.key for theme in themes]
    preferred = {key for key in first}
    columns = np.array([key in preferred for key in keys], dtype=bool)
    found: list[str | None] = []
    for row in scores:
        fits = row >= fit_spread
        if not fits.any():
            found.append(None)
            continue
        candidates = fits & columns if (fits & columns).any() else fits
        best = int(np.argmax(np.where(candidates, row, -np.inf)))
        found.append(keys[best])
    return found
