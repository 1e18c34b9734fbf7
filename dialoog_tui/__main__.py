"""`dialoog` and `python -m dialoog_tui`."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (see `dialoog --help`)."""
    from dialoog_tui.collector import hold_back

    hold_back()  # until the app has started, or the command turns out not to start it
    from dialoog_tui.cli.main import main as run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
