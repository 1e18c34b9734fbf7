"""Theme speed and scale: `dialoog themes --all` and the live panel's refresh over 1,000 to
100,000 contributions.

    python bench/themes_speed.py [--sizes 1000,10000,100000] [--data ../shared/data/clustering]

Each size gets a fresh SQLite database of real sentences (the labelled sets' texts and the demo
series; past their number, repeated with one word exchanged for a word of another sentence),
spread over 10 to 500 sessions, with speakers from four domains. Then, each in a process of
its own, as a user meets them:

1. *first encoding*: the meaning vector of every contribution computed and kept, as the
   first run does (texts per second);
2. *full run*: `dialoog themes --all --json` with the vectors kept: reading, clustering,
   labelling, storing the run and printing the JSON;
3. *live refresh*: five contributions logged in the last session, then what the live panel's
   child process does for that session: their vectors computed and kept, and each placed
   in the stored run's themes, without clustering.

Wall time is measured around each process; peak memory is the process's maximum resident set
size. The last line holds the figures as name=value pairs.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "clustering"
SESSIONS = {1000: 10, 10_000: 100, 100_000: 500}
LOGGED = 5
"""Contributions logged before the live refresh is measured."""


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


def build_database(path: Path | Any, texts: list[str], sessions: int) -> None:
    """`texts` as contributions in `sessions` sessions, at the SQLite file `path` (or any
    database target, for bench/search_speed.py)."""
    from sqlalchemy import insert

    from dialoog_tui.core.model import NewSession
    from dialoog_tui.services.sessions import start_session
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target
    from dialoog_tui.store.schema.tables import ContributionRow

    database = open_database(resolve_target(str(path)) if isinstance(path, Path) else path)
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


ENCODE = """
import sys
from dialoog_tui.services.meanings import meanings_of
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.themes.runs import all_session_ids, theme_inputs
database = open_database(resolve_target(sys.argv[1]))
inputs = database.read(lambda db: theme_inputs(db=db, session_ids=all_session_ids(db=db)))
meanings_of(database, inputs)
database.close()
"""

THEMES = """
import sys
from dialoog_tui.__main__ import main
code = main(["--db", sys.argv[1], "themes", "--all", "--json"])
if code:
    raise SystemExit(code)
"""

LIVE = """
import sys
from datetime import UTC, datetime
from dialoog_tui.core.kinds import Kind
from dialoog_tui.core.speakers import ROOM
from dialoog_tui.services.live_themes import session_view
from dialoog_tui.store.contributions import log_entry
from dialoog_tui.store.db.database import open_database
from dialoog_tui.store.db.target import resolve_target
from dialoog_tui.store.themes.runs import all_session_ids
database = open_database(resolve_target(sys.argv[1]))
session = database.read(lambda db: all_session_ids(db=db))[-1]
for text in sys.argv[2:]:
    log_entry(
        database, session_id=session, speaker=ROOM, kind=Kind.REMARK, text=text,
        at=datetime.now(UTC),
    )
view = session_view(database, session)
database.close()
print(f"THEMES={len(view.themes)} NEW={view.new}", file=sys.stderr)
"""
"""What the live panel's child process does, after five contributions were logged."""


def measured(script: str, *arguments: str) -> tuple[float, float, str]:
    """Seconds and peak MiB of `script` in its own process, and what it said on stderr."""
    wrapped = (
        "import resource, runpy, sys\n"
        "try:\n"
        f"    exec(compile({script!r}, 'bench', 'exec'), {{'__name__': '__bench__'}})\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print(f'PEAK_KIB={peak}', file=sys.stderr)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapped, *arguments],
        capture_output=True,
        text=True,
        env=dict(os.environ),
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench step failed: {done.stderr.strip()[-2000:]}")
    peak = next(
        int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KIB=")
    )
    return seconds, peak / 1024, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options = parser.parse_args()
    pool = real_sentences(options.data)
    figures = []
    print(
        f"{'contributions':>13} {'sessions':>8} {'encoded/s':>9} {'run s':>6} {'run MiB':>8} "
        f"{'live s':>7} {'live MiB':>8}"
    )
    for size in (int(s) for s in options.sizes.split(",")):
        sessions = SESSIONS.get(size, max(10, min(500, size // 200)))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "speed.sqlite3"
            build_database(path, corpus(pool, size), sessions)
            encoding, _, _ = measured(ENCODE, str(path))
            seconds, peak, _ = measured(THEMES, str(path))
            lines = corpus(pool, size + LOGGED)[size:]
            live, live_peak, _ = measured(LIVE, str(path), *lines)
        rate = size / encoding
        print(
            f"{size:>13} {sessions:>8} {rate:>9.0f} {seconds:>6.1f} {peak:>8.0f} {live:>7.2f} "
            f"{live_peak:>8.0f}",
            flush=True,
        )
        figures.append(
            f"encoded_per_s_{size}={rate:.0f} seconds_{size}={seconds:.1f} "
            f"peak_mib_{size}={peak:.0f} live_seconds_{size}={live:.2f} "
            f"live_peak_mib_{size}={live_peak:.0f}"
        )
    print(" ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
