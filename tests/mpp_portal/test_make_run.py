"""`make run` on a fresh machine with no configuration: DEBUG off with branded error pages, static files
from whitenoise, the demo populated, and its processes supervised — a killed worker or beat comes back
while the web server keeps answering."""
import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.processes import ROOT, wait_for

pytestmark = [pytest.mark.integration]
# Settings a developer's shell may carry; a fresh machine has none of them.
CONFIGURATION = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "SECRET_KEY", "DEBUG",
                 "ALLOWED_HOSTS", "LOCAL_HTTP", "CELERY_RESULT_BACKEND", "MEDIA_ROOT")


def _port() -> int:
    """A port no one holds now: the kernel's pick."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, *, language=None):
    request = urllib.request.Request(url, headers={"Cookie": f"django_language={language}"} if language else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def _serving(base) -> bool:
    try:
        return _get(base + "/healthz")[0] == 200
    except OSError:
        return False


@pytest.fixture
def make_run(tmp_path):
    port = _port()
    var = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if k not in CONFIGURATION}
    env.update(VAR_DIR=str(var), PORT=str(port), DEMO_PASSWORD="sandi-demo-panjang-1", PYTHONUNBUFFERED="1")
    log = tmp_path / "make-run.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        # Stop waiting as soon as `make run` has exited (a failed set-up step): its log says why.
        wait_for(lambda: proc.poll() is not None or _serving(base), timeout=900, interval=1,
                 what=f"make run to serve (log: {log})")
        assert proc.poll() is None, log.read_text()[-3000:]
        yield base, var / "supervisor.json", proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _pids(state_path) -> dict:
    return json.loads(state_path.read_text())["processes"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def test_make_run_serves_with_debug_off_and_supervises_its_processes(make_run):
    base, state_path, _proc = make_run
    # DEBUG is off: a missing page is the branded 404 in the reader's language, never the debug page.
    status, headers, body = _get(base + "/halaman-yang-tidak-ada/")
    assert status == 404
    assert "Halaman tidak ditemukan" in body and 'lang="id"' in body
    assert "URLconf" not in body and "Traceback" not in body
    status, _headers, body = _get(base + "/halaman-yang-tidak-ada/", language="en")
    assert status == 404 and 'lang="en"' in body and "URLconf" not in body
    status, headers, body = _get(base + "/api/tidak-ada/")
    assert status == 404 and headers["Content-Type"] == "application/json" and json.loads(body)["detail"]
    status, _headers, body = _get(base + "/ringkasan/")
    assert status == 200
    stylesheet = body.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert _get(base + stylesheet)[0] == 200, stylesheet

    # A killed worker, then a killed beat, come back; the web server answers throughout.
    answers, done = [], threading.Event()

    def keep_asking():
        while not done.is_set():
            answers.append(_get(base + "/ping")[0])
            time.sleep(0.1)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        for name in ("worker", "beat"):
            old = _pids(state_path)[name]
            os.killpg(old, signal.SIGKILL)
            new = wait_for(lambda: (pid := _pids(state_path).get(name)) not in (None, old) and _alive(pid) and pid,  # noqa: B023 (called within the iteration)
                           timeout=60, what=f"the {name} to be restarted")
            assert new != old and not _alive(old)
    finally:
        done.set()
        asker.join()
    assert len(answers) > 10
    assert set(answers) == {200}
    assert _get(base + "/healthz")[0] == 200


def test_stopping_make_run_stops_every_process(make_run):
    _base, state_path, proc = make_run
    pids = list(_pids(state_path).values())
    assert len(pids) == 3 and all(_alive(pid) for pid in pids)
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    wait_for(lambda: not any(_alive(pid) for pid in pids), timeout=30, what="every process to stop")
