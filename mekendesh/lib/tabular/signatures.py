"""The kind of a file from its first bytes, never from its name.

Only two kinds are read (CSV text and XLSX workbooks), so a short table of hand-written
signatures is enough: what is not a ZIP workbook must decode as text, and the formats that
officers send by mistake (old Office files, PDF, web pages, images, archives) and hostile files
(programs) are named in the refusal so that the officer knows what to send instead.
"""

from __future__ import annotations

from typing import Literal

from mekendesh.lib.tabular.refusal import FileRefused

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# (magic at offset 0, refusal code, what it is)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x7fELF", "executable", "ELF"),
    (b"\xfe\xed\xfa\xce", "executable", "Mach-O"),
    (b"\xfe\xed\xfa\xcf", "executable", "Mach-O"),
    (b"\xce\xfa\xed\xfe", "executable", "Mach-O"),
    (b"\xcf\xfa\xed\xfe", "executable", "Mach-O"),
    (b"\xca\xfe\xba\xbe", "executable", "Mach-O"),
    (b"\x00asm", "executable", "WebAssembly"),
    (b"%PDF-", "pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "image", "PNG"),
    (b"\xff\xd8\xff", "image", "JPEG"),
    (b"GIF87a", "image", "GIF"),
    (b"GIF89a", "image", "GIF"),
    (b"II*\x00", "image", "TIFF"),
    (b"MM\x00*", "image", "TIFF"),
    (b"\x1f\x8b", "archive", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7z"),
    (b"Rar!\x1a\x07", "archive", "RAR"),
    (b"\xfd7zXZ\x00", "archive", "xz"),
    (b"\x28\xb5\x2f\xfd", "archive", "zstd"),
)

# Markup at the start of the text (after a BOM and blank space): a web page or an XML file,
# such as the "HTML .xls" and "XML Spreadsheet 2003" exports of older systems.
_MARKUP_STARTS = ("<!doctype", "<html", "<?xml", "<head", "<body", "<table", "<meta", "<!--", "<svg", "<script", "<div")

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def bom_of(head: bytes) -> tuple[bytes, str] | None:
    """The byte order mark the bytes start with, and the codec of what follows it."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return bom, codec
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes of the sample sit on one side of each pair.

    In UTF-16 text every ASCII character (digits, delimiters, line breaks, Latin letters) has a
    NUL high byte; 8-bit text and UTF-8 have no NUL bytes at all.
    """
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd >= pairs // 10 and even <= odd // 50:
        return "utf-16-le"
    if even >= pairs // 10 and odd <= even // 50:
        return "utf-16-be"
    return None


def _head_text(head: bytes) -> str:
    """The start of the file as text, good enough to recognise markup (which is ASCII)."""
    found = bom_of(head)
    if found is not None:
        bom, codec = found
        return head[len(bom) :].decode(codec, errors="replace")
    utf16 = utf16_without_bom(head)
    if utf16 is not None:
        return head.decode(utf16, errors="replace")
    return head.decode("latin-1")


Container = Literal["zip", "ole2", "text"]


def classify(head: bytes) -> Container:
    """'zip' or 'ole2' for containers that need a closer look, 'text' for a CSV candidate.

    Raises ``FileRefused`` for every other kind it recognises.
    """
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    for magic, code, what in _SIGNATURES:
        if head.startswith(magic):
            raise FileRefused(code, format=what)
    # "MZ" could begin a line of text; a DOS/Windows program header also has NUL bytes at once.
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:
        raise FileRefused("executable", format="Windows")
    # bzip2: "BZh", the block size digit, then the block magic (pi in BCD).
    if head[:3] == b"BZh" and head[4:10] == b"\x31\x41\x59\x26\x53\x59":
        raise FileRefused("archive", format="bzip2")
    start = _head_text(head[:4096]).lstrip(" \t\r\n\ufeff").lower()
    for markup in _MARKUP_STARTS:
        if start.startswith(markup):
            raise FileRefused("html", format="XML" if markup == "<?xml" else "HTML")
    return "text"
