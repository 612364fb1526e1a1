"""One translation of service errors for the whole API (``EXCEPTION_HANDLER``), one body shape each."""
import datetime

import pytest
from django.utils import timezone

from mou.models import Agreement
from tests import factories as f
from tests.conftest import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def pks(batu_officer):
    mpp = f.MppFactory(code="35.79")
    agreement = f.AgreementFactory(kind=Agreement.Kind.REGIONAL, mpp=mpp)
    party = f.AgreementPartyFactory(agreement=agreement, last_edited_by=batu_officer,
                                    last_edited_at=timezone.now())
    return mpp, agreement, party


def test_a_service_validation_error_is_a_400_with_field_errors(pks, batu_officer):
    _mpp, agreement, _party = pks

    response = api_for(batu_officer).post(f"/api/agreements/{agreement.pk}/amendments/",
                                          {"dated": "2021-01-01", "note": "Adendum sebelum ditandatangani"},
                                          format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["dated"] and isinstance(response.json()["dated"], list)


def test_a_service_refusal_is_a_403_with_its_reason(pks, admin_user):
    _mpp, _agreement, party = pks
    party.last_edited_by = admin_user
    party.save()

    response = api_for(admin_user).post(f"/api/agreement-parties/{party.pk}/sign-off/")

    assert response.status_code == 403
    assert list(response.json()) == ["detail"] and "empat mata" in response.json()["detail"]


def test_a_state_conflict_is_a_409_with_detail_and_code(pks, admin_user):
    _mpp, _agreement, party = pks
    api = api_for(admin_user)
    assert api.post(f"/api/agreement-parties/{party.pk}/sign-off/").status_code == 200

    response = api.post(f"/api/agreement-parties/{party.pk}/sign-off/")

    assert response.status_code == 409
    assert response.json()["code"] == "conflict" and "sudah disahkan" in response.json()["detail"]


def test_a_stale_mpp_version_is_the_same_409_body_with_the_current_version(pks, batu_officer, admin_user):
    mpp, _agreement, _party = pks
    # An admin's correction is written at once (verified on entry) and moves the version on.
    correction = {"tenant_count": 27, "version": 1, "reason": "Koreksi jumlah UPP sesuai SK terbaru."}
    assert api_for(admin_user).patch(f"/api/mpps/{mpp.pk}/", correction, format="json").status_code == 200

    response = api_for(batu_officer).patch(f"/api/mpps/{mpp.pk}/", {"tenant_count": 30, "version": 1}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert (body["code"], body["current_version"]) == ("version_conflict", 2)
    assert "versi 2" in body["detail"]


def test_a_stale_quality_edit_is_the_same_409_body(pks, batu_officer, admin_user):
    mpp, _agreement, _party = pks
    url = f"/api/mpp-quality/{mpp.pk}/oss/"
    assert api_for(admin_user).post(url, {"oss_integrated": True, "oss_integrated_on": str(datetime.date(2024, 1, 2)),
                                          "version": 1}).status_code == 200

    response = api_for(batu_officer).post(url, {"oss_integrated": False, "version": 1})

    assert response.status_code == 409
    assert set(response.json()) >= {"detail", "code"}
