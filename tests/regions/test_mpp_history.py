"""The change history of MPPs and regions: who, when, what before/after, the note; append-only."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied

from mpp_portal.audit import change_records_for
from mpp_portal.models import ChangeRecord
from regions.models import Mpp, Region
from regions.services import mpp_create, mpp_status_update, mpp_update, region_officers_set
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db


def test_an_update_records_who_what_before_and_after_and_the_note(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, note="Data Prokopim", tenant_count=27, service_count=210)
    record = change_records_for(batu_mpp).get()
    assert (record.user, record.action, record.note) == (batu_officer, "update", "Data Prokopim")
    assert record.changes == {"tenant_count": [26, 27], "service_count": [207, 210]}
    assert record.region.code == "35.79"
    assert record.at is not None


def test_a_status_update_records_the_move_and_the_date(batu_officer, batu_mpp):
    mpp_status_update(user=batu_officer, mpp=batu_mpp, status="operating", inaugurated_on=datetime.date(2022, 12, 5),
                      note="Diresmikan Wapres")
    record = change_records_for(batu_mpp).get()
    assert record.action == "status"
    assert record.changes == {"status": ["preparing", "operating"], "inaugurated_on": [None, "2022-12-05"]}


def test_a_new_mpp_records_its_initial_values(batu_officer):
    mpp = mpp_create(user=batu_officer, region=Region.objects.get(code="35.79"), name="MPP Kedua", tenant_count=3)
    record = change_records_for(mpp).get()
    assert record.action == "create"
    assert record.changes["name"] == [None, "MPP Kedua"]
    assert record.changes["tenant_count"] == [None, 3]
    assert "address" not in record.changes  # empty values are not news


def test_records_cannot_be_updated_or_deleted(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    record = change_records_for(batu_mpp).get()
    record.note = "dihapus jejaknya"
    with pytest.raises(PermissionDenied):
        record.save()
    with pytest.raises(PermissionDenied):
        record.delete()
    with pytest.raises(PermissionDenied):
        ChangeRecord.objects.filter(pk=record.pk).update(note="x")
    with pytest.raises(PermissionDenied):
        ChangeRecord.objects.filter(pk=record.pk).delete()
    record.refresh_from_db()
    assert record.note == ""


@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
def test_no_api_endpoint_edits_the_history(admin_user, batu_mpp, method):
    mpp_update(user=admin_user, mpp=batu_mpp, version=1, tenant_count=27)
    response = getattr(api_for(admin_user), method)(f"/api/mpps/{batu_mpp.pk}/history/", {"note": "x"}, format="json")
    assert response.status_code == 405
    assert change_records_for(batu_mpp).get().note == ""


def test_the_api_does_not_delete_mpps(admin_user, batu_mpp):
    assert api_for(admin_user).delete(f"/api/mpps/{batu_mpp.pk}/").status_code == 405
    assert api_for(admin_user).put(f"/api/mpps/{batu_mpp.pk}/", {}, format="json").status_code == 405
    assert Mpp.objects.filter(pk=batu_mpp.pk).exists()


def test_the_admin_site_shows_the_history_read_only(admin_user, batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    record = change_records_for(batu_mpp).get()
    admin = client_for(admin_user)
    assert admin.get(f"/admin/mpp_portal/changerecord/{record.pk}/change/").status_code == 200
    assert admin.post(f"/admin/mpp_portal/changerecord/{record.pk}/change/", {"note": "x"}).status_code == 403
    assert admin.post(f"/admin/mpp_portal/changerecord/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert ChangeRecord.objects.filter(pk=record.pk, note="").exists()


def test_the_api_history_lists_changes_newest_first(batu_officer, analyst, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    mpp_status_update(user=batu_officer, mpp=batu_mpp, status="suspended", note="renovasi")
    body = api_for(analyst).get(f"/api/mpps/{batu_mpp.pk}/history/").json()
    assert body["count"] == 2
    assert [r["action"] for r in body["results"]] == ["status", "update"]
    assert body["results"][0]["user"] == "petugas-batu"
    assert body["results"][0]["note"] == "renovasi"


def test_the_mpp_page_shows_the_timeline_in_peoples_words(batu_officer, analyst, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27, oss_integrated=True, note="Data Prokopim")
    mpp_status_update(user=batu_officer, mpp=batu_mpp, status="suspended", note="Gedung direnovasi")
    page = client_for(analyst).get(f"/mpp/{batu_mpp.pk}/").content.decode()
    assert "Data Prokopim" in page and "Gedung direnovasi" in page
    assert "Status: Persiapan → Tidak beroperasi" in page
    assert "Terintegrasi OSS: Tidak → Ya" in page
    assert "Jumlah instansi/UPP: 26 → 27" in page


def test_the_region_page_shows_its_mpps_changes_and_its_own(admin_user, batu_officer, analyst, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27, note="Data Prokopim")
    region_officers_set(user=admin_user, region=batu_mpp.region, officers=[batu_officer, analyst])
    page = client_for(analyst).get("/wilayah/35.79/").content.decode()
    assert "Data Prokopim" in page
    assert "analis, petugas-batu" in page


def test_officer_assignment_in_the_admin_is_recorded(admin_user, batu_officer, analyst):
    batu = Region.objects.get(code="35.79")
    officers = {"officers": [batu_officer.pk, analyst.pk]}
    assert client_for(admin_user).post(f"/admin/regions/region/{batu.pk}/change/", officers).status_code == 302
    record = ChangeRecord.objects.filter(region=batu, action="update").latest("pk")
    assert record.user == admin_user
    assert record.changes == {"officers": ["petugas-batu", "analis, petugas-batu"]}


def test_only_admins_assign_officers(batu_officer):
    with pytest.raises(PermissionDenied):
        region_officers_set(user=batu_officer, region=Region.objects.get(code="35.79"), officers=[])
