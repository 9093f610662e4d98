"""The credential's QR code holds exactly its text, in the code's alphanumeric mode."""

from __future__ import annotations

import zxingcpp

from mekendesh.lib.credential import SigningKey, qr_matrix, qr_svg, sign
from mekendesh.lib.tests.credential_support import claims


def scanned(text: str) -> list[str]:
    """What a QR scanner reads from the QR code of ``text`` (drawn 4 pixels a module).

    The scanner looks for QR codes only, as a phone's camera app does: a reader of every
    format may take a stretch of modules for a one-dimensional barcode as well.
    """
    scale = 4
    rows = [bytes(value for module in row for value in [0 if module else 255] * scale) for row in qr_matrix(text)]
    pixels = b"".join(row for row in rows for _ in range(scale))
    image = memoryview(pixels).cast("B", (len(rows) * scale, len(rows[0])))
    return [
        result.text
        for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    ]


def test_a_scanner_reads_the_credentials_text_back_from_its_qr_code():
    text = sign(claims(), SigningKey.generate())
    assert scanned(text) == [text]


def test_the_qr_code_is_an_svg_that_scales_to_its_box_with_a_title():
    svg = qr_svg("MK1:ABC", title="QR <code>")
    assert svg.startswith("<svg") and 'viewBox="0 0' in svg and "width=" not in svg.split(">")[0]
    assert "<title>QR &lt;code&gt;</title>" in svg and "<script" not in svg
