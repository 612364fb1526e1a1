"""The monthly operations aggregation at scale, in its own process (its own DATABASE_URL): BENCH_OPS_MPPS
recorded operating MPPs (default 50,000) × 24 months of verified reports, then the recompute that writes the
monthly figures (national and per province) and the visitor rankings. Prints one BENCH-RESULT line.

Run by bench/run.py; not a test. Standalone: DATABASE_URL=postgres://.../scratch python bench/operations_scenario.py
"""
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from operations import rules, services  # noqa: E402
from operations.models import OperationsReport  # noqa: E402
from regions.models import Mpp, Region  # noqa: E402

MPPS = int(os.environ.get("BENCH_OPS_MPPS", "50000"))
MONTHS = 24
TODAY = datetime.date(2026, 1, 15)  # the recompute covers Jan 2024 – Dec 2025
BATCH = 10000


def build() -> int:
    rng = random.Random(20261204)
    call_command("load_regions", stdout=open(os.devnull, "w"))
    regions = list(Region.objects.values_list("pk", flat=True))
    # Several MPPs per region: the aggregation is per MPP and per province, not per region.
    Mpp.objects.bulk_create(
        [Mpp(region_id=regions[i % len(regions)], name=f"MPP Bench {i}", status=Mpp.Status.OPERATING,
             inaugurated_on=datetime.date(2021, 1, 1), tenant_count=10, service_count=100) for i in range(MPPS)],
        batch_size=BATCH)
    first = rules.month_add(rules.month_start(TODAY), -MONTHS)
    submitted = timezone.now()
    rows = 0
    batch = []
    for mpp_id in Mpp.objects.values_list("pk", flat=True).iterator(chunk_size=BATCH):
        usual = rng.randint(200, 20000)
        for k in range(MONTHS):
            visitors = max(0, int(rng.gauss(usual, usual * 0.1)))
            received = rng.randint(0, 40)
            batch.append(OperationsReport(
                mpp_id=mpp_id, month=rules.month_add(first, k), visitors=visitors, transactions=visitors * 3 // 2,
                active_services=100, tenants_present=15, complaints_received=received,
                complaints_resolved=rng.randint(0, received), ikm=rng.randint(70, 95) if k % 3 == 0 else None,
                opening_days=21, state=OperationsReport.State.VERIFIED, submitted_at=submitted,
                on_time=rng.random() < 0.8))
        if len(batch) >= BATCH:
            OperationsReport.objects.bulk_create(batch)
            rows += len(batch)
            batch = []
    OperationsReport.objects.bulk_create(batch)
    rows += len(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return rows


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    rows = build()
    built = time.perf_counter() - started
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        run = services.figures_recompute(trigger="bench", months=MONTHS, today=TODAY)
        timings.append(time.perf_counter() - started)
    result = {"mpps": MPPS, "months": MONTHS, "report_rows": rows, "build_seconds": round(built, 1),
              "recompute_seconds": [round(t, 2) for t in timings], "figure_rows": run.figures,
              "ranking_rows": run.rankings, "database": connection.vendor}
    print("BENCH-RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
