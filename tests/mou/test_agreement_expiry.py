import datetime

from django.conf import settings

from mou import services, tasks
from mou.models import Agreement, Institution
from mou.services import agreement_expiry_for, years_after
from mpp_portal.celery import app
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for, client_for


def test_expiry_follows_from_the_signing_date_and_the_term():
    assert agreement_expiry_for(signed_on=datetime.date(2022, 6, 28), term_years=5) == datetime.date(2027, 6, 28)
    assert agreement_expiry_for(signed_on=datetime.date(2022, 6, 28), term_years=None) is None
    assert years_after(datetime.date(2020, 2, 29), 1) == datetime.date(2021, 2, 28)


def test_the_pks_term_sets_its_expiry_and_an_edit_moves_it(batu_pks, batu_officer):
    assert batu_pks.expires_on == datetime.date(2028, 2, 1)
    services.agreement_update(user=batu_officer, agreement=batu_pks, term_years=2)
    batu_pks.refresh_from_db()
    assert batu_pks.expires_on == datetime.date(2025, 2, 1)


def test_the_daily_service_marks_agreements_past_their_term_as_expired(batu_pks):
    assert services.agreements_expire(today=datetime.date(2028, 2, 1)) == []  # the last day still runs
    expired = services.agreements_expire(today=datetime.date(2028, 2, 2))
    assert [a.pk for a in expired] == [batu_pks.pk]
    batu_pks.refresh_from_db()
    assert batu_pks.status == Agreement.Status.EXPIRED
    record = ChangeRecord.objects.filter(action="status", object_id=str(batu_pks.pk)).first()
    assert record.changes == {"status": ["signed", "expired"]} and record.user is None
    assert services.agreements_expire(today=datetime.date(2028, 2, 3)) == []
    # The national MoU has no published term, so it never expires on its own.
    assert Agreement.objects.get(kind="national").status == Agreement.Status.SIGNED


def test_an_expired_pks_takes_no_new_placements(batu_pks, batu_officer):
    services.agreements_expire(today=datetime.date(2030, 1, 1))
    response = api_for(batu_officer).post(
        f"/api/agreements/{batu_pks.pk}/placements/",
        {"institution": Institution.objects.get(short_name="BNN").pk, "service_count": 1},
    )
    assert response.status_code == 400


def test_the_beat_schedule_runs_the_expiry_task_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["agreements-expire"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {0}


def test_the_task_expires_what_is_past_its_term_today(batu_pks):
    # As if the calendar had moved past the term since the last run.
    Agreement.objects.filter(pk=batu_pks.pk).update(expires_on=datetime.date(2020, 1, 1))
    assert tasks.agreements_expire.apply().get() == 1
    batu_pks.refresh_from_db()
    assert batu_pks.status == Agreement.Status.EXPIRED


def test_admins_see_agreements_expiring_within_90_days(batu_pks, admin_user, analyst):
    services.agreement_update(user=admin_user, agreement=batu_pks, signed_on=datetime.date(2021, 1, 1), term_years=5)
    batu_pks.refresh_from_db()
    page = client_for(admin_user).get("/nota-kesepahaman/")
    body = page.content.decode()
    assert "Berakhir dalam 90 hari" in body
    days_left = (batu_pks.expires_on - datetime.date.today()).days
    listed = api_for(analyst).get("/api/agreements/?expiring_within=90").json()["results"]
    assert [a["id"] for a in listed] == ([batu_pks.pk] if 0 <= days_left <= 90 else [])
    assert "Berakhir dalam 90 hari" not in client_for(analyst).get("/nota-kesepahaman/").content.decode()
