"""Shared fixtures: the registry, and named actors so permission tests read naturally."""
import os
import socket
from urllib.parse import urlparse

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from mpp_portal.access import Role
from mpp_portal.accounts import demo_user_ensure, officer_regions_set

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PASSWORD = "kata-sandi-uji-123"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "celery_worker"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test that uses the database through a fixture, so pytest-django sets it up and orders
    it. Every transactional test also gets serialized rollback: it restores the rows migrations seed
    (roles, targets, categories) after its flush, and mixing serialized and plain transactional tests
    would clash on recreated content types."""
    for item in items:
        names = set(item.fixturenames)
        marker = item.get_closest_marker("django_db")
        wants_transactions = bool(TRANSACTIONAL_FIXTURES & names)
        if marker is None and ("registry" in names or wants_transactions):
            marker = pytest.mark.django_db(transaction=wants_transactions).mark
        if marker is None:
            continue
        kwargs = dict(marker.kwargs)
        if kwargs.get("transaction") or wants_transactions:
            kwargs.update(transaction=True, serialized_rollback=True)
        item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


def service_reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def require_service(url: str, default_port: int, what: str) -> None:
    """Skip when a real service is absent on a developer's machine; under CI it must be there."""
    if service_reachable(url, default_port):
        return
    if IN_CI:
        pytest.fail(f"{what} at {url} is required under CI but is not reachable")
    pytest.skip(f"{what} at {url} is not reachable")


@pytest.fixture
def redis_url():
    require_service(TEST_REDIS_URL, 6379, "Redis")
    return TEST_REDIS_URL


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A transactional test's flush and restore can renumber content types; never trust the old cache.
    ContentType.objects.clear_cache()
    cache.clear()
    # Rendered public pages kept per web process, by run id: a rolled-back test may reuse a run id.
    from dashboards.views import _PUBLIC_PAGES

    _PUBLIC_PAGES.clear()
    yield
    cache.clear()
    _PUBLIC_PAGES.clear()
    # An English page request leaves its language active in this thread; the next test starts in Indonesian.
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The whole registry, loaded once per test session: 38 provinces, 514 kab/kota."""
    with django_db_blocker.unblock():
        call_command("load_regions", stdout=open(os.devnull, "w"))


@pytest.fixture
def registry(request):
    """The registry under whichever database fixture the test uses (a transactional test flushes it)."""
    from regions.models import Region

    wants_transactions = {"transactional_db", "live_server", "celery_worker"} & set(request.fixturenames)
    request.getfixturevalue("transactional_db" if wants_transactions else "db")
    if not Region.objects.exists():
        call_command("load_regions", stdout=open(os.devnull, "w"))


def _actor(username, role, codes=()):
    user, _generated = demo_user_ensure(username=username, role=role, password=PASSWORD, full_name=username)
    if codes:
        officer_regions_set(user=user, region_codes=list(codes))
    return user


@pytest.fixture
def admin_user(registry):
    return _actor("admin-uji", Role.ADMIN)


@pytest.fixture
def second_admin(registry):
    return _actor("admin-kedua", Role.ADMIN)


@pytest.fixture
def analyst(registry):
    """A ministry analyst (staf Kementerian PANRB)."""
    return _actor("analis", Role.STAFF)


@pytest.fixture
def verifier(registry):
    """A ministry verifier: staff given the verifier role by an admin."""
    return _actor("verifikator", Role.VERIFIER)


@pytest.fixture
def batu_officer(registry):
    """The DPMPTSP officer of Kota Batu (35.79)."""
    return _actor("petugas-batu", Role.OFFICER, ["35.79"])


@pytest.fixture
def malang_officer(registry):
    """An officer of another region: Kota Malang (35.73)."""
    return _actor("petugas-malang", Role.OFFICER, ["35.73"])


@pytest.fixture
def api():
    return APIClient()


def client_for(user):
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def api_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real Celery worker process on the configured broker (filesystem by default, Redis when REDIS_URL
    is set), sharing the test database. Tasks sent from the test with ``.delay()`` run there."""
    from django.conf import settings

    from tests.processes import child_env, running, wait_for

    if settings.CELERY_BROKER_URL.startswith("redis"):
        require_service(settings.CELERY_BROKER_URL, 6379, "Redis")
    log = tmp_path / "worker.log"
    command = ["celery", "--app", "mpp_portal", "worker", "--loglevel", "INFO", "--concurrency", "1",
               "--without-heartbeat", "--without-gossip", "--without-mingle"]
    with running(command, child_env(), log) as proc:
        wait_for(lambda: b"ready." in log.read_bytes(), timeout=60, what="the Celery worker to start")
        yield proc
        assert proc.poll() is None, log.read_text()[-2000:]


@pytest.fixture
def east_java_coordinator(registry):
    """The provincial coordinator (Biro Organisasi) of Jawa Timur (35): Kota Batu and Kota Malang are in it."""
    from mpp_portal.accounts import coordinator_provinces_set

    user = _actor("biro-jatim", Role.COORDINATOR)
    coordinator_provinces_set(user=user, province_codes=["35"])
    return user


@pytest.fixture
def central_java_coordinator(registry):
    """The provincial coordinator of Jawa Tengah (33)."""
    from mpp_portal.accounts import coordinator_provinces_set

    user = _actor("biro-jateng", Role.COORDINATOR)
    coordinator_provinces_set(user=user, province_codes=["33"])
    return user
