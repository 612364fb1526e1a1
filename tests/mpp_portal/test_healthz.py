import os
import subprocess
import sys

import pytest

from tests.processes import ROOT


@pytest.mark.django_db
def test_it_reports_database_and_broker_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] in ("ok", "unavailable")


def test_it_answers_503_when_the_database_is_down():
    # A real server process whose database does not answer (nothing listens on port 1).
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, json.loads(r.content)['database'])"
    )
    env = dict(os.environ, DATABASE_URL="postgres://postgres@127.0.0.1:1/nope",
               DJANGO_SETTINGS_MODULE="mpp_portal.settings", ALLOWED_HOSTS="testserver")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.split() == ["503", "unavailable"], result.stderr[-2000:]
