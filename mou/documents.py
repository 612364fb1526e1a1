"""The upload check for agreement documents (MoU, PKS, addenda): the same rule as MPP evidence."""
import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ALLOWED_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
MAX_DOCUMENT_SIZE = 10 * 1024 * 1024


def validate_agreement_document(file) -> None:
    """PDF, JPEG or PNG, judged by content (not by the name), at most 10 MB."""
    if file.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s); paling besar %(max)s.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(MAX_DOCUMENT_SIZE)},
            code="file_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    kind = filetype.guess(file.read(261))
    file.seek(position)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("Jenis berkas tidak diterima; unggah PDF, JPEG atau PNG."), code="file_type"
        )
