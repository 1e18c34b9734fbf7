"""Search speed: `dialoog search` over 100,000 contributions, on SQLite and PostgreSQL.

    python bench/search_speed.py [--size 100000] [--repeats 20] [--postgres URL]

The database holds real sentences (the labelled sets' texts and the demo series; past their
number, varied copies, as bench/themes_speed.py makes them) in 500 sessions, indexed as the
migration indexes existing contributions. Each query of a mix a facilitator would type (a
common word, a rare one, a word's beginning, a phrase, two words, one limited to a session
and to a kind) is run `--repeats` times through the service `dialoog search` calls, in
one process with the database open: the time is the search itself (matching, ranking,
reading the 50 best with their session and speaker, the consent gate and the marks), not
the process start. With `--postgres URL`, the same runs in a fresh schema of that
database, dropped afterwards.

The last line holds the figures as name=value pairs (milliseconds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from themes_speed import DEFAULT_DATA, build_database, corpus, real_sentences

QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("parkeer", {}),
    ("bibliotheek", {}),
    ("account", {}),
    ("verg", {}),
    ('"de gemeente"', {}),
    ("bus zondag", {}),
    ("card", {"sessions": ["1"]}),
    ("card", {"kind": "remark"}),
)
"""Queries as typed, with their filters."""


def build(target: Any, size: int) -> None:
    """`size` contributions in 500 sessions, indexed as the migration does."""
    from sqlalchemy import text

    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.search import index_rows

    build_database(target, corpus(real_sentences(DEFAULT_DATA), size), 500)
    database = open_database(target)
    with database.engine.begin() as connection:
        rows = list(connection.execute(text("SELECT id, text, paraphrase FROM contribution")))
        for start in range(0, len(rows), 2000):
            index_rows(connection, [tuple(row) for row in rows[start : start + 2000]])
    with database.engine.begin() as connection:
        # What the migration does after indexing, and autovacuum after a bulk load.
        connection.execute(text("ANALYZE"))
    database.close()


def measure(target: Any, repeats: int) -> dict[str, list[float]]:
    """Milliseconds per query, `repeats` times each."""
    from dialoog_tui.core.kinds import Kind
    from dialoog_tui.services.search import Filters, search
    from dialoog_tui.store.db.database import open_database

    database = open_database(target)
    times: dict[str, list[float]] = {}
    try:
        for query, given in QUERIES:
            kind = Kind(given["kind"]) if "kind" in given else None
            filters = Filters(sessions=given.get("sessions"), kind=kind)
            search(database, query, filters)  # the first run reads the index from disk
            label = query + (f" {given}" if given else "")
            for _ in range(repeats):
                started = time.perf_counter()
                found = search(database, query, filters)
                times.setdefault(label, []).append((time.perf_counter() - started) * 1000)
            print(
                f"  {label:<40} {len(found.hits):>3} hits{'+' if found.more else ' '}"
                f"  p50 {statistics.median(times[label]):6.1f} ms"
                f"  max {max(times[label]):6.1f} ms",
                flush=True,
            )
    finally:
        database.close()
    return times


def summary(backend: str, size: int, times: dict[str, list[float]]) -> str:
    every = sorted(t for values in times.values() for t in values)
    p95 = every[min(len(every) - 1, int(0.95 * len(every)))]
    worst = max(statistics.median(values) for values in times.values())
    return (
        f"search_{backend}_ms_p50_{size}={statistics.median(every):.1f} "
        f"search_{backend}_ms_p95_{size}={p95:.1f} "
        f"search_{backend}_worst_query_p50_{size}={worst:.1f}"
    )


def postgres_schema(url: str) -> tuple[Any, Any]:
    """A fresh schema in the database at `url` (as the tests make one), and a function
    that drops it."""
    from sqlalchemy import create_engine, text

    from dialoog_tui.store.db.target import DatabaseTarget, resolve_target

    schema = f"dialoog_bench_{uuid.uuid4().hex[:12]}"
    base = resolve_target(url)
    admin = create_engine(base.url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base.url else "?"
    target = DatabaseTarget(
        url=f"{base.url}{separator}options=-csearch_path%3D{schema}", sqlite_path=None
    )

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return target, drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--postgres", metavar="URL", help="also measure on this PostgreSQL")
    options = parser.parse_args()
    from dialoog_tui.store.db.target import resolve_target

    figures = []
    with tempfile.TemporaryDirectory() as folder:
        target = resolve_target(str(Path(folder) / "search.sqlite3"))
        started = time.perf_counter()
        build(target, options.size)
        print(
            f"sqlite: {options.size} contributions built and indexed in "
            f"{time.perf_counter() - started:.0f} s"
        )
        figures.append(summary("sqlite", options.size, measure(target, options.repeats)))
    if options.postgres:
        target, drop = postgres_schema(options.postgres)
        try:
            started = time.perf_counter()
            build(target, options.size)
            print(
                f"postgresql: {options.size} contributions built and indexed in "
                f"{time.perf_counter() - started:.0f} s"
            )
            figures.append(summary("postgresql", options.size, measure(target, options.repeats)))
        finally:
            drop()
    print(" ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
