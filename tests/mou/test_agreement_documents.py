import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mou.documents import MAX_DOCUMENT_SIZE, validate_agreement_document

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


@pytest.mark.parametrize("content", [PNG, JPEG, PDF])
def test_it_accepts_pdf_jpeg_and_png_by_content(content):
    validate_agreement_document(SimpleUploadedFile("scan.bin", content))


def test_it_judges_by_content_not_by_name():
    with pytest.raises(ValidationError, match="PDF, JPEG atau PNG"):
        validate_agreement_document(SimpleUploadedFile("mou.pdf", b"<html>not a pdf</html>"))


def test_it_refuses_files_over_10_mb():
    big = SimpleUploadedFile("big.pdf", PDF + b"\x00" * MAX_DOCUMENT_SIZE)
    with pytest.raises(ValidationError, match="terlalu besar"):
        validate_agreement_document(big)
