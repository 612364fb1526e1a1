"""``load_demo`` part: a PKS (marked "contoh") for each operating demo MPP, so coverage and the sign-off
queue have something to show. Recorded through the services by the region's demo officer when there is
one (so demo-admin can sign it off), otherwise by demo-admin."""
import datetime

from django.contrib.auth import get_user_model

from regions.models import Mpp

from . import selectors, services
from .models import Agreement


def _recorder(mpp: Mpp, admin):
    officer = mpp.region.officers.filter(username__startswith="demo-").order_by("username").first()
    return officer or admin


def load(*, stdout) -> None:
    admin = get_user_model().objects.filter(username="demo-admin").first()
    parties = list(selectors.national_parties(user=admin)) if admin else []
    if not parties:
        stdout.write("  PKS contoh: dilewati (akun demo-admin atau nota kesepahaman nasional belum ada)")
        return
    mpps = (
        Mpp.objects.filter(is_demo=True, status=Mpp.Status.OPERATING)
        .exclude(agreements__is_demo=True)
        .select_related("region")
        .order_by("region__code", "pk")
    )
    created = 0
    for index, mpp in enumerate(mpps):
        user = _recorder(mpp, admin)
        # Signed within the last five-year term, so the demo PKS are still in force today.
        today = datetime.date.today()
        signed_on = min(max(mpp.inaugurated_on or today, today - datetime.timedelta(days=4 * 365)), today)
        agreement = services.agreement_pks_create(
            user=user, mpp=mpp, title=f"PKS Penyelenggaraan Pelayanan pada {mpp.name}", signed_on=signed_on,
            term_years=5, dpmptsp_signatory_title=f"Kepala DPMPTSP {mpp.region.name}", is_demo=True,
        )
        # A different, deterministic mix of agencies per MPP, so coverage differs between parties.
        for offset in range(5 + index % 7):
            institution = parties[(index * 3 + offset) % len(parties)]
            services.pks_institution_add(
                user=user, agreement=agreement, institution=institution, service_count=1 + (index + offset) % 6,
                service_days="Senin-Jumat",
            )
        created += 1
    stdout.write(f"  PKS contoh: {created} dibuat")


def demo_agreements_remove(*, mpp_ids, **_signal) -> None:
    """The demo PKS of demo MPPs that recorded data replaces go with them (``mpp_portal.demo_events``)."""
    Agreement.objects.filter(is_demo=True, mpp_id__in=mpp_ids).delete()


def clear(*, stdout) -> None:
    deleted, _by_model = Agreement.objects.filter(is_demo=True).delete()
    stdout.write(f"  PKS contoh: {deleted} rekaman dihapus")
