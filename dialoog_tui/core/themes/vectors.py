"""From contributions to vectors: words per language, TF-IDF, LSA."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from dialoog_tui.core.themes.text import Stems, content_words, detect_language, words
from dialoog_tui.core.themes.types import ThemeInput, ThemeParams

LIBRARIES = (
    "sklearn.feature_extraction.text",
    "sklearn.decomposition",
    "sklearn.preprocessing",
    "scipy.sparse",
)
"""What reading and vectorising need from the numeric libraries."""


def load_libraries() -> None:
    """Import `LIBRARIES` now. The first import takes a second or more (scikit-learn's text
    module above all); done as a step of its own, a progress report can say so instead of
    showing 'reading' all that time."""
    for name in LIBRARIES:
        importlib.import_module(name)


def documents(
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


def vectorise(documents: list[list[str]], texts: list[str], params: ThemeParams) -> Any:
    from scipy.sparse import hstack
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    # Only features two or more contributions share: a word said once links nothing, and in
    # a small meeting such words would drown the few that do.
    words = _tfidf(TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2), documents)
    if words is None:
        return None
    matrix = words
    if params.char_weight:
        characters = _tfidf(
            TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(3, 5),
                sublinear_tf=True,
                min_df=2,
                max_features=60000,
            ),
            texts,
        )
        if characters is None:
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
