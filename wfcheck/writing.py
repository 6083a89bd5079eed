"""Writing fixed files back: atomically, keeping the file's mode, through symbolic links."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from wfcheck.source import InputError


def write_source(path: Path, text: str, encoding: str) -> None:
    """Replace the file's content with `text` encoded as `encoding`.

    The text goes to a temporary file beside the target, which then replaces it with one
    rename: a reader sees the old content or the new, never a part. A symbolic link is
    followed, so the file it points to changes and the link stays. The file keeps its mode.
    On any failure the file is left as it was and InputError says why.
    """
    target = Path(os.path.realpath(path))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise InputError(str(path), f"cannot encode the fixed text as {encoding}") from error
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".wfcheck"
        )
    except OSError as error:
        raise InputError(str(path), f"cannot write the fixed file: {_reason(error)}") from error
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise InputError(str(path), f"cannot write the fixed file: {_reason(error)}") from error


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
