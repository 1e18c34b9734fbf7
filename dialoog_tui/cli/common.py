"""What every command module shares: a parser that reports in one line, how a module adds
its sub-commands, and the database a command works on."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TypeVar

from dialoog_tui.services.database import open_database, resolve_target

if TYPE_CHECKING:
    from dialoog_tui.services.database import Database

T = TypeVar("T")


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage error as one line (and exit status 2), not a screen of usage text."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


CommandMaker = Callable[[str, str], argparse.ArgumentParser]
"""Makes a sub-command's parser: its name, one line of help."""


def with_database(args: argparse.Namespace, work: Callable[[Database], T]) -> T:
    """`work` on the database named by --db (or DIALOOG_DB, or the default), closed after."""
    database = open_database(resolve_target(args.db))
    try:
        return work(database)
    finally:
        database.close()
