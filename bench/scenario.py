"""One benchmark scenario in its own process (its own DATABASE_URL): build data, measure, print JSON.

Run by bench/run.py; not a test. Measures recompute vs a raw SQL aggregate, SQL queries per page,
latency and throughput of pages against /ping on gunicorn (2 workers), and peak memory.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp_portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import synthetic  # noqa: E402
from mpp_portal.access import Role  # noqa: E402
from mpp_portal.accounts import demo_user_ensure  # noqa: E402

N = int(os.environ["BENCH_N"])
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
PAGES = {
    "trivial /ping": "/ping",
    "national dashboard": "/dasbor/",
    "province dashboard": "/dasbor/provinsi/35/",
    "region list page": "/wilayah/",
    "region list API": "/api/regions/",
    "MPP list API": "/api/mpps/",
    "progress API": "/api/progress/",
}
RAW_SQL = [
    # The same aggregate the recompute needs, written by hand: covered units per province, and the
    # first operating inauguration month per region for the cumulative series.
    """SELECT r.province_id, COUNT(DISTINCT r.id) FROM regions_region r
       JOIN regions_mpp m ON m.region_id = r.id AND m.status = 'operating' GROUP BY r.province_id""",
    """SELECT first_month, COUNT(*) FROM (SELECT MIN(m.inaugurated_on) AS first_month FROM regions_mpp m
       WHERE m.status = 'operating' GROUP BY m.region_id) t GROUP BY first_month""",
]


def timed(fn, repeat=3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def raw_aggregate():
    with connection.cursor() as cursor:
        for sql in RAW_SQL:
            cursor.execute(sql)
            cursor.fetchall()


def recompute():
    from dashboards.services import progress_recompute

    progress_recompute()


def query_counts(client) -> dict:
    counts = {}
    for name, path in PAGES.items():
        with CaptureQueriesContext(connection) as ctx:
            status = client.get(path).status_code
        counts[name] = {"queries": len(ctx.captured_queries), "status": status}
    return counts


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def fetch(url: str, cookie: str) -> float:
    request = urllib.request.Request(url, headers={"Cookie": cookie, "X-Forwarded-Proto": "https"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        assert response.status == 200, url
    return time.perf_counter() - started


def serve_and_measure(cookie: str) -> dict:
    port = 8900 + (N % 97)
    env = dict(os.environ, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2", GUNICORN_ACCESS_LOG="")
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/ping", cookie)
                break
            except OSError:
                time.sleep(0.2)
        for path in PAGES.values():  # warm caches and imports in both workers
            for _ in range(4):
                fetch(base + path, cookie)
        samples = {name: [] for name in PAGES}
        for _ in range(ROUNDS):  # interleaved, so drift hits every page alike
            for name, path in PAGES.items():
                samples[name].append(fetch(base + path, cookie))
        throughput = {}
        for name, path in PAGES.items():
            done, stop = [0], time.perf_counter() + 2.0

            def hammer(path=path, stop=stop, done=done):
                while time.perf_counter() < stop:
                    fetch(base + path, cookie)
                    done[0] += 1

            threads = [threading.Thread(target=hammer) for _ in range(4)]
            [t.start() for t in threads]
            [t.join() for t in threads]
            throughput[name] = round(done[0] / 2.0, 1)
        web_peak = max([peak_kib(server.pid)] + [peak_kib(c) for c in children(server.pid)])
    finally:
        server.terminate()
        server.wait(timeout=20)
    trivial = statistics.median(samples["trivial /ping"])
    latency = {}
    for name, values in samples.items():
        values.sort()
        median = statistics.median(values)
        latency[name] = {
            "median_ms": round(median * 1000, 2),
            "p95_ms": round(values[int(len(values) * 0.95) - 1] * 1000, 2),
            "ratio_to_trivial": round(median / trivial, 2),
            "throughput_rps": throughput[name],
        }
    return {"latency": latency, "web_peak_rss_kib": web_peak}


def worker_peak() -> int:
    """Peak memory of a real Celery worker (solo pool) that runs one recompute."""
    from dashboards.models import RecomputeRun

    before = RecomputeRun.objects.count()
    worker = subprocess.Popen([str(Path(sys.executable).parent / "celery"), "--app", "mpp_portal", "worker",
                               "--pool", "solo", "--loglevel", "WARNING"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from dashboards.tasks import recompute_progress

        recompute_progress.delay()
        deadline = time.monotonic() + 300
        while RecomputeRun.objects.filter(finished_at__isnull=False).count() <= before:
            if time.monotonic() > deadline:
                return -1
            time.sleep(0.5)
        return peak_kib(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    built = synthetic.build(N)
    build_s = time.perf_counter() - started
    user, _ = demo_user_ensure(username="bench-staf", role=Role.STAFF, password="bench-12345", full_name="Bench")
    recompute()  # first snapshot, so the pages have something to read
    recompute_s = timed(recompute)
    raw_s = timed(raw_aggregate)
    client = Client()
    client.force_login(user)
    counts = query_counts(client)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    result = {
        "n_regions": N,
        "database": connection.vendor,
        "data": built,
        "build_seconds": round(build_s, 1),
        "recompute_seconds": round(recompute_s, 3),
        "raw_sql_seconds": round(raw_s, 4),
        "recompute_to_raw_ratio": round(recompute_s / raw_s, 2) if raw_s else None,
        "queries": counts,
    }
    result.update(serve_and_measure(cookie))
    result["worker_peak_rss_kib"] = worker_peak()
    print("BENCH-RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
