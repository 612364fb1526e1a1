"""Demo assistances of the task force (``load_demo``), marked "contoh": a few kab/kota of Jawa Timur, Jawa Barat
and Nusa Tenggara Timur without a recorded MPP, each with follow-ups, one of them overdue. The lagging list's
filters never count them (recorded assistance only)."""
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from regions.models import Region

from . import services
from .models import Assistance, FollowUp

PROVINCES = ("35", "32", "53")  # Jawa Timur, Jawa Barat, Nusa Tenggara Timur
PER_PROVINCE = 2
A = Assistance.Area
PLANS = [
    (Assistance.Form.FIELD_VISIT, [A.INSTITUTION, A.BUDGET], "Belum ada perangkat daerah pengelola MPP; anggaran "
     "gedung belum masuk RKPD.", [("Menetapkan perangkat daerah pengelola MPP", FollowUp.Owner.REGION, "", -20),
                                  ("Mengusulkan anggaran gedung pada APBD Perubahan", FollowUp.Owner.REGION, "", 60)]),
    (Assistance.Form.CLINIC, [A.IT, A.SERVICES], "Layanan perizinan belum terhubung OSS; calon tenant baru lima instansi.",
     [("Integrasi layanan perizinan dengan OSS", FollowUp.Owner.AGENCY, "Kementerian Investasi/BKPM", 90)]),
    (Assistance.Form.ONLINE, [A.REGULATION], "Rancangan Perbup penyelenggaraan MPP belum diharmonisasi.",
     [("Harmonisasi rancangan Perbup", FollowUp.Owner.PROVINCE, "", 45)]),
]


def load(*, stdout) -> None:
    if Assistance.objects.filter(is_demo=True).exists():
        stdout.write("  taskforce: pendampingan contoh sudah ada.")
        return
    admin = get_user_model().objects.filter(username="demo-admin").first()
    if admin is None:
        return
    today = timezone.localdate()
    made = 0
    for province in PROVINCES:
        regions = (Region.objects.filter(province__code=province).exclude(mpps__is_demo=False)
                   .order_by("code")[:PER_PROVINCE])
        for index, region in enumerate(regions):
            form, areas, findings, follow_ups = PLANS[(made + index) % len(PLANS)]
            date = today - datetime.timedelta(days=40 + 15 * made)
            assistance = services.assistance_create(user=admin, region=region, date=date, form=form, areas=areas,
                                                    findings=findings, is_demo=True)
            for description, owner, agency, days in follow_ups:
                # Due ``days`` after today; a negative one is already overdue.
                due = max(today + datetime.timedelta(days=days), date)
                services.follow_up_create(user=admin, assistance=assistance, description=description,
                                          owner_kind=owner, agency=agency, due_on=due)
            made += 1
    stdout.write(f"  taskforce: {made} pendampingan contoh.")


def clear(*, stdout) -> None:
    removed, _by_model = Assistance.objects.filter(is_demo=True).delete()
    stdout.write(f"  taskforce: {removed} pendampingan contoh dan tindak lanjutnya dihapus.")
