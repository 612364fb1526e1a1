"""`make bench`: the performance benchmark (not a test). Writes bench/results/<date>.json and .md.

Scenarios: N = 514 on SQLite, and N = 514, 5,000, 50,000 on a scratch PostgreSQL database with Redis.
Set BENCH_SIZES="514,5000" to run fewer; BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432)
and BENCH_REDIS_URL (default redis://127.0.0.1:6379/9) choose the servers, BENCH_DB_PREFIX the scratch
databases' names and BENCH_PORT gunicorn's port (nginx takes the next two).
"""
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "mpp_bench")  # scratch databases, dropped after each scenario
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "514,5000,50000").split(",")]
TARGETS = {
    "national dashboard median <= 1.5x trivial": lambda r: r["latency"]["national dashboard"]["ratio_to_trivial"] <= 1.5,
    "/api/progress/ median <= 1.5x trivial": lambda r: r["latency"]["progress API"]["ratio_to_trivial"] <= 1.5,
    "region list API median <= 3x trivial": lambda r: r["latency"]["region list API"]["ratio_to_trivial"] <= 3,
    "public summary throughput at 50 clients >= 0.8x trivial": (
        lambda r: r["crowd"]["public summary direct"]["throughput_to_trivial_direct"] >= 0.8),
    "queries per page <= 10": lambda r: all(v["queries"] <= 10 for v in r["queries"].values()),
    "recompute <= 3x raw SQL of the same figures": lambda r: r["recompute_to_raw_ratio"] <= 3,
}


def psql(sql: str) -> None:
    subprocess.run(["psql", f"{PG}/postgres", "-q", "-c", sql], check=True, capture_output=True)


def run_scenario(n: int, database_url: str, redis_url: str | None, var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env.update(BENCH_N=str(n), DATABASE_URL=database_url, DEBUG="false", SECRET_KEY="bench-" + "k" * 60,
               ALLOWED_HOSTS="127.0.0.1,testserver", SECURE_SSL_REDIRECT="false", VAR_DIR=str(var_dir))
    if redis_url:
        env["REDIS_URL"] = redis_url
        subprocess.run(["redis-cli", "-u", redis_url, "flushdb"], check=True, capture_output=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run([sys.executable, "bench/scenario.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    line = next((text for text in out.stdout.splitlines() if text.startswith("BENCH-RESULT ")), None)
    if line is None:
        raise SystemExit(f"scenario N={n} failed:\n{out.stdout[-3000:]}\n{out.stderr[-5000:]}")
    return json.loads(line.removeprefix("BENCH-RESULT "))


def run_operations(database_url: str, var_dir: Path) -> dict:
    """The monthly operations aggregation (50,000 MPPs × 24 months by default, BENCH_OPS_MPPS to change)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env.update(DATABASE_URL=database_url, DEBUG="false", SECRET_KEY="bench-" + "k" * 60, VAR_DIR=str(var_dir),
               ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false")
    out = subprocess.run([sys.executable, "bench/operations_scenario.py"], cwd=ROOT, env=env, capture_output=True,
                         text=True)
    line = next((text for text in out.stdout.splitlines() if text.startswith("BENCH-RESULT ")), None)
    if line is None:
        raise SystemExit(f"operations scenario failed:\n{out.stdout[-3000:]}\n{out.stderr[-5000:]}")
    return json.loads(line.removeprefix("BENCH-RESULT "))


def markdown(results: list[dict], machine: str, conditions: str, operations: dict | None = None) -> str:
    lines = [f"# Benchmark {datetime.date.today().isoformat()}", "", f"Machine: {machine}", "",
             f"Conditions: {conditions}", "",
             "| N | DB | recompute s | raw SQL s | ratio | s per 1,000 regions | national ×trivial | "
             "progress API ×trivial | province ×trivial | region page ×trivial | region API ×trivial | "
             "max queries/page | web peak MiB | worker peak MiB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lat = r["latency"]
        lines.append(
            f"| {r['n_regions']:,} | {r['database']} | {r['recompute_seconds']} | {r['raw_sql_seconds']} | "
            f"{r['recompute_to_raw_ratio']} | {round(1000 * r['recompute_seconds'] / r['n_regions'], 4)} | "
            f"{lat['national dashboard']['ratio_to_trivial']} | {lat['progress API']['ratio_to_trivial']} | "
            f"{lat['province dashboard']['ratio_to_trivial']} | {lat['region list page']['ratio_to_trivial']} | "
            f"{lat['region list API']['ratio_to_trivial']} | {max(v['queries'] for v in r['queries'].values())} | "
            f"{r['web_peak_rss_kib'] // 1024} | {max(r['worker_peak_rss_kib'], 0) // 1024} |"
        )
    lines += ["", "Crowd (50 concurrent anonymous clients; throughput req/s, median / p99 ms; ×: throughput against "
              "/ping direct):", "",
              "| N | DB | " + " | ".join(results[0]["crowd"]) + " |", "|---|---|" + "---|" * len(results[0]["crowd"])]
    for r in results:
        cells = [f"{v['throughput_rps']} req/s ({v['throughput_to_trivial_direct']}×), {v['median_ms']} / "
                 f"{v['p99_ms']} ms" + (f", {v['errors']} errors" if v["errors"] else "")
                 for v in r["crowd"].values()]
        lines.append(f"| {r['n_regions']:,} | {r['database']} | " + " | ".join(cells) + " |")
    lines += ["", "Targets:"]
    for r in results:
        met = [f"{name}: {'met' if check(r) else 'MISSED'}" for name, check in TARGETS.items()]
        recompute_ok = r["n_regions"] < 50000 or r["recompute_seconds"] < 5
        met.append(f"recompute < 5 s at 50,000: {'met' if recompute_ok else 'MISSED'}")
        lines.append(f"- N={r['n_regions']:,} {r['database']}: " + "; ".join(met))
    lines += ["", "Latency per page (median / p95 ms, throughput req/s with 4 clients), last scenario:", ""]
    for name, v in results[-1]["latency"].items():
        lines.append(f"- {name}: {v['median_ms']} / {v['p95_ms']} ms, {v['throughput_rps']} req/s")
    if operations:
        lines += ["", f"Monthly operations aggregation ({operations['database']}): {operations['mpps']:,} MPPs × "
                  f"{operations['months']} months = {operations['report_rows']:,} reports; recompute "
                  f"{' / '.join(str(t) for t in operations['recompute_seconds'])} s (two runs), "
                  f"{operations['figure_rows']:,} figure rows, {operations['ranking_rows']:,} ranking rows."]
    return "\n".join(lines) + "\n"


def main():
    machine = f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    conditions = f"load average before the run {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        print("scenario: N=514 on SQLite", flush=True)
        results.append(run_scenario(514, f"sqlite:///{tmp}/bench.sqlite3", None, Path(tmp) / "sqlite-var"))
        for n in SIZES:
            name = f"{DB_PREFIX}_{n}"
            psql(f"DROP DATABASE IF EXISTS {name}")
            psql(f"CREATE DATABASE {name}")
            print(f"scenario: N={n:,} on PostgreSQL + Redis", flush=True)
            try:
                results.append(run_scenario(n, f"{PG}/{name}", REDIS, Path(tmp) / f"pg-{n}"))
            finally:
                psql(f"DROP DATABASE IF EXISTS {name}")
        name = f"{DB_PREFIX}_operations"
        psql(f"DROP DATABASE IF EXISTS {name}")
        psql(f"CREATE DATABASE {name}")
        print("scenario: monthly operations aggregation on PostgreSQL", flush=True)
        try:
            operations = run_operations(f"{PG}/{name}", Path(tmp) / "pg-operations")
        finally:
            psql(f"DROP DATABASE IF EXISTS {name}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / datetime.date.today().isoformat()
    stem.with_suffix(".json").write_text(json.dumps({"machine": machine, "conditions": conditions,
                                                     "results": results, "operations": operations}, indent=2))
    summary = markdown(results, machine, conditions, operations)
    stem.with_suffix(".md").write_text(summary)
    print(summary)


if __name__ == "__main__":
    main()
