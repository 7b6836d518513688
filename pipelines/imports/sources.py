"""Where an import reads from: a Strava export ZIP, its unzipped folder, or loose files."""

from __future__ import annotations

import contextlib
import os
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from pipelines.imports import zip_limits
from pipelines.imports.models import Fingerprint, UnreadableExport, UnreadableFile

CSV_NAME = "activities.csv"
MISSING = "listed in activities.csv but missing from the export"


class ExportSource(Protocol):
    """Read-only access to the files of one export, by their names inside it."""

    def read(self, name: str) -> bytes:
        """The bytes of `name` (relative to the export's root); UnreadableFile if unusable."""
        ...

    def read_csv(self, name: str) -> bytes | None:
        """A top-level CSV such as profile.csv, or None when the export has none."""
        ...

    def fingerprint(self, name: str) -> Fingerprint:
        """Size and CRC-32 of `name`, to tell an unchanged file; UnreadableFile if missing."""
        ...


class ZipExport:
    """An export still in its ZIP; the root may sit one folder deep (export_12345/…)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._zip = archive
        candidates = [
            n
            for n in archive.namelist()
            if posixpath.basename(n).lower() == CSV_NAME and n.count("/") <= 1
        ]
        if not candidates:
            raise UnreadableExport(
                "the ZIP has no activities.csv: is it the archive from Strava's "
                "'Download or delete your account' page?"
            )
        self._root = posixpath.dirname(min(candidates, key=len))
        self._names = {n.lower(): n for n in archive.namelist()}

    def _member(self, name: str) -> str | None:
        return self._names.get(posixpath.join(self._root, name.strip("/")).lower())

    def _listed(self, name: str) -> str:
        member = self._member(name)
        if member is None:
            raise UnreadableFile(MISSING)
        return member

    def fingerprint(self, name: str) -> Fingerprint:
        """From the ZIP's directory: nothing is decompressed."""
        info = self._zip.getinfo(self._listed(name))
        return Fingerprint(info.file_size, info.CRC)

    def read(self, name: str) -> bytes:
        member = self._listed(name)
        try:
            return zip_limits.read_member(self._zip, member)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise UnreadableFile(f"damaged inside the ZIP ({exc})") from exc

    def read_csv(self, name: str) -> bytes | None:
        member = self._member(name)
        if member is None:
            return None
        try:
            return zip_limits.read_member(self._zip, member)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise UnreadableExport(f"{name} is damaged inside the ZIP ({exc})") from exc
        except UnreadableFile as exc:
            raise UnreadableExport(f"{name} was {exc}") from exc


class FolderExport:
    """An export the runner already unzipped."""

    def __init__(self, folder: Path) -> None:
        if (folder / CSV_NAME).is_file():
            self._root = folder
        else:
            nested = sorted(p.parent for p in folder.glob(f"*/{CSV_NAME}"))
            if not nested:
                raise UnreadableExport(f"{folder} has no activities.csv (nor one folder below)")
            self._root = nested[0]

    def _path(self, name: str) -> Path:
        path = (self._root / name.strip("/")).resolve()
        if not path.is_relative_to(self._root.resolve()):
            raise UnreadableFile("points outside the export folder")
        return path

    def read(self, name: str) -> bytes:
        path = self._path(name)
        try:
            return zip_limits.read_file(path)
        except FileNotFoundError as exc:
            raise UnreadableFile(MISSING) from exc
        except OSError as exc:
            raise UnreadableFile(f"cannot be read ({exc.strerror})") from exc

    def fingerprint(self, name: str) -> Fingerprint:
        """From the file's bytes (a folder has no directory of CRCs); reading is cheap here."""
        return Fingerprint.of(self.read(name))

    def read_csv(self, name: str) -> bytes | None:
        path = self._root / name
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError as exc:
            raise UnreadableExport(f"{name} cannot be read ({exc.strerror})") from exc


@contextlib.contextmanager
def open_export(target: str | os.PathLike[str] | BinaryIO) -> Iterator[ExportSource]:
    """Open a ZIP (path or file object) or an unzipped folder; UnreadableExport if neither."""
    if isinstance(target, str | os.PathLike) and Path(target).is_dir():
        yield FolderExport(Path(target))
        return
    try:
        zip_limits.check_entries(target)
        archive = zipfile.ZipFile(target)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise UnreadableExport(f"not a readable ZIP archive ({exc})") from exc
    except OSError as exc:
        raise UnreadableExport(f"cannot open the export ({exc.strerror or exc})") from exc
    with archive:
        yield ZipExport(archive)
