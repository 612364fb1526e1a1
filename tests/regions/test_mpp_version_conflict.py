"""Optimistic locking: a write based on a stale version is refused and overwrites nothing."""
import threading
import time

import pytest
from django.db import connection, connections, transaction

from mpp_portal.audit import change_records_for
from regions.models import Mpp
from regions.services import VersionConflict, _write_versioned, mpp_status_update, mpp_update
from tests.conftest import api_for, client_for
from tests.regions.conftest import mpp_in

# SQLite serialises whole write transactions, so concurrent writers and row locks need a server database;
# the PostgreSQL run of the suite covers these.
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


@pytest.mark.django_db
def test_an_update_based_on_a_stale_version_is_refused(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    with pytest.raises(VersionConflict) as conflict:
        mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=30)
    assert conflict.value.current == 2
    assert "diubah orang lain" in conflict.value.messages[0]
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.version) == (27, 2)
    assert change_records_for(batu_mpp).count() == 1


@pytest.mark.django_db
def test_a_status_update_with_a_stale_version_is_refused(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, service_count=210)
    with pytest.raises(VersionConflict):
        mpp_status_update(user=batu_officer, mpp=batu_mpp, status="suspended", note="renovasi", version=1)
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == Mpp.Status.PREPARING


@pytest.mark.django_db
def test_an_update_that_changes_nothing_keeps_the_version(batu_officer, batu_mpp):
    saved = mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=batu_mpp.tenant_count)
    assert saved.version == 1
    assert not change_records_for(batu_mpp).exists()


@pytest.mark.django_db
def test_the_api_answers_409_to_a_stale_patch(admin_user, batu_mpp):
    api = api_for(admin_user)
    assert api.patch(f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 27, "version": 1}, format="json").status_code == 200
    response = api.patch(f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 35, "version": 1}, format="json")
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 27


@pytest.mark.django_db
def test_the_api_answers_409_to_a_stale_status_update(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    response = api_for(batu_officer).post(
        f"/api/mpps/{batu_mpp.pk}/status/", {"status": "suspended", "note": "renovasi", "version": 1}, format="json")
    assert response.status_code == 409


@pytest.mark.django_db
def test_the_edit_page_shows_a_conflict_and_keeps_the_other_change(batu_officer, batu_mpp):
    mpp_update(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=27)
    form = {"name": batu_mpp.name, "address": "", "tenant_count": 40, "service_count": 207,
            "digital_status": "none", "version": 1}
    response = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/ubah/", form)
    assert response.status_code == 200
    assert "diubah orang lain" in response.content.decode()
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 27


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_updates_exactly_one_wins(batu_officer, malang_officer, registry):
    """Two threads, each on its own database connection, write from the same version at the same moment."""
    mpp = mpp_in("35.79", name="MPP Among Warga")
    barrier = threading.Barrier(2)
    outcomes = []

    def write(count):
        try:
            barrier.wait(timeout=10)
            mpp_update(user=batu_officer, mpp=mpp, version=1, tenant_count=count)
            outcomes.append(("won", count))
        except VersionConflict:
            outcomes.append(("conflict", count))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in (30, 40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(kind for kind, _count in outcomes) == ["conflict", "won"]
    winner = next(count for kind, count in outcomes if kind == "won")
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.version) == (winner, 2)
    assert change_records_for(mpp).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_writer_blocked_behind_another_open_transaction_loses(batu_officer, registry):
    """The guard is the UPDATE ... WHERE version = n itself: the second writer has already read version 1
    and waits on the row lock; when the first commits, its UPDATE matches no row."""
    mpp = mpp_in("35.79", name="MPP Among Warga")
    first_wrote = threading.Event()
    outcomes = {}

    def first():
        try:
            with transaction.atomic():
                _write_versioned(mpp_pk=mpp.pk, version=1, user=batu_officer, values={"tenant_count": 30})
                first_wrote.set()
                time.sleep(0.5)  # hold the row lock while the second writer tries
            outcomes["first"] = "won"
        finally:
            connections.close_all()

    def second():
        try:
            first_wrote.wait(timeout=10)
            with transaction.atomic():
                _write_versioned(mpp_pk=mpp.pk, version=1, user=batu_officer, values={"tenant_count": 40})
            outcomes["second"] = "won"
        except VersionConflict:
            outcomes["second"] = "conflict"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes == {"first": "won", "second": "conflict"}
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.version) == (30, 2)
