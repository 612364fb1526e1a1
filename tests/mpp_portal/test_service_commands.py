"""No Docker engine runs here, so the docker-compose services' own commands are run natively:
gunicorn serves the portal, a Celery worker on Redis completes a task, and beat starts its schedule."""
import json
import urllib.request
from pathlib import Path

import pytest
import yaml
from celery import Celery

from tests.processes import ROOT, child_env, free_port, running, wait_for

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def compose_command(service: str) -> list[str]:
    return COMPOSE["services"][service]["command"]


def production_env(redis: str, tmp_path: Path, **extra) -> dict:
    return child_env(DEBUG="false", SECRET_KEY="s" * 60, ALLOWED_HOSTS="127.0.0.1", REDIS_URL=redis,
                     CELERY_RESULT_BACKEND=redis, SECURE_SSL_REDIRECT="false", VAR_DIR=tmp_path / "var",
                     **extra)


@pytest.mark.integration
def test_the_web_service_command_serves_healthz(transactional_db, redis_url, tmp_path):
    port = free_port()
    env = production_env(redis_url, tmp_path, GUNICORN_BIND=f"127.0.0.1:{port}")
    with running(compose_command("web"), env, tmp_path / "web.log"):
        def healthy():
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return response.status == 200 and json.loads(response.read())
        body = wait_for(healthy, timeout=60, what="gunicorn to answer /healthz")
    assert body == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.integration
def test_the_worker_service_command_completes_a_task_from_redis(transactional_db, redis_url, tmp_path):
    log = tmp_path / "worker.log"
    with running(compose_command("worker"), production_env(redis_url, tmp_path), log):
        wait_for(lambda: b"ready." in log.read_bytes(), timeout=60, what="the worker to start")
        # Not the current app: shared tasks sent later in this process (other tests) must keep using the
        # portal's app and its configured broker, not this client's Redis.
        client = Celery("test-client", broker=redis_url, backend=redis_url, set_as_current=False)
        result = client.send_task("mpp_portal.ping")
        assert result.get(timeout=60) == "pong"


@pytest.mark.integration
def test_the_beat_service_command_starts_its_schedule(transactional_db, redis_url, tmp_path):
    log = tmp_path / "beat.log"
    with running(compose_command("beat"), production_env(redis_url, tmp_path), log) as proc:
        wait_for(lambda: b"beat: Starting" in log.read_bytes(), timeout=60, what="beat to start")
        assert proc.poll() is None, log.read_text()


def test_make_run_starts_the_same_commands_as_docker_compose():
    procfile = dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line)
    assert procfile["web"].split() == compose_command("web")
    assert procfile["worker"].split() == compose_command("worker")
    assert procfile["beat"].split() == compose_command("beat")
