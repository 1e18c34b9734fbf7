"""Writing export files: never outside the chosen folder, never half, never over a file
without --force."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from dialoog_tui.errors import InvalidInput


class ExistingFile(InvalidInput):
    """The file to write is there already, and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; add --force to overwrite it")
        self.path = path
        """The file that is there."""


def write_new_file(target: Path, default_name: str, text: str, *, force: bool) -> Path:
    """Write `text` to `target`, or into it as `default_name` if `target` is a folder.

    `default_name` must already be a safe file name (a slug); it is only ever joined to the
    folder the user chose.
    """
    if target.is_dir() or str(target).endswith(("/", os.sep)):
        if not target.is_dir():
            raise InvalidInput(f"the folder {target} does not exist")
        path = target / default_name
    else:
        path = target
        if not path.parent.is_dir():
            raise InvalidInput(f"the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise ExistingFile(path)
    # Write beside the target and rename: a reader sees the old file or the whole new one.
    # Made with mode 0666 less the umask, as any program makes a file people share (0644
    # as usual), not the 0600 of a temporary file.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise InvalidInput(f"cannot write {path} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(f"cannot write {path} ({error.strerror})") from None
    return path
