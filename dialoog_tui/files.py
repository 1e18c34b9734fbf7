"""Writing export files: never outside the chosen folder, never half, never over a file
without --force. Where `-o` points is read as a user means it (`export_path`)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from dialoog_tui.errors import InvalidInput


class ExistingFile(InvalidInput):
    """The file to write is there already, and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists; add --force to overwrite it",
            key="error.file_exists",
            path=path,
        )
        self.path = path
        """The file that is there."""


def export_path(typed: str, default_name: str) -> Path:
    """Where an export named `default_name` goes when the user said `-o typed`.

    `typed` (as typed: `Path` would drop a trailing slash) is a folder when it is one, when
    it ends with a slash, or when its name lacks the export's extension (`-o verslagen`,
    `-o out/`): the export goes into it under `default_name`, and the folder is made when
    missing. Otherwise it is the file itself, and its folder is made when missing."""
    target = Path(typed)
    as_folder = (
        typed.endswith(("/", os.sep))
        or target.is_dir()
        or target.suffix.lower() != Path(default_name).suffix.lower()
    )
    where = target if as_folder else target.parent
    try:
        where.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InvalidInput(
            f"{where} is a file, not a folder", key="error.not_a_folder", path=where
        ) from None
    except OSError as error:
        raise InvalidInput(
            f"cannot make the folder {where} ({error.strerror})",
            key="error.cannot_make_folder",
            path=where,
            reason=error.strerror,
        ) from None
    return where / default_name if as_folder else target


def write_new_files(files: Sequence[tuple[Path, str | bytes]], *, force: bool) -> list[Path]:
    """Write each `(path, text or bytes)` (in folders that exist, see `export_path`): all of
    them or, as far as a failing disk allows, none; a file there is only replaced with
    `force`.

    Each is written beside its target first, and only when all are written are they renamed
    into place, so a reader sees the old files or the whole new set."""
    if not force:
        for path, _text in files:
            if path.exists():
                raise ExistingFile(path)
    written: list[tuple[Path, Path]] = []
    try:
        for path, text in files:
            written.append((_written_beside(path, text), path))
        for temporary, path in written:
            os.replace(temporary, path)
    except OSError as error:
        for temporary, _path in written:
            temporary.unlink(missing_ok=True)
        raise _cannot_write(path, error) from None
    return [path for path, _text in files]


def _written_beside(path: Path, content: str | bytes) -> Path:
    """`content` (text as UTF-8) in a new hidden file beside `path`, on disk. Made with mode
    0666 less the umask, as any program makes a file people share (0644 as usual), not the
    0600 of a temporary file."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _cannot_write(path: Path, error: OSError) -> InvalidInput:
    return InvalidInput(
        f"cannot write {path} ({error.strerror})",
        key="error.cannot_write",
        path=path,
        reason=error.strerror,
    )
