"""`dialoog` and `python -m dialoog_tui`."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (see `dialoog --help`)."""
    from dialoog_tui.priority import BACKGROUND_ENV, run_in_background

    parent = os.environ.get(BACKGROUND_ENV, "")
    if parent.isdigit():
        run_in_background(int(parent))  # before the imports: they take a core for a while
    from dialoog_tui.cli.main import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
