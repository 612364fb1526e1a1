"""Officers of operating MPPs that have not reported the month just ended are reminded before the due date
(the 7th) and after it (the 11th)."""
import datetime

import pytest
from django.core import mail

from operations import services

from .conftest import MONTH


@pytest.fixture
def batu_and_malang(operating_mpp, batu_officer, malang_officer):
    for officer, email in ((batu_officer, "petugas@batukota.go.id"), (malang_officer, "")):
        officer.email = email
        officer.save()
    return operating_mpp("35.79", "MPP Among Warga"), operating_mpp("35.73", "MPP Kota Malang")


def test_officers_of_mpps_without_a_report_are_reminded_before_the_due_date(batu_and_malang):
    result = services.operations_reminders_send(today=datetime.date(2025, 7, 7))
    assert result.month == "2025-06"
    assert result.officers == {"petugas-batu": 1} and result.without_email == ["petugas-malang"]
    (message,) = mail.outbox
    assert message.to == ["petugas@batukota.go.id"]
    assert "jatuh tempo 10/07/2025" in message.subject and "MPP Among Warga" in message.body


def test_after_the_due_date_the_reminder_says_late(batu_and_malang):
    services.operations_reminders_send(today=datetime.date(2025, 7, 11))
    assert "terlambat" in mail.outbox[0].subject


def test_an_mpp_that_reported_is_not_in_the_reminder(batu_and_malang, submit, batu_officer):
    submit(batu_officer, batu_and_malang[0], month=MONTH, day=datetime.date(2025, 7, 3))
    result = services.operations_reminders_send(today=datetime.date(2025, 7, 7))
    assert result.officers == {} and mail.outbox == []


def test_beat_sends_the_reminder_on_the_7th_and_the_11th():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["operations-reminders"]
    assert entry["task"] == "operations.reminders_send"
    assert entry["schedule"].day_of_month == {7, 11}
