"""Containers checked before any parser touches them: ZIP workbooks and OLE2 compound files.

A ZIP archive is opened by openpyxl only after this module has counted its entries and
decompressed every member once, counting the bytes that actually come out: the sizes an archive
declares are written by whoever made it, so a compression bomb declares small ones.
"""

from __future__ import annotations

import copy
import struct
import zipfile
import zlib
from pathlib import Path

from mekendesh.lib.tabular.refusal import FileRefused

MAX_ZIP_ENTRIES = 10_000
# A million rows of twelve columns is about 0.7 GB of sheet XML and shared strings once unpacked;
# the cap leaves room for wider sheets and stops a bomb long before memory or disk would.
MAX_UNZIPPED_BYTES = 2 * 1024**3

_READ_CHUNK = 1024 * 1024
_UNBOUNDED = 1 << 62
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"

_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_OLE2_ENTRY_SIZE = 128


def declared_entry_count(path: Path) -> int | None:
    """The number of entries the end-of-archive record declares, read before zipfile parses them.

    ``zipfile`` builds an object per entry of the central directory as it opens the archive, so a
    directory of millions of entries is refused from this count first. None when no end record is
    found (zipfile will then say the archive is damaged).
    """
    with path.open("rb") as file:
        file.seek(0, 2)
        size = file.tell()
        tail_size = min(size, 22 + 0xFFFF)
        file.seek(size - tail_size)
        tail = file.read(tail_size)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            return None
        (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
        if entries != 0xFFFF or at < 20 or tail[at - 20 : at - 16] != _ZIP64_LOCATOR:
            return int(entries)
        (zip64_offset,) = struct.unpack("<Q", tail[at - 12 : at - 4])
        file.seek(zip64_offset)
        record = file.read(56)
        if len(record) < 40 or record[:4] != b"PK\x06\x06":
            return None
        (entries64,) = struct.unpack("<Q", record[32:40])
        return int(entries64)


def _what_zip_holds(names: set[str]) -> str:
    if "word/document.xml" in names:
        return "Word document"
    if "ppt/presentation.xml" in names:
        return "PowerPoint presentation"
    if "xl/workbook.bin" in names:
        return "binary Excel workbook, .xlsb"
    if "mimetype" in names and "content.xml" in names:
        return "OpenDocument file"
    return "an archive of files"


def check_workbook_archive(
    path: Path, *, max_entries: int = MAX_ZIP_ENTRIES, max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
) -> None:
    """Refuse a ZIP that is not an XLSX workbook, has too many entries, or unpacks too far.

    An XLSX workbook is a ZIP holding ``[Content_Types].xml`` and ``xl/workbook.xml``.
    """
    declared = declared_entry_count(path)
    if declared is not None and declared > max_entries:
        raise FileRefused("too_many_entries", limit=max_entries, entries=declared)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > max_entries:
                raise FileRefused("too_many_entries", limit=max_entries, entries=len(infos))
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise FileRefused("zip_not_workbook", format=_what_zip_holds(names))
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    raise FileRefused("encrypted")
                total += _unzipped_size(archive, info, budget=max_unzipped_bytes - total, limit=max_unzipped_bytes)
    except FileRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise FileRefused("corrupt_workbook", reason=str(exc) or type(exc).__name__) from exc


def _unzipped_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, budget: int, limit: int) -> int:
    """Decompress one member, counting; refuse as soon as the count passes ``budget``.

    zipfile stops a member at its declared size, so the member is opened through a copy of its
    entry that declares more than any archive can hold: the real stream is counted to its real
    end (and zipfile still checks its CRC there).
    """
    unbounded = copy.copy(info)
    unbounded.file_size = _UNBOUNDED
    produced = 0
    with archive.open(unbounded) as member:
        while chunk := member.read(_READ_CHUNK):
            produced += len(chunk)
            if produced > budget:
                raise FileRefused("zip_bomb", limit=limit, member=info.filename)
    if produced != info.file_size:
        raise FileRefused(
            "corrupt_workbook",
            reason=f"the part {info.filename} declares {info.file_size} bytes but unpacks to {produced}",
        )
    return produced


def refuse_ole2(path: Path) -> None:
    """An OLE2 compound file is never read: name what it is.

    Office stores a password-protected XLSX as an OLE2 file with the streams ``EncryptionInfo``
    and ``EncryptedPackage``; any other OLE2 file is a legacy .xls/.doc. The directory entries,
    whose names are UTF-16LE at 128-byte boundaries, may sit anywhere in the file, so the whole
    file is scanned (a plain byte search, fast even for a large file).
    """
    needle_size = max(len(name) for name in _ENCRYPTED_STREAMS)
    with path.open("rb") as file:
        offset = 0
        carry = b""
        while chunk := file.read(_READ_CHUNK):
            window = carry + chunk
            start = offset - len(carry)
            for name in _ENCRYPTED_STREAMS:
                at = window.find(name)
                while at >= 0:
                    if (start + at) % _OLE2_ENTRY_SIZE == 0:
                        raise FileRefused("encrypted")
                    at = window.find(name, at + 1)
            carry = window[-(needle_size - 1) :]
            offset += len(chunk)
    raise FileRefused("legacy_office")
