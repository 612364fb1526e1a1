import io

from mou import demo
from mou.models import Agreement
from mpp_portal.access import Role
from mpp_portal.accounts import demo_user_ensure, officer_regions_set

from .conftest import mpp_create


def test_demo_pks_are_marked_recorded_by_the_regions_officer_and_cleared(national_mou):
    admin, _ = demo_user_ensure(username="demo-admin", role=Role.ADMIN, password="x-demo-123", full_name="Admin")
    officer, _ = demo_user_ensure(username="demo-petugas-batu", role=Role.OFFICER, password="x-demo-123",
                                  full_name="Petugas")
    officer_regions_set(user=officer, region_codes=["35.79"])
    batu = mpp_create("35.79", "MPP Among Warga (contoh)")
    malang = mpp_create("35.73", "MPP Malang (contoh)")
    for mpp in (batu, malang):
        mpp.is_demo = True
        mpp.save(update_fields=["is_demo"])

    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())  # idempotent: one demo PKS per MPP

    pks = Agreement.objects.filter(kind="regional")
    assert pks.count() == 2 and all(a.is_demo for a in pks)
    batu_pks = pks.get(mpp=batu)
    assert batu_pks.parties.filter(is_dpmptsp=True).get().last_edited_by == officer
    assert batu_pks.placements.count() == 6 and pks.get(mpp=malang).placements.count() == 5
    assert pks.get(mpp=malang).parties.first().last_edited_by == admin

    demo.clear(stdout=io.StringIO())
    assert not Agreement.objects.filter(kind="regional").exists()
    assert Agreement.objects.filter(kind="national").exists()
