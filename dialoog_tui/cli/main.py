"""Entry point: parse, dispatch, and turn every expected failure into one line on stderr."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from dialoog_tui.cli.common import explain, say, speak
from dialoog_tui.cli.launch import run_tui
from dialoog_tui.cli.parser import LAUNCHING, build_parser, command_word
from dialoog_tui.collector import resume
from dialoog_tui.core.themes.refusals import CurationError
from dialoog_tui.errors import StoreError

EXIT_FAILURE = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run `dialoog` with `argv` (default: the process arguments); returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    speak(arguments)
    asks_help = any(word in ("-h", "--help") for word in arguments)
    launching = command_word(arguments) in LAUNCHING and not asks_help
    if not launching:
        resume()  # held back at the entry point for the app's start only
    args = build_parser(launch_only=launching).parse_args(arguments)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_tui)
    try:
        return handler(args)
    except (StoreError, CurationError) as error:
        return fail(explain(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`dialoog ladder --all | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        if os.environ.get("DIALOOG_DEBUG"):
            raise
        return fail(say("cli.unexpected", detail=explain(error)))


def fail(message: str) -> int:
    """Print one error line and return the failure status."""
    sys.stderr.write(say("cli.error", message=message) + "\n")
    return EXIT_FAILURE
