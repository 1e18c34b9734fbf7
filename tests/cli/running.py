"""Running `dialoog` in-process the way a shell would, for the CLI tests."""

from __future__ import annotations

import pytest

from dialoog_tui.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `dialoog ARGS…`, in English unless ARGS name a
    language (the machine's locale would otherwise choose)."""
    chosen = any(arg == "--lang" or arg.startswith("--lang=") for arg in args)
    code = main(list(args) if chosen else ["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_in_dutch(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`run`, in Dutch: for the tests that read exports and messages as Dutch users do."""
    return run(capsys, "--lang", "nl", *args)
