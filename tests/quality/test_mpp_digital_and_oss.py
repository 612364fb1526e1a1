"""MPP Digital status and OSS integration are set through services, with history and optimistic locking."""
import datetime

import pytest

from mpp_portal.audit import change_records_for
from regions.models import Mpp
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def batu_mpp(make_mpp):
    return make_mpp("35.79", "MPP Among Warga")


def test_the_officers_mpp_digital_live_is_reported_and_counts_once_verified(batu_mpp, batu_officer, verifier):
    response = api_for(batu_officer).post(f"/api/mpp-quality/{batu_mpp.pk}/digital-status/",
                                          {"digital_status": "live", "digital_since": "2024-03-07"})
    assert response.status_code == 202, response.content
    report = response.json()
    assert report["state"] == "reported" and report["changes"]["digital_status"] == ["none", "live"]
    batu_mpp.refresh_from_db()
    assert (batu_mpp.digital_status, batu_mpp.version) == ("none", 1)  # MPP Digital counts in a target

    verified = api_for(verifier).post(f"/api/reports/{report['id']}/verify/", {"stamp": report["stamp"]}, format="json")
    assert verified.status_code == 200, verified.content
    batu_mpp.refresh_from_db()
    assert (batu_mpp.digital_status, batu_mpp.digital_since, batu_mpp.version) == ("live", datetime.date(2024, 3, 7), 2)
    record = change_records_for(batu_mpp).filter(changes__has_key="version").first() or change_records_for(
        batu_mpp).order_by("-pk").first()
    assert record.changes["digital_status"] == ["none", "live"]


def test_an_admin_sets_mpp_digital_live_at_once(batu_mpp, admin_user):
    response = api_for(admin_user).post(f"/api/mpp-quality/{batu_mpp.pk}/digital-status/",
                                        {"digital_status": "live", "digital_since": "2024-03-07"})
    assert response.status_code == 200, response.content
    batu_mpp.refresh_from_db()
    assert (batu_mpp.digital_status, batu_mpp.version) == ("live", 2) and batu_mpp.updated_by == admin_user


def test_live_needs_a_date_that_is_not_in_the_future(batu_mpp, batu_officer):
    api = api_for(batu_officer)
    url = f"/api/mpp-quality/{batu_mpp.pk}/digital-status/"
    assert "digital_since" in api.post(url, {"digital_status": "live"}).json()
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    assert api.post(url, {"digital_status": "live", "digital_since": future}).status_code == 400
    batu_mpp.refresh_from_db()
    assert batu_mpp.digital_status == "none" and not change_records_for(batu_mpp).exists()


def test_another_regions_officer_and_staff_are_refused(batu_mpp, malang_officer, analyst):
    for user in (malang_officer, analyst):
        response = api_for(user).post(f"/api/mpp-quality/{batu_mpp.pk}/oss/",
                                      {"oss_integrated": True, "oss_integrated_on": "2024-01-02"})
        assert response.status_code == 403
    batu_mpp.refresh_from_db()
    assert batu_mpp.oss_integrated is False


def test_a_stale_version_is_a_conflict(batu_mpp, batu_officer, admin_user):
    url = f"/api/mpp-quality/{batu_mpp.pk}/oss/"
    admin = {"oss_integrated": True, "oss_integrated_on": "2024-01-02", "version": 1}
    assert api_for(admin_user).post(url, admin).status_code == 200
    response = api_for(batu_officer).post(url, {"oss_integrated": False, "version": 1})
    assert response.status_code == 409
    batu_mpp.refresh_from_db()
    assert batu_mpp.oss_integrated is True and batu_mpp.oss_integrated_on == datetime.date(2024, 1, 2)


def test_the_oss_form_on_the_page_reports_the_integration_for_verification(batu_mpp, batu_officer):
    response = client_for(batu_officer).post(f"/kualitas/mpp/{batu_mpp.pk}/oss/",
                                             {"oss_integrated": "on", "oss_integrated_on": "2024-05-02", "version": 1},
                                             follow=True)
    assert "menunggu verifikasi" in response.content.decode()
    batu_mpp.refresh_from_db()
    assert batu_mpp.oss_integrated is False and batu_mpp.reports.get().changes["oss_integrated"] == [False, True]


def test_the_oss_form_on_the_page_records_an_admins_integration(batu_mpp, admin_user):
    client = client_for(admin_user)
    response = client.post(f"/kualitas/mpp/{batu_mpp.pk}/oss/",
                           {"oss_integrated": "on", "oss_integrated_on": "2024-05-02", "version": 1})
    assert response.status_code == 302
    response = client.post(f"/kualitas/mpp/{batu_mpp.pk}/oss/", {"oss_integrated": "on", "version": 2})
    assert response.status_code == 400 and "Isi tanggal integrasi OSS" in response.content.decode()
    assert Mpp.objects.get(pk=batu_mpp.pk).oss_integrated_on == datetime.date(2024, 5, 2)
    # The date picker shows the stored date, so saving the form again keeps it.
    assert 'value="2024-05-02"' in client.get(f"/kualitas/mpp/{batu_mpp.pk}/").content.decode()
    assert client.post(f"/kualitas/mpp/{batu_mpp.pk}/oss/", {"version": 1}).status_code == 409
