"""The one document check (mpp_portal.uploads.validate_document): content decides, not the file name."""
import pytest
from django.core.exceptions import ValidationError

from mpp_portal.uploads import DOCUMENT_MAX_BYTES, validate_document
from tests.regions.conftest import HTML_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, upload


@pytest.mark.parametrize(("name", "content", "mime"), [
    ("sk-peresmian.pdf", PDF_BYTES, "application/pdf"),
    ("foto.jpg", JPEG_BYTES, "image/jpeg"),
    ("foto.png", PNG_BYTES, "image/png"),
])
def test_it_accepts_pdf_jpeg_and_png(name, content, mime):
    assert validate_document(upload(name, content)) == mime


def test_a_pdf_renamed_png_is_fine_by_its_content():
    assert validate_document(upload("scan.png", PDF_BYTES, "image/png")) == "application/pdf"


def test_an_html_file_renamed_pdf_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_document(upload("sk.pdf", HTML_BYTES, "application/pdf"))
    assert refused.value.code == "bad_type"


@pytest.mark.parametrize("content", [b"", b"just text", b"PK\x03\x04" + b"\x00" * 40], ids=["empty", "text", "zip"])
def test_other_contents_are_refused(content):
    with pytest.raises(ValidationError):
        validate_document(upload("dokumen.pdf", content))


def test_exactly_10_mb_is_accepted():
    content = PDF_BYTES + b"\x00" * (DOCUMENT_MAX_BYTES - len(PDF_BYTES))
    assert validate_document(upload("besar.pdf", content)) == "application/pdf"


def test_10_mb_and_one_byte_is_refused():
    content = PDF_BYTES + b"\x00" * (DOCUMENT_MAX_BYTES + 1 - len(PDF_BYTES))
    with pytest.raises(ValidationError) as refused:
        validate_document(upload("besar.pdf", content))
    assert refused.value.code == "too_large"
    assert "10 MB" in refused.value.messages[0]


def test_the_check_leaves_the_file_ready_to_be_saved():
    document = upload("sk.pdf", PDF_BYTES)
    validate_document(document)
    assert document.read() == PDF_BYTES
