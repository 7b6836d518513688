"""Move an upload out of the server's memory into a temporary file only its owner can read.

Streamlit keeps an uploaded file in the server's memory for the rest of the browser session. An
export can be a gigabyte, so an import copies it to disk and drops the in-memory copy before
reading it, the way Streamlit's own chat input releases its files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePath

from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

COPY_CHUNK_BYTES = 2**20
TEMP_PREFIX = "stridewise-upload-"


def _forget(upload: UploadedFile) -> None:
    """Release the upload's bytes: our file object and the server's record of it."""
    upload.close()
    ctx = get_script_run_ctx()
    if ctx is not None and isinstance(ctx.uploaded_file_mgr, MemoryUploadedFileManager):
        ctx.uploaded_file_mgr.remove_file(session_id=ctx.session_id, file_id=upload.file_id)


@contextlib.contextmanager
def on_disk(upload: UploadedFile) -> Iterator[Path]:
    """The upload as a temporary file, deleted afterwards; its memory is released on the way."""
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
        # The browser chooses the name: keep only its suffix, which tells the format.
        path = Path(folder) / f"upload{''.join(PurePath(upload.name).suffixes[-2:])}"
        upload.seek(0)
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            shutil.copyfileobj(upload, out, COPY_CHUNK_BYTES)
        _forget(upload)
        yield path
