"""`dialoog theme …`: curation from the command line, the same actions as the theme board."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dialoog_tui.cli.data_commands import with_database
from dialoog_tui.config import current_user
from dialoog_tui.core.display import visible

if TYPE_CHECKING:
    from sqlmodel import Session

    from dialoog_tui.core.themes.curation import Outcome


def theme(args: argparse.Namespace) -> int:
    """`dialoog theme accept|rename|merge|split|move|remove|reject|undo|history …`."""
    from dialoog_tui.services import curation as act

    who, at = current_user(), datetime.now(UTC)
    action = args.theme_action
    if action == "history":
        return _history(args)
    if action == "undo":
        from dialoog_tui.store.themes.curation import undo_last

        undone = with_database(
            args, lambda database: database.write(lambda db: undo_last(db=db, actor=who, at=at))
        )
        print(f"undone: {visible(undone.summary)}")
        return 0
    work: dict[str, Callable[[Session], Outcome]] = {
        "accept": lambda db: act.accept_theme(db=db, key=args.theme, actor=who, at=at),
        "rename": lambda db: act.rename_theme(
            db=db, key=args.theme, name=args.name, actor=who, at=at
        ),
        "merge": lambda db: act.merge_themes(db=db, keys=args.themes, actor=who, at=at),
        "split": lambda db: act.split_theme(
            db=db, key=args.theme, contributions=args.contributions, actor=who, at=at
        ),
        "move": lambda db: act.move_contribution(
            db=db, contribution=args.contribution, key=args.theme, actor=who, at=at
        ),
        "remove": lambda db: act.remove_from_theme(
            db=db, key=args.theme, contribution=args.contribution, actor=who, at=at
        ),
        "reject": lambda db: act.reject_theme(db=db, key=args.theme, actor=who, at=at),
    }
    outcome = with_database(args, lambda database: database.write(work[action]))
    if outcome.result is not None:
        print(outcome.result)  # merge: the surviving id; split: the new one
    else:
        print(f"{action}: {visible(outcome.detail)}")
    return 0


def _history(args: argparse.Namespace) -> int:
    from dialoog_tui.store.themes.curation import history

    actions = with_database(args, lambda database: database.read(lambda db: history(db=db)))
    if args.json:
        listing = [
            {
                "id": a.id,
                "at": a.at.astimezone().isoformat(),
                "actor": a.actor,
                "action": a.kind.value,
                "themes": list(a.themes),
                "detail": a.detail,
                "undone_at": a.undone_at.astimezone().isoformat() if a.undone_at else None,
                "undoes": a.undoes,
            }
            for a in actions
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    if not actions:
        print("No curation yet.")
    for a in actions:
        when = a.at.astimezone().strftime("%Y-%m-%d %H:%M")
        undone = "  (undone)" if a.undone_at else ""
        themes = ", ".join(a.themes)
        print(f"{a.id:>4}  {when}  {visible(a.actor):<12} {a.kind.value:<7} {themes}{undone}")
        print(f"      {visible(a.detail)}")
    return 0
