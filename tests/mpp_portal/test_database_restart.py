"""A database restart: /healthz says 503 while it is away and 200 again once it is back,
without restarting the web process."""
import json
import urllib.error
import urllib.request

import pytest
from django.db import connection

from tests.processes import ROOT, TcpProxy, child_env, free_port, running, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def healthz(port: int) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.skipif(not connection.settings_dict["ENGINE"].endswith("postgresql"),
                    reason="needs a PostgreSQL server to cut off (the SQLite run has no server)")
def test_healthz_reports_the_outage_and_the_web_process_recovers(tmp_path):
    s = connection.settings_dict
    proxy = TcpProxy(s["HOST"] or "127.0.0.1", int(s["PORT"] or 5432)).start()
    port = free_port()
    env = child_env(
        DATABASE_URL=f"postgres://{s['USER']}@127.0.0.1:{proxy.port}/{s['NAME']}",
        GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=1, VAR_DIR=tmp_path / "var",
    )
    command = ["gunicorn", "--config", str(ROOT / "gunicorn.conf.py")]
    try:
        with running(command, env, tmp_path / "web.log"):
            wait_for(lambda: healthz(port)[0] == 200, timeout=60, what="the web process to be healthy")
            proxy.cut()
            status, body = wait_for(lambda: (r := healthz(port))[0] == 503 and r, timeout=30,
                                    what="healthz to report the outage")
            assert body["database"] == "unavailable"
            proxy.restore()
            status, body = wait_for(lambda: (r := healthz(port))[0] == 200 and r, timeout=30,
                                    what="healthz to recover")
            assert body["database"] == "ok"
    finally:
        proxy.cut()
