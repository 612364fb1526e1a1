"""A checked-in table of SQL queries per page and API list: an N+1 regression fails here.

Each page is measured twice, before and after the demo fill adds hundreds of MPPs, agreements and
history rows; the count must not grow with the data and must stay within the table."""
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from tests.conftest import client_for

# The dashboards and /api/progress/ count the reports waiting for verification (one aggregate).
MAX_QUERIES = {
    "/dasbor/": 9,
    "/dasbor/provinsi/35/": 7,
    "/ringkasan/": 8,  # + the province table and map; + the reports waiting for verification
    "/wilayah/": 6,
    "/pendampingan/": 7,
    "/wilayah/35.79/": 10,  # + the task force's assistances and their open follow-ups (taskforce region panel)
    "/peristiwa/": 9,  # paginated: the order from keys (2), one page of each kind with its regions (4)
    "/nota-kesepahaman/": 6,
    "/kualitas/": 16,
    "/api/regions/": 5,
    "/api/mpps/": 5,
    "/api/progress/": 7,
    "/api/agreements/": 5,
    "/api/inaugurations/": 7,
    "/api/commitments/": 5,
    "/operasional/": 8,
    "/operasional/laporan/": 6,
    "/api/operations-reports/": 6,
    "/api/operations/figures/": 4,
    "/api/operations/visitors/": 4,
}


def measure(client) -> dict[str, int]:
    counts = {}
    for path in MAX_QUERIES:
        cache.clear()  # measure the uncached cost: the worst case a page can have
        reset_queries()  # the loaders filled the query log to its cap; a full log would count nothing
        with CaptureQueriesContext(connection) as ctx:
            status = client.get(path).status_code
        assert status == 200, (path, status)
        counts[path] = len(ctx.captured_queries)
    return counts


def one_operations_report(user) -> None:
    """A recorded monthly report (history has none), so the report lists have a page in both measurements."""
    import datetime

    from operations.services import operations_report_submit
    from regions.models import Mpp

    mpp = Mpp.objects.filter(status=Mpp.Status.OPERATING, is_demo=False, inaugurated_on__isnull=False).order_by("inaugurated_on").first()
    operations_report_submit(user=user, mpp=mpp, month=datetime.date(2025, 6, 1), visitors=10, transactions=10,
                             active_services=1, tenants_present=1, complaints_received=0, complaints_resolved=0,
                             opening_days=20)


def one_assistance(user) -> None:
    """A recorded assistance of the task force, so its list has a page in both measurements."""
    import datetime

    from regions.models import Region
    from taskforce.services import assistance_create

    assistance_create(user=user, region=Region.objects.get(code="35.79"), date=datetime.date(2025, 3, 10),
                      form="kunjungan", areas=["kelembagaan"], findings="Perbup belum ada")


def test_queries_per_page_are_within_the_table_and_do_not_grow_with_the_data(analyst, admin_user, settings):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_history", stdout=StringIO())
    one_operations_report(admin_user)
    one_assistance(admin_user)
    call_command("recompute_progress", stdout=StringIO())
    settings.DEBUG = False
    client = client_for(analyst)
    small = measure(client)
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    call_command("recompute_progress", stdout=StringIO())
    settings.DEBUG = False
    large = measure(client)
    over = {p: n for p, n in large.items() if n > MAX_QUERIES[p]}
    grew = {p: (small[p], large[p]) for p in MAX_QUERIES if large[p] > small[p]}
    assert not over, f"pages over their query budget: {over}"
    assert not grew, f"query count grows with the data (N+1): {grew}"
