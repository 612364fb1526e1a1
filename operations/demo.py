"""Demo monthly reports for the demo MPPs (``load_demo``), marked "contoh": 12 months each, verified, the
last month of the demo Kota Malang MPP waiting for the verifier, and one month far from the usual to show a
flag. Recorded figures never count them (``services.figures_recompute`` skips demo reports and MPPs)."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from regions.models import Mpp

from . import rules, services
from .models import OperationsReport

MONTHS = 12
MAX_MPPS = 30  # enough to fill the pages; a demo load stays quick


def _values(index: int, month_number: int, base: int) -> dict:
    visitors = base + (month_number % 4) * base // 20 + index * 7
    return {"visitors": visitors, "transactions": visitors * 3 // 2, "active_services": 80 + index % 40,
            "tenants_present": 12 + index % 10, "complaints_received": 8 + month_number % 5,
            "complaints_resolved": 6 + month_number % 3, "ikm": 78 + (index + month_number) % 15,
            "opening_days": 20}


def load(*, stdout) -> None:
    if OperationsReport.objects.filter(is_demo=True).exists():
        stdout.write("  operations: laporan operasional contoh sudah ada.")
        return
    users = get_user_model().objects
    admin = users.filter(username="demo-admin").first()
    malang_officer = users.filter(username="demo-petugas-malang").first()
    if admin is None:
        return
    today = timezone.localdate()
    last = rules.month_add(rules.month_start(today), -1)
    demo_mpps = Mpp.objects.filter(is_demo=True, status=Mpp.Status.OPERATING, inaugurated_on__isnull=False)
    # The demo Malang officer's MPPs first, so their latest month can wait in the verifier's queue.
    mpps = list(demo_mpps.filter(region__code="35.73")) + list(
        demo_mpps.exclude(region__code="35.73").select_related("region").order_by("region__code", "pk")[:MAX_MPPS])
    made = 0
    for index, mpp in enumerate(mpps):
        base = 800 + (index * 137) % 2500
        for k in range(MONTHS - 1, -1, -1):
            month = rules.month_add(last, -k)
            if month < rules.month_start(mpp.inaugurated_on):
                continue
            values = _values(index, month.month, base)
            if index == 0 and k == 0:
                values["visitors"] = base * 4  # far from its history: flagged for the verifier
            waits = k == 0 and malang_officer is not None and mpp.region.code == "35.73"
            services.operations_report_submit(user=malang_officer if waits else admin, mpp=mpp, month=month,
                                              is_demo=True, note="Contoh.", **values)
            made += 1
    stdout.write(f"  operations: {made} laporan operasional contoh untuk {len(mpps)} MPP contoh.")


def clear(*, stdout) -> None:
    from django.db.models import Q

    removed, _by_model = OperationsReport.objects.filter(Q(is_demo=True) | Q(mpp__is_demo=True)).delete()
    stdout.write(f"  operations: {removed} laporan operasional contoh dihapus.")
