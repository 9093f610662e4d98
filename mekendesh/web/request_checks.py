"""Checks of a request's body before any view reads it: its size, file parts on forms that take
none, and bytes that are not UTF-8.

Every view gets ``settings.REQUEST_BODY_MAX_BYTES`` and no file parts; a view that takes uploads
(an import of a file, say) says so with :func:`request_body_limit`, which sets its own limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

View = Callable[..., HttpResponse]
_BODY_METHODS = {"POST", "PUT", "PATCH"}
REPLACEMENT_CHARACTER = "\ufffd"


def _not_utf8_form() -> str:
    return _(
        "The form holds characters that are not UTF-8 (letters lost on the way). "
        "Type the text again, or use another browser."
    )


def request_body_limit(max_bytes: int, *, files: bool = True) -> Callable[[View], View]:
    """Lets a view take a body of up to ``max_bytes`` bytes and, with ``files``, file parts."""

    def decorate(view: View) -> View:
        view.request_body_max_bytes = max_bytes  # type: ignore[attr-defined]
        view.request_takes_files = files  # type: ignore[attr-defined]
        return view

    return decorate


class _RefuseFiles(FileUploadHandler):
    """An upload handler that stores no file part and remembers that one was sent."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.file_sent = False

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        self.file_sent = True
        raise SkipFile

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:  # pragma: no cover - skipped
        return None

    def file_complete(self, file_size: int) -> None:  # pragma: no cover - skipped
        return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _form_is_utf8(encoded: bytes) -> bool:
    """Whether every name and value of an ``application/x-www-form-urlencoded`` text is UTF-8."""
    return all(_is_utf8(unquote_to_bytes(pair.replace(b"+", b" "))) for pair in encoded.split(b"&"))


def _refused(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return render(request, "web/request_refused.html", {"message": message}, status=status)


class RequestBodyMiddleware:
    """Refuses, before the view (and the CSRF check) reads the body: a body larger than the view
    allows (413), a file part on a form that takes no files (413), a form or query string whose
    bytes are not UTF-8 (400) — which would otherwise reach the register as U+FFFD."""

    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: View, args: Any, kwargs: Any) -> HttpResponse | None:
        if not _form_is_utf8(request.META.get("QUERY_STRING", "").encode("latin-1", "replace")):
            return _refused(request, 400, _("The address holds characters that are not UTF-8. Type it again."))
        if request.method not in _BODY_METHODS:
            return None
        limit = getattr(view, "request_body_max_bytes", settings.REQUEST_BODY_MAX_BYTES)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return _refused(
                request,
                413,
                _("What was sent is too large (%(sent)s kB; at most %(limit)s kB). Send the form without attachments.")
                % {"sent": (length + 1023) // 1024, "limit": limit // 1024},
            )
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith("application/x-www-form-urlencoded"):
            if not _form_is_utf8(request.body):
                return _refused(request, 400, _not_utf8_form())
        elif content_type.startswith("multipart/form-data"):
            refuse = None if getattr(view, "request_takes_files", False) else _RefuseFiles(request)
            if refuse is not None:
                request.upload_handlers = [refuse]
            # Parsed now (with the handler above), before the view or the CSRF check reads it.
            # Django decodes a part's bytes that are not UTF-8 as U+FFFD.
            if any(
                REPLACEMENT_CHARACTER in key or any(REPLACEMENT_CHARACTER in value for value in values)
                for key, values in request.POST.lists()
            ):
                return _refused(request, 400, _not_utf8_form())
            if refuse is not None and refuse.file_sent:
                return _refused(request, 413, _("This form takes no files. Send it without attachments."))
        return None
