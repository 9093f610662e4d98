"""Checking a document someone uploads before it is stored: its size, what its bytes really are
(not what its name says), and a file name safe to show and to offer back for download.

The content is recognised by its leading bytes with the ``filetype`` package, so an executable
renamed ``scan.pdf`` is a program, not a PDF. Refusals carry a code and parameters for the caller
to put into words in the reader's language (:class:`UploadRefused`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import filetype

# What may be sent as a document: PDFs and the photo formats of phones and scanners.
ACCEPTED_TYPES: dict[str, str] = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/heic": ".heic",
    "image/webp": ".webp",
    "image/tiff": ".tif",
}
PROGRAM_TYPES = frozenset(
    {
        "application/x-msdownload",
        "application/x-executable",
        "application/x-mach-binary",
        "application/vnd.microsoft.portable-executable",
        "application/x-sharedlib",
        "application/wasm",
        "application/x-shockwave-flash",
        "application/x-google-chrome-extension",
        "application/x-deb",
        "application/x-rpm",
    }
)
# Leading bytes of programs and scripts that ``filetype`` does not name.
_PROGRAM_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")
MAX_NAME_LENGTH = 120
_SEPARATORS = re.compile(r"[\\/]")


@dataclass(frozen=True)
class UploadRefused(Exception):
    """``code``: empty, too_large, program, not_accepted (``found`` names what it is), bad_name."""

    code: str
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # safe to show and to send back in Content-Disposition
    renamed: bool  # the name given was changed to make it safe
    content_type: str
    extension: str
    size: int


def safe_file_name(name: str, *, extension: str) -> tuple[str, bool]:
    """The last part of a path, without control or format characters, in NFC, not starting with
    a dot, at most :data:`MAX_NAME_LENGTH` characters, ending in ``extension`` when it had none."""
    original = name
    cleaned = unicodedata.normalize("NFC", _SEPARATORS.split(name)[-1])
    cleaned = "".join(char for char in cleaned if unicodedata.category(char)[0] != "C")
    cleaned = " ".join(cleaned.split()).lstrip(". ")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    if not stem:
        stem = "document"
    if not suffix:
        suffix = extension.lstrip(".")
    limit = MAX_NAME_LENGTH - len(suffix) - 1
    cleaned = f"{stem[:limit].rstrip()}.{suffix[:12]}"
    return cleaned, cleaned != original


def check_upload(name: str, head: bytes, *, size: int, max_bytes: int) -> CheckedUpload:
    """Check an upload from its name, its first bytes (at least 262, as ``filetype`` reads) and
    its size; raise :class:`UploadRefused` for an empty file, one above ``max_bytes``, a program
    or script, or a type other than :data:`ACCEPTED_TYPES`."""
    if size <= 0 or not head:
        raise UploadRefused("empty")
    if size > max_bytes:
        raise UploadRefused("too_large", {"size": size, "max": max_bytes})
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else ""
    if mime in PROGRAM_TYPES or head.startswith(_PROGRAM_MAGIC):
        raise UploadRefused("program", {"found": mime or "program"})
    if mime not in ACCEPTED_TYPES:
        raise UploadRefused("not_accepted", {"found": kind.extension if kind is not None else ""})
    extension = ACCEPTED_TYPES[mime]
    safe, renamed = safe_file_name(name, extension=extension)
    return CheckedUpload(name=safe, renamed=renamed, content_type=mime, extension=extension, size=size)
