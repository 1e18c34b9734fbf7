"""An accepted theme growing with a new meeting: how many of the new contributions that
belong to it it takes in, and how many that do not.

    python bench/themes_growth.py [--dialogue ../shared/data/dialogue_dev]

For each theme of the dialogue set that recurs (3+ meetings): import the first two meetings
that speak of it, run themes, accept the proposed theme that holds most of it and rename it,
as a facilitator would; then import the next meeting that speaks of it (in other words)
and run themes again, as `dialoog import` and `dialoog themes` do. Counted: the new
meeting's contributions the accepted theme took in that carry its label (`gained`) and that
do not (`wrong`), against how many of the new meeting carry it (`of`). The last line holds
the totals as name=value pairs.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from themes_quality import dialogue_csv

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIALOGUE = ROOT.parent / "shared" / "data" / "dialogue_dev"
NOISE = "ruis"


def import_rows_of(database: Any, rows: list[dict[str, str]]) -> None:
    from dialoog_tui.core.importing import read_import
    from dialoog_tui.services.imports import import_rows

    read = read_import(dialogue_csv(rows), is_csv=True)
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


def themes_now(database: Any) -> Any:
    """Run themes over every session and show them as the board does."""
    from dialoog_tui.services.sessions import session_ids
    from dialoog_tui.services.themes import latest_report, run_themes

    scope = session_ids(database, None)
    run_themes(database, scope, all_sessions=True)
    return latest_report(database, scope)


def scenario(rows: list[dict[str, str]], label: str, sessions: list[str]) -> tuple[int, int, int]:
    """Accept `label`'s theme over the first two of `sessions`, add the third: gained, wrong,
    of."""
    from sqlmodel import select

    from dialoog_tui.services import curation
    from dialoog_tui.store.db.database import open_database
    from dialoog_tui.store.db.target import resolve_target
    from dialoog_tui.store.schema.tables import ContributionRow

    first, third = sessions[:2], sessions[2]
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(resolve_target(str(Path(folder) / "growth.sqlite3")))
        try:
            import_rows_of(database, [r for r in rows if r["session"] in first])
            gold = {r["ref"]: r["theme"] for r in rows}

            def labels_by_id() -> dict[int, str]:
                refs = database.read(
                    lambda db: db.exec(select(ContributionRow.id, ContributionRow.ref)).all()
                )
                return {cid: gold[ref] for cid, ref in refs}

            report = themes_now(database)
            truth = labels_by_id()
            chosen = max(
                report.themes, key=lambda t: sum(truth[m] == label for m in t.contributions)
            )
            at = datetime.now(UTC)
            for action, extra in (
                (curation.accept_theme, {}),
                (curation.rename_theme, {"name": label.replace("_", " ")}),
            ):
                curation.act(database, action, actor="bench", at=at, key=chosen.id, **extra)
            import_rows_of(database, [r for r in rows if r["session"] == third])
            report = themes_now(database)
            truth = labels_by_id()
            before = set(chosen.contributions)
            kept = next(t for t in report.themes if t.id == chosen.id)
            new = [m for m in kept.contributions if m not in before]
            gained = sum(1 for m in new if truth[m] == label)
            of = sum(
                1
                for r in rows
                if r["session"] == third and r["theme"] == label and r["consent"] != "off_record"
            )
            return gained, len(new) - gained, of
        finally:
            database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialogue", type=Path, default=DEFAULT_DIALOGUE)
    options = parser.parse_args()
    with (options.dialogue / "data.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    heard: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row["session"] not in heard[row["theme"]]:
            heard[row["theme"]].append(row["session"])
    totals: Counter[str] = Counter()
    print(f"{'theme':<28} {'meetings':<12} {'gained':>6} {'of':>4} {'wrong':>6}")
    for label, sessions in sorted(heard.items()):
        if label == NOISE or len(sessions) < 3:
            continue
        gained, wrong, of = scenario(rows, label, sessions[:3])
        totals.update(gained=gained, wrong=wrong, of=of)
        print(f"{label:<28} {'+'.join(sessions[:3]):<12} {gained:>6} {of:>4} {wrong:>6}")
        sys.stdout.flush()
    share = totals["gained"] / totals["of"] if totals["of"] else 0.0
    print(
        f"gained={totals['gained']} of={totals['of']} wrong={totals['wrong']} "
        f"gained_share={share:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
