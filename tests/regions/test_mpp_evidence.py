"""Status updates carry evidence: checked by content, stored, served only to portal members."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from mpp_portal.audit import change_records_for
from mpp_portal.uploads import DOCUMENT_MAX_BYTES
from regions.models import Mpp, StatusUpdate
from regions.services import mpp_status_update
from tests.conftest import api_for, client_for
from tests.regions.conftest import HTML_BYTES, PDF_BYTES, upload

pytestmark = pytest.mark.django_db


def test_evidence_is_stored_with_the_status_update_and_named_in_the_history(batu_officer, batu_mpp):
    update = mpp_status_update(
        user=batu_officer, mpp=batu_mpp, status=Mpp.Status.OPERATING, inaugurated_on=datetime.date(2022, 12, 5),
        note="SK peresmian", evidence=upload("sk.png", PDF_BYTES),
    )
    assert update.evidence.read() == PDF_BYTES
    assert change_records_for(batu_mpp).first().changes["evidence"] == [None, update.evidence.name]


def test_bad_evidence_refuses_the_whole_status_update(batu_officer, batu_mpp):
    with pytest.raises(ValidationError) as refused:
        mpp_status_update(user=batu_officer, mpp=batu_mpp, status=Mpp.Status.SUSPENDED, note="banjir",
                          evidence=upload("sk.pdf", HTML_BYTES))
    assert list(refused.value.message_dict) == ["evidence"]
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == Mpp.Status.PREPARING
    assert not StatusUpdate.objects.exists()


def test_the_api_takes_evidence_as_multipart(admin_user, batu_mpp):
    response = api_for(admin_user).post(
        f"/api/mpps/{batu_mpp.pk}/status/",
        {"status": "suspended", "note": "Gedung direnovasi", "evidence": upload("foto.pdf", PDF_BYTES)},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert response.json()["evidence"].endswith(f"/mpp/{batu_mpp.pk}/bukti/{response.json()['id']}/")


def test_the_api_refuses_oversized_evidence_with_a_field_error(batu_officer, batu_mpp):
    big = PDF_BYTES + b"\x00" * (DOCUMENT_MAX_BYTES + 1 - len(PDF_BYTES))
    response = api_for(batu_officer).post(
        f"/api/mpps/{batu_mpp.pk}/status/", {"status": "suspended", "note": "x", "evidence": upload("a.pdf", big)},
        format="multipart",
    )
    assert response.status_code == 400
    assert "evidence" in response.json()
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == Mpp.Status.PREPARING


def test_evidence_is_downloadable_by_members_only(batu_officer, analyst, batu_mpp):
    update = mpp_status_update(user=batu_officer, mpp=batu_mpp, status=Mpp.Status.SUSPENDED, note="renovasi",
                               evidence=upload("sk.pdf", PDF_BYTES))
    url = f"/mpp/{batu_mpp.pk}/bukti/{update.pk}/"
    response = client_for(analyst).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert client_for(None).get(url).status_code == 302  # to the login page
