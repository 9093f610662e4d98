"""The credential's QR code, as SVG (segno; no Django import).

The text is Base45 behind an upper-case prefix, so every character is in the QR code's
alphanumeric set: 5.5 bits a character instead of 8, and a smaller code on the screen and paper.
"""

from __future__ import annotations

import segno


def qr_svg(text: str, *, title: str = "") -> str:
    """An ``<svg>`` element (no XML declaration) of the QR code of ``text``; it scales to its box
    (a view box, no fixed size), with a quiet zone of four modules as the standard asks."""
    code = segno.make_qr(text, error="m", mode="alphanumeric")
    svg: str = code.svg_inline(
        omitsize=True, border=4, title=title or None, svgclass="qr", lineclass=None, light="#fff"
    )
    return svg


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the same QR code (dark is ``True``), with its quiet zone."""
    code = segno.make_qr(text, error="m", mode="alphanumeric")
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]
