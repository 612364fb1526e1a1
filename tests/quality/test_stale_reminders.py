"""Officers are emailed, once a week, about MPP records nobody updated in 90 days."""
import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from mpp_portal.access import Role
from mpp_portal.accounts import officer_regions_set
from quality.services import stale_reminders_send
from quality.tasks import stale_reminders_send as stale_reminders_task
from regions.models import Mpp
from tests.conftest import _actor, api_for, client_for

pytestmark = pytest.mark.django_db


def age(mpp, days):
    Mpp.objects.filter(pk=mpp.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days))


@pytest.fixture
def stale_batu(make_mpp, batu_officer):
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    first, second = make_mpp("35.79", "MPP Among Warga"), make_mpp("35.79", "MPP Kecamatan Bumiaji")
    age(first, 91)
    age(second, 200)
    return first, second


def test_the_officer_of_a_stale_region_gets_one_email_listing_every_stale_mpp(stale_batu):
    report = stale_reminders_send()
    assert report.emailed == ["petugas-batu"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["petugas@batukota.go.id"]
    assert "MPP Among Warga" in message.body and "MPP Kecamatan Bumiaji" in message.body
    assert "belum diperbarui selama lebih dari 90 hari" in message.body
    assert "2 data MPP perlu diperbarui" in message.subject


def test_an_officer_with_several_regions_gets_a_single_email(stale_batu, make_mpp, batu_officer):
    officer_regions_set(user=batu_officer, region_codes=["35.79", "35.73"])
    age(make_mpp("35.73", "MPP Kota Malang"), 120)
    stale_reminders_send()
    assert len(mail.outbox) == 1 and "MPP Kota Malang" in mail.outbox[0].body


def test_recent_records_and_other_people_are_not_emailed(make_mpp, batu_officer, malang_officer, admin_user, analyst):
    for user in (batu_officer, malang_officer, admin_user, analyst):
        user.email = f"{user.username}@example.go.id"
        user.save()
    age(make_mpp("35.79"), 89)
    age(make_mpp("35.73"), 100)
    inactive = _actor("petugas-nonaktif", Role.OFFICER, ["35.73"])
    inactive.email, inactive.is_active = "nonaktif@example.go.id", False
    inactive.save()
    report = stale_reminders_send()
    assert report.emailed == ["petugas-malang"]
    assert [m.to for m in mail.outbox] == [["petugas-malang@example.go.id"]]
    assert "Kota Malang" in mail.outbox[0].body and "Kota Batu" not in mail.outbox[0].body


def test_an_officer_without_an_email_address_is_reported_not_emailed(make_mpp, batu_officer):
    age(make_mpp("35.79"), 100)
    assert stale_reminders_task() == {"emailed": [], "without_email": ["petugas-batu"]}
    assert mail.outbox == []


def test_the_reminder_runs_weekly_on_monday_morning_jakarta_time():
    entry = settings.CELERY_BEAT_SCHEDULE["quality-stale-reminders"]
    assert entry["task"] == "quality.stale_reminders_send"
    schedule = entry["schedule"]
    assert (schedule.day_of_week, schedule.hour, schedule.minute) == ({1}, {8}, {0})
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"


def test_admins_and_staff_see_the_stale_regions_and_officers_do_not(stale_batu, admin_user, analyst, batu_officer):
    for user in (admin_user, analyst):
        assert "MPP Kecamatan Bumiaji" in client_for(user).get("/kualitas/").content.decode()
        stale = api_for(user).get("/api/quality/stale-regions/").json()
        assert stale[0]["region"] == "35.79" and stale[0]["officers"] == ["petugas-batu"]
    assert "MPP Kecamatan Bumiaji" not in client_for(batu_officer).get("/kualitas/").content.decode()
    assert api_for(batu_officer).get("/api/quality/stale-regions/").status_code == 403
