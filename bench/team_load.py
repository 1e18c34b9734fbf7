"""A team's evening under load: many note-takers logging into one database at once, with a
server restart in the middle. Not a test: it measures, and prints what it saw.

    python bench/team_load.py [--backend postgresql|sqlite] [--writers 20] [--minutes 10]

PostgreSQL: a private cluster this script starts itself in a temporary folder, on a free
port (never the shared server), and restarts with `pg_ctl restart -m fast` halfway. SQLite:
one file, several writers, no restart (there is no server to restart).

Each simulated note-taker is a process of its own doing what the capture screen does: the
recorder (`tui/capture/recorder.py`) logging a line every 2-5 s through the store thread,
an outbox of its own where lines wait while the database is away, and every second the
waiting lines sent. One more process watches as another screen does (`store/db/watch.py`
and `services/capture.since`) and notes when each line became visible to it.

Counted at the end, from the database against what every note-taker logged:
- lost: a logged line that is not stored; duplicated: stored twice; merged: a stored
  text that is not exactly one logged line; order: every note-taker's lines are numbered
  in the order they were typed;
- commit latency: Enter to stored (or kept in the outbox), p50/p95/p99;
- visible: stored to read by the watching process, p95 (goal 1 s).
The last line holds them as name=value pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SESSION_TITLE = "Wereldcafé onder belasting"


# --- a private PostgreSQL cluster ------------------------------------------------------------


def _pg_bin() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not versions:
        raise SystemExit("no PostgreSQL server programs found (pg_ctl)")
    return versions[-1]


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; on a machine where this runs as root, its own
    # user runs it.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateCluster:
    """A PostgreSQL cluster of this script's own, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self.bin = _pg_bin()

    def _run(self, *arguments: str) -> None:
        subprocess.run(
            _as_server_user([str(self.bin / arguments[0]), *arguments[1:]]),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> str:
        if os.geteuid() == 0:
            self.folder.parent.chmod(0o755)  # the server's user must reach its folder
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "dialoog", "--no-sync")
        self._pg_ctl("start")
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "dialoog",
                "-d",
                "postgres",
                "-qc",
                "CREATE DATABASE team",
            ],
            check=True,
        )
        return f"postgresql://dialoog@127.0.0.1:{self.port}/team"

    def _pg_ctl(self, action: str, *more: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            action,
            *more,
        )

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._pg_ctl("stop", "-m", "fast")


# --- one note-taker --------------------------------------------------------------------------


async def note_taker(
    url: str, session: int, writer: int, seconds: float, folder: Path
) -> dict[str, Any]:
    from datetime import UTC, datetime

    from dialoog_tui.services.database import resolve_target
    from dialoog_tui.store.outbox import Outbox
    from dialoog_tui.tui.capture.recorder import Recorder
    from dialoog_tui.tui.gateway import StoreGateway

    rng = random.Random(writer)
    gateway = StoreGateway(resolve_target(url))
    outbox = Outbox(folder / f"outbox-{writer}.jsonl")
    recorder = Recorder(
        gateway, lambda: datetime.now(UTC), person=f"notulist {writer}", outbox=outbox
    )
    await recorder.load(await recorder.open(session))
    lines: list[dict[str, Any]] = []
    ends = time.monotonic() + seconds
    next_send = time.monotonic() + 1
    count = 0
    recorder.context.current_speaker = recorder.context.preview(f"@Spreker{writer}/inw x").speaker
    while time.monotonic() < ends:
        await asyncio.sleep(rng.uniform(2, 5))
        count += 1
        text = f"notulist {writer} regel {count:04d}: " + " ".join(
            rng.choice(("de", "brug", "bus", "wijk", "geld", "park", "school")) for _ in range(8)
        )
        preview = recorder.context.preview(text if count > 1 else f"@Spreker{writer}/inw {text}")
        started = time.time()
        change = await recorder.log(preview, reply_to_id=None)
        lines.append(
            {"text": text, "sent": started, "stored": time.time(), "waited": bool(change.waiting)}
        )
        if time.monotonic() >= next_send and len(outbox):
            await recorder.send_waiting()
            next_send = time.monotonic() + 1
    for _ in range(120):  # the last waiting lines, once the database answers
        if not len(outbox):
            break
        await recorder.send_waiting()
        await asyncio.sleep(1)
    gateway.close()
    return {"writer": writer, "lines": lines, "left_waiting": len(outbox)}


def run_note_taker(url: str, session: int, writer: int, seconds: float, folder: str) -> None:
    result = asyncio.run(note_taker(url, session, writer, seconds, Path(folder)))
    (Path(folder) / f"writer-{writer}.json").write_text(json.dumps(result))


# --- the watching screen ---------------------------------------------------------------------


def run_watcher(url: str, session_id: int, seconds: float, folder: str) -> None:
    import threading

    from dialoog_tui.services.capture import since
    from dialoog_tui.services.database import open_database, resolve_target
    from dialoog_tui.store.db.watch import Watch

    target = resolve_target(url)
    database = open_database(target)
    seen: dict[str, float] = {}
    read_up_to = 0
    wake = threading.Event()
    watch = Watch(target, lambda _session: wake.set())
    watch.start()
    done = Path(folder) / "done"
    ends = time.monotonic() + seconds + 300
    while time.monotonic() < ends:
        if done.exists():
            ends = min(ends, time.monotonic() + 2)  # a last look at what came last
        wake.wait(1.0)
        wake.clear()
        try:
            arrived = since(database, session_id, seq=read_up_to)
        except Exception:  # away during the restart: heard again once it answers
            continue
        now = time.time()
        for contribution in arrived.contributions:
            seen.setdefault(contribution.text, now)
            read_up_to = max(read_up_to, contribution.seq)
    watch.stop()
    database.close()
    (Path(folder) / "watcher.json").write_text(json.dumps(seen))


# --- the evening -----------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def stored_rows(url: str) -> list[tuple[int, str, str | None]]:
    from sqlmodel import col, select

    from dialoog_tui.services.database import open_database, resolve_target
    from dialoog_tui.store.schema.tables import ContributionRow

    database = open_database(resolve_target(url))
    try:
        return [
            (seq, text, by)
            for seq, text, by in database.read(
                lambda db: db.exec(
                    select(
                        ContributionRow.seq, ContributionRow.text, ContributionRow.recorded_by
                    ).order_by(col(ContributionRow.seq))
                ).all()
            )
        ]
    finally:
        database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--writers", type=int, default=None, help="20 on PostgreSQL, 5 on SQLite")
    parser.add_argument("--minutes", type=float, default=10.0)
    options = parser.parse_args()
    writers = options.writers or (20 if options.backend == "postgresql" else 5)
    seconds = options.minutes * 60
    folder = Path(tempfile.mkdtemp(prefix="dialoog-team-"))
    cluster = PrivateCluster(folder / "pg") if options.backend == "postgresql" else None
    if cluster is not None:
        cluster.folder.mkdir()
        url = cluster.start()
    else:
        url = str(folder / "team.sqlite3")
    from dialoog_tui.services.database import open_database, resolve_target
    from dialoog_tui.store.sessions import create_session

    database = open_database(resolve_target(url))
    session = database.write(lambda db: create_session(db=db, title=SESSION_TITLE)).id
    database.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    here = str(Path(__file__).resolve())

    def process(code: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"import runpy, sys; sys.argv=[{here!r}]; m = runpy.run_path({here!r}); {code}",
            ],
            env=env,
        )

    watcher = process(f"m['run_watcher']({url!r}, {session}, {seconds}, {str(folder)!r})")
    note_takers = [
        process(f"m['run_note_taker']({url!r}, {session}, {w}, {seconds}, {str(folder)!r})")
        for w in range(writers)
    ]
    print(
        f"{writers} note-takers on {options.backend} for {options.minutes:g} min ({folder})",
        flush=True,
    )
    restarted = None
    if cluster is not None:
        time.sleep(seconds / 2)
        restarted = time.time()
        cluster.restart()
        print(
            f"restarted the server at {seconds / 2:.0f} s "
            f"(down for {time.time() - restarted:.1f} s)",
            flush=True,
        )
    for child in note_takers:
        child.wait()
    (folder / "done").touch()
    watcher.wait()
    rows = stored_rows(url)
    if cluster is not None:
        cluster.stop()

    logged = [json.loads((folder / f"writer-{w}.json").read_text()) for w in range(writers)]
    seen = json.loads((folder / "watcher.json").read_text())
    sent = {
        line["text"]: (result["writer"], i)
        for result in logged
        for i, line in enumerate(result["lines"])
    }
    texts = [text for _, text, _ in rows]
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    lost = sum(1 for text in sent if text not in counts)
    duplicated = sum(n - 1 for n in counts.values() if n > 1)
    merged = sum(1 for text in counts if text not in sent)
    out_of_order = 0
    for result in logged:
        own = [sent[t][1] for t in texts if t in sent and sent[t][0] == result["writer"]]
        out_of_order += sum(1 for a, b in pairwise(own) if b < a)
    commits = [(line["stored"] - line["sent"]) * 1000 for r in logged for line in r["lines"]]
    waited = sum(1 for r in logged for line in r["lines"] if line["waited"])
    visible = [
        (seen[line["text"]] - line["stored"]) * 1000
        for r in logged
        for line in r["lines"]
        if line["text"] in seen and not line["waited"]
    ]
    figures = {
        "backend": options.backend,
        "writers": writers,
        "logged": len(sent),
        "stored": len(texts),
        "lost": lost,
        "duplicated": duplicated,
        "merged": merged,
        "out_of_order": out_of_order,
        "waited_offline": waited,
        "left_waiting": sum(r["left_waiting"] for r in logged),
        "commit_ms_p50": round(percentile(commits, 0.5), 1),
        "commit_ms_p95": round(percentile(commits, 0.95), 1),
        "commit_ms_p99": round(percentile(commits, 0.99), 1),
        "visible_ms_p50": round(statistics.median(visible), 0) if visible else "none",
        "visible_ms_p95": round(percentile(visible, 0.95), 0) if visible else "none",
    }
    print(" ".join(f"{name}={value}" for name, value in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
