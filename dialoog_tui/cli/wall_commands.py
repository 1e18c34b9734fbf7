"""`dialoog wall` and `dialoog serve`: a session's wall, in a terminal or in browsers.

`serve` runs the wall through textual-serve: a small web server that starts the wall (this
very program, `dialoog wall`) for each browser that opens the page and relays its screen.
It listens on this computer only, unless `--public ADDRESS` says on which address others
may reach it: then everyone on that network who knows the address sees the wall, and the
command says so before it starts.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from dialoog_tui.cli.common import CommandMaker, current_language, say, with_database
from dialoog_tui.errors import InvalidInput

LOCAL = "localhost"
DEFAULT_PORT = 8000


def wall(args: argparse.Namespace) -> int:
    """`dialoog wall SESSION`."""
    from dialoog_tui.services.database import check_before_start, resolve_target
    from dialoog_tui.tui.wall import run_wall

    target = resolve_target(args.db)
    check_before_start(target)
    return run_wall(target, str(args.session), lang=args.lang or current_language())


def serve(args: argparse.Namespace) -> int:
    """`dialoog serve SESSION [--port N] [--public ADDRESS]`."""
    from dialoog_tui.services.room import open_room

    if not 0 < args.port < 65536:
        raise InvalidInput(key="cli.serve.port", port=args.port)
    # The session must be there before anyone opens the page (the wall would end at once).
    session_id = with_database(args, lambda database: open_room(database, str(args.session)))
    host = args.public or LOCAL
    if args.public:
        print(say("cli.serve.public", address=args.public, port=args.port), file=sys.stderr)
    wall_command = [
        sys.executable,
        "-m",
        "dialoog_tui",
        *(["--db", args.db] if args.db else []),
        "--lang",
        args.lang or current_language(),
        "wall",
        str(session_id),
    ]
    from textual_serve.server import Server  # the web server: only when serving

    from dialoog_tui.paths import wall_page

    print(say("cli.serve.url", url=f"http://{host}:{args.port}"))
    Server(
        shlex.join(wall_command),
        host=host,
        port=args.port,
        title="dialoog",
        templates_path=wall_page(),
    ).serve()
    return 0


def register(command: CommandMaker) -> None:
    """`wall` and `serve`."""
    wall_ = command("wall", "a session's wall: what was said per table, by domain, and its themes")
    wall_.add_argument("session", metavar="SESSION", help="id or slug (see 'dialoog sessions')")
    wall_.set_defaults(handler=wall)

    serve_ = command("serve", "show a session's wall in browsers (read-only)")
    serve_.add_argument("session", metavar="SESSION", help="id or slug (see 'dialoog sessions')")
    serve_.add_argument(
        "--port", type=int, default=DEFAULT_PORT, metavar="N", help=f"port ({DEFAULT_PORT})"
    )
    serve_.add_argument(
        "--public",
        metavar="ADDRESS",
        help="listen on this address of this computer, for other devices (default: only here)",
    )
    serve_.set_defaults(handler=serve)
