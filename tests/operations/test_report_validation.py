"""Impossible values are refused with a clear error naming the field; nothing is saved then."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from operations.models import OperationsReport

from .conftest import MONTH


def refused(submit, user, mpp, **kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        submit(user, mpp, **kwargs)
    assert not OperationsReport.objects.exists()
    return caught.value.message_dict


def test_it_refuses_negative_numbers(submit, batu_officer, batu_mpp):
    errors = refused(submit, batu_officer, batu_mpp, visitors=-1, opening_days=-2)
    assert errors["visitors"] == ["Tidak boleh negatif."]
    assert errors["opening_days"] == ["Tidak boleh negatif."]


def test_it_refuses_more_complaints_resolved_than_received(submit, batu_officer, batu_mpp):
    errors = refused(submit, batu_officer, batu_mpp, complaints_received=5, complaints_resolved=6)
    assert "tidak boleh melebihi pengaduan masuk" in errors["complaints_resolved"][0]


@pytest.mark.parametrize("ikm", [24.99, 100.01, 0])
def test_it_refuses_an_ikm_outside_25_to_100(submit, batu_officer, batu_mpp, ikm):
    errors = refused(submit, batu_officer, batu_mpp, ikm=ikm)
    assert errors["ikm"] == ["IKM harus antara 25 dan 100 (kosongkan bila tidak diukur)."]


@pytest.mark.parametrize("ikm", [25, 100, None])
def test_it_accepts_an_ikm_at_the_bounds_or_not_measured(submit, batu_officer, batu_mpp, ikm):
    assert submit(batu_officer, batu_mpp, ikm=ikm).state == "reported"


def test_it_refuses_a_month_in_the_future_or_not_yet_over(submit, batu_officer, batu_mpp):
    errors = refused(submit, batu_officer, batu_mpp, month=datetime.date(2025, 8, 1), day=datetime.date(2025, 7, 20))
    assert "belum berakhir" in errors["month"][0]
    errors = refused(submit, batu_officer, batu_mpp, month=datetime.date(2025, 7, 1), day=datetime.date(2025, 7, 31))
    assert "belum berakhir" in errors["month"][0]


def test_it_refuses_a_month_before_the_mpp_opened(submit, batu_officer, operating_mpp):
    mpp = operating_mpp("35.79", opened=datetime.date(2025, 7, 3))
    errors = refused(submit, batu_officer, mpp, month=MONTH)
    assert errors["month"] == ["Bulan 06/2025 sebelum MPP diresmikan (03/07/2025)."]


def test_it_refuses_a_report_for_an_mpp_that_is_not_operating(submit, admin_user, batu_officer, registry):
    from regions.models import Mpp, Region
    from regions.services import mpp_create

    planned = mpp_create(user=admin_user, region=Region.objects.get(code="35.79"), name="MPP Baru",
                         status=Mpp.Status.PLANNED)
    errors = refused(submit, batu_officer, planned)
    assert "belum tercatat beroperasi" in errors["month"][0]


def test_it_refuses_more_opening_days_than_the_month_has(submit, batu_officer, batu_mpp):
    errors = refused(submit, batu_officer, batu_mpp, opening_days=31)  # June has 30
    assert errors["opening_days"] == ["Hari buka tidak boleh melebihi 30 hari dalam bulan ini."]


def test_it_gives_every_error_at_once(submit, batu_officer, batu_mpp):
    errors = refused(submit, batu_officer, batu_mpp, visitors=-5, ikm=120, complaints_received=1,
                     complaints_resolved=2)
    assert set(errors) == {"visitors", "ikm", "complaints_resolved"}


def test_it_refuses_a_second_report_of_the_same_month(submit, batu_officer, batu_mpp):
    submit(batu_officer, batu_mpp)
    with pytest.raises(ValidationError) as caught:
        submit(batu_officer, batu_mpp, visitors=5)
    assert "sudah ada" in caught.value.message_dict["month"][0]
    assert OperationsReport.objects.get().visitors == 1000


def test_an_officer_of_another_region_may_not_report(submit, malang_officer, batu_mpp):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        submit(malang_officer, batu_mpp)
    assert not OperationsReport.objects.exists()


def test_the_api_answers_the_same_rules_as_field_errors(batu_officer, batu_mpp):
    from tests.conftest import api_for

    body = {"mpp": batu_mpp.pk, "month": "2025-06-01", "visitors": 10, "transactions": 10, "active_services": 1,
            "tenants_present": 1, "complaints_received": 1, "complaints_resolved": 3, "ikm": 20, "opening_days": 20}
    response = api_for(batu_officer).post("/api/operations-reports/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"ikm", "complaints_resolved"}
    assert not OperationsReport.objects.exists()
