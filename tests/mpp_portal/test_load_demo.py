from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from mpp_portal.access import Role, officer_region_ids, role_of


@pytest.mark.django_db
def test_it_creates_the_demo_accounts_with_their_roles(settings):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-sandi-123"
    call_command("load_demo", stdout=StringIO())
    users = get_user_model().objects
    assert role_of(users.get(username="demo-admin")) == Role.ADMIN
    assert role_of(users.get(username="demo-staf")) == Role.STAFF
    assert role_of(users.get(username="demo-verifikator")) == Role.VERIFIER
    batu = users.get(username="demo-petugas-batu")
    assert role_of(batu) == Role.OFFICER
    assert batu.officer_regions.get().code == "35.79"
    assert users.get(username="demo-petugas-malang").officer_regions.get().code == "35.73"
    coordinator = users.get(username="demo-biro-jatim")
    assert role_of(coordinator) == Role.COORDINATOR
    assert coordinator.coordinated_provinces.get().code == "35"
    assert coordinator.get_full_name() == "Biro Organisasi Jawa Timur (contoh)"
    assert users.get(username="demo-staf").check_password("demo-sandi-123")


@pytest.mark.django_db
def test_without_demo_password_it_prints_a_generated_one_once(settings):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = ""
    first, second = StringIO(), StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert first.getvalue().count("kata sandi") == 6
    assert "kata sandi" not in second.getvalue().split("load_demo")[0]
    line = next(line for line in first.getvalue().splitlines() if "demo-staf" in line)
    password = line.split("kata sandi ")[1].split()[0]
    assert get_user_model().objects.get(username="demo-staf").check_password(password)


@pytest.mark.django_db
def test_it_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    call_command("load_demo", "--force", stdout=StringIO())


def test_officers_are_assigned_by_a_management_command(analyst):
    call_command("assign_officer", "analis", "35.79", "35.73", stdout=StringIO())
    analyst.refresh_from_db()
    assert role_of(analyst) == Role.OFFICER
    assert len(officer_region_ids(analyst)) == 2
    with pytest.raises(CommandError, match="99.99"):
        call_command("assign_officer", "analis", "99.99", stdout=StringIO())


@pytest.mark.django_db
def test_it_leaves_demo_reports_waiting_for_the_demo_verifier_and_clear_removes_them(settings):
    from regions.models import Mpp, MppReport
    from regions.report_selectors import report_queue

    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo-sandi-123"
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent
    verifier = get_user_model().objects.get(username="demo-verifikator")
    queue = list(report_queue(user=verifier))
    assert len(queue) == 3 and all(report.is_demo for report in queue)
    assert {report.mpp.region.code for report in queue} == {"35.73"}
    assert {report.kind for report in queue} == {"status", "data", "note"}
    assert all(report.mpp.is_demo for report in queue)  # a recorded MPP's history gets no demo entry
    # Jawa Timur has a demo coordinator: those three were checked by it; two more wait for its check.
    assert all(report.state == MppReport.State.CHECKED for report in queue)
    coordinator = get_user_model().objects.get(username="demo-biro-jatim")
    waiting = list(report_queue(user=coordinator))
    assert len(waiting) == 2 and all(r.is_demo and r.mpp.region.code == "35.73" for r in waiting)
    # Demo PKS placements link demo tenant entries (contoh) on demo MPPs: coverage reads them.
    from regions.models import MppTenant

    assert MppTenant.objects.exists() and not MppTenant.objects.filter(is_demo=False).exists()
    assert not MppTenant.objects.filter(mpp__is_demo=False).exists()
    call_command("load_demo", "--clear", stdout=StringIO())
    assert not MppReport.objects.exists()
    assert not Mpp.objects.filter(is_demo=True).exists()
