"""The weekly digest: ministry staff opt in (and out), and on Monday morning each gets what changed in the
week with the national dashboard as a PDF rendered on the server; the same PDF is downloadable."""
import datetime
import email
import io

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dashboards.models import DigestSubscription
from dashboards.services import digest_subscription_set, progress_recompute, weekly_digest_send
from mpp_portal.celery import app
from regions.models import Mpp, StatusUpdate
from regions.reports import mpp_change_submit, report_return
from tests.conftest import client_for, require_service
from tests.dashboards.conftest import mpp_create
from tests.processes import child_env, running, wait_for


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def week_of_changes(known_rollout):
    """This week: Kab. Malang (35.07) became operating and Kab. Jember (35.09) started preparing."""
    malang = Mpp.objects.get(region__code="35.07")
    Mpp.objects.filter(pk=malang.pk).update(status=Mpp.Status.OPERATING, tenant_count=5, service_count=40,
                                            inaugurated_on=timezone.localdate())
    StatusUpdate.objects.create(mpp=malang, from_status=Mpp.Status.PREPARING, to_status=Mpp.Status.OPERATING)
    jember = mpp_create("35.09", status=Mpp.Status.PREPARING)
    StatusUpdate.objects.create(mpp=jember, from_status=Mpp.Status.PLANNED, to_status=Mpp.Status.PREPARING)
    progress_recompute()


@pytest.fixture
def subscribed_analyst(analyst):
    analyst.email = "analis@menpan.go.id"
    analyst.save()
    digest_subscription_set(user=analyst, subscribed=True, language="id")
    return analyst


@pytest.mark.django_db
def test_staff_opt_in_on_the_page_in_their_language_and_opt_out_again(analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    assert client.post(reverse("dashboards:digest"), {"subscribed": "1"}).status_code == 302
    assert DigestSubscription.objects.get(user=analyst).language == "en"
    client.post(reverse("dashboards:digest"), {"subscribed": "0"})
    assert not DigestSubscription.objects.filter(user=analyst).exists()


@pytest.mark.django_db
def test_an_officer_cannot_subscribe(batu_officer):
    response = client_for(batu_officer).post(reverse("dashboards:digest"), {"subscribed": "1"})
    assert response.status_code == 403 and not DigestSubscription.objects.exists()


@pytest.mark.django_db
def test_the_digest_goes_to_subscribers_only_with_the_week_and_a_readable_pdf(week_of_changes, subscribed_analyst,
                                                                           admin_user):
    report = weekly_digest_send()
    assert report.sent == ["analis"] and len(mail.outbox) == 1  # the admin did not opt in
    message = mail.outbox[0]
    assert message.to == ["analis@menpan.go.id"] and message.subject.startswith("[Portal MPP] Ringkasan mingguan")
    assert "MPP 35.07, Kabupaten Malang (Jawa Timur)" in message.body
    assert "Jawa Timur: 1 mulai beroperasi, 2 langkah maju" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<li>MPP 35.07, Kabupaten Malang (Jawa Timur)</li>" in html
    (name, data, content_type), = message.attachments
    assert content_type == "application/pdf" and name.endswith(".pdf")
    text = _pdf_text(data)
    assert "Dasbor nasional" in text and "Jawa Timur" in text and "Aceh" in text
    assert "5 / 509" in text and "Jawa Timur 4 38 10,5%" in text  # DKI counts once; 35.07 joined Jawa Timur
    assert DigestSubscription.objects.get(user=subscribed_analyst).last_sent_at is not None


@pytest.mark.django_db
def test_the_digest_counts_the_officers_reports_received_returned_and_waiting(week_of_changes, subscribed_analyst,
                                                                            batu_officer, verifier):
    mpp = Mpp.objects.get(region__code="35.79")
    first = mpp_change_submit(user=batu_officer, mpp=mpp, version=None, note="SK baru")
    mpp_change_submit(user=batu_officer, mpp=mpp, version=None, note="Foto gedung")
    report_return(user=verifier, report=first, reason="Lampirkan SK yang ditandatangani, bukan drafnya.")
    weekly_digest_send()
    body = mail.outbox[0].body
    assert "Masuk minggu ini: 2; diverifikasi: 0; dikembalikan: 1; menunggu verifikasi: 1." in body
    assert "menunggu verifikasi: 1." in mail.outbox[0].alternatives[0][0]


@pytest.mark.django_db
def test_a_subscriber_who_chose_english_gets_english_dates(week_of_changes, analyst):
    analyst.email = "analyst@menpan.go.id"
    analyst.save()
    digest_subscription_set(user=analyst, subscribed=True, language="en")
    weekly_digest_send(now=timezone.make_aware(datetime.datetime(2026, 12, 7, 7, 0)))
    body = mail.outbox[0].body
    assert "30 November 2026" in body and "7 December 2026" in body and "Desember" not in body


@pytest.mark.django_db
def test_the_dashboard_pdf_is_downloadable(week_of_changes, analyst):
    response = client_for(analyst).get(reverse("dashboards:dashboard-pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "Provinsi, menurut cakupan" in text and "Papua Pegunungan" in text


def test_beat_sends_the_digest_on_monday_at_seven_jakarta_time():
    entry = settings.CELERY_BEAT_SCHEDULE["dashboards-weekly-digest"]
    assert entry["task"] == "dashboards.weekly_digest_send"
    assert entry["schedule"] == crontab(minute=0, hour=7, day_of_week="mon")
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"


@pytest.fixture
def mail_worker(transactional_db, tmp_path):
    """A real Celery worker whose email goes to files, so the test can read the message it sent."""
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require_service(settings.CELERY_BROKER_URL, 6379, "Redis")
    outbox, log = tmp_path / "mail", tmp_path / "worker.log"
    env = child_env(EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=outbox)
    command = ["celery", "--app", "mpp_portal", "worker", "--loglevel", "INFO", "--concurrency", "1",
               "--without-heartbeat", "--without-gossip", "--without-mingle"]
    with running(command, env, log) as proc:
        wait_for(lambda: b"ready." in log.read_bytes(), timeout=60, what="the Celery worker to start")
        yield outbox, log
        assert proc.poll() is None, log.read_text()[-2000:]


@pytest.mark.integration
def test_a_worker_sends_the_digest_with_the_pdf_attached(mail_worker, week_of_changes, subscribed_analyst):
    outbox, log = mail_worker
    # Sent through the project's app by name, as beat does.
    app.send_task("dashboards.weekly_digest_send")
    try:
        files = wait_for(lambda: [p for p in outbox.glob("*.log") if p.stat().st_size] if outbox.exists() else [],
                         timeout=90, what="the digest email")
    except AssertionError:
        raise AssertionError(log.read_text()[-3000:]) from None
    wait_for(lambda: b"weekly_digest_send" in log.read_bytes() and b"succeeded" in log.read_bytes(), timeout=30,
             what="the task to finish")
    raw = files[0].read_bytes().split(b"\n" + b"-" * 79 + b"\n")[0]
    message = email.message_from_bytes(raw)
    assert message["To"] == "analis@menpan.go.id"
    kinds = [part.get_content_type() for part in message.walk()]
    assert "text/plain" in kinds and "text/html" in kinds
    pdf = next(part for part in message.walk() if part.get_content_type() == "application/pdf")
    text = _pdf_text(pdf.get_payload(decode=True))
    assert "Dasbor nasional" in text and "Jawa Timur" in text
