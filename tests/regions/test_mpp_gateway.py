"""Every path that writes an MPP row goes through the one gateway (regions.services.mpp_write): the lifecycle
decides the status on each of them, a version changed since the writer read the row is a conflict that saves
nothing, and each write leaves one change record and announces progress."""
import datetime
import itertools
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from mpp_portal.audit import change_records_for
from mpp_portal.events import progress_changed
from quality.services import mpp_digital_status_set
from regions.imports import mpp_import
from regions.inaugurations import inauguration_create, inauguration_mpps_set
from regions.models import Inauguration, Mpp, MppReport, Region, StatusUpdate
from regions.reports import report_verify
from regions.services import VersionConflict, mpp_create, mpp_update
from tests.conftest import api_for, client_for
from tests.regions.conftest import mpp_in

S = Mpp.Status
STATUSES = [S.PLANNED, S.COMMITTED, S.PREPARING, S.OPERATING, S.SUSPENDED]
# The lifecycle written out independently of regions/lifecycle.py: what an officer may do with a reason,
# on an MPP that meets every status's requirements.
OFFICER_MAY = {
    (S.PLANNED, S.COMMITTED), (S.PLANNED, S.PREPARING), (S.PLANNED, S.OPERATING),
    (S.COMMITTED, S.PREPARING), (S.COMMITTED, S.OPERATING), (S.PREPARING, S.OPERATING),
    (S.SUSPENDED, S.OPERATING),
} | {(s, S.SUSPENDED) for s in STATUSES if s != S.SUSPENDED}

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")

SOURCE = "nasional.kompas.com, 5 Dec 2022"


def csv_bytes(text: str) -> bytes:
    return text.encode("utf-8")


# --- The lifecycle table through each write path --------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_the_api_status_endpoint_follows_the_lifecycle_table(batu_officer, verifier, current, target):
    mpp = mpp_in("35.79", status=current)
    response = api_for(batu_officer).post(
        f"/api/mpps/{mpp.pk}/status/", {"status": target, "note": "sesuai SK"}, format="json")
    mpp.refresh_from_db()
    if (current, target) in OFFICER_MAY:
        # An officer's move is a report: the MPP moves when a verifier verifies it.
        assert response.status_code == 202 and (mpp.status, mpp.version) == (current, 1)
        report_verify(user=verifier, report=MppReport.objects.get(pk=response.json()["id"]))
        mpp.refresh_from_db()
        assert (mpp.status, mpp.version) == (target, 2)
    elif current == target:
        # Staying put with a note is a report without a status change.
        assert response.status_code == 202 and response.json()["kind"] == "note"
        assert (mpp.status, mpp.version) == (current, 1)
    else:
        assert response.status_code == 400
        assert (mpp.status, mpp.version) == (current, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_the_status_page_follows_the_lifecycle_table(batu_officer, verifier, current, target):
    mpp = mpp_in("35.79", status=current)
    response = client_for(batu_officer).post(
        f"/mpp/{mpp.pk}/status/", {"status": target, "note": "sesuai SK", "version": 1,
                                   "inaugurated_on": "2022-12-05"})
    mpp.refresh_from_db()
    if (current, target) in OFFICER_MAY or current == target:
        assert response.status_code == 302 and mpp.status == current
        report_verify(user=verifier, report=MppReport.objects.get(mpp=mpp))
        mpp.refresh_from_db()
        assert mpp.status == target
    else:
        assert response.status_code == 200  # the form again, with the lifecycle's reason
        assert (mpp.status, mpp.version) == (current, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("target", STATUSES)
def test_creating_an_mpp_past_planned_is_a_forward_move_from_planned(batu_officer, target):
    region = Region.objects.get(code="35.79")
    fields = {"tenant_count": 26, "service_count": 207, "inaugurated_on": datetime.date(2022, 12, 5)}
    if target == S.SUSPENDED:
        with pytest.raises(ValidationError) as refused:
            mpp_create(user=batu_officer, region=region, name="MPP Among Warga", status=target, **fields)
        assert "note" in refused.value.message_dict
        assert not Mpp.objects.exists()
        return
    mpp = mpp_create(user=batu_officer, region=region, name="MPP Among Warga", status=target, **fields)
    assert mpp.status == target
    moves = list(StatusUpdate.objects.filter(mpp=mpp).values_list("from_status", "to_status"))
    assert moves == ([] if target == S.PLANNED else [(S.PLANNED, target)])


@pytest.mark.django_db
def test_creating_an_operating_mpp_without_its_requirements_is_refused(batu_officer):
    with pytest.raises(ValidationError) as refused:
        mpp_create(user=batu_officer, region=Region.objects.get(code="35.79"), name="MPP Among Warga",
                   status=S.OPERATING)
    assert set(refused.value.message_dict) == {"inaugurated_on", "tenant_count", "service_count"}
    assert not Mpp.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("current", [S.PLANNED, S.COMMITTED, S.PREPARING])
def test_an_import_moves_an_inaugurated_mpp_to_operating_in_one_step(registry, current):
    mpp = mpp_in("35.79", name="MPP Among Warga", status=current)
    report = mpp_import(user=None, filename="mpp.csv", source=SOURCE, content=csv_bytes(
        "region,name,inaugurated_on,tenant_count,service_count\n35.79,MPP Among Warga,2022-12-05,26,207\n"))
    assert report.ok, report.errors
    mpp.refresh_from_db()
    assert (mpp.status, mpp.version) == (S.OPERATING, 2)
    update = StatusUpdate.objects.get(mpp=mpp)
    assert (update.from_status, update.to_status, update.note) == (current, S.OPERATING, "import")
    assert [r.action for r in change_records_for(mpp)] == ["import"]


@pytest.mark.django_db
def test_an_import_never_moves_a_suspended_mpp_back_to_operating(registry):
    mpp = mpp_in("35.79", name="MPP Among Warga", status=S.SUSPENDED)
    report = mpp_import(user=None, filename="mpp.csv", source=SOURCE, content=csv_bytes(
        "region,name,inaugurated_on,tenant_count,service_count\n35.79,MPP Among Warga,2022-12-05,26,300\n"))
    assert report.ok, report.errors
    mpp.refresh_from_db()
    assert (mpp.status, mpp.service_count) == (S.SUSPENDED, 300)
    assert not StatusUpdate.objects.filter(mpp=mpp).exists()


@pytest.mark.django_db
def test_the_history_loader_records_operating_mpps_whose_source_gives_no_counts(registry):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_history", stdout=StringIO())
    unknown = Mpp.objects.filter(counts_unknown=True, status=S.OPERATING)
    assert unknown.exists()
    for mpp in unknown[:5]:
        assert (mpp.tenant_count, mpp.service_count) == (0, 0)
        assert StatusUpdate.objects.filter(mpp=mpp, from_status=S.PLANNED, to_status=S.OPERATING).count() == 1
        assert [r.action for r in change_records_for(mpp)] == ["create"]


# --- One rule for MPP Digital on every path ----------------------------------------------------------------

@pytest.mark.django_db
def test_mpp_digital_live_without_a_date_is_refused_by_the_edit_and_by_the_quality_service(batu_officer, batu_mpp):
    with pytest.raises(ValidationError) as by_edit:
        mpp_update(user=batu_officer, mpp=batu_mpp, version=1, digital_status="live")
    with pytest.raises(ValidationError) as by_quality:
        mpp_digital_status_set(mpp=batu_mpp, user=batu_officer, digital_status="live", digital_since=None)
    assert by_edit.value.message_dict == by_quality.value.message_dict == {
        "digital_since": ["Isi tanggal MPP Digital mulai aktif."]}
    batu_mpp.refresh_from_db()
    assert (batu_mpp.digital_status, batu_mpp.version) == ("none", 1)


@pytest.mark.django_db
def test_a_stale_oss_change_gets_the_same_409_body_as_a_stale_mpp_edit(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    api = api_for(batu_officer)
    oss = api.post(f"/api/mpp-quality/{batu_mpp.pk}/oss/",
                   {"oss_integrated": True, "oss_integrated_on": "2023-01-02", "version": 1, "note": ""},
                   format="json")
    edit = api.patch(f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 30, "version": 1}, format="json")
    assert oss.status_code == edit.status_code == 409
    assert oss.json() == edit.json()
    assert oss.json()["current_version"] == 2


# --- Conflicts on the batch paths -------------------------------------------------------------------------

@pytest.mark.django_db
def test_linking_an_mpp_changed_since_it_was_read_is_a_conflict_and_links_nothing(admin_user, batu_officer,
                                                                                   batu_mpp, malang_mpp):
    event = inauguration_create(user=admin_user, date=datetime.date(2022, 12, 5), place="Istana Wapres")
    read_batu, read_malang = Mpp.objects.get(pk=batu_mpp.pk), Mpp.objects.get(pk=malang_mpp.pk)
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)  # meanwhile
    with pytest.raises(VersionConflict):
        with transaction.atomic():
            inauguration_mpps_set(user=admin_user, event=event, mpps=[read_malang, read_batu])
    assert not Mpp.objects.filter(inauguration=event).exists()
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.version) == (27, 2)


@pytest.mark.django_db
def test_an_announcement_is_sent_after_commit_and_not_for_a_rolled_back_write(batu_officer, batu_mpp,
                                                                             django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, **kwargs):
        heard.append(sender)

    progress_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
            mpp_update(user=batu_officer, mpp=batu_mpp, version=2, tenant_count=28)
        assert heard == ["regions"]  # two writes in one transaction: one announcement
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            report = mpp_import(user=None, filename="mpp.csv", source=SOURCE, dry_run=True, content=csv_bytes(
                "region,name,service_count\n35.79,MPP Among Warga,300\n"))
        assert report.ok and callbacks == []
        assert heard == ["regions"]
    finally:
        progress_changed.disconnect(listener)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_an_officers_edit_committed_during_an_import_survives_and_the_import_saves_nothing(batu_officer, registry):
    """The officer's transaction holds the row while the import, which read version 1, tries to write it; when
    the officer commits, the import's UPDATE ... WHERE version = 1 matches nothing: a conflict on its line."""
    mpp = mpp_in("35.79", name="MPP Among Warga", status=S.PREPARING)
    officer_wrote, release = threading.Event(), threading.Event()
    outcome = {}

    def officer():
        try:
            with transaction.atomic():
                mpp_update(user=batu_officer, mpp=mpp, version=1, tenant_count=30)
                officer_wrote.set()
                release.wait(timeout=20)
        finally:
            connections.close_all()

    def importer():
        try:
            officer_wrote.wait(timeout=20)
            outcome["report"] = mpp_import(user=None, filename="mpp.csv", source=SOURCE, content=csv_bytes(
                "region,name,tenant_count,service_count\n"
                "35.73,MPP Kota Malang,10,90\n"
                "35.79,MPP Among Warga,26,300\n"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=officer), threading.Thread(target=importer)]
    for thread in threads:
        thread.start()
    _wait_for_a_backend_blocked_on_a_lock()
    release.set()
    for thread in threads:
        thread.join(timeout=30)

    report = outcome["report"]
    assert not report.ok
    assert [(e.line, e.field) for e in report.errors] == [(3, "version")]
    assert "diubah orang lain" in report.errors[0].message
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.service_count, mpp.version) == (30, 207, 2)
    assert [r.user for r in change_records_for(mpp)] == [batu_officer]
    assert not Mpp.objects.filter(region__code="35.73").exists()  # all or nothing: the other row too


def _wait_for_a_backend_blocked_on_a_lock(timeout: float = 20) -> None:
    import time

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                           " AND wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the import never waited on the officer's row lock")


@pytest.mark.django_db
def test_the_inauguration_page_shows_a_refused_link_and_saves_neither_the_event_nor_the_links(admin_user):
    # A record from before the MPP Digital rule applied to every path: live without a date.
    mpp_in("35.79", name="MPP Among Warga", digital_status="live")
    response = client_for(admin_user).post("/peristiwa/peresmian/baru/", {
        "date": "2022-12-05", "place": "Istana Wapres", "mode": "in_person", "regions": "35.79 Kota Batu"})
    assert response.status_code == 200
    assert "Isi tanggal MPP Digital mulai aktif." in response.content.decode()
    assert not Inauguration.objects.exists()
    assert not Mpp.objects.filter(inauguration__isnull=False).exists()
