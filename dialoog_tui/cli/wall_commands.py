"""`dialoog wall` and `dialoog serve`: a session's wall, in a terminal or in browsers.

`serve` runs the wall through textual-serve: a small web server that starts the wall (this
very program, `dialoog wall`) for each browser that opens the page and relays its screen.
It listens on this computer only, unless `--public ADDRESS` says on which address others
may reach it: then everyone on that network who knows the address sees the wall, and the
command says so before it starts.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import subprocess
import sys

from dialoog_tui.cli.common import CommandMaker, current_language, say, with_database
from dialoog_tui.errors import InvalidInput
from dialoog_tui.services.database import DATABASE_ENV

LOCAL = "localhost"
ANY_ADDRESS = frozenset({"0.0.0.0", "::"})
"""Every address at once: the page would tell phones to connect to 0.0.0.0."""
DEFAULT_PORT = 8000


def wall(args: argparse.Namespace) -> int:
    """`dialoog wall SESSION`."""
    from dialoog_tui.services.database import check_before_start, resolve_target
    from dialoog_tui.tui.wall import run_wall

    target = resolve_target(args.db)
    check_before_start(target, session=str(args.session))
    return run_wall(target, str(args.session), lang=args.lang or current_language())


def serve(args: argparse.Namespace) -> int:
    """`dialoog serve SESSION [--port N] [--public ADDRESS]`."""
    from dialoog_tui.services.room import open_room

    if not 0 < args.port < 65536:
        raise InvalidInput(key="cli.serve.port", port=args.port)
    if args.public is not None and args.public.strip("[]") in ANY_ADDRESS:
        raise InvalidInput(key="cli.serve.any_address", address=args.public)
    # The session must be there before anyone opens the page (the wall would end at once).
    session_id = with_database(args, lambda database: open_room(database, str(args.session)))
    host = args.public.strip("[]") if args.public else LOCAL
    shown = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL
    _can_listen(host, args.port)  # before the wall is announced
    if args.public and not _this_computer_only(host):
        print(say("cli.serve.public", address=shown, port=args.port), file=sys.stderr)
    if args.db:
        # The walls find the database where this command found it, by the environment:
        # on their command line a server's password would be shown (textual-serve prints
        # it) and readable by anyone on this computer (ps).
        os.environ[DATABASE_ENV] = args.db
    wall_command = [
        sys.executable,
        "-m",
        "dialoog_tui",
        "--lang",
        args.lang or current_language(),
        "wall",
        str(session_id),
    ]
    from textual_serve.server import Server  # the web server: only when serving

    from dialoog_tui.paths import wall_page

    url = f"http://{shown}:{args.port}"
    print(say("cli.serve.url", url=url))
    server = Server(
        _shell_line(wall_command),
        host=host,
        port=args.port,
        title="dialoog",
        public_url=url,
        templates_path=wall_page(),
    )
    server.console.quiet = True  # its English banner: this command said where the wall is
    server.serve()
    return 0


def _can_listen(host: str, port: int) -> None:
    """InvalidInput, said in the interface's language, when the web server could not listen
    there (the port is taken, or the address is not one of this computer's)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, _, _, address = found[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        raise InvalidInput(
            str(error),
            key="cli.serve.cannot_listen",
            address=host,
            port=port,
            reason=error.strerror or str(error),
        ) from None


def _this_computer_only(host: str) -> bool:
    """Whether `host` is a loopback address (nobody else can reach it)."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == LOCAL


def _shell_line(argv: list[str]) -> str:
    """`argv` as one line for the shell textual-serve starts each wall with: POSIX quoting,
    or on Windows the quoting of cmd.exe (a path like `C:\\Users\\Jan de Vries`)."""
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


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
