"""Demo reports for the demo MPPs are marked "contoh" and never reach the recorded figures."""
import io

import pytest
from django.core.management import call_command

from operations import services
from operations.models import OperationsFigure, OperationsReport


@pytest.fixture
def demo_loaded(registry, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def test_demo_reports_are_made_for_demo_mpps_and_marked(demo_loaded):
    reports = OperationsReport.objects.select_related("mpp")
    assert reports.exists()
    assert all(r.is_demo and r.mpp.is_demo for r in reports)
    waiting = reports.filter(state="reported")
    # The demo Malang officer's latest month waits for the demo verifier, when Malang has an operating demo MPP.
    assert all(r.mpp.region.code == "35.73" for r in waiting)
    assert reports.filter(flags__isnull=False).exists()  # and one shows a flag


def test_demo_reports_are_never_counted_in_recorded_figures(demo_loaded, operating_mpp, admin_user, submit):
    recorded = operating_mpp("33.74", "MPP Uji Tercatat")
    last = services.rules.month_add(services.rules.month_start(services._today()), -1)
    submit(admin_user, recorded, month=last, day=services._today(), visitors=321)
    services.figures_recompute()
    national = OperationsFigure.objects.get(month=last, province__isnull=True)
    from regions.models import Mpp

    recorded_operating = Mpp.objects.filter(is_demo=False, status=Mpp.Status.OPERATING).count()
    assert Mpp.objects.filter(is_demo=True, status=Mpp.Status.OPERATING).count() > recorded_operating
    assert national.visitors == 321 and national.reported == 1 and national.operating == recorded_operating


def test_clearing_the_demo_removes_its_reports(demo_loaded):
    call_command("load_demo", "--clear", stdout=io.StringIO())
    assert not OperationsReport.objects.filter(is_demo=True).exists()
