"""Every from -> to pair of the MPP lifecycle (DESIGN §4), as officer and as admin, with and without a reason.

The expectations are written out here, independently of regions/lifecycle.py, so the table below is the
specification the rules are checked against.
"""
import itertools

import pytest
from django.core.exceptions import ValidationError

from mpp_portal.models import ChangeRecord
from regions.models import Mpp, StatusUpdate
from regions.services import mpp_status_update
from tests.regions.conftest import mpp_in

S = Mpp.Status
STATUSES = [S.PLANNED, S.COMMITTED, S.PREPARING, S.OPERATING, S.SUSPENDED]
# Moves anyone allowed to change the MPP may make (suspending also needs a reason). A forward move may skip
# stages: the MPPs here meet every status's requirements.
FORWARD = {(S.PLANNED, S.COMMITTED), (S.COMMITTED, S.PREPARING), (S.PREPARING, S.OPERATING), (S.SUSPENDED, S.OPERATING),
           (S.PLANNED, S.PREPARING), (S.PLANNED, S.OPERATING), (S.COMMITTED, S.OPERATING)}
SUSPEND = {(s, S.SUSPENDED) for s in STATUSES if s != S.SUSPENDED}
# Moves back: an admin correction, with a reason.
BACK = {
    (S.COMMITTED, S.PLANNED), (S.PREPARING, S.PLANNED), (S.PREPARING, S.COMMITTED),
    (S.OPERATING, S.PLANNED), (S.OPERATING, S.COMMITTED), (S.OPERATING, S.PREPARING),
    (S.SUSPENDED, S.PLANNED), (S.SUSPENDED, S.COMMITTED), (S.SUSPENDED, S.PREPARING),
}

pytestmark = pytest.mark.django_db


def expected_allowed(current, target, *, as_admin, with_reason) -> bool:
    if (current, target) in FORWARD:
        return True
    if (current, target) in SUSPEND:
        return with_reason
    if (current, target) in BACK:
        return as_admin and with_reason
    return False  # staying put


def test_the_table_covers_every_pair_once():
    pairs = set(itertools.product(STATUSES, STATUSES))
    same = {(s, s) for s in STATUSES}
    assert FORWARD | SUSPEND | BACK | same == pairs
    assert len(FORWARD) + len(SUSPEND) + len(BACK) + len(same) == 25


@pytest.mark.parametrize("with_reason", [True, False], ids=["with-reason", "without-reason"])
@pytest.mark.parametrize("actor", ["batu_officer", "admin_user"])
@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, STATUSES)))
def test_each_status_move_is_allowed_or_refused_as_designed(request, current, target, actor, with_reason):
    user = request.getfixturevalue(actor)
    mpp = mpp_in("35.79", status=current)
    note = "Koreksi berdasarkan SK Wali Kota" if with_reason else ""
    history_before = ChangeRecord.objects.count()
    allowed = expected_allowed(current, target, as_admin=actor == "admin_user", with_reason=with_reason)
    if allowed:
        update = mpp_status_update(user=user, mpp=mpp, status=target, note=note)
        mpp.refresh_from_db()
        assert (mpp.status, mpp.version) == (target, 2)
        assert (update.from_status, update.to_status, update.by) == (current, target, user)
        assert ChangeRecord.objects.count() == history_before + 1
    else:
        with pytest.raises(ValidationError) as refused:
            mpp_status_update(user=user, mpp=mpp, status=target, note=note)
        assert set(refused.value.message_dict) & {"status", "note"}
        assert all(refused.value.message_dict.values())
        mpp.refresh_from_db()
        assert (mpp.status, mpp.version) == (current, 1)
        assert not StatusUpdate.objects.filter(mpp=mpp).exists()
        assert ChangeRecord.objects.count() == history_before


def test_an_officer_is_told_a_move_back_is_an_admin_correction(batu_officer):
    mpp = mpp_in("35.79", status=S.OPERATING)
    with pytest.raises(ValidationError) as refused:
        mpp_status_update(user=batu_officer, mpp=mpp, status=S.PREPARING, note="salah input")
    assert "admin" in refused.value.message_dict["status"][0]


def test_suspending_without_a_reason_says_the_reason_is_required(batu_officer):
    mpp = mpp_in("35.79", status=S.OPERATING)
    with pytest.raises(ValidationError) as refused:
        mpp_status_update(user=batu_officer, mpp=mpp, status=S.SUSPENDED, note="   ")
    assert refused.value.message_dict == {"note": ["Alasan wajib diisi untuk menandai MPP tidak beroperasi."]}


def test_an_unknown_status_is_refused(batu_officer):
    mpp = mpp_in("35.79", status=S.PLANNED)
    with pytest.raises(ValidationError) as refused:
        mpp_status_update(user=batu_officer, mpp=mpp, status="closed")
    assert "status" in refused.value.message_dict


@pytest.mark.parametrize(("current", "target"), [(S.PLANNED, S.OPERATING), (S.COMMITTED, S.OPERATING)])
def test_skipping_to_operating_is_refused_while_its_requirements_do_not_hold(batu_officer, current, target):
    mpp = mpp_in("35.79", status=current, tenant_count=0, inaugurated_on=None)
    with pytest.raises(ValidationError) as refused:
        mpp_status_update(user=batu_officer, mpp=mpp, status=target)
    assert set(refused.value.message_dict) == {"tenant_count", "inaugurated_on"}
    mpp.refresh_from_db()
    assert (mpp.status, mpp.version) == (current, 1)
