"""Checks for uploaded documents (status evidence, MoU/PKS documents): one rule for every upload."""
import uuid

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _

DOCUMENT_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
# The extension a stored document gets, from its detected type; the uploaded name is never kept.
DOCUMENT_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# filetype recognises every type above from the first bytes of the file.
_HEADER_BYTES = 262


def _header(file) -> bytes:
    file.seek(0)
    header = file.read(_HEADER_BYTES)
    file.seek(0)
    return header


def validate_document(file) -> str:
    """Refuse ``file`` unless its content is a PDF, JPEG or PNG of at most 10 MB; return its MIME type.

    The content decides, never the file name or the browser's declared type, which anyone can fake.
    """
    if file.size > DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s MB); batasnya %(max)s MB.")
            % {"size": f"{file.size / 1024 / 1024:.1f}", "max": DOCUMENT_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    kind = filetype.guess(_header(file))
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Isi berkas bukan PDF, JPEG atau PNG; hanya jenis itu yang diterima sebagai dokumen."),
            code="bad_type",
        )
    return kind.mime


def document_accept(file) -> str:
    """Validate ``file`` and name it from its detected content (``<random>.pdf``), so neither the stored
    name nor the type it is served with ever comes from the uploaded name. Returns the MIME type."""
    mime = validate_document(file)
    file.name = f"{uuid.uuid4().hex}.{DOCUMENT_EXTENSIONS[mime]}"
    return mime


def document_response(field_file, *, download_stem: str) -> FileResponse:
    """Serve a stored document as a download, typed by its content: anything that is not (any more) one
    of the accepted types goes out as opaque bytes. Callers check permission first."""
    handle = field_file.open("rb")
    kind = filetype.guess(handle.read(_HEADER_BYTES))
    handle.seek(0)
    mime = kind.mime if kind is not None and kind.mime in DOCUMENT_TYPES else "application/octet-stream"
    extension = DOCUMENT_EXTENSIONS.get(mime, "bin")
    response = FileResponse(handle, as_attachment=True, filename=f"{download_stem}.{extension}", content_type=mime)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
