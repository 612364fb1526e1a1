"""Bad input is refused with the reason, translated, and changes nothing."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from mpp_portal.models import ChangeRecord
from taskforce import services
from taskforce.models import Assistance, FollowUp
from tests.conftest import api_for, client_for

BODY = {"region": "35.79", "date": "2025-03-10", "form": "kunjungan", "areas": ["kelembagaan"],
        "findings": "Temuan."}


@pytest.mark.parametrize("change, field", [
    ({"date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}, "date"),
    ({"date": "2016-12-31"}, "date"),
    ({"areas": []}, "areas"),
    ({"findings": ""}, "findings"),
])
def test_the_api_refuses_a_bad_assistance_and_saves_nothing(analyst, change, field):
    records = ChangeRecord.objects.count()
    response = api_for(analyst).post("/api/assistance/", {**BODY, **change}, format="json")
    assert response.status_code == 400 and field in response.json(), response.json()
    assert Assistance.objects.count() == 0 and ChangeRecord.objects.count() == records


def test_the_page_shows_the_date_error_in_english_too(analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    response = client.post("/pendampingan/baru/", {**BODY, "date": "2016-05-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "must not be before 2017" in response.content.decode()
    assert Assistance.objects.count() == 0


def test_a_future_date_is_refused_by_the_service_with_the_indonesian_reason(analyst, log):
    with translation.override("id"), pytest.raises(ValidationError) as error:
        log(analyst, date=timezone.localdate() + datetime.timedelta(days=3))
    assert error.value.message_dict["date"] == ["Tanggal pendampingan tidak boleh di masa depan."]


def test_a_follow_up_owned_by_another_agency_names_it(analyst, log):
    assistance = log(analyst)
    api = api_for(analyst)
    body = {"assistance": assistance.pk, "description": "Integrasi OSS", "owner_kind": "instansi",
            "due_on": "2025-06-01"}
    response = api.post("/api/follow-ups/", body, format="json")
    assert response.status_code == 400 and "agency" in response.json()
    early = api.post("/api/follow-ups/", {**body, "agency": "BKPM", "due_on": "2025-01-01"}, format="json")
    assert early.status_code == 400 and "due_on" in early.json()
    assert FollowUp.objects.count() == 0
    created = api.post("/api/follow-ups/", {**body, "agency": "Kementerian Investasi/BKPM"}, format="json")
    assert created.status_code == 201 and created.json()["state"] == "terbuka"


def test_closing_a_follow_up_records_who_and_a_cancellation_needs_its_reason(analyst, log):
    assistance = log(analyst)
    follow_up = services.follow_up_create(user=analyst, assistance=assistance, description="Perbup",
                                          owner_kind="daerah", due_on=datetime.date(2025, 6, 1))
    api = api_for(analyst)
    assert api.post(f"/api/follow-ups/{follow_up.pk}/close/", {"state": "dibatalkan"}, format="json").status_code == 400
    done = api.post(f"/api/follow-ups/{follow_up.pk}/close/", {"state": "selesai", "note": "Perbup terbit"},
                    format="json")
    assert done.status_code == 200 and done.json()["closed_by"] == analyst.username
    again = api.post(f"/api/follow-ups/{follow_up.pk}/close/", {"state": "selesai"}, format="json")
    assert again.status_code == 400


def test_the_page_adds_and_closes_a_follow_up(taskforce_member, log):
    assistance = log(taskforce_member)
    client = client_for(taskforce_member)
    assert client.post(f"/pendampingan/{assistance.pk}/tindak-lanjut/", {"description": ""}).status_code == 400
    response = client.post(f"/pendampingan/{assistance.pk}/tindak-lanjut/", {
        "description": "Susun Perbup", "owner_kind": "provinsi", "due_on": "2025-05-01"})
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert client.post(f"/tindak-lanjut/{follow_up.pk}/tutup/", {"state": "selesai"}).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.state == "selesai" and follow_up.closed_by == taskforce_member
    page = client.get(f"/pendampingan/{assistance.pk}/").content.decode()
    assert "Susun Perbup" in page


def test_the_edit_page_changes_the_assistance_with_one_history_record(analyst, log):
    assistance = log(analyst)
    client = client_for(analyst)
    assert "Perangkat daerah pengelola" in client.get(f"/pendampingan/{assistance.pk}/ubah/").content.decode()
    response = client.post(f"/pendampingan/{assistance.pk}/ubah/", {
        **BODY, "areas": ["gedung", "layanan"], "findings": "Gedung siap, tenant 12 instansi."})
    assert response.status_code == 302
    assistance.refresh_from_db()
    assert assistance.area_list == ["gedung", "layanan"] and assistance.findings.startswith("Gedung siap")
    records = ChangeRecord.objects.filter(content_type__model="assistance", object_id=str(assistance.pk))
    assert [r.action for r in records.order_by("pk")] == ["create", "update"]


def test_the_list_page_is_in_english_with_the_language_cookie(analyst, log):
    log(analyst)
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    page = client.get("/pendampingan/").content.decode()
    assert "Task force assistance" in page and "Field visit" in page and "Institutions, Budget" in page
