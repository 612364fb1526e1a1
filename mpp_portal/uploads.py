"""Checks for uploaded documents (status evidence, MoU/PKS documents): one rule for every upload."""
import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCUMENT_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
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
