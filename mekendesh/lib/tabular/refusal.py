"""Why a file is refused: a stable code, its parameters, and an English sentence.

The code and the parameters are the contract: the Django app translates each code into the
officer's language with the parameters filled in. The English sentence of ``str()`` is for the
command line of this library alone.
"""

from __future__ import annotations

# One sentence per code; ``{name}`` is filled from the refusal's parameters.
MESSAGES: dict[str, str] = {
    "empty": "The file is empty.",
    "no_records": "The file has a header row but no records under it.",
    "too_large": "The file is {size} bytes; at most {limit} bytes are accepted.",
    "executable": "The file is a program ({format}), not a spreadsheet.",
    "pdf": "The file is a PDF document, not a spreadsheet: save the table as XLSX or CSV.",
    "html": "The file is a web page or an XML document ({format}), not a spreadsheet: save it as XLSX or CSV.",
    "image": "The file is an image ({format}), not a spreadsheet.",
    "archive": "The file is a compressed archive ({format}): unpack it and send the spreadsheet itself.",
    "binary": "The file holds binary data (NUL bytes), not text: it is neither a CSV file nor a workbook.",
    "legacy_office": "The file is an old Microsoft Office document (.xls or .doc): save it as XLSX or CSV.",
    "encrypted": "The workbook is protected with a password: save it without a password and send it again.",
    "zip_not_workbook": "The file is a ZIP archive ({format}), not an XLSX workbook: save the table as XLSX or CSV.",
    "too_many_entries": "The workbook holds more than {limit} parts: it is not a workbook that can be read safely.",
    "zip_bomb": "The workbook unpacks to more than {limit} bytes: it is refused as a compression bomb.",
    "corrupt_workbook": "The workbook is damaged and cannot be read: {reason}.",
    "unsafe_xml": "The workbook contains XML constructs that are refused for safety (entities or external references).",
    "unknown_sheet": "The workbook has no sheet named '{sheet}'; its sheets are: {sheets}.",
    "unknown_encoding": "The text encoding of the file could not be recognised (tried Unicode, Windows-1251 and KOI8-R).",
    "undecodable": "The file cannot be read as {encoding}: an invalid byte at offset {offset}.",
    "undecodable_row": "The file cannot be read as {encoding}: an invalid byte at row {row} or a few rows after it.",
    "malformed_csv": "Row {row} cannot be read as CSV: {reason}.",
}

REFUSAL_CODES: frozenset[str] = frozenset(MESSAGES)


class FileRefused(Exception):
    """A file that the import does not read, and why.

    ``code`` is one of ``REFUSAL_CODES``; ``params`` holds the values its message names (numbers,
    names of sheets, the format that was recognised).
    """

    def __init__(self, code: str, **params: object) -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown refusal code {code!r}")
        self.code = code
        self.params: dict[str, object] = params
        super().__init__(code, params)

    def __str__(self) -> str:
        shown = {
            key: ", ".join(map(str, value)) if isinstance(value, list | tuple) else value
            for key, value in self.params.items()
        }
        return MESSAGES[self.code].format(**shown)

    def __reduce__(self) -> tuple[object, tuple[str, dict[str, object]]]:
        # Keyword parameters do not survive Exception's default pickling (a job may carry the error).
        return _rebuild, (self.code, self.params)

    def __repr__(self) -> str:
        return f"FileRefused({self.code!r}, {self.params!r})"


def _rebuild(code: str, params: dict[str, object]) -> FileRefused:
    return FileRefused(code, **params)
