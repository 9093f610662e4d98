"""How a case document leaves the system: as a download, never shown inline or run by the
browser, whoever asks (the staff's and the person's pages alike)."""

from __future__ import annotations

from django.http import FileResponse, Http404

from mekendesh.cases.models import CaseDocument


def document_download(document: CaseDocument) -> FileResponse:
    try:
        stored = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(stored, as_attachment=True, filename=document.name, content_type="application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
