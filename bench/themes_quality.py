"""Theme quality: how well the engine recovers known labels, against a standard baseline.

    python bench/themes_quality.py [--data ../shared/data/clustering] [--sets banking77,...]

For each labelled set (`data.csv`: text,label[,group]; sets over 10,000 texts subsampled to
10,000 with seed 0) the texts are imported as contributions through the CSV importer, spread
over sessions, into a fresh SQLite database. The engine then reads them back as `dialoog
themes` does and groups them, not told how many labels there are. In the same run, the
baseline: TF-IDF (sublinear, min_df=2, Snowball stems, the set's stop words) + KMeans given
the true number of labels, mean of 3 seeds.

Per set and method: NMI, ARI, number of themes, share of texts assigned, time. Unassigned
texts count as one extra cluster. Times are computation only: libraries are imported before
timing. The last line holds name=value pairs: the engine/baseline ratios of NMI and ARI,
averaged over the sets and for the worst set (the baseline's figure is floored at 0.01, as a
baseline at chance level has ARI ≈ 0).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "clustering"
MAX_TEXTS = 10_000
SEEDS = (0, 1, 2)
CHANCE = 0.01
"""Ratios divide by at least this: a baseline at chance level (ARI ≈ 0) would make them
infinite or negative without saying anything."""
LANGUAGES = {"banking77": "en", "stackoverflow": "en", "xsid_nl": "nl", "sib200_nld": "nl"}


@dataclass
class Scores:
    nmi: float
    ari: float
    themes: float
    assigned: float
    seconds: float


def load_set(folder: Path) -> tuple[list[str], list[str]]:
    """Texts and labels, subsampled to MAX_TEXTS with seed 0."""
    with (folder / "data.csv").open(encoding="utf-8", newline="") as handle:
        rows = [(row["text"], row["label"]) for row in csv.DictReader(handle)]
    if len(rows) > MAX_TEXTS:
        rows = random.Random(0).sample(rows, MAX_TEXTS)
    return [text for text, _ in rows], [label for _, label in rows]


def session_count(texts: int) -> int:
    """About 50 contributions a session, between 10 and 200 sessions."""
    return max(10, min(200, texts // 50))


def import_texts(database: Any, texts: list[str]) -> dict[int, int]:
    """Import the texts through the CSV importer; returns contribution id → text index."""
    from sqlmodel import select

    from dialoog_tui.core.importing import read_import
    from dialoog_tui.services.imports import import_rows
    from dialoog_tui.store.schema.tables import ContributionRow

    sessions = session_count(len(texts))
    order = list(range(len(texts)))
    random.Random(1).shuffle(order)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "session", "ref"])
    for position, index in enumerate(order):
        writer.writerow([texts[index], f"Sessie {position % sessions + 1:03}", f"t{index}"])
    read = read_import(buffer.getvalue(), is_csv=True)
    if read.problems:
        raise SystemExit(f"import problems: {read.problems[:3]}")
    database.write(
        lambda db: import_rows(
            db=db,
            rows=read.rows,
            problems=[],
            session_key=None,
            fallback_title="bench",
            skip_bad=False,
        )
    )
    refs = database.read(lambda db: db.exec(select(ContributionRow.id, ContributionRow.ref)).all())
    return {cid: int(ref[1:]) for cid, ref in refs}


def run_engine(database: Any, labels: list[str], index_of: dict[int, int]) -> Scores:
    """The engine, as `dialoog themes --all` runs it."""
    from dialoog_tui.core.themes.run import find_themes
    from dialoog_tui.store.themes.runs import all_session_ids, theme_inputs

    started = time.perf_counter()
    inputs = database.read(lambda db: theme_inputs(db=db, session_ids=all_session_ids(db=db)))
    found = find_themes(inputs)
    seconds = time.perf_counter() - started
    predicted = [-1] * len(labels)
    for number, theme in enumerate(found.themes):
        for cid in theme.members:
            predicted[index_of[cid]] = number
    assigned = sum(1 for p in predicted if p >= 0) / len(labels)
    return score(labels, predicted, len(found.themes), assigned, seconds)


def run_baseline(texts: list[str], labels: list[str], language: str) -> Scores:
    """TF-IDF + KMeans with the true number of labels, mean of 3 seeds."""
    import Stemmer
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    from dialoog_tui.core.themes.text import DUTCH_STOP_WORDS, english_stop_words, words

    stemmer = Stemmer.Stemmer("dutch" if language == "nl" else "english")
    stops = DUTCH_STOP_WORDS if language == "nl" else english_stop_words()

    def analyse(text: str) -> list[str]:
        return stemmer.stemWords([w for w in words(text) if w not in stops])

    runs = []
    for seed in SEEDS:
        started = time.perf_counter()
        matrix = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=2).fit_transform(texts)
        k = len(set(labels))
        predicted = KMeans(k, random_state=seed, n_init=1).fit_predict(matrix).tolist()
        runs.append(score(labels, predicted, k, 1.0, time.perf_counter() - started))
    return Scores(
        nmi=statistics.mean(r.nmi for r in runs),
        ari=statistics.mean(r.ari for r in runs),
        themes=runs[0].themes,
        assigned=1.0,
        seconds=statistics.mean(r.seconds for r in runs),
    )


def score(
    labels: list[str], predicted: list[int], themes: int, assigned: float, seconds: float
) -> Scores:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return Scores(
        nmi=normalized_mutual_info_score(labels, predicted),
        ari=adjusted_rand_score(labels, predicted),
        themes=themes,
        assigned=assigned,
        seconds=seconds,
    )


def warm_up() -> None:
    """Import the libraries both methods use, so that times are computation only."""
    import igraph  # noqa: F401
    import sklearn.cluster
    import sklearn.decomposition
    import sklearn.feature_extraction.text
    import sklearn.metrics  # noqa: F401
    import Stemmer  # noqa: F401


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sets", help="comma-separated folder names (default: all)")
    options = parser.parse_args()

    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target

    warm_up()
    names = (
        options.sets.split(",")
        if options.sets
        else sorted(p.name for p in options.data.iterdir() if (p / "data.csv").exists())
    )
    nmi_ratios, ari_ratios = [], []
    print(
        f"{'set':<14} {'method':<9} {'NMI':>6} {'ARI':>6} {'themes':>6} {'labels':>6} "
        f"{'assigned':>8} {'seconds':>7}"
    )
    for name in names:
        texts, labels = load_set(options.data / name)
        with tempfile.TemporaryDirectory() as folder:
            database = open_database(resolve_target(str(Path(folder) / "bench.sqlite3")))
            try:
                index_of = import_texts(database, texts)
                engine = run_engine(database, labels, index_of)
            finally:
                database.close()
        baseline = run_baseline(texts, labels, LANGUAGES.get(name, "en"))
        for method, s in (("engine", engine), ("baseline", baseline)):
            print(
                f"{name:<14} {method:<9} {s.nmi:>6.3f} {s.ari:>6.3f} {s.themes:>6.0f} "
                f"{len(set(labels)):>6} {s.assigned:>8.2f} {s.seconds:>7.1f}"
            )
        sys.stdout.flush()
        nmi_ratios.append(engine.nmi / max(baseline.nmi, CHANCE))
        ari_ratios.append(engine.ari / max(baseline.ari, CHANCE))
    print(
        f"nmi_ratio_mean={statistics.mean(nmi_ratios):.2f} "
        f"ari_ratio_mean={statistics.mean(ari_ratios):.2f} "
        f"nmi_ratio_worst={min(nmi_ratios):.2f} ari_ratio_worst={min(ari_ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
