"""`dialoog theme …`: curation from the command line, the same actions as the theme board."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dialoog_tui.cli.common import CommandMaker, OneLineParser, say, subcommand, with_database
from dialoog_tui.config import current_user
from dialoog_tui.core.display import visible

if TYPE_CHECKING:
    from dialoog_tui.core.themes.curation import ActionKind, Outcome
    from dialoog_tui.services.curation import Action
    from dialoog_tui.services.database import Database

CONTRIBUTION_HELP = "SESSION#NUMBER as the minutes number it (avond-2#13), or its id"


def theme(args: argparse.Namespace) -> int:
    """`dialoog theme accept|rename|merge|split|move|remove|reject|undo|history …`."""
    from dialoog_tui.services import curation

    who, at = current_user(), datetime.now(UTC)
    action = args.theme_action
    if action == "history":
        return _history(args)
    if action == "undo":
        undone = with_database(args, lambda database: curation.undo(database, actor=who, at=at))
        summary = f"{_named(undone.kind)} #{undone.id}: {undone.detail}"
        print(say("cli.theme.undone", summary=visible(summary)))
        return 0

    def act(database: Database) -> Outcome:
        step, arguments = _step(args, database)
        return curation.act(database, step, actor=who, at=at, **arguments)

    outcome = with_database(args, act)
    if outcome.result is not None:
        print(outcome.result)  # merge: the surviving id; split: the new one
    else:
        print(f"{_named(outcome.kind)}: {visible(outcome.detail)}")
    return 0


def _named(kind: ActionKind) -> str:
    """An action as the command line says it: its command in English, the theme board's word
    in Dutch."""
    return say(f"cli.theme.action.{kind.value}")


def _step(args: argparse.Namespace, database: Database) -> tuple[Action, dict[str, object]]:
    """The curation action asked for, and its arguments (the contributions it names by
    their ids)."""
    from dialoog_tui.services import curation
    from dialoog_tui.services.references import contribution_id

    match args.theme_action:
        case "accept":
            return curation.accept_theme, {"key": args.theme}
        case "rename":
            return curation.rename_theme, {"key": args.theme, "name": args.name}
        case "merge":
            return curation.merge_themes, {"keys": args.themes}
        case "split":
            contributions = [contribution_id(database, typed) for typed in args.contributions]
            return curation.split_theme, {"key": args.theme, "contributions": contributions}
        case "move":
            return curation.move_contribution, {
                "contribution": contribution_id(database, args.contribution),
                "key": args.theme,
            }
        case "remove":
            return curation.remove_from_theme, {
                "key": args.theme,
                "contribution": contribution_id(database, args.contribution),
            }
        case _:
            return curation.reject_theme, {"key": args.theme}


def _history(args: argparse.Namespace) -> int:
    from dialoog_tui.services.curation import history

    actions = with_database(args, history)
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
        print(say("cli.theme.no_history"))
    for a in actions:
        when = a.at.astimezone().strftime("%Y-%m-%d %H:%M")
        undone = f"  ({say('cli.theme.was_undone')})" if a.undone_at else ""
        themes = ", ".join(a.themes)
        print(f"{a.id:>4}  {when}  {visible(a.actor):<12} {_named(a.kind):<7} {themes}{undone}")
        print(f"      {visible(a.detail)}")
    return 0


def register(command: CommandMaker) -> None:
    """`theme` and its actions."""
    curate = command("theme", "curate a theme: accept, rename, merge, split, move, remove, reject")
    actions = curate.add_subparsers(
        dest="theme_action", metavar="ACTION", parser_class=OneLineParser, required=True
    )
    subcommand(actions, "accept", "accept a theme").add_argument("theme", metavar="THEME")
    rename = subcommand(actions, "rename", "give a theme a name (empty: back to its label)")
    rename.add_argument("theme", metavar="THEME")
    rename.add_argument("name", metavar="NAME")
    merge = subcommand(actions, "merge", "merge themes; prints the surviving id")
    merge.add_argument("themes", nargs="+", metavar="THEME")
    split = subcommand(actions, "split", "contributions into a new theme; prints its id")
    split.add_argument("theme", metavar="THEME")
    split.add_argument("contributions", nargs="+", metavar="CONTRIBUTION", help=CONTRIBUTION_HELP)
    move = subcommand(actions, "move", "move a contribution into a theme")
    move.add_argument("contribution", metavar="CONTRIBUTION", help=CONTRIBUTION_HELP)
    move.add_argument("theme", metavar="THEME")
    remove = subcommand(actions, "remove", "take a contribution out of a theme, for good")
    remove.add_argument("theme", metavar="THEME")
    remove.add_argument("contribution", metavar="CONTRIBUTION", help=CONTRIBUTION_HELP)
    subcommand(actions, "reject", "mark a theme as not a theme").add_argument(
        "theme", metavar="THEME"
    )
    subcommand(actions, "undo", "undo the last curation action")
    history = subcommand(actions, "history", "every curation action: who, when, what")
    history.add_argument("--json", action="store_true", help="print JSON")
    curate.set_defaults(handler=theme)
