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
    "public summary": "/ringkasan/",
}
# Everything the recompute derives its figures from, written by hand and read in one statement: each region with
# its stage, its MPP count, and per metric (operating, MPP Digital live) whether it is reached and since when.
# Grouping these rows gives every snapshot and region list; the raw query writes nothing.
RAW_SQL = [
    """SELECT r.province_id, r.code, r.name, r.kind, r.is_dki_administrative,
         CASE WHEN m.op > 0 THEN 'operating' WHEN m.prep > 0 THEN 'preparing'
              WHEN m.com > 0 OR c.region_id IS NOT NULL THEN 'committed' ELSE 'none' END,
         COALESCE(m.n, 0), COALESCE(m.op, 0), m.first_op, COALESCE(m.dig, 0), m.first_dig
       FROM regions_region r
       LEFT JOIN (SELECT region_id, COUNT(*) AS n,
                    SUM(CASE WHEN status = 'operating' THEN 1 ELSE 0 END) AS op,
                    SUM(CASE WHEN status = 'preparing' THEN 1 ELSE 0 END) AS prep,
                    SUM(CASE WHEN status = 'committed' THEN 1 ELSE 0 END) AS com,
                    MIN(CASE WHEN status = 'operating' THEN inaugurated_on END) AS first_op,
                    SUM(CASE WHEN digital_status = 'live' THEN 1 ELSE 0 END) AS dig,
                    MIN(CASE WHEN digital_status = 'live' THEN digital_since END) AS first_dig
                  FROM regions_mpp GROUP BY region_id) m ON m.region_id = r.id
       LEFT JOIN (SELECT DISTINCT region_id FROM commitments_commitment WHERE outcome = 'signed') c
              ON c.region_id = r.id
       ORDER BY r.code""",
]
# Pages fetched without a session: what anonymous visitors (the crowd) get.
ANONYMOUS = {"trivial /ping", "public summary"}
CROWD_CLIENTS = int(os.environ.get("BENCH_CROWD_CLIENTS", "50"))
CROWD_SECONDS = float(os.environ.get("BENCH_CROWD_SECONDS", "3"))
CROWD_ROUNDS = int(os.environ.get("BENCH_CROWD_ROUNDS", "3"))


def timed(fn, repeat=3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def raw_aggregate():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET jit = off")  # as the recompute does
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
    headers = {"X-Forwarded-Proto": "https"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        assert response.status == 200, url
    return time.perf_counter() - started


def serve_and_measure(cookie: str) -> dict:
    port = int(os.environ.get("BENCH_PORT") or 8900 + (N % 97))  # nginx takes the next two ports
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
        for name, path in PAGES.items():  # warm caches and imports in both workers
            for _ in range(4):
                fetch(base + path, "" if name in ANONYMOUS else cookie)
        samples = {name: [] for name in PAGES}
        for _ in range(ROUNDS):  # interleaved, so drift hits every page alike
            for name, path in PAGES.items():
                samples[name].append(fetch(base + path, "" if name in ANONYMOUS else cookie))
        throughput = {}
        for name, path in PAGES.items():
            done, stop = [0], time.perf_counter() + 2.0

            def hammer(path=path, stop=stop, done=done, name=name):
                while time.perf_counter() < stop:
                    fetch(base + path, "" if name in ANONYMOUS else cookie)
                    done[0] += 1

            threads = [threading.Thread(target=hammer) for _ in range(4)]
            [t.start() for t in threads]
            [t.join() for t in threads]
            throughput[name] = round(done[0] / 2.0, 1)
        crowds = crowd_measure(port)
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
    return {"latency": latency, "crowd": crowds, "web_peak_rss_kib": web_peak}


def crowd_measure(port: int) -> dict:
    """The public summary and /ping under CROWD_CLIENTS concurrent anonymous clients, on gunicorn directly and
    through nginx (deploy/nginx/mpp.conf run natively, TLS), interleaved over CROWD_ROUNDS rounds; medians of
    the rounds."""
    import tempfile

    from bench.crowd import crowd
    from deploy import nginx_native

    runs = {"/ping direct": [], "public summary direct": [], "/ping via nginx": [],
            "public summary via nginx": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        command = nginx_native.prepare(tmp, http_port=port + 1, https_port=port + 2, upstream_port=port,
                                       static_root=ROOT / "staticfiles")
        nginx = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cafile = str(tmp / "cert.pem")
        try:
            time.sleep(1)
            for _ in range(CROWD_ROUNDS):
                for name, path in (("/ping direct", "/ping"), ("public summary direct", "/ringkasan/")):
                    runs[name].append(crowd(port, path, clients=CROWD_CLIENTS, seconds=CROWD_SECONDS,
                                            headers={"X-Forwarded-Proto": "https"}))
                for name, path in (("/ping via nginx", "/ping"), ("public summary via nginx", "/ringkasan/")):
                    runs[name].append(crowd(port + 2, path, clients=CROWD_CLIENTS, seconds=CROWD_SECONDS,
                                            cafile=cafile))
        finally:
            nginx.terminate()
            nginx.wait(timeout=20)
    result = {}
    for name, rounds in runs.items():
        result[name] = {key: statistics.median([r[key] for r in rounds if r[key] is not None] or [0])
                        for key in ("throughput_rps", "median_ms", "p99_ms")}
        result[name]["errors"] = sum(r["errors"] for r in rounds)
    ping = result["/ping direct"]["throughput_rps"] or 1
    for name in result:
        result[name]["throughput_to_trivial_direct"] = round(result[name]["throughput_rps"] / ping, 2)
    return result


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
