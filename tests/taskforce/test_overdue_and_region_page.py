"""Overdue: open and due before today. The region page lists the region's assistances and open follow-ups,
overdue flagged, through the region panels registry."""
import datetime

from django.utils import timezone

from taskforce import services
from taskforce.models import FollowUp, is_overdue
from tests.conftest import api_for, client_for


def test_an_open_follow_up_past_its_due_date_is_overdue_and_a_closed_one_is_not(analyst, log):
    assistance = log(analyst)
    today = timezone.localdate()
    late = services.follow_up_create(user=analyst, assistance=assistance, description="Terlambat",
                                     owner_kind="daerah", due_on=today - datetime.timedelta(days=1))
    soon = services.follow_up_create(user=analyst, assistance=assistance, description="Belum",
                                     owner_kind="daerah", due_on=today)
    closed = services.follow_up_create(user=analyst, assistance=assistance, description="Selesai",
                                       owner_kind="daerah", due_on=today - datetime.timedelta(days=5))
    services.follow_up_close(user=analyst, follow_up=closed, state=FollowUp.State.DONE)
    closed.refresh_from_db()
    assert [is_overdue(f) for f in (late, soon, closed)] == [True, False, False]
    overdue = api_for(analyst).get("/api/follow-ups/?overdue=true").json()
    assert [row["id"] for row in overdue["results"]] == [late.pk]
    assert overdue["results"][0]["is_overdue"] is True


def test_the_region_page_shows_assistances_and_open_follow_ups_with_overdue_flagged(analyst, batu_officer, log):
    assistance = log(analyst, findings="Belum ada Perbup")
    services.follow_up_create(user=analyst, assistance=assistance, description="Susun Perbup MPP",
                              owner_kind="daerah", due_on=timezone.localdate() - datetime.timedelta(days=2))
    page = client_for(batu_officer).get("/wilayah/35.79/").content.decode()
    assert "Pendampingan Tim Kerja Percepatan" in page
    assert "Susun Perbup MPP" in page and "lewat tenggat" in page
    assert "/pendampingan/baru/?wilayah=35.79" not in page  # an officer does not log
    assert "/pendampingan/baru/?wilayah=35.79" in client_for(analyst).get("/wilayah/35.79/").content.decode()


def test_the_follow_up_list_page_filters_the_overdue_ones(analyst, batu_officer, log):
    assistance = log(analyst)
    services.follow_up_create(user=analyst, assistance=assistance, description="Sudah lewat",
                              owner_kind="daerah", due_on=timezone.localdate() - datetime.timedelta(days=1))
    services.follow_up_create(user=analyst, assistance=assistance, description="Masih lama",
                              owner_kind="provinsi", due_on=timezone.localdate() + datetime.timedelta(days=30))
    page = client_for(batu_officer).get("/tindak-lanjut/", {"overdue": "true"}).content.decode()
    assert "Sudah lewat" in page and "Masih lama" not in page
    page = client_for(batu_officer).get("/tindak-lanjut/", {"owner_kind": "provinsi"}).content.decode()
    assert "Masih lama" in page and "Sudah lewat" not in page
