"""Demo fill for the regions app (``load_demo``): Kota Batu's MPP "Among Warga", from the recorded facts.

Its name, counts (26 instansi/UPP, 207 layanan), inauguration on 5 December 2022 by the Vice President
and operating status are recorded facts (regions/data/inaugurations.json), so the record is not marked as
demo; anything this module invents is created with ``is_demo`` and removed by ``clear``.
"""
import datetime

from . import demo_reports, demo_timeline
from .models import Inauguration, Mpp, Region
from .services import mpp_create, mpp_write, mpps_demo_delete

BATU_CODE = "35.79"
AMONG_WARGA = {
    "name": "MPP Among Warga",
    "tenant_count": 26,
    "service_count": 207,
    "inaugurated_on": datetime.date(2022, 12, 5),
}
SOURCE = (
    "Diresmikan Wakil Presiden K.H. Ma'ruf Amin di Istana Wapres, 5 Desember 2022; 26 UPP, 207 layanan "
    "(agropolitan.tv, Prokopim Kota Batu; nasional.kompas.com, 5 Desember 2022)."
)


def load(*, stdout) -> None:
    region = Region.objects.filter(code=BATU_CODE).first()
    if region is None:
        stdout.write("  regions: Kota Batu (35.79) belum ada; jalankan load_regions dahulu.")
        return
    _among_warga_ensure(region, stdout=stdout)
    # After the recorded MPPs, so the demo timeline fills only regions that have none.
    demo_timeline.load(stdout=stdout)
    _demo_tenants(stdout=stdout)
    demo_reports.load(stdout=stdout)


# A few demo MPPs get a tenant list (contoh): their counts are then derived from it.
DEMO_TENANTS = [
    {"name": "Dinas Kependudukan dan Pencatatan Sipil", "kind": "regional", "service_count": 14, "since": "2023-01-09"},
    {"name": "Badan Pendapatan Daerah", "kind": "regional", "service_count": 6, "since": "2023-01-09"},
    {"name": "Kantor Pertanahan", "kind": "central", "service_count": 5, "since": "2023-03-01"},
    {"name": "Bank Pembangunan Daerah", "kind": "bank", "service_count": 3, "since": "2023-01-09"},
    {"name": "PT PLN (Persero) UP3", "kind": "bumn", "service_count": 2, "since": "2023-06-12"},
]


def _demo_tenants(*, stdout) -> None:
    # Not the Kota Malang demo MPP: its demo reports are based on its counts as they are.
    mpps = (Mpp.objects.filter(is_demo=True, status=Mpp.Status.OPERATING, tenants__isnull=True)
            .exclude(region__code=demo_reports.MALANG_CODE).order_by("region__code", "pk")[:3])
    for index, mpp in enumerate(mpps):
        mpp_write(user=None, mpp=mpp, fields={}, tenants=DEMO_TENANTS[: 3 + index],
                  note="Contoh: daftar instansi penyelenggara.")
    stdout.write(f"  regions: daftar instansi contoh untuk {len(mpps)} MPP contoh.")


def _among_warga_ensure(region, *, stdout) -> None:
    # The history loader or an import may already have recorded Kota Batu's MPP, under this name or another:
    # a recorded record is never doubled or changed by the demo.
    if Mpp.objects.filter(region=region, is_demo=False).exists():
        stdout.write("  regions: MPP Kota Batu sudah tercatat.")
        return
    ceremony = Inauguration.objects.filter(date=AMONG_WARGA["inaugurated_on"]).first()
    # Inaugurated in a batch: recorded as operating in one step, which the lifecycle allows as its
    # requirements (date, tenants, services) hold.
    mpp_create(user=None, region=region, status=Mpp.Status.OPERATING, inauguration=ceremony, note=SOURCE, source=SOURCE,
               **AMONG_WARGA)
    stdout.write("  regions: MPP Among Warga Kota Batu dicatat (beroperasi sejak 5 Desember 2022).")


def clear(*, stdout) -> None:
    """Remove the demo reports, the demo timeline and the MPPs marked as demo data; the change history keeps
    a record."""
    demo_reports.clear(stdout=stdout)
    demo_timeline.clear(stdout=stdout)
    count = mpps_demo_delete(user=None)
    stdout.write(f"  regions: {count} MPP contoh dihapus.")
