from io import StringIO

import pytest
from django.core.management import call_command

from mpp_portal.audit import change_records_for
from regions.models import Mpp, Province, Region


def run_load_regions() -> str:
    out = StringIO()
    call_command("load_regions", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_loads_38_provinces_and_514_kabupaten_kota():
    assert Province.objects.count() == 38
    assert Region.objects.count() == 514
    assert Region.objects.filter(kind=Region.Kind.KABUPATEN).count() == 416
    assert Region.objects.filter(kind=Region.Kind.KOTA).count() == 98


@pytest.mark.django_db
def test_it_flags_the_six_administrative_units_of_dki_jakarta():
    codes = set(Region.objects.filter(is_dki_administrative=True).values_list("code", flat=True))
    assert codes == {"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


@pytest.mark.django_db
def test_it_uses_kemendagri_codes_as_natural_keys():
    batu = Region.objects.get(code="35.79")
    assert batu.name == "Kota Batu"
    assert batu.kind == "kota"
    assert batu.province.code == "35"
    assert Region.objects.filter(province__code="35").count() == 38


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    output = run_load_regions()
    assert "created 0, updated 0, unchanged 552" in output
    assert Region.objects.count() == 514


@pytest.mark.django_db
def test_it_restores_a_changed_name_and_records_the_change():
    Region.objects.filter(code="35.79").update(name="Kota Batu (salah)")
    output = run_load_regions()
    assert "updated 1" in output
    batu = Region.objects.get(code="35.79")
    assert batu.name == "Kota Batu"
    record = change_records_for(batu).first()
    assert record.changes == {"name": ["Kota Batu (salah)", "Kota Batu"]}


@pytest.mark.django_db
def test_it_never_deletes_a_region_that_is_not_in_the_registry():
    province = Province.objects.get(code="35")
    old = Region.objects.create(code="35.99", name="Kota Lama", kind="kota", province=province)
    Mpp.objects.create(region=old, name="MPP Kota Lama")
    output = run_load_regions()
    assert Region.objects.filter(code="35.99").exists()
    assert "35.99" in output
