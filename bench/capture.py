"""Capture benchmark: Enter-to-visible latency and cold start, against a bare Textual app.

    python bench/capture.py [--trials 40] [--starts 7] [--sizes 0,1000,10000,100000]

Both programs run in a real pseudo-terminal (bench/pty_harness.py). Enter-to-visible is the
time from writing Enter to the pty until the entered text appears in what the program draws:
for dialoog that is after the contribution was committed durably and drawn as a log row; for
the bare app after it updated its label. Cold start is the time from starting the process
until the input line is drawn ("ready to type"); for dialoog also until the newest
contribution is drawn ("loaded").

Keystrokes: the time from writing one typed character until the input line shows it, typed
at a typist's pace (a key every 80 ms), against the same in the bare app.

Live themes: the Enter and keystroke trials above run with the live themes panel off. They are
repeated with it on; opening the session runs the themes of all sessions once, and every
fifth contribution then starts a refresh in a child process (the new contributions' meaning
computed and placed in the stored themes; a full run again after 30), so many Enters and
keys land while one runs. Only the Enters and keys pressed while a theme worker child
process existed count for
`enter_p95_ratio_live_N` and `key_p95_ratio_live_N`. The last line holds the ratios as
name=value pairs.

The yardstick is sampled more than once: the bare app is measured before each size and
after the last one, and every ratio is to the p95 of those samples together. On a shared
two-core machine one sample's Enter p95 moved between 6.6 and 8.9 ms from run to run, which
alone moved every ratio by 0.3; each sample's p95 is printed, so the spread stays visible.
The bare app is never measured while dialoog runs: a theme run's load counts against dialoog.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_harness import PtyProgram

from dialoog_tui.core.demo import SERIES
from dialoog_tui.core.importing import read_import
from dialoog_tui.services.theme_worker import MODULE

WORKER = MODULE.encode()
"""What the command line of a theme run's child process holds."""

SIZE = (120, 40)
LAST_TEXT = "laatste-bijdrage van de avond"
BARE_APP = str(Path(__file__).resolve().parent / "bare_app.py")


def sentences() -> list[str]:
    """Real sentences from the demo series, to vary the stored text."""
    texts = []
    for demo in SERIES:
        texts += [row.text for row in read_import(demo.lines(), is_csv=False).rows]
    return texts


def build_database(path: Path, count: int) -> None:
    """A database with one session 'bench' holding `count` contributions by 40 people."""
    from sqlalchemy import insert

    from dialoog_tui.core.model import NewSession
    from dialoog_tui.services.sessions import start_session
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target
    from dialoog_tui.store.schema.tables import ContributionRow

    database = open_database(resolve_target(str(path)))
    people = tuple((f"Deelnemer {n}", ("inw", "over", "ond", "maat")[n % 4]) for n in range(40))
    database.write(
        lambda db: start_session(db=db, new=NewSession(title="bench", participants=people))
    )
    texts = sentences()
    start = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)
    kinds = ("remark", "question", "proposal", "resistance", "agreement", "commitment")
    rows = [
        {
            "session_id": 1,
            "seq": n + 1,
            "participant_id": n % 40 + 1,
            "at": start + timedelta(seconds=n),
            "kind": kinds[n % 6],
            "text": LAST_TEXT if n == count - 1 else f"{texts[n % len(texts)]} ({n})",
            "tags": ["bench", f"t{n % 30}"],
            "created_at": start,
        }
        for n in range(count)
    ]
    with database.engine.begin() as connection:
        for offset in range(0, len(rows), 20000):
            connection.execute(insert(ContributionRow), rows[offset : offset + 20000])
    database.close()


def dialoog(db: Path, config: Path, *, live: bool = False) -> PtyProgram:
    env = {**os.environ, "DIALOOG_CONFIG_DIR": str(config), "DIALOOG_DATA_DIR": str(config)}
    argv = [sys.executable, "-m", "dialoog_tui", "--db", str(db), "--lang", "nl", "open", "bench"]
    if not live:
        argv.append("--no-live-themes")
    return PtyProgram(argv, env, SIZE)


def theme_run_under_way(program: PtyProgram) -> bool:
    """Whether the program has a theme worker child process right now (Linux /proc)."""
    parent = str(program.process.pid)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = stat.rsplit(")", 1)[1].split()[1]
            if ppid == parent and WORKER in (entry / "cmdline").read_bytes():
                return True
        except (OSError, IndexError):
            continue  # the process ended while we looked
    return False


def bare() -> PtyProgram:
    return PtyProgram([sys.executable, BARE_APP], dict(os.environ), SIZE)


def enter_latencies(
    program: PtyProgram,
    trials: int,
    warmup: int = 5,
    *,
    only_when: Callable[[PtyProgram], bool] | None = None,
) -> list[float]:
    """Type a line, wait until it is echoed, press Enter and time until it is shown again.

    With `only_when`, an Enter counts only when `only_when(program)` held just before it."""
    times = []
    for number in range(warmup + trials):
        marker = f"meting-{number:04d}"
        before = program.mark
        program.type(f"{marker} over de bereikbaarheid van het plein")
        program.wait_for(marker, after=before)
        time.sleep(0.05)  # the typing has been drawn; now the measured part
        counts = number >= warmup and (only_when is None or only_when(program))
        before = program.mark
        sent = program.type("\r")
        shown = program.wait_for(marker, after=before)
        if counts:
            times.append(shown - sent)
        time.sleep(0.4)  # a person takes longer than this between two contributions
    return times


def keystroke_latencies(
    program: PtyProgram,
    words: int,
    *,
    only_when: Callable[[PtyProgram], bool] | None = None,
) -> list[float]:
    """Type lines a key at a time and time each key until the input line shows it.

    Each line is logged with Enter afterwards (so with live themes on, runs keep starting).
    The first three keys of a line are not timed: a shorter prefix could match other text on
    the screen. With `only_when`, a key counts only when `only_when(program)` held before it."""
    times = []
    for number in range(words):
        line = f"toets{number:03d}-bereikbaarheid-plein"
        before = program.mark
        program.type(line[:3])
        program.wait_for(line[:3], after=before)
        for end in range(4, len(line) + 1):
            time.sleep(0.08)  # a fast typist: some 12 keys a second
            counts = only_when is None or only_when(program)
            before = program.mark
            sent = program.type(line[end - 1])
            shown = program.wait_for(line[:end], after=before)
            if counts:
                times.append(shown - sent)
        time.sleep(0.08)
        before = program.mark
        program.type("\r")
        program.wait_for(line, after=before)  # the log row (or the bare app's label)
        time.sleep(0.4)
    return times


@dataclass
class Row:
    """One measured line of the table: Enters or keys in one set-up."""

    name: str
    """The name of its ratio in the last line."""
    label: str
    times: list[float]
    key: bool = False
    """Compared with the bare app's keys (else with its Enters)."""

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--words", type=int, default=8, help="lines typed key by key")
    parser.add_argument("--sizes", default="0,1000,10000,100000")
    parser.add_argument(
        "--live-sizes", default="1000,10000", help="sizes to repeat with live themes on"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    live_sizes = {int(s) for s in args.live_sizes.split(",") if s}
    # An installed package has compiled bytecode; a source checkout may not (and this
    # environment may forbid writing it at import), which would slow every start.
    import dialoog_tui

    compileall.compile_dir(Path(dialoog_tui.__file__).parent, quiet=1)
    workdir = Path(tempfile.mkdtemp(prefix="dialoog-bench-"))
    results: dict[str, float] = {}

    bare_enters: list[list[float]] = []
    bare_keys: list[list[float]] = []

    def sample_bare() -> None:
        with bare() as program:
            program.wait_for("bare-ready")
            bare_enters.append(enter_latencies(program, args.trials))
            bare_keys.append(keystroke_latencies(program, args.words))
        print(
            f"bare textual app   sample {len(bare_enters)}: enter→visible"
            f" p95={ms(percentile(bare_enters[-1], 0.95))}"
            f"  key→visible p95={ms(percentile(bare_keys[-1], 0.95))}"
        )

    rows: list[Row] = []

    def add(row: Row) -> None:
        rows.append(row)
        print(f"{row.label}  p50={ms(percentile(row.times, 0.5))}  p95={ms(row.p95)}")

    databases = {}
    for size in sizes:
        sample_bare()
        db = workdir / f"bench-{size}.sqlite3"
        started = time.perf_counter()
        build_database(db, size)
        built = time.perf_counter() - started
        print(f"dialoog n={size}: database built in {built:.1f} s")
        # Cold starts use an untouched copy: the Enter trials below add rows to this one.
        databases[size] = workdir / f"start-{size}.sqlite3"
        shutil.copyfile(db, databases[size])
        live_db = workdir / f"live-{size}.sqlite3"
        shutil.copyfile(db, live_db)
        with dialoog(db, workdir / f"config-{size}") as program:
            program.wait_for(LAST_TEXT if size else "naam/domein", timeout=120)
            times = enter_latencies(program, args.trials)
            keys = keystroke_latencies(program, args.words)
        add(Row(f"enter_p95_ratio_{size}", f"dialoog n={size:<7} enter→visible", times))
        add(Row(f"key_p95_ratio_{size}", f"dialoog n={size:<7} key→visible  ", keys, key=True))
        if size in live_sizes:
            with dialoog(live_db, workdir / f"config-live-{size}", live=True) as program:
                program.wait_for(LAST_TEXT if size else "naam/domein", timeout=120)
                live = enter_latencies(program, args.trials * 2, only_when=theme_run_under_way)
                live_keys = keystroke_latencies(
                    program, args.words * 2, only_when=theme_run_under_way
                )
            label = f"  with live themes, {{}} {{}} during a theme run at n={size}"
            if len(live) >= 5:
                add(Row(f"enter_p95_ratio_live_{size}", label.format(len(live), "Enters"), live))
            else:
                print(label.format(f"only {len(live)}", "Enters"))
            if len(live_keys) >= 20:
                name, shown = f"key_p95_ratio_live_{size}", label.format(len(live_keys), "keys")
                add(Row(name, shown, live_keys, key=True))
            else:
                print(label.format(f"only {len(live_keys)}", "keys"))
    sample_bare()  # the last size, too, lies between two samples of the yardstick

    pooled_enters = [t for sample in bare_enters for t in sample]
    pooled_keys = [t for sample in bare_keys for t in sample]
    bare_p95, bare_key_p95 = percentile(pooled_enters, 0.95), percentile(pooled_keys, 0.95)
    print(
        f"bare textual app   enter→visible  p50={ms(percentile(pooled_enters, 0.5))}"
        f"  p95={ms(bare_p95)}  ({len(bare_enters)} samples together)"
    )
    print(
        f"bare textual app   key→visible    p50={ms(percentile(pooled_keys, 0.5))}"
        f"  p95={ms(bare_key_p95)}"
    )
    for row in rows:
        results[row.name] = row.p95 / (bare_key_p95 if row.key else bare_p95)
        print(f"{row.label}  ratio p95={results[row.name]:.2f}")

    largest = max(sizes)
    ready, loaded, bare_ready = [], [], []
    for _ in range(args.starts):
        with bare() as program:
            bare_ready.append(program.wait_for("bare-ready") - program.started)
        with dialoog(databases[largest], workdir / "config-start") as program:
            ready.append(program.wait_for("naam/domein", timeout=60) - program.started)
            if largest:
                loaded.append(program.wait_for(LAST_TEXT, timeout=60) - program.started)
    bare_start = statistics.median(bare_ready)
    results[f"start_ratio_{largest}"] = statistics.median(ready) / bare_start
    print(f"cold start, bare textual app: median {bare_start * 1000:.0f} ms")
    print(
        f"cold start, dialoog n={largest}: ready to type median {ms(statistics.median(ready))}"
        f" (ratio {results[f'start_ratio_{largest}']:.2f})"
    )
    if loaded:
        results[f"loaded_ratio_{largest}"] = statistics.median(loaded) / bare_start
        print(
            f"cold start, dialoog n={largest}: newest contribution drawn median "
            f"{ms(statistics.median(loaded))} (ratio {results[f'loaded_ratio_{largest}']:.2f})"
        )
    print(" ".join(f"{name}={value:.2f}" for name, value in results.items()))


if __name__ == "__main__":
    main()
