"""A real headless Chromium for browser journeys against pytest-django's live server."""
import importlib
import os
from pathlib import Path

import pytest

from tests.conftest import IN_CI, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the journeys after every other test. Each one flushes the database behind the live server, and
    in this suite the rows migrations seed (targets, content types) do not come back for the transactional
    tests that would follow."""
    here = Path(__file__).parent
    items.sort(key=lambda item: Path(str(item.path)).is_relative_to(here))


def require_chromium() -> None:
    """Skip on a developer's machine without Chromium; under CI it must be there."""
    if CHROMIUM.exists():
        return
    if IN_CI:
        pytest.fail(f"Chromium at {CHROMIUM} is required under CI")
    pytest.skip(f"Chromium at {CHROMIUM} is not installed")


@pytest.fixture(scope="module")
def chromium():
    """One browser per module: launching costs more than a fresh context per test."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright keeps an event loop running in this thread; the journeys still set up and check data
    # through the ORM between page steps, which Django would otherwise refuse inside a running loop.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shot():
    """Save a screenshot of a journey's step to tests/artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str, *, full_page: bool = True) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def log_in(page, user, password: str = PASSWORD) -> None:
    """Sign in through the login form, as a person would."""
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(user.username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()
    assert "/masuk/" not in page.url, page.locator("main").inner_text()


@pytest.fixture
def seeded_targets(transactional_db):
    """The 2024 targets the migrations seed, seeded again the migration's own way (idempotent): after an
    earlier transactional test's flush they are only back if serialized rollback restored them."""
    from django.apps import apps

    importlib.import_module("dashboards.migrations.0002_seed_targets").seed(apps, None)
