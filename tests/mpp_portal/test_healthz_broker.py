"""/healthz writes to the broker's queue: a broker that answers but cannot take a message is unavailable.
Both brokers are tried in every pass: the embedded filesystem broker and Redis."""
import pytest
import redis

from mpp_portal.celery import app as celery_app
from mpp_portal.views import HEALTH_QUEUE


@pytest.fixture(params=["filesystem", "redis"])
def broker(request, tmp_path):
    """Point the app's broker at one kind; give back a function that makes its queue unwritable."""
    saved = celery_app.conf.broker_url, dict(celery_app.conf.broker_transport_options)
    if request.param == "filesystem":
        queue = tmp_path / "queue"
        queue.mkdir()
        celery_app.conf.broker_url = "filesystem://"
        celery_app.conf.broker_transport_options = {"data_folder_in": str(queue), "data_folder_out": str(queue)}

        def break_queue():
            blocker = tmp_path / "queue-is-a-file"
            blocker.write_text("not a folder")
            celery_app.conf.broker_transport_options = {"data_folder_in": str(queue), "data_folder_out": str(blocker)}
        cleanup = None
    else:
        url = request.getfixturevalue("redis_url")
        celery_app.conf.broker_url = url
        celery_app.conf.broker_transport_options = {}
        client = redis.Redis.from_url(url)

        def break_queue():
            # A key of the wrong type where the queue's list lives: Redis answers PING but refuses the LPUSH.
            client.set(HEALTH_QUEUE, "not a list")

        def cleanup():
            client.delete(HEALTH_QUEUE)
        cleanup()
    yield break_queue
    if cleanup:
        cleanup()
    celery_app.conf.broker_url, celery_app.conf.broker_transport_options = saved


@pytest.mark.django_db
def test_healthz_says_ok_when_a_message_can_be_written_to_the_queue(client, broker):
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_says_the_broker_is_unavailable_when_its_queue_cannot_be_written(client, broker):
    broker()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "broker": "unavailable"}
