"""What "operating" requires (DESIGN §4), checked on status moves, on corrections and on new records."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from regions.models import Mpp, Region
from regions.services import mpp_create, mpp_status_update, mpp_update
from tests.regions.conftest import mpp_in

S = Mpp.Status

pytestmark = pytest.mark.django_db


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def refused(call, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return error.value.message_dict


def test_operating_needs_an_inauguration_date(batu_officer):
    mpp = mpp_in("35.79", inaugurated_on=None)
    errors = refused(mpp_status_update, user=batu_officer, mpp=mpp, status=S.OPERATING)
    assert errors == {"inaugurated_on": ["MPP yang beroperasi harus memiliki tanggal peresmian."]}
    mpp.refresh_from_db()
    assert mpp.status == S.PREPARING


def test_it_rejects_an_inauguration_date_in_the_future(batu_officer):
    mpp = mpp_in("35.79", inaugurated_on=None)
    errors = refused(mpp_status_update, user=batu_officer, mpp=mpp, status=S.OPERATING, inaugurated_on=tomorrow())
    assert errors == {"inaugurated_on": ["Tanggal peresmian tidak boleh di masa depan."]}
    mpp.refresh_from_db()
    assert (mpp.status, mpp.inaugurated_on, mpp.version) == (S.PREPARING, None, 1)


def test_today_is_not_in_the_future(batu_officer):
    mpp = mpp_in("35.79", inaugurated_on=None)
    mpp_status_update(user=batu_officer, mpp=mpp, status=S.OPERATING, inaugurated_on=timezone.localdate())
    mpp.refresh_from_db()
    assert mpp.inaugurated_on == timezone.localdate()


@pytest.mark.parametrize("field", ["tenant_count", "service_count"])
def test_operating_needs_at_least_one_tenant_and_one_service(batu_officer, field):
    mpp = mpp_in("35.79", **{field: 0})
    errors = refused(mpp_status_update, user=batu_officer, mpp=mpp, status=S.OPERATING)
    assert list(errors) == [field]
    mpp.refresh_from_db()
    assert mpp.status == S.PREPARING


def test_all_missing_requirements_are_reported_at_once(batu_officer):
    mpp = mpp_in("35.79", tenant_count=0, service_count=0, inaugurated_on=None)
    errors = refused(mpp_status_update, user=batu_officer, mpp=mpp, status=S.OPERATING)
    assert set(errors) == {"inaugurated_on", "tenant_count", "service_count"}


def test_an_operating_mpp_cannot_be_emptied_by_an_edit(batu_officer):
    mpp = mpp_in("35.79", status=S.OPERATING)
    errors = refused(mpp_update, user=batu_officer, mpp=mpp, version=1, tenant_count=0)
    assert list(errors) == ["tenant_count"]
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.version) == (26, 1)


def test_a_new_record_may_start_operating_only_with_what_operating_needs(batu_officer):
    batu = Region.objects.get(code="35.79")
    errors = refused(mpp_create, user=batu_officer, region=batu, name="MPP Kedua", status=S.OPERATING)
    assert set(errors) == {"inaugurated_on", "tenant_count", "service_count"}
    assert not Mpp.objects.filter(region=batu).exists()


def test_other_dates_cannot_be_in_the_future_either(batu_officer):
    mpp = mpp_in("35.79")
    errors = refused(mpp_update, user=batu_officer, mpp=mpp, version=1, oss_integrated=True,
                     oss_integrated_on=tomorrow())
    assert list(errors) == ["oss_integrated_on"]


def test_a_region_cannot_have_two_mpps_with_the_same_name(batu_officer, batu_mpp):
    errors = refused(mpp_create, user=batu_officer, region=batu_mpp.region, name="mpp among warga")
    assert list(errors) == ["name"]


def test_the_status_field_cannot_be_changed_by_an_edit(batu_officer, batu_mpp):
    errors = refused(mpp_update, user=batu_officer, mpp=batu_mpp, version=1, status=S.OPERATING)
    assert list(errors) == ["status"]


def test_refusals_are_translated(batu_officer):
    mpp = mpp_in("35.79", tenant_count=0)
    with override("en"):
        errors = refused(mpp_status_update, user=batu_officer, mpp=mpp, status=S.SUSPENDED)
    assert list(errors) == ["note"]
    assert errors["note"][0]
