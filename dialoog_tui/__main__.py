"""`dialoog` and `python -m dialoog_tui`."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (see `dialoog --help`)."""
    from dialoog_tui.priority import BACKGROUND_ENV, lower_priority

    if os.environ.get(BACKGROUND_ENV):
        lower_priority()  # before the imports: they take a core for a while too
    from dialoog_tui.cli.main import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
