"""Demo reports waiting in the verifier's queue (``load_demo``), so a fresh portal shows the flow.

They are made by the demo officers through ``regions.reports`` like any report, then marked ``is_demo``
("contoh"). They are all on a demo MPP of Kota Malang (the demo officer's region), so a recorded MPP's
history never gets a demo entry. Jawa Timur has a demo coordinator (``demo-biro-jatim``): the first three
were checked by the province and wait for the ministry; two more wait for the province's check.
"""
import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import Mpp, MppReport, Region
from .reports import mpp_change_submit, report_verify
from .services import mpp_create

MALANG_CODE = "35.73"


def load(*, stdout) -> None:
    if MppReport.objects.filter(is_demo=True).exists():
        stdout.write("  regions: laporan contoh sudah ada.")
        return
    malang_officer = get_user_model().objects.filter(username="demo-petugas-malang").first()
    made = []
    malang = Region.objects.filter(code=MALANG_CODE).first()
    if malang_officer and malang and not Mpp.objects.filter(region=malang, is_demo=False).exists():
        mpp = Mpp.objects.filter(region=malang, is_demo=True).exclude(status=Mpp.Status.OPERATING).first()
        if mpp is None:
            mpp = mpp_create(user=None, region=malang, name="MPP Kota Malang Gedung Baru (contoh)",
                             status=Mpp.Status.PREPARING, tenant_count=18, service_count=120, is_demo=True)
        made.append(mpp_change_submit(
            user=malang_officer, mpp=mpp, version=mpp.version, status=Mpp.Status.OPERATING,
            inaugurated_on=datetime.date(2025, 6, 10), tenant_count=max(mpp.tenant_count, 18),
            service_count=max(mpp.service_count, 120),
            note="Contoh: diresmikan Wali Kota, berita acara peresmian menyusul.",
        ))
        made.append(mpp_change_submit(
            user=malang_officer, mpp=mpp, version=mpp.version, address="Jl. Contoh Raya No. 1, Kota Malang",
            note="Contoh: alamat gedung baru.",
        ))
        made.append(mpp_change_submit(
            user=malang_officer, mpp=mpp, version=mpp.version, note="Contoh: foto gedung dan denah loket.",
        ))
        coordinator = get_user_model().objects.filter(username="demo-biro-jatim").first()
        if coordinator is not None:
            for report in made:
                report_verify(user=coordinator, report=report, note="Contoh: sesuai berita acara, diteruskan.")
        made.append(mpp_change_submit(
            user=malang_officer, mpp=mpp, version=mpp.version, service_count=max(mpp.service_count, 120) + 15,
            note="Contoh: 15 layanan baru dari instansi vertikal.",
        ))
        made.append(mpp_change_submit(
            user=malang_officer, mpp=mpp, version=mpp.version, note="Contoh: jadwal layanan akhir pekan.",
        ))
    MppReport.objects.filter(pk__in=[r.pk for r in made]).update(is_demo=True)
    stdout.write(f"  regions: {len(made)} laporan contoh menunggu pemeriksaan atau verifikasi.")


def clear(*, stdout) -> None:
    """Remove the demo reports and any report on a demo MPP (before the demo MPPs themselves go)."""
    removed, _by_model = MppReport.objects.filter(Q(is_demo=True) | Q(mpp__is_demo=True)).delete()
    stdout.write(f"  regions: {removed} laporan contoh dihapus.")
