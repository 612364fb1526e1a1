"""load_demo gives Kota Batu its MPP "Among Warga" from the recorded facts, once."""
import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from mpp_portal.audit import change_records_for
from regions import demo
from regions.models import Mpp, StatusUpdate
from tests.conftest import client_for
from tests.regions.conftest import mpp_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_loaded(registry, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())


def test_kota_batu_gets_mpp_among_warga_operating_since_5_december_2022(demo_loaded):
    mpp = Mpp.objects.get(region__code="35.79")
    assert (mpp.name, mpp.status, mpp.inaugurated_on) == ("MPP Among Warga", "operating", datetime.date(2022, 12, 5))
    assert (mpp.tenant_count, mpp.service_count) == (26, 207)
    assert mpp.is_demo is False  # every value set here is a recorded fact
    update = StatusUpdate.objects.get(mpp=mpp)
    assert (update.from_status, update.to_status) == ("planned", "operating")  # batch-inaugurated: one step
    assert "Wakil Presiden" in update.note
    assert [r.action for r in change_records_for(mpp)] == ["create"]


def test_running_it_again_changes_nothing(demo_loaded):
    mpp = Mpp.objects.get(region__code="35.79")
    call_command("load_demo", stdout=StringIO())
    assert Mpp.objects.filter(region__code="35.79").count() == 1
    assert Mpp.objects.get(region__code="35.79").version == mpp.version


def test_it_keeps_an_among_warga_record_that_is_already_there(registry):
    mpp_in("35.79", name="Among Warga")
    demo.load(stdout=StringIO())
    assert Mpp.objects.filter(region__code="35.79").count() == 1


def test_clear_removes_only_records_marked_as_demo(demo_loaded):
    mpp_in("35.73", name="MPP Contoh", is_demo=True)
    call_command("load_demo", "--clear", stdout=StringIO())
    assert list(Mpp.objects.values_list("name", flat=True)) == ["MPP Among Warga"]


def test_the_demo_officer_of_batu_can_edit_it_and_malang_cannot(demo_loaded):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    mpp = Mpp.objects.get(region__code="35.79")
    assert client_for(users.get(username="demo-petugas-batu")).get(f"/mpp/{mpp.pk}/ubah/").status_code == 200
    assert client_for(users.get(username="demo-petugas-malang")).get(f"/mpp/{mpp.pk}/ubah/").status_code == 403


def test_demo_records_carry_the_contoh_marker(analyst):
    mpp = mpp_in("35.73", name="MPP Contoh", is_demo=True)
    assert "contoh" in client_for(analyst).get(f"/mpp/{mpp.pk}/").content.decode()
