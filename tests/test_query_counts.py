"""A checked-in table of SQL queries per page and API list: an N+1 regression fails here.

Each page is measured twice, before and after the demo fill adds hundreds of MPPs, agreements and
history rows; the count must not grow with the data and must stay within the table."""
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from tests.conftest import client_for

MAX_QUERIES = {
    "/dasbor/": 8,
    "/dasbor/provinsi/35/": 6,
    "/ringkasan/": 7,  # + the province table and map (one query for the per-province snapshots)
    "/wilayah/": 6,
    "/wilayah/35.79/": 8,
    "/peristiwa/": 7,
    "/nota-kesepahaman/": 6,
    "/kualitas/": 16,
    "/api/regions/": 5,
    "/api/mpps/": 5,
    "/api/progress/": 6,
    "/api/agreements/": 5,
    "/api/inaugurations/": 7,
    "/api/commitments/": 5,
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


def test_queries_per_page_are_within_the_table_and_do_not_grow_with_the_data(analyst, settings):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_history", stdout=StringIO())
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
