"""Overdue follow-ups are emailed to their owners once a day at most; the beat task runs in a real worker."""
import datetime

import pytest
from django.core import mail
from django.utils import timezone

from mpp_portal.celery import app
from taskforce import services
from tests.processes import wait_for

TODAY = datetime.date(2025, 7, 1)


def test_each_owner_is_reminded_once_a_day(analyst, batu_officer, east_java_coordinator, taskforce_member, log,
                                           settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    batu_officer.email, taskforce_member.email = "petugas@batukota.go.id", "anggota@bkpm.go.id"
    batu_officer.save()
    taskforce_member.save()
    assistance = log(taskforce_member)
    for owner, agency in (("daerah", ""), ("provinsi", ""), ("instansi", "BKPM")):
        services.follow_up_create(user=taskforce_member, assistance=assistance, description=f"Tugas {owner}",
                                  owner_kind=owner, agency=agency, due_on=datetime.date(2025, 6, 1))
    services.follow_up_create(user=taskforce_member, assistance=assistance, description="Belum jatuh tempo",
                              owner_kind="daerah", due_on=TODAY)

    report = services.overdue_reminders_send(today=TODAY)

    assert report.sent == {"petugas@batukota.go.id": 1, "biro.organisasi@jatimprov.go.id": 1,
                           "anggota@bkpm.go.id": 1}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(report.sent)
    assert "Tugas daerah" in next(m.body for m in mail.outbox if m.to == ["petugas@batukota.go.id"])
    assert services.overdue_reminders_send(today=TODAY).sent == {}
    assert len(mail.outbox) == 3
    assert services.overdue_reminders_send(today=TODAY + datetime.timedelta(days=1)).sent != {}


@pytest.mark.integration
def test_a_worker_runs_the_overdue_reminder_and_emails_the_officer(celery_worker, analyst, batu_officer, log,
                                                                   tmp_path):
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    assistance = log(analyst)
    services.follow_up_create(user=analyst, assistance=assistance, description="Tetapkan pengelola MPP Batu",
                              owner_kind="daerah", due_on=timezone.localdate() - datetime.timedelta(days=3))
    # Sent by name, as beat does.
    app.send_task("taskforce.overdue_reminders_send")
    log_file = tmp_path / "worker.log"
    try:
        wait_for(lambda: b"petugas@batukota.go.id" in log_file.read_bytes(), timeout=60, what="the reminder email")
    except AssertionError:
        raise AssertionError(log_file.read_text()[-3000:]) from None
    assert "Tetapkan pengelola MPP Batu" in log_file.read_text()
    assistance.follow_ups.get().refresh_from_db()
    assert assistance.follow_ups.get().last_reminded_on == timezone.localdate()


def test_the_reminder_runs_daily_in_the_morning_jakarta_time(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["taskforce-overdue-reminders"]
    assert entry["task"] == "taskforce.overdue_reminders_send"
    schedule = entry["schedule"]
    assert (schedule.hour, schedule.minute, len(schedule.day_of_week)) == ({8}, {30}, 7)
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"


def test_demo_follow_ups_are_never_emailed(analyst, batu_officer, log, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    assistance = log(analyst, is_demo=True)
    services.follow_up_create(user=analyst, assistance=assistance, description="Contoh", owner_kind="daerah",
                              due_on=datetime.date(2025, 6, 1))
    assert services.overdue_reminders_send(today=TODAY).sent == {} and mail.outbox == []
