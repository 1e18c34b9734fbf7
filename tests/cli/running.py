"""Running `dialoog` in-process the way a shell would, for the CLI tests."""

from __future__ import annotations

import pytest

from dialoog_tui.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `dialoog ARGS…`."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
