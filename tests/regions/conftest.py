"""MPP fixtures: Kota Batu's and Kota Malang's MPPs, and small real documents for evidence uploads."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regions.models import Mpp
from tests.factories import MppFactory

# Minimal but real file contents: what the evidence check sees is the content, never the name.
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 32
JPEG_BYTES = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + b"\x00" * 32
HTML_BYTES = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def mpp_in(code: str, *, status=Mpp.Status.PREPARING, **fields) -> Mpp:
    """An MPP that meets every status's requirements unless ``fields`` say otherwise."""
    return MppFactory(code=code, status=status, **({"name": f"MPP {code}"} | fields))


@pytest.fixture
def batu_mpp(registry):
    return mpp_in("35.79", name="MPP Among Warga", inaugurated_on=None)


@pytest.fixture
def malang_mpp(registry):
    return mpp_in("35.73", name="MPP Kota Malang")
