"""Synthetic programme data at any scale: N kab/kota-like regions with MPPs, events and history rows.

Deterministic (seeded). The 38 provinces and the real 514 regions come from the registry; beyond 514,
extra regions get desa-length codes ("35.0001.xx") spread over the provinces, as if the programme were
extended below kab/kota level.
"""
import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from mpp_portal.models import ChangeRecord
from regions.models import Inauguration, Mpp, Province, Region

HISTORY_ROWS_PER_MPP = 10
BATCH = 5000


def _daterange_pick(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days))


def build(n_regions: int, *, seed: int = 20241212, stdout=None) -> dict:
    rng = random.Random(seed)
    call_command("load_regions", stdout=stdout)
    provinces = list(Province.objects.order_by("code"))
    extra = n_regions - Region.objects.count()
    new_regions = []
    for i in range(max(0, extra)):
        province = provinces[i % len(provinces)]
        new_regions.append(Region(code=f"{province.code}.{i:07d}"[:13], name=f"Wilayah Sintetis {i}",
                                  kind=Region.Kind.KABUPATEN if i % 5 else Region.Kind.KOTA, province=province))
    Region.objects.bulk_create(new_regions, batch_size=BATCH)

    start, end = datetime.date(2017, 1, 1), datetime.date(2025, 12, 15)
    events = Inauguration.objects.bulk_create(
        [Inauguration(date=_daterange_pick(rng, start, end), officiated_by="Sintetis", is_demo=True)
         for _ in range(max(10, n_regions // 20))]
    )
    mpps = []
    for region_id in Region.objects.values_list("pk", flat=True).iterator():
        roll = rng.random()
        if roll < 0.55:
            event = rng.choice(events)
            mpps.append(Mpp(region_id=region_id, name=f"MPP {region_id}", status=Mpp.Status.OPERATING,
                            inaugurated_on=event.date, inauguration=event, tenant_count=rng.randint(5, 60),
                            service_count=rng.randint(30, 400), is_demo=True))
        elif roll < 0.65:
            mpps.append(Mpp(region_id=region_id, name=f"MPP {region_id}", status=Mpp.Status.PREPARING, is_demo=True))
        elif roll < 0.75:
            mpps.append(Mpp(region_id=region_id, name=f"MPP {region_id}", status=Mpp.Status.COMMITTED, is_demo=True))
    Mpp.objects.bulk_create(mpps, batch_size=BATCH)

    mpp_type = ContentType.objects.get_for_model(Mpp)
    history = []
    for mpp_id, region_id in Mpp.objects.values_list("pk", "region_id").iterator():
        for k in range(HISTORY_ROWS_PER_MPP):
            history.append(ChangeRecord(content_type=mpp_type, object_id=str(mpp_id), object_repr=f"MPP {mpp_id}",
                                        region_id=region_id, action=ChangeRecord.Action.UPDATE,
                                        changes={"tenant_count": [k, k + 1]}, note="sintetis"))
        if len(history) >= BATCH:
            ChangeRecord.objects.bulk_create(history)
            history = []
    ChangeRecord.objects.bulk_create(history)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"regions": Region.objects.count(), "mpps": Mpp.objects.count(), "events": len(events),
            "history_rows": ChangeRecord.objects.count()}
