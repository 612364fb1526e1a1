"""/healthz writes to the broker's queue: a broker that answers but cannot take a message is unavailable."""
import pytest

from mpp_portal.celery import app as celery_app


@pytest.fixture
def unwritable_queue(tmp_path, settings):
    if not settings.CELERY_BROKER_URL.startswith("filesystem://"):
        pytest.skip("the embedded filesystem broker; on Redis the same write is made to a list")
    blocker = tmp_path / "queue-is-a-file"
    blocker.write_text("not a folder")
    options = dict(celery_app.conf.broker_transport_options)
    celery_app.conf.broker_transport_options = options | {"data_folder_out": str(blocker)}
    yield
    celery_app.conf.broker_transport_options = options


@pytest.mark.django_db
def test_healthz_says_ok_when_a_message_can_be_written_to_the_queue(client):
    body = client.get("/healthz").json()
    assert body["broker"] == "ok"


@pytest.mark.django_db
def test_healthz_says_the_broker_is_unavailable_when_its_queue_cannot_be_written(client, unwritable_queue):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "broker": "unavailable"}
