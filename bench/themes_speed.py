"""Theme speed and scale: `dialoog themes --all` over 1,000 to 100,000 contributions.

    python bench/themes_speed.py [--sizes 1000,10000,100000] [--data ../shared/data/clustering]

Each size gets a fresh SQLite database of real sentences (the labelled sets' texts and the demo
series; past their number, repeated with one word exchanged for a word of another sentence),
spread over 10 to 500 sessions, with speakers from four domains. The command then runs as a
user runs it, in its own process: reading, clustering, labelling, storing the run and printing
the JSON. Wall time is measured around the process; peak memory is the process's maximum
resident set size. The last line holds the figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "clustering"
SESSIONS = {1000: 10, 10_000: 100, 100_000: 500}


def real_sentences(data: Path) -> list[str]:
    """Every text of the labelled sets, and the demo series."""
    from dialoog_tui.core.demo import SERIES
    from dialoog_tui.core.importing import read_import

    texts = []
    for folder in sorted(data.iterdir()):
        if (folder / "data.csv").exists():
            with (folder / "data.csv").open(encoding="utf-8", newline="") as handle:
                texts += [row["text"] for row in csv.DictReader(handle)]
    for demo in SERIES:
        texts += [row.text for row in read_import(demo.lines(), is_csv=False).rows]
    return texts


def corpus(pool: list[str], count: int) -> list[str]:
    """`count` texts: the pool shuffled, then varied copies of it."""
    chooser = random.Random(7)
    shuffled = list(pool)
    chooser.shuffle(shuffled)
    texts = shuffled[:count]
    while len(texts) < count:
        words = chooser.choice(shuffled).split()
        donor = chooser.choice(shuffled).split()
        if words and donor:
            words[chooser.randrange(len(words))] = chooser.choice(donor)
        texts.append(" ".join(words))
    return texts


def build_database(path: Path, texts: list[str], sessions: int) -> None:
    from sqlalchemy import insert

    from dialoog_tui.core.model import NewSession
    from dialoog_tui.services.sessions import start_session
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target
    from dialoog_tui.store.schema.tables import ContributionRow

    database = open_database(resolve_target(str(path)))
    people = tuple((f"Deelnemer {n}", ("inw", "over", "ond", "maat")[n % 4]) for n in range(40))
    ids = []
    for number in range(sessions):
        session = database.write(  # the new session's id
            lambda db, n=number: start_session(
                db=db, new=NewSession(title=f"Sessie {n + 1}", participants=people)
            )
        )
        ids.append(session)
    start = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)
    per_session = -(-len(texts) // sessions)
    rows = [
        {
            "session_id": ids[n // per_session],
            "seq": n % per_session + 1,
            "participant_id": n % 40 + 1,
            "at": start + timedelta(seconds=n),
            "kind": "remark",
            "text": text,
            "tags": [],
            "created_at": start,
        }
        for n, text in enumerate(texts)
    ]
    with database.engine.begin() as connection:
        for offset in range(0, len(rows), 20000):
            connection.execute(insert(ContributionRow), rows[offset : offset + 20000])
    database.close()


def run_themes(path: Path) -> tuple[float, float]:
    """Seconds and peak MiB of `dialoog themes --all --json` in its own process."""
    script = (
        "import resource, sys\n"
        "from dialoog_tui.__main__ import main\n"
        "code = main(sys.argv[1:])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(f'PEAK_KIB={peak}', file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    argv = [sys.executable, "-c", script, "--db", str(path), "themes", "--all", "--json"]
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=dict(os.environ))
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"dialoog themes failed: {done.stderr.strip()}")
    peak = next(
        int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KIB=")
    )
    return seconds, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options = parser.parse_args()
    pool = real_sentences(options.data)
    figures = []
    print(f"{'contributions':>13} {'sessions':>8} {'seconds':>8} {'peak MiB':>9}")
    for size in (int(s) for s in options.sizes.split(",")):
        sessions = SESSIONS.get(size, max(10, min(500, size // 200)))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "speed.sqlite3"
            build_database(path, corpus(pool, size), sessions)
            seconds, peak = run_themes(path)
        print(f"{size:>13} {sessions:>8} {seconds:>8.1f} {peak:>9.0f}", flush=True)
        figures.append(f"seconds_{size}={seconds:.1f} peak_mib_{size}={peak:.0f}")
    print(" ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
